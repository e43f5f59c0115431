"use client";

import * as React from "react";
import { type Outcome, type Refusable, readOutcome } from "./refusal";

type ActionResult<T> = { data?: Refusable<T>; serverError?: unknown; validationErrors?: unknown } | undefined;

/**
 * The state every hotel dialog needs around one server action: pending, errors by field, and the
 * sentence for the top of the form. An error on a field the form shows goes under that field; any
 * other (a plan limit, a stale booking) goes to the top with its refusal, for FormAlert.
 */
export function useActionForm<TField extends string>(fields: readonly TField[]) {
  const [pending, startTransition] = React.useTransition();
  const [errors, setErrors] = React.useState<Partial<Record<TField, string>>>({});
  const [alert, setAlert] = React.useState<Extract<Outcome<unknown>, { ok: false }> | null>(null);

  const reset = React.useCallback(() => {
    setErrors({});
    setAlert(null);
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
          setErrors({});
          setAlert(null);
          onSuccess(outcome.data);
          return;
        }
        const known: Partial<Record<TField, string>> = {};
        for (const [field, message] of Object.entries(outcome.fieldErrors)) {
          if ((fields as readonly string[]).includes(field)) known[field as TField] = message;
        }
        setErrors(known);
        // A refusal about a field already sits under it; only zod's several errors get a summary.
        const onFields = Object.keys(known).length > 0;
        setAlert(onFields ? (outcome.refusal ? null : { ...outcome }) : { ...outcome });
      });
    },
    [fields],
  );

  return { pending, errors, alert, reset, run, setErrors };
}
