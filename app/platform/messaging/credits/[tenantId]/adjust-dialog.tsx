"use client";

import { SlidersHorizontal } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { FormAlert } from "@/components/hotel/form-alert";
import { useActionForm } from "@/components/hotel/use-action-form";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { adjustCreditsAction } from "./actions";

const fields = ["delta", "note"] as const;

/**
 * Adds or removes credits by hand, with the reason kept on the ledger and in the audit log. A
 * reference is made once per opening of the dialog, so a double click or a retried request
 * applies the adjustment once.
 */
export function AdjustCreditsDialog({
  tenantId,
  tenantName,
  balance,
}: {
  tenantId: string;
  tenantName: string;
  balance: number;
}) {
  const [open, setOpen] = React.useState(false);
  const [direction, setDirection] = React.useState<"add" | "remove">("add");
  const [amount, setAmount] = React.useState("");
  const [note, setNote] = React.useState("");
  const [reference, setReference] = React.useState("");
  const { pending, errors, alert, reset, run } = useActionForm(fields);
  const id = React.useId();

  const submit = () => {
    const size = amount.trim() === "" ? Number.NaN : Number(amount);
    const delta = direction === "add" ? size : -size;
    run(
      () => adjustCreditsAction({ tenantId, delta, note, reference }),
      (result) => {
        toast.success(`${tenantName} now has ${result.balanceAfter} SMS credits.`);
        setOpen(false);
      },
    );
  };

  return (
    <FormDialog
      trigger={
        <Button>
          <SlidersHorizontal aria-hidden /> Adjust credits
        </Button>
      }
      title="Adjust SMS credits"
      description={`${tenantName} has ${balance} credits. The change and its reason go on the ledger and into the audit log.`}
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setDirection("add");
        setAmount("");
        setNote("");
        setReference(`manual:${crypto.randomUUID()}`);
        reset();
      }}
      pending={pending}
      alert={<FormAlert message={alert?.message ?? null} refusal={alert?.refusal} />}
      formLabel="Adjust credits"
      submitLabel={direction === "add" ? "Add credits" : "Remove credits"}
      onSubmit={submit}
    >
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Direction</legend>
        {(["add", "remove"] as const).map((d) => (
          <label key={d} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-direction`}
              value={d}
              checked={direction === d}
              onChange={() => setDirection(d)}
            />
            {d === "add" ? "Add credits" : "Remove credits"}
          </label>
        ))}
      </fieldset>
      <FormField id={`${id}-delta`} label="Credits" error={errors.delta} required>
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          placeholder="100"
        />
      </FormField>
      <FormField id={`${id}-note`} label="Reason" error={errors.note} required hint="Shown on the ledger.">
        <Textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          rows={3}
          placeholder="Goodwill for the March outage"
        />
      </FormField>
    </FormDialog>
  );
}
