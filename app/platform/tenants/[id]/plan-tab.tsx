import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PAYSTACK_CURRENCIES } from "@/lib/billing/payments/provider-for";
import {
  describePaymentProvider,
  type PaymentProviderDescription,
} from "@/lib/billing/payments/provider-override";
import { formatMoney } from "@/lib/money";
import type { Plan } from "@/lib/plans/queries";
import type { LimitUsage } from "@/lib/plans/usage";
import type { Tenant } from "@/lib/tenants/queries";
import { cn } from "@/lib/utils";
import { PaymentProviderForm } from "./payment-provider-form";

/**
 * The hotel's plan, who takes its payments, and how much of each limit it uses. Changing the plan
 * lives with the plans; the payment provider override is set here by "billing.write" roles.
 */
export function PlanTab({
  tenant,
  plan,
  usage,
  canSetPaymentProvider,
}: {
  tenant: Tenant;
  plan: Plan | null;
  usage: readonly LimitUsage[];
  canSetPaymentProvider: boolean;
}) {
  const price = plan
    ? tenant.billingInterval === "yearly"
      ? `${formatMoney(plan.yearlyPriceMinor, plan.currency)} / year`
      : `${formatMoney(plan.monthlyPriceMinor, plan.currency)} / month`
    : null;
  return (
    <div className="grid items-start gap-4 lg:grid-cols-[1fr_1.4fr]">
      <div className="space-y-4">
        <Card>
          <CardHeader>
            <CardTitle>{plan?.name ?? "No plan"}</CardTitle>
            <CardDescription>
              {plan?.description || "Everything is unlimited without a plan."}
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-2 text-sm">
            {plan ? (
              <>
                <p className="text-lg font-semibold text-zinc-900" data-numeric>
                  {price}
                </p>
                <p className="text-zinc-600">
                  {plan.includedSms.toLocaleString("en")} SMS included per period, then{" "}
                  {formatMoney(plan.smsOveragePriceMinor, plan.currency)} each.
                </p>
                {plan.features.length > 0 ? (
                  <p className="text-zinc-600">Features: {plan.features.join(", ")}</p>
                ) : null}
                <p className="text-zinc-600">
                  Trial end:{" "}
                  {plan.trialEndAction === "activate" ? "activates with a payment method" : "suspends"}.
                </p>
              </>
            ) : null}
            <p className="pt-2 text-[13px] text-zinc-500">
              Plan changes (with proration) are made by the hotel's owner on its Plan page, or from{" "}
              <Link href="/platform/plans" className="text-brand-700 hover:underline">
                Plans
              </Link>
              .
            </p>
          </CardContent>
        </Card>
        <PaymentsCard tenant={tenant} canEdit={canSetPaymentProvider} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Limits</CardTitle>
          <CardDescription>Usage against the plan's limits, counted now.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {usage.map((u) => (
            <UsageBar key={u.key} usage={u} />
          ))}
        </CardContent>
      </Card>
    </div>
  );
}

const providerNames = { stripe: "Stripe", paystack: "Paystack" } as const;

/** One sentence: who takes the payments and why, or why the test checkout stands in. */
function paymentSentence(d: PaymentProviderDescription, currency: string): string {
  const name = providerNames[d.chosen];
  const why = d.source === "override" ? "set by an admin" : `chosen by currency ${currency.toUpperCase()}`;
  return d.configured
    ? `${name}, ${why}.`
    : `Test checkout: ${name} keys are not configured (${name} ${why}).`;
}

function PaymentsCard({ tenant, canEdit }: { tenant: Tenant; canEdit: boolean }) {
  const description = describePaymentProvider(tenant);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Payments</CardTitle>
        <CardDescription>
          Paystack takes {[...PAYSTACK_CURRENCIES].join(", ")} hotels, Stripe the rest, unless an admin picks
          one.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <p className="flex flex-wrap items-center gap-2 text-zinc-800">
          {paymentSentence(description, tenant.currency)}
          {description.configured ? null : <Badge variant="warning">Test mode</Badge>}
        </p>
        {canEdit ? (
          <PaymentProviderForm
            tenantId={tenant.id}
            current={tenant.paymentProvider}
            currency={tenant.currency.toUpperCase()}
            byCurrency={description.byCurrency}
          />
        ) : null}
      </CardContent>
    </Card>
  );
}

function UsageBar({ usage }: { usage: LimitUsage }) {
  const pct =
    usage.limit === null || usage.limit === 0
      ? usage.limit === 0 && usage.used > 0
        ? 100
        : 0
      : Math.min(100, (usage.used / usage.limit) * 100);
  const tone = pct >= 100 ? "bg-red-500" : pct >= 80 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-zinc-800">{usage.label}</span>
        <span className="tabular-nums text-zinc-600">
          {usage.counted ? usage.used.toLocaleString("en") : "—"} /{" "}
          {usage.limit === null ? "Unlimited" : usage.limit.toLocaleString("en")}
        </span>
      </div>
      {/* The numbers above say it in words; the bar is decoration. */}
      <div className="h-2 overflow-hidden rounded-full bg-zinc-100" aria-hidden>
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${pct}%` }} />
      </div>
      {!usage.counted ? (
        <p className="text-xs text-zinc-500">Not counted yet: the module that owns it is not installed.</p>
      ) : null}
    </div>
  );
}
