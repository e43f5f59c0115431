"use client";

import { LoaderCircle, TriangleAlert } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
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
import { actionErrorMessage } from "@/lib/action-errors";
import { formatMoney } from "@/lib/money";
import { limitWording } from "@/lib/plans/limit-keys";
import type { PlanChangePreviewView } from "@/lib/plans/preview-plan-change";
import type { BillingInterval } from "@/lib/plans/schemas";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils";
import { changePlanAction, previewPlanChangeAction } from "./actions";

export type ChangePlanTarget = {
  code: string;
  name: string;
  currency: string;
  monthlyPriceMinor: number;
  yearlyPriceMinor: number;
};

type PreviewState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; preview: PlanChangePreviewView };

const intervals: BillingInterval[] = ["monthly", "yearly"];

/**
 * The owner picks an interval for `plan`, sees what the change does to the next invoice (credit
 * for unused time, charge for the new plan, net, new period) and any limits that block it, then
 * confirms. The server recomputes everything on confirm; this preview is for reading only.
 */
export function ChangePlanDialog({
  plan,
  current,
  timeZone,
  locale,
  trigger,
}: {
  plan: ChangePlanTarget;
  current: { planCode: string | null; interval: BillingInterval };
  timeZone: string;
  locale: string;
  trigger: React.ReactNode;
}) {
  const isCurrentPlan = plan.code === current.planCode;
  const initialInterval: BillingInterval = isCurrentPlan
    ? current.interval === "monthly"
      ? "yearly"
      : "monthly"
    : current.interval;
  const [open, setOpen] = React.useState(false);
  const [billing, setBilling] = React.useState<BillingInterval>(initialInterval);
  const [state, setState] = React.useState<PreviewState>({ status: "loading" });
  const [pending, startTransition] = React.useTransition();
  const [error, setError] = React.useState<string | null>(null);
  const money = (minor: number) => formatMoney(minor, plan.currency, locale);

  React.useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setState({ status: "loading" });
    previewPlanChangeAction({ toPlanCode: plan.code, toInterval: billing }).then(
      (result) => {
        if (cancelled) return;
        const message = actionErrorMessage(result);
        if (message || !result?.data) setState({ status: "error", message: message ?? "No preview." });
        else setState({ status: "ready", preview: result.data });
      },
      () => {
        if (!cancelled) setState({ status: "error", message: "Could not load the preview. Try again." });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, plan.code, billing]);

  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) {
      setBilling(initialInterval);
      setError(null);
    }
    setOpen(next);
  };

  const confirm = () => {
    setError(null);
    startTransition(async () => {
      const result = await changePlanAction({ toPlanCode: plan.code, toInterval: billing });
      const message = actionErrorMessage(result);
      if (message) {
        setError(message);
        return;
      }
      toast.success(`You are now on ${plan.name}, billed ${billing}.`);
      setOpen(false);
    });
  };

  const preview = state.status === "ready" ? state.preview : null;
  const blocked = (preview?.blockedBy.length ?? 0) > 0;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-lg" hideClose={pending}>
        <DialogHeader>
          <DialogTitle>
            {isCurrentPlan ? `Change how ${plan.name} is billed` : `Change to ${plan.name}`}
          </DialogTitle>
          <DialogDescription>
            The change applies now. What you already paid for the rest of this period is credited, and the new
            plan is charged for it, on your next invoice.
          </DialogDescription>
        </DialogHeader>

        <fieldset>
          <legend className="mb-2 text-sm font-medium text-zinc-800">Billing</legend>
          <div className="grid grid-cols-2 gap-2">
            {intervals.map((i) => {
              const same = isCurrentPlan && i === current.interval;
              const price = i === "yearly" ? plan.yearlyPriceMinor : plan.monthlyPriceMinor;
              return (
                <label
                  key={i}
                  className={cn(
                    "flex cursor-pointer flex-col rounded-lg border px-3 py-2 text-sm",
                    billing === i ? "border-brand-500 ring-1 ring-brand-500" : "border-zinc-200",
                    same && "cursor-not-allowed opacity-50",
                  )}
                >
                  <span className="flex items-center gap-2 font-medium">
                    <input
                      type="radio"
                      name="interval"
                      value={i}
                      className="accent-brand-600"
                      checked={billing === i}
                      disabled={same || pending}
                      onChange={() => setBilling(i)}
                    />
                    {i === "monthly" ? "Monthly" : "Yearly"}
                  </span>
                  <span className="pl-5 text-zinc-600 tabular-nums">
                    {money(price)} / {i === "monthly" ? "month" : "year"}
                    {same ? " · current" : ""}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>

        <section aria-live="polite" aria-busy={state.status === "loading"} className="min-h-24">
          {state.status === "loading" ? (
            <p className="flex items-center gap-2 text-sm text-zinc-500">
              <LoaderCircle className="size-4 animate-spin" aria-hidden /> Working out the cost…
            </p>
          ) : state.status === "error" ? (
            <FormError>{state.message}</FormError>
          ) : (
            <PreviewDetails
              preview={state.preview}
              money={money}
              when={(iso) => formatDateTime(new Date(iso), timeZone, locale)}
            />
          )}
        </section>

        {error ? <FormError>{error}</FormError> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={confirm} loading={pending} disabled={!preview || blocked}>
            Confirm change
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function PreviewDetails({
  preview,
  money,
  when,
}: {
  preview: PlanChangePreviewView;
  money: (minor: number) => string;
  when: (iso: string) => string;
}) {
  if (preview.blockedBy.length > 0) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="flex items-center gap-2 font-medium">
          <TriangleAlert className="size-4" aria-hidden /> {preview.toPlanName} is too small for you right now
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {preview.blockedBy.map((b) => (
            <li key={b.limit}>
              You have {limitWording[b.limit].quantity(b.used)}; {preview.toPlanName} allows{" "}
              {limitWording[b.limit].amount(b.newLimit)}.
            </li>
          ))}
        </ul>
        <p className="mt-2">Reduce your usage first, then change plan.</p>
      </div>
    );
  }
  const period = preview.newPeriod;
  return (
    <div className="space-y-3 text-sm">
      {preview.notProratedReason ? (
        <p className="rounded-md bg-zinc-50 px-3 py-2 text-zinc-700">{preview.notProratedReason}</p>
      ) : (
        <table className="w-full">
          <caption className="sr-only">Adjustments on your next invoice</caption>
          <tbody className="divide-y divide-zinc-100">
            {preview.lines.map((line) => (
              <tr key={line.kind}>
                <td className="py-1.5 pr-3 text-zinc-700">{line.description}</td>
                <td
                  className={cn(
                    "py-1.5 text-right whitespace-nowrap tabular-nums",
                    line.amountMinor < 0 ? "text-emerald-700" : "text-zinc-900",
                  )}
                >
                  {money(line.amountMinor)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-zinc-200 font-medium">
              <td className="pt-2 pr-3">
                {preview.netMinor < 0 ? "Credit on your next invoice" : "Added to your next invoice"}
              </td>
              <td className="pt-2 text-right whitespace-nowrap tabular-nums">
                {money(Math.abs(preview.netMinor))}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {period ? (
        <p className="text-zinc-600">
          {preview.periodChanges ? "Your new billing period: " : "Your billing period stays: "}
          <span className="text-zinc-900">
            {when(period.start)} – {when(period.end)}
          </span>
        </p>
      ) : null}
    </div>
  );
}
