import type { SendResult } from "@/lib/messaging/providers/types";

/**
 * The HTTP-status part of the error mapping every email client shares. Provider-specific codes
 * (an invalid address, a throttling name) are checked by each client before falling back to this.
 */

export type SendFailure = Extract<SendResult, { ok: false }>;

type FailureDetails = { message: string; providerCode?: string | number };

export function failureFromStatus(status: number | undefined, details: FailureDetails): SendFailure {
  const base = { ...details, ...(status === undefined ? {} : { status }) };
  // No status means the request never got an answer (refused, reset, timeout): the provider is down.
  if (status === undefined || status >= 500)
    return { ok: false, kind: "server_error", retryable: true, ...base };
  // Not retryable on this provider, but the sender fails over: another provider's credentials may work.
  if (status === 401 || status === 403) return { ok: false, kind: "auth_failed", retryable: false, ...base };
  if (status === 429) return { ok: false, kind: "rate_limited", retryable: true, ...base };
  return { ok: false, kind: "rejected", retryable: false, ...base };
}

export function invalidRecipient(status: number | undefined, details: FailureDetails): SendFailure {
  return {
    ok: false,
    kind: "invalid_recipient",
    retryable: false,
    ...details,
    ...(status === undefined ? {} : { status }),
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
