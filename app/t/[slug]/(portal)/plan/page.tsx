// Portal > Plan & usage: the hotel's plan and billing period, how much of each limit it uses, the
// plans it can move to, and adjustments waiting for the next invoice. Owners and managers look;
// owners change plan (with a preview of the proration).

import { PlanCompareGrid } from "@/components/plans/plan-compare-grid";
import { UsageBars } from "@/components/plans/usage-bars";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { formatMoney } from "@/lib/money";
import { getPlanById, listPendingAdjustments, listPublicPlans, type Plan } from "@/lib/plans/queries";
import { getLimitUsage } from "@/lib/plans/usage";
import { formatDateTime } from "@/lib/time";
import { ChangePlanDialog } from "./change-plan-dialog";

export const metadata = { title: "Plan & usage" };

export default async function PlanPage() {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "plan.read");
  const canChange = tenantCan(ctx.role, "plan.change");
  const db = await getDb();
  const [plan, usage, offered, pending] = await Promise.all([
    tenant.planId ? getPlanById(db, tenant.planId) : null,
    getLimitUsage(db, tenant.id),
    listPublicPlans(db, { currency: tenant.currency }),
    listPendingAdjustments(db, tenant.id),
  ]);
  // A private or archived current plan still shows beside the ones on offer.
  const comparable: Plan[] = plan && !offered.some((p) => p.id === plan.id) ? [plan, ...offered] : offered;
  const when = (d: Date) => formatDateTime(d, tenant.timezone, tenant.locale);
  const price = plan
    ? tenant.billingInterval === "yearly"
      ? plan.yearlyPriceMinor
      : plan.monthlyPriceMinor
    : 0;
  const pendingTotal = pending.reduce((sum, a) => sum + a.amountMinor, 0);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Plan & usage"
        description={`What ${tenant.name} pays for and how much of it is in use.`}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Current plan</CardTitle>
            <CardDescription>
              Billed {tenant.billingInterval}, in {tenant.currency}.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {plan ? (
              <>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <p className="text-2xl font-semibold tracking-tight">{plan.name}</p>
                  <p className="text-zinc-600 tabular-nums">
                    {formatMoney(price, plan.currency, tenant.locale)} /{" "}
                    {tenant.billingInterval === "yearly" ? "year" : "month"}
                  </p>
                  {tenant.status === "trial" ? <Badge variant="info">Trial</Badge> : null}
                  {!plan.isActive ? <Badge variant="neutral">No longer offered</Badge> : null}
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
                  {tenant.status === "trial" && tenant.trialEndsAt ? (
                    <>
                      <dt className="text-zinc-500">Trial ends</dt>
                      <dd>{when(tenant.trialEndsAt)}</dd>
                    </>
                  ) : null}
                  <dt className="text-zinc-500">Billing period</dt>
                  <dd>
                    {tenant.currentPeriodStart && tenant.currentPeriodEnd
                      ? `${when(tenant.currentPeriodStart)} – ${when(tenant.currentPeriodEnd)}`
                      : "Starts when your first invoice is issued"}
                  </dd>
                  <dt className="text-zinc-500">SMS included</dt>
                  <dd>
                    {plan.includedSms.toLocaleString("en")} per period, then{" "}
                    {formatMoney(plan.smsOveragePriceMinor, plan.currency, tenant.locale)} each
                  </dd>
                </dl>
              </>
            ) : (
              <p className="text-sm text-zinc-600">You are not on a plan yet. Choose one below.</p>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Usage</CardTitle>
            <CardDescription>What your plan allows and how much of it you use.</CardDescription>
          </CardHeader>
          <CardContent>
            <UsageBars usage={usage} />
          </CardContent>
        </Card>
      </div>

      <section aria-labelledby="compare-plans" className="space-y-3">
        <h2 id="compare-plans" className="text-base font-semibold text-zinc-900">
          Compare plans
        </h2>
        {comparable.length === 0 ? (
          <p className="text-sm text-zinc-500">No plans are offered in {tenant.currency} at the moment.</p>
        ) : (
          <PlanCompareGrid
            plans={comparable}
            currentPlanId={plan?.id ?? null}
            action={(p) => {
              if (!canChange) return null;
              const isCurrent = p.id === plan?.id;
              // Archived plans take no changes, not even of interval; a private one only its own hotel's.
              if (!p.isActive || (!p.isPublic && !isCurrent)) return null;
              const other = tenant.billingInterval === "monthly" ? "yearly" : "monthly";
              return (
                <ChangePlanDialog
                  plan={{
                    code: p.code,
                    name: p.name,
                    currency: p.currency,
                    monthlyPriceMinor: p.monthlyPriceMinor,
                    yearlyPriceMinor: p.yearlyPriceMinor,
                  }}
                  current={{ planCode: plan?.code ?? null, interval: tenant.billingInterval }}
                  timeZone={tenant.timezone}
                  locale={tenant.locale}
                  trigger={
                    <Button variant={isCurrent ? "outline" : "default"} className="w-full">
                      {isCurrent ? `Switch to ${other} billing` : `Change to ${p.name}`}
                    </Button>
                  }
                />
              );
            }}
          />
        )}
        {!canChange ? (
          <p className="text-sm text-zinc-500">Only the hotel&apos;s owner can change the plan.</p>
        ) : null}
      </section>

      <Card>
        <CardHeader>
          <CardTitle>Waiting for your next invoice</CardTitle>
          <CardDescription>Credits and charges from plan changes, added to the next invoice.</CardDescription>
        </CardHeader>
        <CardContent className={pending.length ? "p-0" : undefined}>
          {pending.length === 0 ? (
            <p className="text-sm text-zinc-500">Nothing pending.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
                <tr>
                  <th className="px-5 py-2">Date</th>
                  <th className="px-5 py-2">Description</th>
                  <th className="px-5 py-2 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {pending.map((a) => (
                  <tr key={a.id}>
                    <td className="px-5 py-2 whitespace-nowrap text-zinc-600">{when(a.createdAt)}</td>
                    <td className="px-5 py-2">{a.description}</td>
                    <td
                      className={`px-5 py-2 text-right tabular-nums ${a.amountMinor < 0 ? "text-emerald-700" : ""}`}
                    >
                      {formatMoney(a.amountMinor, a.currency, tenant.locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-zinc-200 font-medium">
                  <td className="px-5 py-2" colSpan={2}>
                    {pendingTotal < 0 ? "Net credit" : "Net charge"}
                  </td>
                  <td className="px-5 py-2 text-right tabular-nums">
                    {formatMoney(Math.abs(pendingTotal), tenant.currency, tenant.locale)}
                  </td>
                </tr>
              </tfoot>
            </table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
