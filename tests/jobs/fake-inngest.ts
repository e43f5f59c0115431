import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
};

/**
 * A stand-in for the Inngest dev server's event API on 127.0.0.1 (random port): records every
 * request and answers event sends the way Inngest does, `{ ids, status: 200 }`.
 */
export async function startFakeInngest(): Promise<{
  url: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  let sent = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (req.method === "POST" && req.url?.startsWith("/e/")) {
        const parsed: unknown = JSON.parse(body);
        const count = Array.isArray(parsed) ? parsed.length : 1;
        const ids = Array.from({ length: count }, () => `fake-${++sent}`);
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ids, status: 200 }));
        return;
      }
      res.writeHead(404, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
