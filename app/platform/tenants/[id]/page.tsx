// Console > Tenant detail: overview, members, plan & limits, settings, messaging (SMS credits, the
// latest messages and provider assignments) and audit, as `?tab=` links; the header carries the
// status actions the state machine and the role allow.
import { ArrowUpRight, ExternalLink } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { RawSearchParams } from "@/components/data-table/params";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { OpenPortalButton } from "@/components/tenants/tenants-table/open-portal-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import type { Queryable } from "@/db/connect";
import { listAuditEvents } from "@/lib/audit/queries";
import { requirePlatformRole } from "@/lib/auth/guards";
import { type PlatformRole, platformCan } from "@/lib/auth/permissions";
import { getCreditBalance } from "@/lib/credits/queries";
import { env } from "@/lib/env";
import { listMessages, messageStats } from "@/lib/messaging/log/queries";
import { getPlanById } from "@/lib/plans/queries";
import { getLimitUsage } from "@/lib/plans/usage";
import { tenantUrl } from "@/lib/tenancy/host";
import { canTransition } from "@/lib/tenants/lifecycle";
import { getTenantById, listTenantMembers, type Tenant } from "@/lib/tenants/queries";
import { regions } from "@/lib/tenants/regions";
import { AssignmentsPanel } from "./assignments-panel";
import { AuditTab } from "./audit-tab";
import { MembersTab } from "./members-tab";
import { OverviewTab } from "./overview-tab";
import { PlanTab } from "./plan-tab";
import { RecentMessages } from "./recent-messages";
import { TenantSettingsForm } from "./settings-form";
import { TenantStatusActions } from "./status-actions";
import { parseTenantTab, TenantTabNav } from "./tab-nav";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props) {
  const tenant = await getTenantById(await getDb(), (await params).id);
  return { title: tenant?.name ?? "Tenant" };
}

export default async function TenantDetailPage({ params, searchParams }: Props) {
  const ctx = await requirePlatformRole("tenants.read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const tenant = await getTenantById(db, id);
  if (!tenant) notFound();
  const tab = parseTenantTab(query.tab);
  const e = env();
  const portalUrl = tenantUrl(tenant.slug, e.ROOT_DOMAIN, e.PUBLIC_PROTOCOL);
  const canWrite = platformCan(ctx.platformRole, "tenants.write");
  const can = {
    suspend: canWrite && canTransition(tenant.status, "suspended"),
    activate: canWrite && canTransition(tenant.status, "active"),
    delete: canWrite && canTransition(tenant.status, "deleted"),
  };
  const canOpenPortal = platformCan(ctx.platformRole, "tenants.open_portal") && tenant.status !== "deleted";

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/platform/tenants" className="hover:text-zinc-900">
            ← Tenants
          </Link>
        }
        title={tenant.name}
        description={
          <a href={portalUrl} className="inline-flex items-center gap-1 font-mono hover:text-zinc-900">
            {tenant.slug}.{e.ROOT_DOMAIN} <ExternalLink className="size-3.5" aria-hidden />
          </a>
        }
        actions={
          <>
            <TenantStatusActions
              tenant={{ id: tenant.id, name: tenant.name, slug: tenant.slug, status: tenant.status }}
              can={can}
            />
            {canOpenPortal ? <OpenPortalButton tenantId={tenant.id} name={tenant.name} /> : null}
          </>
        }
      >
        <TenantStatusBadge status={tenant.status} />
      </PageHeader>
      <TenantTabNav tenantId={tenant.id} active={tab} />
      {tab === "overview" ? await renderOverview(db, tenant, portalUrl) : null}
      {tab === "members" ? (
        <MembersTab members={await listTenantMembers(db, tenant.id)} timezone={tenant.timezone} />
      ) : null}
      {tab === "plan" ? (
        <PlanTab
          tenant={tenant}
          plan={tenant.planId ? await getPlanById(db, tenant.planId) : null}
          usage={await getLimitUsage(db, tenant.id)}
          canSetPaymentProvider={
            platformCan(ctx.platformRole, "billing.write") && tenant.status !== "deleted"
          }
        />
      ) : null}
      {tab === "settings" ? (
        <TenantSettingsForm
          key={tenant.updatedAt.toISOString()}
          tenant={{
            id: tenant.id,
            name: tenant.name,
            contactEmail: tenant.contactEmail,
            contactPhone: tenant.contactPhone,
            country: tenant.country,
            currency: tenant.currency,
            timezone: tenant.timezone,
            locale: tenant.locale,
            settings: tenant.settings,
          }}
          regions={regions}
          timeZones={Intl.supportedValuesOf("timeZone")}
          canEdit={canWrite && tenant.status !== "deleted"}
        />
      ) : null}
      {tab === "messaging" ? await renderMessaging(db, tenant, ctx.platformRole) : null}
      {tab === "audit" ? <AuditTab db={db} tenantId={tenant.id} searchParams={query} /> : null}
    </div>
  );
}

