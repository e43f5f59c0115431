// Twilio as it behaves at its fastest: a proxy in front of the Twilio fake that, once the fake has
// accepted a message, runs `whileInFlight` (which posts status callbacks to our route) before it
// answers the send. The send path is then still waiting for Twilio's answer, as in production when
// a callback beats the API response.
import { POST } from "@/app/api/webhooks/twilio/route";
import { listenLocal, readText } from "@/tests/fakes/http";
import { signedStatusCallback, type TwilioFake } from "@/tests/fakes/twilio";

type Status = Parameters<typeof signedStatusCallback>[0]["status"];

/** A message Twilio has accepted but not yet told us about: its SID and where its callbacks go. */
export type InFlight = { sid: string; statusCallback: string };

export type CallbackAnswer = { status: number; outcome: string; reason: string | null };

export type InFlightTwilio = {
  url: string;
  /** Runs between the fake accepting a send and the answer reaching the sender; null: answer at once. */
  whileInFlight: ((accepted: InFlight) => Promise<void>) | null;
  close(): Promise<void>;
};

export async function startInFlightTwilio(fake: TwilioFake): Promise<InFlightTwilio> {
  const proxy: InFlightTwilio = { url: "", whileInFlight: null, close: async () => undefined };
  const server = await listenLocal(async (req, res) => {
    const raw = await readText(req);
    const upstream = await fetch(`${fake.url}${req.url ?? "/"}`, {
      method: req.method ?? "GET",
      headers: {
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(req.headers["content-type"] ? { "content-type": req.headers["content-type"] } : {}),
      },
      ...(req.method === "POST" ? { body: raw } : {}),
    });
    const text = await upstream.text();
    const statusCallback = new URLSearchParams(raw).get("StatusCallback");
    if (upstream.status === 201 && statusCallback && proxy.whileInFlight) {
      const { sid } = JSON.parse(text) as { sid: string };
      await proxy.whileInFlight({ sid, statusCallback });
    }
    res.writeHead(upstream.status, { "content-type": "application/json" });
    res.end(text);
  });
  proxy.url = server.url;
  proxy.close = server.close;
  return proxy;
}

/**
 * Posts a callback as Twilio would: signed over the public callback URL, arriving at an internal
 * address with the same path and query (behind a proxy).
 */
export async function postCallback(input: {
  statusCallback: string;
  sid: string;
  status: Status;
  authToken: string;
  errorCode?: string;
}): Promise<CallbackAnswer> {
  const { params, signature } = signedStatusCallback({
    authToken: input.authToken,
    url: input.statusCallback,
    messageSid: input.sid,
    status: input.status,
    errorCode: input.errorCode,
  });
  const publicUrl = new URL(input.statusCallback);
  const res = await POST(
    new Request(`http://10.0.0.7:8080${publicUrl.pathname}${publicUrl.search}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params).toString(),
    }),
  );
  const body = (await res.json()) as { outcome: string; reason: string | null };
  return { status: res.status, ...body };
}
