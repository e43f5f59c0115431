// The hotel's dashboard: occupancy today and over the next 7 nights (with a chart), today's
// arrivals and departures, service requests waiting, and the latest activity.

import { BedDouble, ConciergeBell, LogIn, LogOut, TrendingUp } from "lucide-react";
import Link from "next/link";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { LowBalanceBanner } from "@/components/credits/low-balance-banner";
import { activitySentence } from "@/components/hotel/activity";
import { formatLongDay } from "@/components/hotel/format";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { listAuditEvents } from "@/lib/audit/queries";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { getCreditBalance } from "@/lib/credits/queries";
import { getOccupancy, listArrivals, listDepartures, todayIn } from "@/lib/hotel/bookings";
import { listServiceRequests } from "@/lib/hotel/service-requests";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "Dashboard" };

const FORECAST_DAYS = 7;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export default async function PortalDashboardPage() {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const db = await getDb();
  const today = todayIn(tenant.timezone);
  const [occupancy, arrivals, departures, openRequests, activity, credits] = await Promise.all([
    // Tonight plus the next seven nights.
    getOccupancy(db, { tenantId: tenant.id, from: today, days: FORECAST_DAYS + 1 }),
    listArrivals(db, { tenantId: tenant.id, date: today }),
    listDepartures(db, { tenantId: tenant.id, date: today }),
    listServiceRequests(db, { tenantId: tenant.id, status: ["open", "in_progress"], limit: 1, offset: 0 }),
    listAuditEvents(db, {
      filter: { tenantId: tenant.id },
      sort: { id: "occurredAt", desc: true },
      limit: 8,
      offset: 0,
    }),
    // The low-SMS-credit warning is for those who may see credits (owner, manager).
    tenantCan(ctx.role, "credits.read") ? getCreditBalance(db, { tenantId: tenant.id }) : null,
  ]);
  const tonight = occupancy[0];
  const week = occupancy.slice(1);
  const weekOccupied = week.reduce((sum, d) => sum + d.occupied, 0);
  const weekCapacity = week.reduce((sum, d) => sum + d.total, 0);
  const weekRate = weekCapacity === 0 ? 0 : weekOccupied / weekCapacity;
  const toCheckIn = arrivals.filter((b) => b.status !== "checked_in").length;
  const toCheckOut = departures.filter((b) => b.status === "checked_in").length;
  // A hotel without rooms has no occupancy to chart: the chart says so instead of drawing zeros.
  const chart = tonight?.total ? occupancy.map((d) => ({ date: d.date, rate: d.rate })) : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Welcome back, ${ctx.user.name.split(" ")[0] ?? ctx.user.name}`}
        description={`${tenant.name} · ${formatLongDay(today, tenant.locale)}`}
        actions={
          tenant.status === "active" ? null : (
            <div className="flex items-center gap-2 text-sm text-zinc-600">
              <TenantStatusBadge status={tenant.status} />
              {tenant.status === "trial" && tenant.trialEndsAt ? (
                <Link href="/plan" className="hover:underline">
                  Trial ends {formatDateTime(tenant.trialEndsAt, tenant.timezone)}
                </Link>
              ) : null}
            </div>
          )
        }
      />
      {credits ? <LowBalanceBanner balance={credits} href="/credits" /> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <StatCard
          label="Occupancy tonight"
          value={tonight ? percent(tonight.rate) : "—"}
          hint={tonight ? `${tonight.occupied} of ${tonight.total} rooms` : "No rooms yet"}
          icon={<BedDouble />}
        />
        <StatCard
          label={`Next ${FORECAST_DAYS} nights`}
          value={percent(weekRate)}
          hint="average occupancy"
          icon={<TrendingUp />}
        />
        <StatCard
          label="Arrivals today"
          value={arrivals.length}
          hint={
            arrivals.length === 0
              ? "none expected"
              : toCheckIn === 0
                ? "all checked in"
                : `${toCheckIn} to check in`
          }
          icon={<LogIn />}
        />
        <StatCard
          label="Departures today"
          value={departures.length}
          hint={
            departures.length === 0
              ? "none due"
              : toCheckOut === 0
                ? "all checked out"
                : `${toCheckOut} to check out`
          }
          icon={<LogOut />}
        />
        <StatCard
          label="Open requests"
          value={openRequests.total}
          hint={
            <Link href="/requests?status=active" className="text-brand-700 hover:underline">
              View requests
            </Link>
          }
          icon={<ConciergeBell />}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Occupancy</CardTitle>
            <CardDescription>
              Share of rooms held by confirmed or current stays, tonight and the next {FORECAST_DAYS} nights
            </CardDescription>
            <CardAction>
              <Link href="/front-desk" className="text-sm text-brand-700 hover:underline">
                Front desk
              </Link>
            </CardAction>
          </CardHeader>
          <CardContent>
            <TimeSeriesChart
              data={chart}
              xKey="date"
              kind="bar"
              series={[{ key: "rate", label: "Occupancy" }]}
              valueFormat="percent"
              xFormat="day"
              height={240}
              emptyMessage="Add rooms to see occupancy."
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>Changes made at {tenant.name}</CardDescription>
          </CardHeader>
          <CardContent>
            {activity.rows.length === 0 ? (
              <p className="text-sm text-zinc-500">No changes yet.</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {activity.rows.map((r) => {
                  const sentence = activitySentence(r.action, r.summary);
                  return (
                    <li key={r.id} className="flex flex-col gap-0.5 py-2 text-sm">
                      <span className="flex items-center gap-2">
                        {sentence ? (
                          <span className="text-zinc-900">{sentence}</span>
                        ) : (
                          <Badge variant="neutral">{r.action}</Badge>
                        )}
                      </span>
                      <span className="text-xs text-zinc-500">
                        {r.actorLabel} ·{" "}
                        <time dateTime={r.occurredAt.toISOString()}>
                          {formatDateTime(r.occurredAt, tenant.timezone, tenant.locale)}
                        </time>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
