// Console > Messaging > Messages (and "Failed" = ?status=failed): every message sent for every
// hotel and by the platform, filtered, searched and paginated on the server. Super admins retry
// failed and undelivered ones from their row.
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { MessagesTable } from "@/components/messaging/messages-table/messages-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { messageFiltersFromParams } from "@/lib/messaging/log/filters";
import { listMessageEvents, listMessages } from "@/lib/messaging/log/queries";
import { platformMessagesTableConfig } from "@/lib/messaging/log/table";
import { listTenants } from "@/lib/tenants/queries";
import { retryMessageAction } from "./actions";

export const metadata = { title: "Messages" };

export default async function MessagesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requirePlatformRole("messaging.read");
  const db = await getDb();
  const params = parseTableParams(await searchParams, platformMessagesTableConfig);
  // The console has no viewer zone on the server: date filters are UTC days.
  const filters = messageFiltersFromParams(params, "UTC");
  const [{ rows, total }, events, tenants] = await Promise.all([
    listMessages(db, { ...filters, page: params.page, pageSize: params.perPage, sort: sortOf(params.sort) }),
    listMessageEvents(db),
    listTenants(db, { includeDeleted: true, sort: { id: "name", desc: false }, limit: 500, offset: 0 }),
  ]);
  const failedView = filters.status === "failed";
  return (
    <div className="space-y-6">
      <PageHeader
        title={failedView ? "Failed messages" : "Messages"}
        description={
          failedView
            ? "Messages a provider refused or that could not be sent. Retrying sends again on the same log entry."
            : "Every SMS and email, with its delivery status as the providers report it. Date filters are UTC days."
        }
      />
      <MessagesTable
        scope="platform"
        detailHref="/platform/messaging/messages"
        rows={rows}
        total={total}
        events={events}
        tenants={tenants.rows.map((t) => ({ id: t.id, name: t.name }))}
        retryAction={platformCan(ctx.platformRole, "messaging.write") ? retryMessageAction : undefined}
      />
    </div>
  );
}

function sortOf(sort: { id: string; desc: boolean }) {
  const id = platformMessagesTableConfig.sortable.find((s) => s === sort.id) ?? "createdAt";
  return { id, desc: sort.desc };
}
