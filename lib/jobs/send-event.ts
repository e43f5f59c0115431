import "server-only";
import { z } from "zod";
import { inngest } from "@/inngest/client";
import { eventSchemas, isEventName, type OutgoingEvent } from "@/inngest/events";
import { inngestConfigured } from "@/lib/env";
import { dispatchEmbedded, type EmbeddedEventInput } from "./embedded-runner";

export { drainEmbeddedRunner } from "./embedded-runner";

const envelopeSchema = z.object({
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  // Inngest accepts ids up to a few hundred characters; it dedupes on them for 24 h.
  id: z.string().min(1).max(255).optional(),
  ts: z.number().int().positive().optional(),
});

/** Checks each event's name and payload against `eventSchemas`; throws on the first bad one. */
function validate(input: unknown): EmbeddedEventInput[] {
  const list: unknown[] = Array.isArray(input) ? input : [input];
  return list.map((raw) => {
    const envelope = envelopeSchema.parse(raw);
    if (!isEventName(envelope.name)) {
      throw new Error(`sendEvent: unknown event "${envelope.name}"; add it to inngest/events.ts`);
    }
    const schema: z.ZodType<Record<string, unknown>> = eventSchemas[envelope.name];
    return { ...envelope, data: schema.parse(envelope.data) };
  });
}

/**
 * The app's one way to emit events. With Inngest configured (INNGEST_*), they go to Inngest;
 * otherwise the embedded runner starts the matching functions in this process and this returns
 * without waiting for them. Send after the transaction that caused the event has committed.
 * An `id` makes the send idempotent: the same id within 24 h starts nothing new.
 */
export async function sendEvent(event: OutgoingEvent | OutgoingEvent[]): Promise<{ ids: string[] }> {
  return sendUncheckedEvent(event);
}

/** `sendEvent` for payloads whose type is not known statically (e.g. `step.sendEvent`); same validation. */
export async function sendUncheckedEvent(input: unknown): Promise<{ ids: string[] }> {
  const events = validate(input);
  if (events.length === 0) return { ids: [] };
  if (inngestConfigured()) {
    const { ids } = await inngest.send(events);
    return { ids };
  }
  // Imported lazily: functions call lib services, which may call sendEvent.
  const { functions } = await import("@/inngest/functions");
  return { ids: dispatchEmbedded(functions, events) };
}
