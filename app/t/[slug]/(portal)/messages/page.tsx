// Portal > Messages: the hotel's message log (SMS and email to its guests and staff), its failed
// messages with a Retry for those who may, and the dev outbox where dev-sink "sends" land. Times
// and date filters are in the hotel's zone.
import Link from "next/link";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { DevOutboxTable } from "@/components/messaging/messages-table/dev-outbox-table";
import { MessagesTable } from "@/components/messaging/messages-table/messages-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { messageFiltersFromParams } from "@/lib/messaging/log/filters";
import { listDevSinkMessages, listMessageEvents, listMessages } from "@/lib/messaging/log/queries";
import { devOutboxTableConfig, tenantMessagesTableConfig } from "@/lib/messaging/log/table";
import { cn } from "@/lib/utils";
import { retryTenantMessageAction } from "./actions";

export const metadata = { title: "Messages" };

type View = "all" | "failed" | "outbox";

export default async function PortalMessagesPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "messages.read");
  const raw = await searchParams;
  const db = await getDb();
  const view: View = raw.tab === "outbox" ? "outbox" : raw.status === "failed" ? "failed" : "all";

  let content: React.ReactNode;
  if (view === "outbox") {
    const params = parseTableParams(raw, devOutboxTableConfig);
    const { channel, search } = messageFiltersFromParams(params, tenant.timezone);
    const { rows, total } = await listDevSinkMessages(db, {
      tenantId: tenant.id,
      channel,
      search,
      page: params.page,
      pageSize: params.perPage,
    });
    content = (
      <DevOutboxTable
        scope="tenant"
        rows={rows}
        total={total}
        timeZone={tenant.timezone}
        locale={tenant.locale}
      />
    );
  } else {
    const params = parseTableParams(raw, tenantMessagesTableConfig);
    const { filterTenantId: _ignored, ...filters } = messageFiltersFromParams(params, tenant.timezone);
    const sortId = tenantMessagesTableConfig.sortable.find((s) => s === params.sort.id) ?? "createdAt";
    const [{ rows, total }, events] = await Promise.all([
      listMessages(db, {
        ...filters,
        tenantId: tenant.id,
        page: params.page,
        pageSize: params.perPage,
        sort: { id: sortId, desc: params.sort.desc },
      }),
      listMessageEvents(db, { tenantId: tenant.id }),
    ]);
    content = (
      <MessagesTable
        scope="tenant"
        detailHref="/messages"
        rows={rows}
        total={total}
        events={events}
        timeZone={tenant.timezone}
        locale={tenant.locale}
        retryAction={tenantCan(ctx.role, "messaging.write") ? retryTenantMessageAction : undefined}
      />
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title="Messages"
        description={`SMS and email sent for ${tenant.name}, with their delivery status. Times are in the hotel's time (${tenant.timezone}).`}
      />
      <MessagesViewNav active={view} />
      {content}
    </div>
  );
}

const views: Array<{ id: View; label: string; href: string }> = [
  { id: "all", label: "All messages", href: "/messages" },
  { id: "failed", label: "Failed", href: "/messages?status=failed" },
  { id: "outbox", label: "Dev outbox", href: "/messages?tab=outbox" },
];

/** Links rather than client tabs: each view is its own server render with its own URL state. */
function MessagesViewNav({ active }: { active: View }) {
  return (
    <nav
      aria-label="Message views"
      className="flex w-full items-center gap-1 overflow-x-auto border-b border-zinc-200 [scrollbar-width:none]"
    >
      {views.map((v) => (
        <Link
          key={v.id}
          href={v.href}
          aria-current={v.id === active ? "page" : undefined}
          className={cn(
            "relative -mb-px inline-flex h-9 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
            v.id === active
              ? "border-brand-600 text-zinc-900"
              : "border-transparent text-zinc-500 hover:text-zinc-900",
          )}
        >
          {v.label}
        </Link>
      ))}
    </nav>
  );
}
