import { expect, test } from "vitest";
import type { SmsMessage } from "@/lib/messaging/providers/types";
import { createDevSinkSmsProvider } from "@/lib/messaging/sms/dev-sink";

test("dev-sink stores the message and answers ok with the stored id", async () => {
  const stored: SmsMessage[] = [];
  const provider = createDevSinkSmsProvider({
    store: async (message) => {
      stored.push(message);
      return `outbox-${stored.length}`;
    },
  });
  const message = { to: "+2348031234567", body: "Booking confirmed.", from: "Grandview" };

  expect(await provider.send(message)).toEqual({ ok: true, providerMessageId: "outbox-1" });
  expect(stored).toEqual([message]);
  expect(await provider.testConnection()).toEqual({ ok: true });
  expect(provider.kind).toBe("dev-sink");
});
