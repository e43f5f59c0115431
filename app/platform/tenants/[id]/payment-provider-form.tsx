"use client";
// The Payments card's override picker on the tenant page's Plan & limits tab. Only rendered for
// roles with "billing.write"; the action checks the permission again on the server.

import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/select";
import { setTenantPaymentProviderAction } from "./payment-provider-actions";

type Choice = "auto" | "stripe" | "paystack";

const providerNames = { stripe: "Stripe", paystack: "Paystack" } as const;

const toChoice = (value: string): Choice => (value === "stripe" || value === "paystack" ? value : "auto");

export function PaymentProviderForm({
  tenantId,
  current,
  currency,
  byCurrency,
}: {
  tenantId: string;
  /** The saved override; null is automatic. */
  current: "stripe" | "paystack" | null;
  currency: string;
  /** What automatic picks for this hotel's currency, for the option's label. */
  byCurrency: "stripe" | "paystack";
}) {
  const saved: Choice = current ?? "auto";
  const [choice, setChoice] = React.useState<Choice>(saved);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();

  const save = () =>
    startTransition(async () => {
      const outcome = readOutcome(
        await setTenantPaymentProviderAction({ tenantId, provider: choice === "auto" ? null : choice }),
      );
      if (outcome.ok) {
        setError(null);
        toast.success("Saved the payment provider");
        return;
      }
      setError(outcome.fieldErrors.provider ?? outcome.message);
    });

  return (
    <div className="space-y-3">
      {error ? <FormError>{error}</FormError> : null}
      <div className="flex flex-wrap items-end gap-2">
        <FormField id="payment-provider" label="Payment provider" className="w-72">
          <NativeSelect
            value={choice}
            disabled={pending}
            onChange={(e) => setChoice(toChoice(e.target.value))}
            options={[
              {
                value: "auto",
                label: `Automatic by currency (${providerNames[byCurrency]} for ${currency})`,
              },
              { value: "stripe", label: "Stripe" },
              { value: "paystack", label: "Paystack" },
            ]}
          />
        </FormField>
        <Button onClick={save} loading={pending} disabled={choice === saved}>
          Save
        </Button>
      </div>
    </div>
  );
}
