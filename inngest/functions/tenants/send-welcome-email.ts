import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { systemActor } from "@/lib/audit/actor";
import { grantPendingTrialCredits } from "@/lib/credits/service";
import { AppError } from "@/lib/errors";
import { sendWelcomeEmail } from "@/lib/messaging/notify/welcome";

/**
 * A new hotel: its trial SMS credits move into the pool (before any guest notification can need
 * them), then the owner gets one welcome email. Inngest runs this once per tenant
 * (`idempotency`); both steps are idempotent themselves for where that is not honoured.
 */
export const sendWelcomeEmailFn = inngest.createFunction(
  {
    id: "send-welcome-email",
    name: "Welcome a new hotel",
    triggers: [events["tenant/tenant.created"]],
    idempotency: "event.data.tenantId",
    retries: 4,
  },
  async ({ event, step }) => {
    const credits = await step.run("grant-trial-credits", async () => {
      const change = await grantPendingTrialCredits(await getDb(), {
        tenantId: event.data.tenantId,
        actor: systemActor("send-welcome-email"),
      }).catch((error: unknown) => {
        // A tenant deleted before this ran has nothing to grant; the email step says so too.
        if (error instanceof AppError && error.code === "NOT_FOUND") return null;
        throw error;
      });
      return { granted: change && !change.replayed ? change.entry.delta : 0 };
    });
    const email = await step.run("send-welcome-email", async () =>
      sendWelcomeEmail(await getDb(), {
        tenantId: event.data.tenantId,
        ownerUserId: event.data.ownerUserId,
      }),
    );
    return { ...email, trialCreditsGranted: credits.granted };
  },
);
