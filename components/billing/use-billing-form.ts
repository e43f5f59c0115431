"use client";

import * as React from "react";
import { type Outcome, readOutcome } from "@/components/hotel/refusal";

type ActionResult<T> = Parameters<typeof readOutcome<T>>[0];

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
        let outcome: Outcome<T>;
        try {
          outcome = readOutcome(await action());
        } catch {
          outcome = readOutcome<T>(undefined);
        }
        if (outcome.ok) {
          reset();
          onSuccess(outcome.data);
          return;
        }
        setErrors(outcome.pathErrors);
        setMessage(outcome.message);
      });
    },
    [reset],
  );

  return { pending, errors, message, reset, run };
}
