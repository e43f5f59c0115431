// The hotel's dashboard. Issue 4 adds occupancy, arrivals and departures.

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { listAuditEvents } from "@/lib/audit/queries";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { listTenantMembers } from "@/lib/tenants/queries";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "Dashboard" };

export default async function PortalDashboardPage() {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const db = await getDb();
  const [members, activity] = await Promise.all([
    listTenantMembers(db, tenant.id),
    listAuditEvents(db, {
      filter: { tenantId: tenant.id },
      sort: { id: "occurredAt", desc: true },
      limit: 8,
      offset: 0,
    }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Welcome back, ${ctx.user.name.split(" ")[0] ?? ctx.user.name}`}
        description={`${tenant.name} · ${tenant.timezone}`}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Status" value={tenant.status.replace("_", " ")} />
        <StatCard label="Team members" value={members.length} />
        <StatCard label="Your role" value={ctx.role} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Recent activity</CardTitle>
          <CardDescription>Changes made to your hotel's account</CardDescription>
        </CardHeader>
        <CardContent>
          {activity.rows.length === 0 ? (
            <p className="text-sm text-zinc-500">No changes yet.</p>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {activity.rows.map((r) => (
                <li key={r.id} className="flex items-center justify-between py-2 text-sm">
                  <span className="flex items-center gap-2">
                    <Badge variant="neutral">{r.action}</Badge>
                    <span className="text-zinc-600">{r.actorLabel}</span>
                  </span>
                  <time className="text-xs text-zinc-500">
                    {formatDateTime(r.occurredAt, tenant.timezone)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
