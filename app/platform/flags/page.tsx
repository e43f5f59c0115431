// Console > Feature flags: every flag with its default, rules, overrides and kill switch, and a
// preview of what one hotel gets. Everyone with flags.read looks; flags.write (super admins) changes.
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { FlagsTable } from "@/components/flags/flags-table/table";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { listFlags } from "@/lib/flags/queries";
import { flagSortFromParams, flagStateFromParam, flagsTableConfig } from "@/lib/flags/table";
import { EvaluatePreview } from "./evaluate-preview";

export const metadata = { title: "Feature flags" };

const tabs = ["flags", "evaluate"] as const;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function FlagsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requirePlatformRole("flags.read");
  const canWrite = platformCan(ctx.platformRole, "flags.write");
  const raw = await searchParams;
  const tab = tabs.find((t) => t === first(raw.tab)) ?? "flags";
  const params = parseTableParams(raw, flagsTableConfig);
  const db = await getDb();
  const { rows, total } = await listFlags(db, {
    q: params.q,
    state: flagStateFromParam(params.filters.state),
    sort: flagSortFromParams(params.sort),
    limit: params.perPage,
    offset: params.offset,
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Feature flags"
        description="Ship code dark, then turn it on for chosen hotels, plans or a growing percentage. The kill switch turns a flag off everywhere at once."
      />
      <Tabs defaultValue={tab}>
        <TabsList aria-label="Feature flag sections">
          <TabsTrigger value="flags">Flags</TabsTrigger>
          <TabsTrigger value="evaluate">Evaluate for a hotel</TabsTrigger>
        </TabsList>
        <TabsContent value="flags">
          <FlagsTable rows={rows} total={total} config={flagsTableConfig} canWrite={canWrite} />
        </TabsContent>
        <TabsContent value="evaluate">
          <EvaluatePreview tenantId={first(raw.tenant)} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
