// POST /api/webhooks/twilio?messageId=…&attempt=…: Twilio delivery status callbacks,
// signature-checked against the auth token of the provider that sent (or is sending) the message.
// 200 applied/ignored, 400 bad body or id, 403 bad signature, 404 unknown message, 409 a callback
// of an earlier attempt or provider while a new one is in flight; all recorded (lib/messaging/delivery).
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { handleTwilioCallback } from "@/lib/messaging/delivery/twilio-callback";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  // The raw form body: the signature covers the exact parameters Twilio posted.
  const rawBody = await req.text();
  const result = await handleTwilioCallback(await getDb(), {
    url: req.url,
    signature: req.headers.get("x-twilio-signature"),
    rawBody,
  });
  return NextResponse.json({ outcome: result.outcome, reason: result.reason }, { status: result.status });
}
