"use client";

import * as React from "react";
import type { Refusable } from "@/components/hotel/refusal";
import { validationMessages } from "@/lib/action-errors";

type ActionResult<T> = { data?: Refusable<T>; serverError?: unknown; validationErrors?: unknown } | undefined;

export type BillingOutcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      /** Messages by dotted field path ("amount", "lines.2.unitPrice"). */
      errors: Record<string, string>;
    };

/** One shape for every way a billing action answers: data, a refusal as data, zod's errors, or a server error. */
export function readBillingOutcome<T>(result: ActionResult<T>): BillingOutcome<T> {
  if (!result) return { ok: false, message: "No answer from the server. Please try again.", errors: {} };
  if (result.data?.ok) return { ok: true, data: result.data.data };
  if (result.data && !result.data.ok) {
    const { refusal } = result.data;
    return {
      ok: false,
      message: refusal.message,
      errors: refusal.field ? { [refusal.field]: refusal.message } : {},
    };
  }
  const errors: Record<string, string> = {};
  let formLevel: string | null = null;
  for (const m of validationMessages(result.validationErrors)) {
    if (m.path) errors[m.path] ??= m.message;
    else formLevel ??= m.message;
  }
  if (Object.keys(errors).length > 0) {
    return { ok: false, message: formLevel ?? "Please correct the fields marked below.", errors };
  }
  const message =
    typeof result.serverError === "string"
      ? result.serverError
      : (formLevel ?? "Something went wrong. Please try again.");
  return { ok: false, message, errors };
}

/** Pending state, errors by field path and the form's message around one server action call. */
export function useBillingForm() {
  const [pending, startTransition] = React.useTransition();
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [message, setMessage] = React.useState<string | null>(null);

  const reset = React.useCallback(() => {
    setErrors({});
    setMessage(null);
  }, []);

  const run = React.useCallback(
    <T>(action: () => Promise<ActionResult<T>>, onSuccess: (data: T) => void) => {
      startTransition(async () => {
        let outcome: BillingOutcome<T>;
        try {
          outcome = readBillingOutcome(await action());
        } catch {
          outcome = readBillingOutcome<T>(undefined);
        }
        if (outcome.ok) {
          reset();
          onSuccess(outcome.data);
          return;
        }
        setErrors(outcome.errors);
        setMessage(outcome.message);
      });
    },
    [reset],
  );

  return { pending, errors, message, reset, run };
}
