"use client";

import { Plus, Trash2 } from "lucide-react";
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
import { createManualInvoiceAction } from "./actions";

type Line = { key: number; description: string; quantity: string; unitPrice: string };

const blankLine = (key: number): Line => ({ key, description: "", quantity: "1", unitPrice: "" });

/**
 * Bill a hotel by hand: lines with a description, a quantity and a unit price in the hotel's
 * currency (major units; negative for a discount). Issued at once as an open invoice and emailed.
 */
export function NewInvoiceDialog({ hotels }: { hotels: ReadonlyArray<{ value: string; label: string }> }) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [tenantId, setTenantId] = React.useState("");
  const [lines, setLines] = React.useState<Line[]>([blankLine(0)]);
  const [dueDate, setDueDate] = React.useState("");
  const [memo, setMemo] = React.useState("");
  const nextKey = React.useRef(1);
  const { pending, errors, message, reset, run } = useBillingForm();
  const id = React.useId();

  const setLine = (key: number, patch: Partial<Line>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = () =>
    run(
      () =>
        createManualInvoiceAction({
          tenantId,
          lines: lines.map(({ description, quantity, unitPrice }) => ({ description, quantity, unitPrice })),
          dueDate,
          memo,
        }),
      (invoice) => {
        toast.success(`Invoice ${invoice.number} issued`);
        setOpen(false);
        router.push(`/platform/billing/invoices/${invoice.id}`);
      },
    );

  const lineError = (i: number) =>
    errors[`lines.${i}.description`] ?? errors[`lines.${i}.quantity`] ?? errors[`lines.${i}.unitPrice`];

  return (
    <FormDialog
      trigger={
        <Button>
          <Plus aria-hidden /> New manual invoice
        </Button>
      }
      title="New manual invoice"
      description="Issued straight away and emailed to the hotel. Prices are in the hotel's billing currency; tax follows its country's rate."
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setTenantId("");
        setLines([blankLine(0)]);
        setDueDate("");
        setMemo("");
        reset();
      }}
      pending={pending}
      message={message}
      formLabel="New manual invoice"
      submitLabel="Issue invoice"
      onSubmit={submit}
      className="max-w-2xl"
    >
      <FormField id={`${id}-tenant`} label="Hotel" error={errors.tenantId} required>
        <NativeSelect
          value={tenantId}
          onChange={(e) => setTenantId(e.target.value)}
          placeholder="Choose a hotel"
          options={hotels}
        />
      </FormField>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-zinc-900">Lines</legend>
        {errors.lines ? <p className="text-[13px] font-medium text-red-600">{errors.lines}</p> : null}
        {lines.map((line, i) => {
          const error = lineError(i);
          return (
            <div key={line.key} className="grid gap-1">
              <div className="grid grid-cols-[1fr_5rem_8rem_auto] items-center gap-2">
                <Input
                  aria-label={`Line ${i + 1} description`}
                  aria-invalid={errors[`lines.${i}.description`] ? true : undefined}
                  placeholder="Description"
                  value={line.description}
                  maxLength={300}
                  onChange={(e) => setLine(line.key, { description: e.target.value })}
                />
                <Input
                  aria-label={`Line ${i + 1} quantity`}
                  aria-invalid={errors[`lines.${i}.quantity`] ? true : undefined}
                  inputMode="numeric"
                  value={line.quantity}
                  onChange={(e) => setLine(line.key, { quantity: e.target.value })}
                />
                <Input
                  aria-label={`Line ${i + 1} unit price`}
                  aria-invalid={errors[`lines.${i}.unitPrice`] ? true : undefined}
                  inputMode="decimal"
                  placeholder="0.00"
                  value={line.unitPrice}
                  onChange={(e) => setLine(line.key, { unitPrice: e.target.value })}
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove line ${i + 1}`}
                  disabled={lines.length === 1}
                  onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}
                >
                  <Trash2 aria-hidden />
                </Button>
              </div>
              {error ? (
                <p role="alert" className="text-[13px] font-medium text-red-600">
                  Line {i + 1}: {error}
                </p>
              ) : null}
            </div>
          );
        })}
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="justify-self-start"
          disabled={lines.length >= 100}
          onClick={() => {
            setLines((all) => [...all, blankLine(nextKey.current)]);
            nextKey.current += 1;
          }}
        >
          <Plus aria-hidden /> Add line
        </Button>
      </fieldset>

      <FormField
        id={`${id}-due`}
        label="Due date"
        labelAside="Optional"
        hint="Leave empty for the usual payment terms"
        error={errors.dueDate}
      >
        <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      </FormField>
      <FormField
        id={`${id}-memo`}
        label="Memo"
        labelAside="Optional"
        error={errors.memo}
        hint="Printed on the invoice"
      >
        <Textarea rows={2} value={memo} maxLength={2000} onChange={(e) => setMemo(e.target.value)} />
      </FormField>
    </FormDialog>
  );
}
