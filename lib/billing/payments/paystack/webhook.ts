import { z } from "zod";
import type { Queryable } from "@/db/connect";
import { handleWebhookOnce, type WebhookOutcome } from "../webhook-events";
import { paystackTransactionSchema } from "./client";
import { settlePaystackTransaction } from "./settle";

export const paystackEventSchema = z.object({ event: z.string(), data: z.record(z.string(), z.unknown()) });
export type PaystackEvent = z.infer<typeof paystackEventSchema>;

/**
 * Applies a verified Paystack webhook once per transaction id (`data.id`; Paystack signs no
 * timestamp, so redeliveries are recognised by it). `charge.success` gives value through the same
 * settlement as the callback page; other events are stored and ignored.
 */
export async function handlePaystackEvent(db: Queryable, event: PaystackEvent): Promise<WebhookOutcome> {
  const id = z.union([z.number(), z.string()]).safeParse(event.data.id);
  const eventId = `${event.event}:${id.success ? String(id.data) : String(event.data.reference ?? "unknown")}`;
  return handleWebhookOnce(
    db,
    { provider: "paystack", eventId, type: event.event, payload: event },
    async () => {
      if (event.event !== "charge.success") return "ignored";
      const settled = await settlePaystackTransaction(db, paystackTransactionSchema.parse(event.data));
      if (settled.outcome === "refused") return { refused: settled.reason };
      return settled.outcome === "succeeded" ? "processed" : "ignored";
    },
  );
}
