"use client";

import { Banknote } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { useBillingForm } from "@/components/billing/use-billing-form";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { manualPaymentMethods } from "@/lib/billing/payments/schemas";
import { recordPaymentAction } from "../actions";
import { paymentMethodLabels } from "../schemas";

type Method = (typeof manualPaymentMethods)[number];

/** Money received outside Hearth (bank transfer, cash…) against this invoice; partial payments add up. */
export function RecordPaymentDialog({
  invoice,
}: {
  invoice: { id: string; number: string; currency: string; balance: string; today: string };
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [amount, setAmount] = React.useState(invoice.balance);
  const [method, setMethod] = React.useState<Method>("bank_transfer");
  const [reference, setReference] = React.useState("");
  const [receivedOn, setReceivedOn] = React.useState(invoice.today);
  const [note, setNote] = React.useState("");
  const { pending, errors, message, reset, run } = useBillingForm();
  const id = React.useId();

  const submit = () =>
    run(
      () => recordPaymentAction({ invoiceId: invoice.id, amount, method, reference, receivedOn, note }),
      (data) => {
        toast.success(data.replayed ? "That payment was already recorded" : "Payment recorded");
        setOpen(false);
        router.refresh();
      },
    );

  return (
    <FormDialog
      trigger={
        <Button>
          <Banknote aria-hidden /> Record payment
        </Button>
      }
      title={`Record a payment on ${invoice.number}`}
      description={`Money received outside Hearth. ${invoice.balance} ${invoice.currency} is outstanding.`}
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setAmount(invoice.balance);
        setMethod("bank_transfer");
        setReference("");
        setReceivedOn(invoice.today);
        setNote("");
        reset();
      }}
      pending={pending}
      message={message}
      formLabel="Record payment"
      submitLabel="Record payment"
      onSubmit={submit}
      className="max-w-lg"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${id}-amount`} label={`Amount (${invoice.currency})`} error={errors.amount} required>
          <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </FormField>
        <FormField id={`${id}-date`} label="Received on" error={errors.receivedOn} required>
          <Input
            type="date"
            value={receivedOn}
            max={invoice.today}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </FormField>
      </div>
      <FormField id={`${id}-method`} label="Method" error={errors.method} required>
        <NativeSelect
          value={method}
          onChange={(e) => setMethod(e.target.value as Method)}
          options={Object.entries(paymentMethodLabels).map(([value, label]) => ({ value, label }))}
        />
      </FormField>
      <FormField
        id={`${id}-reference`}
        label="Reference"
        error={errors.reference}
        hint="The bank or receipt reference; recording it twice keeps one payment"
        required
      >
        <Input
          value={reference}
          maxLength={200}
          onChange={(e) => setReference(e.target.value)}
          autoComplete="off"
        />
      </FormField>
      <FormField id={`${id}-note`} label="Note" labelAside="Optional" error={errors.note}>
        <Textarea rows={2} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </FormField>
    </FormDialog>
  );
}
