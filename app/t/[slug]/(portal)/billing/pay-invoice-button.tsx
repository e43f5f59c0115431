"use client";

import { CreditCard } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { Button } from "@/components/ui/button";
import { payInvoiceAction } from "./actions";

/** Starts the checkout for an open invoice; on success the action redirects to the provider. */
export function PayInvoiceButton({
  invoiceId,
  number,
  size = "sm",
}: {
  invoiceId: string;
  number: string;
  size?: "sm" | "md";
}) {
  const [pending, startTransition] = React.useTransition();
  const pay = () =>
    startTransition(async () => {
      const outcome = readOutcome(await payInvoiceAction({ invoiceId }));
      if (!outcome.ok) toast.error(outcome.message);
    });
  return (
    <Button size={size} onClick={pay} loading={pending} aria-label={`Pay invoice ${number}`}>
      <CreditCard aria-hidden /> Pay now
    </Button>
  );
}
