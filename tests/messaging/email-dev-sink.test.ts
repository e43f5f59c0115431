import { describe, expect, it } from "vitest";
import { createDevSinkEmailProvider } from "@/lib/messaging/email/dev-sink";
import type { EmailMessage } from "@/lib/messaging/providers/types";

describe("dev-sink email provider", () => {
  it("stores the message and returns the store's id as the provider message id", async () => {
    const stored: EmailMessage[] = [];
    const provider = createDevSinkEmailProvider({
      store: async (message) => {
        stored.push(message);
        return `outbox-${stored.length}`;
      },
    });
    const message = { to: "guest@example.com", subject: "Hi", text: "Hello", idempotencyKey: "msg-1" };
    expect(await provider.send(message)).toEqual({ ok: true, providerMessageId: "outbox-1" });
    expect(stored).toEqual([message]);
    expect(await provider.testConnection()).toEqual({ ok: true });
    expect(provider.kind).toBe("dev-sink");
  });
});
