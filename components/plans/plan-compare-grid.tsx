import { Check, Minus } from "lucide-react";
import type * as React from "react";
import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import { limitKeys, limitWording, planLimit } from "@/lib/plans/limit-keys";
import type { Plan } from "@/lib/plans/queries";
import { cn } from "@/lib/utils";

const featureLabel = (key: string) => key.replace(/[_.-]+/g, " ").replace(/^\w/, (c) => c.toUpperCase());

/**
 * Plans side by side: prices, included SMS, limits and every feature any of them has (so a missing
 * one shows as a dash). `action` renders the button under each plan, e.g. "Change plan".
 */
export function PlanCompareGrid({
  plans,
  currentPlanId,
  action,
}: {
  plans: readonly Plan[];
  currentPlanId: string | null;
  action?: (plan: Plan) => React.ReactNode;
}) {
  const features = [...new Set(plans.flatMap((p) => p.features))].sort();
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {plans.map((plan) => {
        const current = plan.id === currentPlanId;
        return (
          <section
            key={plan.id}
            aria-label={plan.name}
            className={cn(
              "flex flex-col rounded-xl border bg-white p-5 shadow-xs",
              current ? "border-brand-500 ring-1 ring-brand-500" : "border-zinc-200",
            )}
          >
            <div className="flex items-start justify-between gap-2">
              <h3 className="text-base font-semibold text-zinc-900">{plan.name}</h3>
              {current ? <Badge>Current plan</Badge> : null}
            </div>
            {plan.description ? <p className="mt-1 text-sm text-zinc-500">{plan.description}</p> : null}
            <p className="mt-4 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">
              {formatMoney(plan.monthlyPriceMinor, plan.currency)}
              <span className="text-sm font-normal text-zinc-500"> / month</span>
            </p>
            <p className="text-sm text-zinc-500 tabular-nums">
              or {formatMoney(plan.yearlyPriceMinor, plan.currency)} / year
            </p>
            <ul className="mt-4 space-y-1.5 text-sm text-zinc-700">
              <li>
                {plan.includedSms.toLocaleString("en")} SMS included per period, then{" "}
                {formatMoney(plan.smsOveragePriceMinor, plan.currency)} each
              </li>
              {limitKeys.map((key) => {
                const max = planLimit(plan.limits, key);
                const words = limitWording[key];
                return (
                  <li key={key}>
                    {max === null ? words.unlimited.replace(/^u/, "U") : `Up to ${words.quantity(max)}`}
                  </li>
                );
              })}
            </ul>
            {features.length > 0 ? (
              <ul className="mt-4 space-y-1.5 border-t border-zinc-100 pt-4 text-sm">
                {features.map((f) => {
                  const has = plan.features.includes(f);
                  return (
                    <li
                      key={f}
                      className={cn("flex items-center gap-2", has ? "text-zinc-800" : "text-zinc-400")}
                    >
                      {has ? (
                        <Check className="size-4 text-emerald-600" aria-label="Included" />
                      ) : (
                        <Minus className="size-4" aria-label="Not included" />
                      )}
                      {featureLabel(f)}
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {action ? <div className="mt-auto pt-5">{action(plan)}</div> : null}
          </section>
        );
      })}
    </div>
  );
}
