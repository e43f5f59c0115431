// Console > Billing: money at a glance — MRR, outstanding and overdue per currency, revenue by month,
// the hotels running over their SMS allowance this period, and the billing cycle's last run.
import Link from "next/link";
import { MoneyByCurrency } from "@/components/billing/money-by-currency";
import { RevenueCharts } from "@/components/billing/revenue-chart";
import { TableHead } from "@/components/billing/table-head";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { billingCycleFn } from "@/inngest/functions/billing/billing-cycle";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { billingOverview } from "@/lib/billing/invoices/overview";
import { listJobRuns } from "@/lib/jobs/job-runs";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { RunBillingButton } from "./run-billing-button";

export const metadata = { title: "Billing" };

const runVariant = { running: "info", completed: "success", failed: "danger" } as const;

export default async function BillingOverviewPage() {
  const ctx = await requirePlatformRole("billing.read");
  const db = await getDb();
  const now = new Date();
  const cycleId = billingCycleFn.id();
  const [overview, [lastRun]] = await Promise.all([
    billingOverview(db, { now }),
    listJobRuns(db, { functionId: cycleId, limit: 1 }),
  ]);
  const canWrite = platformCan(ctx.platformRole, "billing.write");
  const canSeeJobs = platformCan(ctx.platformRole, "jobs.read");

  return (
    <div className="space-y-6">
      <PageHeader
        title="Billing"
        description="Recurring revenue, money owed, and what the billing cycle has done."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/platform/billing/invoices">All invoices</Link>
            </Button>
            {canWrite ? <RunBillingButton /> : null}
          </>
        }
      />

      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label="MRR"
          value={<MoneyByCurrency amounts={overview.mrrMinorByCurrency} />}
          hint="Active and past-due hotels; yearly plans ÷ 12"
        />
        <StatCard
          label="Outstanding"
          value={<MoneyByCurrency amounts={overview.outstandingMinorByCurrency} />}
          hint="Open invoices, less what is paid"
        />
        <StatCard
          label="Overdue"
          value={<MoneyByCurrency amounts={overview.overdueMinorByCurrency} />}
          hint="Open invoices past their due date"
        />
        <StatCard
          label="Last billing run"
          value={
            lastRun ? (
              <Badge variant={runVariant[lastRun.status]} className="text-sm">
                {lastRun.status}
              </Badge>
            ) : (
              <span className="text-zinc-400">Never</span>
            )
          }
          hint={
            lastRun ? (
              <>
                {formatDateTime(lastRun.startedAt, "UTC")} UTC
                {canSeeJobs ? (
                  <>
                    {" · "}
                    <Link
                      className="text-brand-700 hover:underline"
                      href={`/platform/jobs?functionId=${encodeURIComponent(cycleId)}`}
                    >
                      runs
                    </Link>
                  </>
                ) : null}
              </>
            ) : (
              "Runs daily at 02:00 UTC"
            )
          }
        />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Revenue by month</CardTitle>
          <CardDescription>Payments received less refunds, last 12 months (UTC).</CardDescription>
        </CardHeader>
        <CardContent>
          <RevenueCharts months={overview.revenueByMonth} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>SMS overage this period</CardTitle>
          <CardDescription>
            Hotels beyond their plan&apos;s included SMS so far in their current period, largest charge first
            (top 50). The overage is billed on their next invoice.
          </CardDescription>
        </CardHeader>
        <CardContent className={overview.overageByTenant.length ? "p-0" : undefined}>
          {overview.overageByTenant.length === 0 ? (
            <p className="text-sm text-zinc-500">No hotel is over its allowance.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">SMS overage by hotel</caption>
              <TableHead
                columns={[
                  { label: "Hotel" },
                  { label: "Period from (UTC)" },
                  { label: "Used / included", align: "right" },
                  { label: "Over", align: "right" },
                  { label: "Overage so far", align: "right" },
                ]}
              />
              <tbody className="divide-y divide-zinc-100">
                {overview.overageByTenant.map((row) => (
                  <tr key={row.tenantId}>
                    <td className="px-5 py-2">
                      <Link href={`/platform/tenants/${row.tenantId}`} className="hover:underline">
                        {row.tenantName}
                      </Link>
                    </td>
                    <td className="px-5 py-2 whitespace-nowrap text-zinc-600">
                      {row.periodStart.slice(0, 10)}
                    </td>
                    <td className="px-5 py-2 text-right tabular-nums">
                      {row.smsUsed.toLocaleString("en")} / {row.smsIncluded.toLocaleString("en")}
                    </td>
                    <td className="px-5 py-2 text-right tabular-nums">
                      {row.overSegments.toLocaleString("en")}
                    </td>
                    <td className="px-5 py-2 text-right tabular-nums">
                      {formatMoney(row.overageMinor, row.currency)}
                    </td>
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
