// Who pays an SMS when the caller does not say. The log row has no payer column, so a retry has to
// reach the same answer from the row alone, and the event is what it has: a platform event's SMS
// (an overdue invoice, a monitoring alert) is the platform writing to its customer, paid by the
// platform; everything else is the hotel's own traffic, paid with its credits.
import { isPlatformEventName } from "@/lib/messaging/templates/schemas";
import type { SmsPayer } from "./types";

export function defaultSmsPayer(event: string): SmsPayer {
  return isPlatformEventName(event) ? "platform" : "tenant";
}
