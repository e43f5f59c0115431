import type { EmailMessage, EmailProvider, SendResult } from "@/lib/messaging/providers/types";

/**
 * The embedded/dev email provider: nothing leaves the machine, the message is stored (in the
 * outbox) so the console shows every email that would have gone out. The store is injected to keep
 * this module free of the database, as the SMS dev-sink does.
 */

export type DevSinkEmailConfig = {
  /** Persists the message and returns its id, which becomes the provider message id. */
  store: (message: EmailMessage) => Promise<string>;
};

export function createDevSinkEmailProvider(config: DevSinkEmailConfig): EmailProvider {
  return {
    kind: "dev-sink",
    async send(message: EmailMessage): Promise<SendResult> {
      const id = await config.store(message);
      return { ok: true, providerMessageId: id };
    },
    async testConnection() {
      return { ok: true };
    },
  };
}
