// Where the dev-sink providers put what they "send": `dev_sink_messages`, the embedded mode's
// outbox. Written on the platform connection (this runs for platform mail too, with no tenant).
import type { Queryable } from "@/db/connect";
import { devSinkMessages } from "@/db/schema";
import type { DevSinkStores } from "@/lib/messaging/providers/factory";

export function devSinkStores(
  db: Queryable,
  opts: { tenantId: string | null; messageId: string },
): DevSinkStores {
  return {
    sms: async (message) => {
      const [row] = await db
        .insert(devSinkMessages)
        .values({
          tenantId: opts.tenantId,
          channel: "sms",
          to: message.to,
          from: message.from ?? null,
          body: message.body,
          messageId: opts.messageId,
        })
        .returning({ id: devSinkMessages.id });
      if (!row) throw new Error("dev-sink: the SMS was not stored");
      return row.id;
    },
    email: async (message) => {
      const [row] = await db
        .insert(devSinkMessages)
        .values({
          tenantId: opts.tenantId,
          channel: "email",
          to: message.to,
          from: message.from ?? null,
          subject: message.subject,
          body: message.text,
          html: message.html ?? null,
          messageId: opts.messageId,
        })
        .returning({ id: devSinkMessages.id });
      if (!row) throw new Error("dev-sink: the email was not stored");
      return row.id;
    },
  };
}
