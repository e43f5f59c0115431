import type { SendResult, SmsMessage, SmsProvider } from "@/lib/messaging/providers/types";

/**
 * The embedded/dev SMS provider: nothing leaves the machine, the message is stored (in the outbox
 * table, once it exists) so the console shows every SMS that would have gone out. The store is
 * injected to keep this module free of the database.
 */

export type DevSinkSmsConfig = {
  /** Persists the message and returns its id, which becomes the provider message id. */
  store: (message: SmsMessage) => Promise<string>;
};

export function createDevSinkSmsProvider(config: DevSinkSmsConfig): SmsProvider {
  return {
    kind: "dev-sink",
    async send(message: SmsMessage): Promise<SendResult> {
      const id = await config.store(message);
      return { ok: true, providerMessageId: id };
    },
    async testConnection() {
      return { ok: true };
    },
  };
}
