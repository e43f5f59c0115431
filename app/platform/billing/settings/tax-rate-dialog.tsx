"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { useBillingForm } from "@/components/billing/use-billing-form";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
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

  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) {
      setCountry(rate?.country ?? "");
      setLabel(rate?.label ?? "VAT");
      setRatePercent(rate?.ratePercent ?? "");
      reset();
    }
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    run(
      () => saveTaxRateAction({ mode: rate ? "update" : "create", country, label, ratePercent }),
      (saved) => {
        toast.success(`Tax rate for ${saved.country} saved`);
        setOpen(false);
        router.refresh();
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-md" hideClose={pending}>
        <DialogHeader>
          <DialogTitle>{rate ? `Tax rate for ${rate.country}` : "Add a tax rate"}</DialogTitle>
          <DialogDescription>
            Applies to invoices made from now on for hotels in this country; issued invoices keep their rate.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Tax rate">
          {message ? <FormError>{message}</FormError> : null}
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
          <FormField
            id={`${id}-label`}
            label="Name"
            error={errors.label}
            hint="Printed on the invoice"
            required
          >
            <Input value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
          </FormField>
          <FormField id={`${id}-rate`} label="Rate (%)" error={errors.ratePercent} hint="e.g. 7.5" required>
            <Input inputMode="decimal" value={ratePercent} onChange={(e) => setRatePercent(e.target.value)} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save rate
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
