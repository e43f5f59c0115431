"use client";

import { Undo2 } from "lucide-react";
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

  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) {
      setAmount(payment.refundable);
      setReason("");
      reset();
    }
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    run(
      () => refundPaymentAction({ invoiceId, paymentId: payment.id, amount, reason }),
      () => {
        toast.success("Refund recorded");
        setOpen(false);
        router.refresh();
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Refund ${payment.label}`}>
          <Undo2 aria-hidden /> Refund
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md" hideClose={pending}>
        <DialogHeader>
          <DialogTitle>Refund {payment.label}</DialogTitle>
          <DialogDescription>
            Up to {payment.refundable} {payment.currency}. Record it once the money has gone back to the
            hotel.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Refund payment">
          {message ? <FormError>{message}</FormError> : null}
          <FormField
            id={`${id}-amount`}
            label={`Amount (${payment.currency})`}
            error={errors.amount}
            required
          >
            <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </FormField>
          <FormField id={`${id}-reason`} label="Reason" error={errors.reason} required>
            <Textarea rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" loading={pending}>
              Record refund
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
