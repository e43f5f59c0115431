// Console overview: the state of the platform at a glance.
import Link from "next/link";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { auditVolumeByDay, listAuditEvents } from "@/lib/audit/queries";
import { requirePlatformRole } from "@/lib/auth/guards";
import { countTenantsByStatus } from "@/lib/tenants/queries";

export const metadata = { title: "Overview" };

export default async function PlatformOverviewPage() {
  await requirePlatformRole();
  const db = await getDb();
  const [byStatus, volume, recent] = await Promise.all([
    countTenantsByStatus(db),
    auditVolumeByDay(db, 14),
    listAuditEvents(db, { filter: {}, sort: { id: "occurredAt", desc: true }, limit: 6, offset: 0 }),
  ]);
  const live = byStatus.trial + byStatus.active + byStatus.past_due + byStatus.suspended;
  return (
    <div className="space-y-6">
      <PageHeader title="Overview" description="Tenants, activity and the health of the platform." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Hotels" value={live} hint={`${byStatus.active} active`} />
        <StatCard label="On trial" value={byStatus.trial} />
        <StatCard label="Past due" value={byStatus.past_due} />
        <StatCard label="Suspended" value={byStatus.suspended} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Privileged changes</CardTitle>
            <CardDescription>Audit events per day, last 14 days (UTC)</CardDescription>
          </CardHeader>
          <CardContent>
            <TimeSeriesChart
              data={volume}
              xKey="day"
              kind="bar"
              series={[{ key: "events", label: "Events" }]}
              height={240}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>
              <Link href="/platform/audit" className="text-brand-600 hover:underline">
                Open the audit log
              </Link>
            </CardDescription>
          </CardHeader>
          <CardContent>
            {recent.rows.length === 0 ? (
              <p className="text-sm text-zinc-500">Nothing has happened yet.</p>
            ) : (
              <ul className="space-y-3">
                {recent.rows.map((r) => (
                  <li key={r.id} className="text-sm">
                    <div className="flex items-center gap-2">
                      <Badge variant="neutral">{r.action}</Badge>
                      {r.tenantName ? <span className="text-zinc-500">{r.tenantName}</span> : null}
                    </div>
                    <p className="mt-1 text-xs text-zinc-500">
                      {r.actorLabel} · {r.occurredAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
