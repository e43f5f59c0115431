// Portal > Billing: the hotel's plan and current period (in its time zone), SMS and plan usage, what
// the next invoice would come to if the period ended now, its invoices with Pay now, and payments.
// Owners and managers read it ("billing.read") and pay ("billing.pay").
import Link from "next/link";
import { formatDay, isOverdue } from "@/components/billing/format";
import { PaymentStatusBadge } from "@/components/billing/invoice-status-badge";
import { invoiceStatusOptions, tenantInvoicesTableConfig } from "@/components/billing/invoices-table/config";
import { PaymentBanner, type PaymentOutcome } from "@/components/billing/payment-banner";
import { SmsUsageMeter } from "@/components/billing/sms-usage-meter";
import { TableHead } from "@/components/billing/table-head";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { UsageBars } from "@/components/plans/usage-bars";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { estimateCurrentCharge } from "@/lib/billing/invoices/estimate";
import { listInvoices } from "@/lib/billing/invoices/queries";
import { invoiceStatusSchema } from "@/lib/billing/invoices/schemas";
import { getCheckoutSummary } from "@/lib/billing/payments";
import { listTenantPayments } from "@/lib/billing/payments/tenant-payments";
import { formatMoney } from "@/lib/money";
import { getPlanById } from "@/lib/plans/queries";
import { getLimitUsage } from "@/lib/plans/usage";
import { TenantInvoicesTable } from "./invoices-table";

export const metadata = { title: "Billing" };

