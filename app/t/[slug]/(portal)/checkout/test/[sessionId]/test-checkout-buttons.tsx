"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { actionErrorMessage } from "@/lib/action-errors";
import { settleTestCheckoutAction } from "./actions";

type Outcome = "succeeded" | "failed" | "cancelled";

/** Pay / Fail / Cancel: each settles the checkout on the server, then follows it to the result page. */
export function TestCheckoutButtons({ checkoutId, disabled }: { checkoutId: string; disabled: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = React.useTransition();
  const [chosen, setChosen] = React.useState<Outcome | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const settle = (outcome: Outcome) => {
    setError(null);
    setChosen(outcome);
    startTransition(async () => {
      const result = await settleTestCheckoutAction({ checkoutId, outcome });
      const message = actionErrorMessage(result);
      if (message || !result?.data) {
        setError(message ?? "No answer from the server. Please try again.");
        return;
      }
      router.push(result.data.redirectPath);
    });
  };

  const spinner = (outcome: Outcome) =>
    pending && chosen === outcome ? <LoaderCircle className="size-4 animate-spin" aria-hidden /> : null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => settle("succeeded")} disabled={disabled || pending}>
          {spinner("succeeded")}
          Pay (success)
        </Button>
        <Button variant="destructive" onClick={() => settle("failed")} disabled={disabled || pending}>
          {spinner("failed")}
          Fail
        </Button>
        <Button variant="outline" onClick={() => settle("cancelled")} disabled={disabled || pending}>
          {spinner("cancelled")}
          Cancel
        </Button>
      </div>
      {error ? <FormError>{error}</FormError> : null}
    </div>
  );
}
