"use client";

import { Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { useBillingForm } from "@/components/billing/use-billing-form";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { refundPaymentAction } from "../actions";

/** Records money given back against one payment: at most what is left of it; the invoice reopens. */
export function RefundDialog({
  invoiceId,
  payment,
}: {
  invoiceId: string;
  /** `refundable` is what is left to refund, in major units, as the field's default. */
  payment: { id: string; label: string; currency: string; refundable: string };
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [amount, setAmount] = React.useState(payment.refundable);
  const [reason, setReason] = React.useState("");
  const { pending, errors, message, reset, run } = useBillingForm();
  const id = React.useId();

  const submit = () =>
    run(
      () => refundPaymentAction({ invoiceId, paymentId: payment.id, amount, reason }),
      () => {
        toast.success("Refund recorded");
        setOpen(false);
        router.refresh();
      },
    );

  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Refund ${payment.label}`}>
          <Undo2 aria-hidden /> Refund
        </Button>
      }
      title={`Refund ${payment.label}`}
      description={`Up to ${payment.refundable} ${payment.currency}. Record it once the money has gone back to the hotel.`}
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setAmount(payment.refundable);
        setReason("");
        reset();
      }}
      pending={pending}
      message={message}
      formLabel="Refund payment"
      submitLabel="Record refund"
      submitVariant="destructive"
      onSubmit={submit}
      className="max-w-md"
    >
      <FormField id={`${id}-amount`} label={`Amount (${payment.currency})`} error={errors.amount} required>
        <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </FormField>
      <FormField id={`${id}-reason`} label="Reason" error={errors.reason} required>
        <Textarea rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </FormField>
    </FormDialog>
  );
}