const outcomes = new Set<PaymentOutcome>(["succeeded", "failed", "cancelled", "pending", "unknown"]);
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function BillingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "billing.read");
  const query = await searchParams;
  const db = await getDb();
  const now = new Date();
  const params = parseTableParams(query, tenantInvoicesTableConfig);
  const status = invoiceStatusSchema.safeParse(params.filters.status);
  const outcome = first(query.payment) as PaymentOutcome | undefined;
  const checkoutId = first(query.checkout);

  const [plan, estimate, usage, invoices, payments, checkout] = await Promise.all([
    tenant.planId ? getPlanById(db, tenant.planId) : null,
    estimateCurrentCharge(db, { tenantId: tenant.id, now }),
    getLimitUsage(db, tenant.id),
    listInvoices(db, {
      tenantId: tenant.id,
      status: status.success ? status.data : undefined,
      page: params.page,
      pageSize: params.perPage,
    }),
    listTenantPayments(db, { tenantId: tenant.id, limit: 5, offset: 0 }),
    checkoutId && /^[0-9a-f-]{36}$/i.test(checkoutId)
      ? getCheckoutSummary(db, { tenantId: tenant.id, checkoutId })
      : null,
  ]);
  const day = (d: Date) => formatDay(d, tenant.timezone, tenant.locale);
  const money = (minor: number, currency = tenant.currency) => formatMoney(minor, currency, tenant.locale);
  const price = plan
    ? tenant.billingInterval === "yearly"
      ? plan.yearlyPriceMinor
      : plan.monthlyPriceMinor
    : 0;
  const rows = invoices.rows.map((r) => ({
    ...r,
    overdue: isOverdue(r, now),
    payable: r.status === "open" && r.totalMinor > r.amountPaidMinor,
  }));

  return (
    <div className="space-y-6">
      <PageHeader title="Billing" description={`${tenant.name}'s plan, usage, invoices and payments.`} />
      {outcome && outcomes.has(outcome) ? (
        <PaymentBanner outcome={outcome} description={checkout?.description ?? null} />
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Plan</CardTitle>
            <CardDescription>
              Billed {tenant.billingInterval}, in {tenant.currency}.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            {plan ? (
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <p className="text-xl font-semibold tracking-tight">{plan.name}</p>
                <p className="text-zinc-600 tabular-nums">
                  {money(price, plan.currency)} / {tenant.billingInterval === "yearly" ? "year" : "month"}
                </p>
                {tenant.status === "trial" ? <Badge variant="info">Trial</Badge> : null}
                {tenant.status === "past_due" ? <Badge variant="warning">Payment overdue</Badge> : null}
              </div>
            ) : (
              <p className="text-zinc-600">You are not on a plan yet.</p>
            )}
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
              <dt className="text-zinc-500">Current period</dt>
              <dd>
                {tenant.currentPeriodStart && tenant.currentPeriodEnd
                  ? `${day(tenant.currentPeriodStart)} – ${day(tenant.currentPeriodEnd)}`
                  : "Starts with your first invoice"}
              </dd>
              <dt className="text-zinc-500">Time zone</dt>
              <dd>{tenant.timezone}</dd>
            </dl>
            <Button asChild variant="link">
              <Link href="/plan">Change plan</Link>
            </Button>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Usage</CardTitle>
            <CardDescription>This period, against what your plan includes.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {estimate ? <SmsUsageMeter {...estimate.sms} /> : null}
            <UsageBars usage={usage} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Next invoice (estimate)</CardTitle>
            <CardDescription>
              {estimate
                ? `If the period ended now; issued after ${day(estimate.periodEnd)}.`
                : "No billing period yet."}
            </CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            {!estimate ? (
              <p className="text-zinc-500">Nothing to estimate.</p>
            ) : !estimate.billable ? (
              <p className="text-zinc-600">
                Nothing is billed while your hotel is {tenant.status === "trial" ? "on trial" : tenant.status}
                .
              </p>
            ) : (
              <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 tabular-nums">
                {estimate.lines.map((l) => (
                  <div key={l.sourceKey} className="contents">
                    <dt className="text-zinc-600">{l.description}</dt>
                    <dd className="text-right">{money(l.amountMinor, estimate.currency)}</dd>
                  </div>
                ))}
                <dt className="text-zinc-500">Tax</dt>
                <dd className="text-right">{money(estimate.taxMinor, estimate.currency)}</dd>
                <dt className="border-t border-zinc-200 pt-1.5 font-semibold">Estimated total</dt>
                <dd className="border-t border-zinc-200 pt-1.5 text-right font-semibold">
                  {money(estimate.totalMinor, estimate.currency)}
                </dd>
              </dl>
            )}
          </CardContent>
        </Card>
      </div>

      <section aria-labelledby="invoices-heading" className="space-y-3">
        <h2 id="invoices-heading" className="text-base font-semibold text-zinc-900">
          Invoices
        </h2>
        <TenantInvoicesTable
          rows={rows}
          total={invoices.total}
          config={tenantInvoicesTableConfig}
          statusOptions={invoiceStatusOptions}
          timeZone={tenant.timezone}
          locale={tenant.locale}
          canPay={tenantCan(ctx.role, "billing.pay")}
        />
      </section>

      <Card>
        <CardHeader>
          <CardTitle>Recent payments</CardTitle>
          <CardDescription>
            The last five.{" "}
            <Link href="/billing/payments" className="text-brand-700 hover:underline">
              All payments
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent className={payments.rows.length ? "p-0" : undefined}>
          {payments.rows.length === 0 ? (
            <p className="text-sm text-zinc-500">No payments yet.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Recent payments</caption>
              <TableHead
                bordered
                columns={[
                  { label: "Date" },
                  { label: "For" },
                  { label: "Status" },
                  { label: "Amount", align: "right" },
                ]}
              />
              <tbody className="divide-y divide-zinc-100">
                {payments.rows.map((p) => (
                  <tr key={p.id}>
                    <td className="px-5 py-2 whitespace-nowrap">{day(p.at)}</td>
                    <td className="px-5 py-2">
                      {p.invoiceNumber ? `Invoice ${p.invoiceNumber}` : "Add-on purchase"}
                    </td>
                    <td className="px-5 py-2">
                      <PaymentStatusBadge status={p.status} />
                    </td>
                    <td className="px-5 py-2 text-right tabular-nums">{money(p.amountMinor, p.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
