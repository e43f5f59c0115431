// Failover: try each provider in order until one takes the message. A provider that is down,
// throttling, refusing our credentials or this message (`retryable`, auth_failed, rejected) hands
// over to the next; an invalid recipient stops here, since no provider can reach that address.
import type { SendResult } from "@/lib/messaging/providers/types";
import type { ProviderCandidate } from "./providers-for";
import { takeSendSlot } from "./throttle";

type ProviderRowLike = { id: string; name: string; kind: string; throttlePerSecond: number };
type Failure = Extract<SendResult, { ok: false }>;

export type AttemptRecord = { providerId: string; kind: string; name: string; result: SendResult };

export type DeliveryOutcome<Row extends ProviderRowLike> =
  | { ok: true; candidate: ProviderCandidate<Row>; providerMessageId: string; tried: AttemptRecord[] }
  | { ok: false; candidate: ProviderCandidate<Row> | null; error: string; tried: AttemptRecord[] };

export function shouldFailOver(failure: Failure): boolean {
  if (failure.kind === "invalid_recipient") return false;
  return failure.retryable || failure.kind === "auth_failed" || failure.kind === "rejected";
}

function describe(record: AttemptRecord): string {
  const { result } = record;
  if (result.ok) return `${record.name}: sent`;
  const code = result.providerCode === undefined ? "" : ` (${result.providerCode})`;
  return `${record.name}: ${result.kind}${code}: ${result.message}`;
}

/**
 * Sends through `candidates` in order. `send` builds the client and sends; a throw (a provider row
 * whose credentials no longer open, an SDK bug) counts as a retryable failure of that provider.
 * `beforeSend` runs right before each provider call (after its throttle); it is not a provider
 * failure when it throws (a database error), so its error ends the delivery.
 */
export async function deliverWithFailover<Row extends ProviderRowLike>(
  candidates: readonly ProviderCandidate<Row>[],
  send: (candidate: ProviderCandidate<Row>) => Promise<SendResult>,
  opts: { beforeSend?: (candidate: ProviderCandidate<Row>) => Promise<void> } = {},
): Promise<DeliveryOutcome<Row>> {
  const tried: AttemptRecord[] = [];
  if (candidates.length === 0) {
    return { ok: false, candidate: null, error: "No provider is configured for this channel.", tried };
  }
  let last: ProviderCandidate<Row> | null = null;
  for (const candidate of candidates) {
    last = candidate;
    const { row } = candidate;
    // The dev-sink stores locally: there is no provider rate to respect.
    if (row.kind !== "dev-sink") await takeSendSlot(row.id, row.throttlePerSecond);
    await opts.beforeSend?.(candidate);
    let result: SendResult;
    try {
      result = await send(candidate);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { ok: false, kind: "unknown", retryable: true, message };
    }
    tried.push({ providerId: row.id, kind: row.kind, name: row.name, result });
    if (result.ok) return { ok: true, candidate, providerMessageId: result.providerMessageId, tried };
    if (!shouldFailOver(result)) break;
  }
  return { ok: false, candidate: last, error: tried.map(describe).join("; "), tried };
}
