import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { queueWelcomeEmail } from "@/lib/messaging/welcome-email";

/**
 * A new hotel's owner gets one welcome email. Inngest runs this once per tenant (`idempotency`);
 * the outbox's dedupe key keeps it to one email where that is not honoured (the embedded runner).
 */
export const sendWelcomeEmailFn = inngest.createFunction(
  {
    id: "send-welcome-email",
    name: "Send welcome email",
    triggers: [events["tenant/tenant.created"]],
    idempotency: "event.data.tenantId",
    retries: 4,
  },
  async ({ event, step }) => {
    return step.run("queue-welcome-email", async () =>
      queueWelcomeEmail(await getDb(), {
        tenantId: event.data.tenantId,
        ownerUserId: event.data.ownerUserId,
      }),
    );
  },
);
