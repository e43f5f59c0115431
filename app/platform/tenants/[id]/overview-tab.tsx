import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { StatCard } from "@/components/ui/stat-card";
import type { Plan } from "@/lib/plans/queries";
import type { Tenant } from "@/lib/tenants/queries";
import { formatDateTime } from "@/lib/time";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function daysUntil(date: Date, now: Date): number {
  return Math.ceil((date.getTime() - now.getTime()) / 86_400_000);
}

/** Status, plan, dates, contact and counts at a glance. */
export function OverviewTab({
  tenant,
  plan,
  portalUrl,
  counts,
  now,
}: {
  tenant: Tenant;
  plan: Plan | null;
  portalUrl: string;
  counts: { members: number; emails: number; auditEvents: number };
  now: Date;
}) {
  const when = (d: Date | null) => (d ? formatDateTime(d, tenant.timezone) : "—");
  const trialLeft =
    tenant.status === "trial" && tenant.trialEndsAt ? daysUntil(tenant.trialEndsAt, now) : null;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Status" value={<TenantStatusBadge status={tenant.status} />} />
        <StatCard label="Plan" value={plan?.name ?? "No plan"} hint={`billed ${tenant.billingInterval}`} />
        <StatCard
          label="Members"
          value={counts.members}
          hint={`${plural(counts.emails, "email")} · ${plural(counts.auditEvents, "audit event")}`}
        />
        <StatCard
          label={tenant.status === "trial" ? "Trial ends" : "Period ends"}
          value={
            tenant.status === "trial"
              ? trialLeft === null
                ? "—"
                : trialLeft > 0
                  ? `in ${trialLeft} day${trialLeft === 1 ? "" : "s"}`
                  : "ended"
              : tenant.currentPeriodEnd
                ? tenant.currentPeriodEnd.toISOString().slice(0, 10)
                : "—"
          }
          hint={tenant.status === "trial" ? when(tenant.trialEndsAt) : undefined}
        />
      </div>
      {tenant.status === "suspended" ? (
        <div
          role="note"
          className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          Suspended {when(tenant.suspendedAt)}
          {tenant.suspensionReason ? `: ${tenant.suspensionReason}` : "."}
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Hotel</CardTitle>
          </CardHeader>
          <CardContent>
            <Details
              rows={[
                [
                  "Portal",
                  <a key="u" href={portalUrl} className="font-mono text-brand-700 hover:underline">
                    {portalUrl}
                  </a>,
                ],
                ["Contact email", tenant.contactEmail ?? "—"],
                ["Contact phone", tenant.contactPhone ?? "—"],
                ["Country", tenant.country],
                ["Currency", tenant.currency],
                ["Time zone", tenant.timezone],
                ["Language", tenant.locale],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
          </CardHeader>
          <CardContent>
            <Details
              rows={[
                ["Created", when(tenant.createdAt)],
                ["Last changed", when(tenant.updatedAt)],
                ["Trial ends", when(tenant.trialEndsAt)],
                [
                  "Current period",
                  tenant.currentPeriodStart
                    ? `${when(tenant.currentPeriodStart)} → ${when(tenant.currentPeriodEnd)}`
                    : "—",
                ],
                ["Payment method", tenant.hasPaymentMethod ? "On file" : "None"],
                ...(tenant.deletedAt ? ([["Deleted", when(tenant.deletedAt)]] as const) : []),
                [
                  "Tenant id",
                  <span key="id" className="font-mono text-xs">
                    {tenant.id}
                  </span>,
                ],
              ]}
            />
            <p className="mt-3 text-xs text-zinc-500">
              Times are in the hotel's time zone ({tenant.timezone}).
            </p>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function Details({ rows }: { rows: ReadonlyArray<readonly [string, React.ReactNode]> }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[140px_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-500">{label}</dt>
          <dd className="min-w-0 break-words text-zinc-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
