"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { useBillingForm } from "@/components/billing/use-billing-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updateBillingSettingsAction } from "./actions";

type Values = {
  draftGraceHours: string;
  paymentTermsDays: string;
  reminderDays: string;
  pastDueAfterDays: string;
  suspendAfterDays: string;
};

const fields: ReadonlyArray<{ key: keyof Values; label: string; hint: string; numeric: boolean }> = [
  {
    key: "draftGraceHours",
    label: "Draft grace (hours)",
    hint: "Late usage still lands on a draft this long after its period ends",
    numeric: true,
  },
  { key: "paymentTermsDays", label: "Payment terms (days)", hint: "From issue to due date", numeric: true },
  {
    key: "reminderDays",
    label: "Reminders (days after due)",
    hint: "Comma-separated, e.g. 1, 3, 7",
    numeric: false,
  },
  {
    key: "pastDueAfterDays",
    label: "Past due after (days)",
    hint: "Overdue this long: the hotel becomes past due",
    numeric: true,
  },
  {
    key: "suspendAfterDays",
    label: "Suspend after (days)",
    hint: "Overdue this long: the hotel is suspended",
    numeric: true,
  },
];

/** The billing settings: draft grace, payment terms and the dunning schedule. Read-only without billing.write. */
export function BillingSettingsForm({ initial, canWrite }: { initial: Values; canWrite: boolean }) {
  const router = useRouter();
  const [values, setValues] = React.useState(initial);
  const { pending, errors, message, run } = useBillingForm();
  const id = React.useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    run(
      () => updateBillingSettingsAction(values),
      () => {
        toast.success("Billing settings saved");
        router.refresh();
      },
    );
  };

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Billing settings">
      {message ? <FormError>{message}</FormError> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => (
          <FormField
            key={f.key}
            id={`${id}-${f.key}`}
            label={f.label}
            hint={f.hint}
            error={errors[f.key] ?? errors[`${f.key}.0`]}
            required
          >
            <Input
              inputMode={f.numeric ? "numeric" : "text"}
              value={values[f.key]}
              disabled={!canWrite}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
            />
          </FormField>
        ))}
      </div>
      {canWrite ? (
        <Button type="submit" loading={pending} className="justify-self-start">
          Save settings
        </Button>
      ) : null}
    </form>
  );
}
