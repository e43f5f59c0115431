"use server";
// Console > Billing: "Run billing now". It asks the billing-cycle job to run at once (the event the
// daily cron also answers), rather than invoicing inside this request: the job bills each hotel in
// its own retried step, shows its progress on /platform/jobs, and a long run cannot time out the page.
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { sendEvent } from "@/lib/jobs/send-event";
import { platformAction } from "@/lib/safe-action";

export const runBillingNowAction = platformAction("billing.write")
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    await recordAudit(await getDb(), {
      actor: ctx.actor,
      action: "billing.cycle.request",
      targetType: "billing_cycle",
    });
    // asOf null: the job reads the clock once in its first step and bills every hotel as of then.
    const { ids } = await sendEvent({
      name: "billing/cycle.requested",
      data: { asOf: null, requestedBy: ctx.user.id },
    });
    return { eventIds: ids };
  });
