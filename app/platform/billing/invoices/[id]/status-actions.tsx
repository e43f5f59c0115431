"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { markUncollectibleAction, voidInvoiceAction } from "../actions";

type Change = "void" | "uncollectible";

const copy: Record<
  Change,
  { button: string; title: string; consequences: string[]; confirm: string; done: string }
> = {
  void: {
    button: "Void",
    title: "Void this invoice?",
    consequences: [
      "Nothing is owed on it any more; it stays on record as void.",
      "Its adjustments and on-account purchases are not re-billed: issue a manual invoice if they should be.",
    ],
    confirm: "Void invoice",
    done: "Invoice voided",
  },
  uncollectible: {
    button: "Mark uncollectible",
    title: "Write this invoice off?",
    consequences: ["It stops counting as outstanding or overdue, and stays on record as uncollectible."],
    confirm: "Mark uncollectible",
    done: "Invoice written off",
  },
};

/** Void or write off, each with a required reason that goes to the audit log. */
export function StatusChangeButton({ invoiceId, change }: { invoiceId: string; change: Change }) {
  const router = useRouter();
  const [reason, setReason] = React.useState("");
  const [error, setError] = React.useState<string | undefined>();
  const id = React.useId();
  const text = copy[change];
  return (
    <ConfirmDialog
      trigger={<Button variant={change === "void" ? "outline" : "ghost"}>{text.button}</Button>}
      title={text.title}
      consequences={text.consequences}
      confirmLabel={text.confirm}
      variant="destructive"
      onOpenChange={(open) => {
        if (open) {
          setReason("");
          setError(undefined);
        }
      }}
      onConfirm={async () => {
        const action = change === "void" ? voidInvoiceAction : markUncollectibleAction;
        const outcome = readOutcome(await action({ invoiceId, reason }));
        if (!outcome.ok) {
          setError(outcome.fieldErrors.reason);
          if (outcome.fieldErrors.reason) return false;
          throw new Error(outcome.message);
        }
        toast.success(text.done);
        router.refresh();
      }}
    >
      <FormField id={`${id}-reason`} label="Reason" error={error} hint="Kept in the audit log" required>
        <Textarea rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </FormField>
    </ConfirmDialog>
  );
}
