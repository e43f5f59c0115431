"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { useBillingForm } from "@/components/billing/use-billing-form";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { saveTaxRateAction } from "./actions";

export type TaxRateView = { country: string; label: string; ratePercent: string };

/** Add a country's tax rate, or edit one (the country is then fixed). */
export function TaxRateDialog({ rate, trigger }: { rate?: TaxRateView; trigger: React.ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [country, setCountry] = React.useState(rate?.country ?? "");
  const [label, setLabel] = React.useState(rate?.label ?? "VAT");
  const [ratePercent, setRatePercent] = React.useState(rate?.ratePercent ?? "");
  const { pending, errors, message, reset, run } = useBillingForm();
  const id = React.useId();

  const submit = () =>
    run(
      () => saveTaxRateAction({ mode: rate ? "update" : "create", country, label, ratePercent }),
      (saved) => {
        toast.success(`Tax rate for ${saved.country} saved`);
        setOpen(false);
        router.refresh();
      },
    );

  return (
    <FormDialog
      trigger={trigger}
      title={rate ? `Tax rate for ${rate.country}` : "Add a tax rate"}
      description="Applies to invoices made from now on for hotels in this country; issued invoices keep their rate."
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setCountry(rate?.country ?? "");
        setLabel(rate?.label ?? "VAT");
        setRatePercent(rate?.ratePercent ?? "");
        reset();
      }}
      pending={pending}
      message={message}
      formLabel="Tax rate"
      submitLabel="Save rate"
      onSubmit={submit}
      className="max-w-md"
    >
      <FormField
        id={`${id}-country`}
        label="Country"
        error={errors.country}
        hint="ISO code, e.g. NG"
        required
      >
        <Input
          value={country}
          maxLength={2}
          disabled={Boolean(rate)}
          autoComplete="off"
          className="uppercase"
          onChange={(e) => setCountry(e.target.value)}
        />
      </FormField>
      <FormField id={`${id}-label`} label="Name" error={errors.label} hint="Printed on the invoice" required>
        <Input value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
      </FormField>
      <FormField id={`${id}-rate`} label="Rate (%)" error={errors.ratePercent} hint="e.g. 7.5" required>
        <Input inputMode="decimal" value={ratePercent} onChange={(e) => setRatePercent(e.target.value)} />
      </FormField>
    </FormDialog>
  );
}
