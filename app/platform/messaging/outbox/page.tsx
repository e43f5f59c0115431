// Console > Messaging > Dev outbox: in embedded mode the dev-sink providers "send" by writing here,
// so every SMS and email the platform produced can be read in full, for every hotel.
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { DevOutboxTable } from "@/components/messaging/messages-table/dev-outbox-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { messageFiltersFromParams } from "@/lib/messaging/log/filters";
import { listDevSinkMessages } from "@/lib/messaging/log/queries";
import { devOutboxTableConfig } from "@/lib/messaging/log/table";
import { listTenants } from "@/lib/tenants/queries";

export const metadata = { title: "Dev outbox" };

export default async function DevOutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePlatformRole("messaging.read");
  const db = await getDb();
  const params = parseTableParams(await searchParams, devOutboxTableConfig);
  const { channel, filterTenantId, search } = messageFiltersFromParams(params, "UTC");
  const [{ rows, total }, tenants] = await Promise.all([
    listDevSinkMessages(db, { channel, filterTenantId, search, page: params.page, pageSize: params.perPage }),
    listTenants(db, { includeDeleted: true, sort: { id: "name", desc: false }, limit: 500, offset: 0 }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Dev outbox"
        description="What the dev-sink providers received instead of a real provider: nothing here reached a phone or an inbox. Open a row to read the message as rendered."
      />
      <DevOutboxTable
        scope="platform"
        rows={rows}
        total={total}
        tenants={tenants.rows.map((t) => ({ id: t.id, name: t.name }))}
      />
    </div>
  );
}
