// One attempt at sending a logged message: take the credits (SMS), hand it to the providers with
// failover, record the outcome on the same row. Used by the first send and by retries. No
// database transaction is held across a provider call: the debit commits first, and a failed
// send gives the credits back with a refund under the same reference (once, by the ledger).
// Before each provider call the row names that provider (committed), because its status callback
// can arrive before its API answers us; whatever that callback applied, the outcome write keeps.
import type { Queryable } from "@/db/connect";
import { debitCredits, refundCredits } from "@/lib/credits/service";
import { AppError } from "@/lib/errors";
import { createEmailClient, createSmsClient } from "@/lib/messaging/providers/factory";
import { twilioStatusCallbackUrl } from "./callback-url";
import { deliverWithFailover } from "./deliver";
import { devSinkStores } from "./dev-sink-store";
import { markAttempting, markFailed, markSent, recordCharge } from "./message-log";
import { emailProvidersFor, smsProvidersFor } from "./providers-for";
import { defaultSmsPayer } from "./sms-payer";
import type { MessageRow, SmsPayer } from "./types";

/** Per attempt: a provider that dedupes on it (Resend) must not swallow a retry as a repeat. */
function attemptKey(message: MessageRow): string {
  return `${message.id}:${message.attempts + 1}`;
}

/** Records, before each provider call, which provider is being tried. */
function recordProviderTried(db: Queryable, message: MessageRow) {
  return async ({ row }: { row: { id: string; kind: string } }) =>
    markAttempting(db, message.id, { providerKind: row.kind, providerId: row.id });
}

/** Gives back what `reference` debited; a no-op when it was already refunded. */
export async function refundMessageCredits(
  db: Queryable,
  message: Pick<MessageRow, "tenantId">,
  reference: string,
): Promise<void> {
  if (!message.tenantId) return;
  await refundCredits(db, { tenantId: message.tenantId, debitReference: reference });
}

/**
 * `creditReference` names this attempt's debit: the message id on the first send, a fresh one
 * per retry (the first debit was refunded when that attempt failed). `billTo: "platform"` takes no
 * credits (the row records 0) but still records the provider's cost; omitted (retries, test
 * sends), the payer follows from the message's event.
 */
export async function attemptSms(
  db: Queryable,
  message: MessageRow,
  opts: { creditReference: string; billTo?: SmsPayer },
): Promise<MessageRow> {
  const reference = opts.creditReference;
  const billTo = opts.billTo ?? defaultSmsPayer(message.event);
  const credits = message.tenantId && billTo === "tenant" ? message.segments : 0;
  if (message.tenantId && credits > 0) {
    try {
      await debitCredits(db, { tenantId: message.tenantId, amount: credits, reference });
    } catch (error) {
      if (error instanceof AppError && error.code === "LIMIT_REACHED") {
        return markFailed(db, message.id, { error: error.message, credits: 0, creditReference: null });
      }
      throw error;
    }
  }
  const charged = credits > 0;
  try {
    await recordCharge(db, message.id, { credits, creditReference: charged ? reference : null });
    const candidates = await smsProvidersFor(db, message.tenantId);
    const stores = devSinkStores(db, { tenantId: message.tenantId, messageId: message.id });
    const callback = twilioStatusCallbackUrl(message.id, message.attempts + 1);
    const outcome = await deliverWithFailover(
      candidates,
      ({ row, sender }) =>
        createSmsClient(row, stores, sender).send({
          to: message.recipient,
          body: message.body,
          ...(row.kind === "twilio" ? { statusCallbackUrl: callback } : {}),
          idempotencyKey: attemptKey(message),
        }),
      { beforeSend: recordProviderTried(db, message) },
    );
    if (outcome.ok) {
      const { row } = outcome.candidate;
      return markSent(db, message.id, {
        providerKind: row.kind,
        providerId: row.id,
        providerMessageId: outcome.providerMessageId,
        // The platform pays the provider per segment.
        costMinor: row.costPerMessageMinor * Math.max(message.segments, 1),
        costCurrency: row.costCurrency,
      });
    }
    if (charged) await refundMessageCredits(db, message, reference);
    return markFailed(db, message.id, {
      error: outcome.error,
      providerKind: outcome.candidate?.row.kind ?? null,
      providerId: outcome.candidate?.row.id ?? null,
      credits: 0,
      creditReference: charged ? reference : null,
    });
  } catch (error) {
    // Something broke between the debit and the outcome (the database, most likely): give the
    // credits back before the caller retries, so the retry's debit is not a double charge.
    if (charged) await refundMessageCredits(db, message, reference).catch(() => undefined);
    throw error;
  }
}

export async function attemptEmail(db: Queryable, message: MessageRow): Promise<MessageRow> {
  const candidates = await emailProvidersFor(db, message.tenantId);
  const stores = devSinkStores(db, { tenantId: message.tenantId, messageId: message.id });
  const outcome = await deliverWithFailover(
    candidates,
    ({ row, sender }) =>
      createEmailClient(row, stores, sender).send({
        to: message.recipient,
        subject: message.subject ?? "",
        text: message.body,
        ...(message.html ? { html: message.html } : {}),
        idempotencyKey: attemptKey(message),
        // Echoed back in delivery webhooks.
        tags: { messageId: message.id },
      }),
    { beforeSend: recordProviderTried(db, message) },
  );
  if (outcome.ok) {
    const { row } = outcome.candidate;
    return markSent(db, message.id, {
      providerKind: row.kind,
      providerId: row.id,
      providerMessageId: outcome.providerMessageId,
      costMinor: row.costPerMessageMinor,
      costCurrency: row.costCurrency,
    });
  }
  return markFailed(db, message.id, {
    error: outcome.error,
    providerKind: outcome.candidate?.row.kind ?? null,
    providerId: outcome.candidate?.row.id ?? null,
    credits: 0,
    creditReference: null,
  });
}