async function renderOverview(db: Queryable, tenant: Tenant, portalUrl: string) {
  const [plan, members, emails, audit] = await Promise.all([
    tenant.planId ? getPlanById(db, tenant.planId) : null,
    listTenantMembers(db, tenant.id),
    // The console's view of the log narrowed to this hotel: only the count is read.
    listMessages(db, { filterTenantId: tenant.id, channel: "email", pageSize: 1 }),
    listAuditEvents(db, {
      filter: { tenantId: tenant.id },
      sort: { id: "occurredAt", desc: true },
      limit: 1,
      offset: 0,
    }),
  ]);
  return (
    <OverviewTab
      tenant={tenant}
      plan={plan}
      portalUrl={portalUrl}
      counts={{ members: members.length, emails: emails.total, auditEvents: audit.total }}
      now={new Date()}
    />
  );
}

const MESSAGING_WINDOW_DAYS = 7;
const RECENT_MESSAGES = 10;

/**
 * SMS credits, the last week's sends, the latest messages, links into the console's log, and the
 * provider assignments. The messages are the console's view of the log (platform path, narrowed to
 * this hotel), read only for a role that may read the log.
 */
async function renderMessaging(db: Queryable, tenant: Tenant, role: PlatformRole) {
  const since = new Date(Date.now() - MESSAGING_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const canReadLog = platformCan(role, "messaging.read");
  const [balance, stats, recent] = await Promise.all([
    getCreditBalance(db, { tenantId: tenant.id }),
    messageStats(db, { tenantId: tenant.id, since }),
    canReadLog ? listMessages(db, { filterTenantId: tenant.id, pageSize: RECENT_MESSAGES }) : null,
  ]);
  const log = `/platform/messaging/messages?tenantId=${tenant.id}`;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>SMS credits</CardTitle>
            <CardDescription>
              {balance.lowBalanceThreshold === null
                ? "No low-balance warning set"
                : `The hotel is warned at ${balance.lowBalanceThreshold}`}
            </CardDescription>
            <CardAction>
              <Button variant="outline" size="sm" asChild>
                <Link href={`/platform/messaging/credits/${tenant.id}`}>
                  Ledger <ArrowUpRight aria-hidden />
                </Link>
              </Button>
            </CardAction>
          </CardHeader>
          <CardContent className="flex items-center gap-3">
            <span data-testid="sms-balance" className="text-2xl font-semibold tabular-nums text-zinc-900">
              {balance.balance}
            </span>
            {balance.isLow ? <Badge variant="warning">Low</Badge> : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Last {MESSAGING_WINDOW_DAYS} days</CardTitle>
            <CardDescription>
              {stats.total} messages · {stats.byChannel.sms} SMS, {stats.byChannel.email} email ·{" "}
              {stats.creditsUsed} credits used
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2 text-sm">
            <Button variant="outline" size="sm" asChild>
              <Link href={log}>All messages</Link>
            </Button>
            <Button variant="outline" size="sm" asChild>
              <Link href={`${log}&status=failed`}>Failed ({stats.byStatus.failed})</Link>
            </Button>
            <Button variant="outline" size="sm" asChild>
              <Link href={`/platform/messaging/outbox?tenantId=${tenant.id}`}>Dev outbox</Link>
            </Button>
          </CardContent>
        </Card>
      </div>
      {recent ? <RecentMessages rows={recent.rows} total={recent.total} timezone={tenant.timezone} /> : null}
      <AssignmentsPanel tenantId={tenant.id} canWrite={platformCan(role, "messaging.write")} />
    </div>
  );
}
