// Console > Marketplace: the add-on catalogue (SMS bundles and feature add-ons) with prices per
// currency. Everyone with billing.read looks; billing admins and super admins create, edit and
// activate/deactivate (marketplace.write).
import { Plus } from "lucide-react";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { AddonDialog } from "@/components/marketplace/addon-dialog";
import { AddonsTable } from "@/components/marketplace/addons-table/table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { addonStatusFilters, listAddonFlagKeys, listAddonsPage } from "@/lib/marketplace/queries";
import { addonKindSchema } from "@/lib/marketplace/schemas";
import { addonsTableConfig } from "@/lib/marketplace/table";

export const metadata = { title: "Marketplace" };

export default async function MarketplaceConsolePage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const ctx = await requirePlatformRole("billing.read");
  const canWrite = platformCan(ctx.platformRole, "marketplace.write");
  const params = parseTableParams(await searchParams, addonsTableConfig);
  const status = addonStatusFilters.find((s) => s === params.filters.status);
  const kind = addonKindSchema.safeParse(params.filters.kind);
  const db = await getDb();
  const [{ rows, total }, flagKeys] = await Promise.all([
    listAddonsPage(db, {
      q: params.q || undefined,
      status,
      kind: kind.success ? kind.data : undefined,
      limit: params.perPage,
      offset: params.offset,
    }),
    canWrite ? listAddonFlagKeys(db) : Promise.resolve([]),
  ]);
  const newAddon = canWrite ? (
    <AddonDialog
      flagKeys={flagKeys}
      trigger={
        <Button>
          <Plus aria-hidden /> New add-on
        </Button>
      }
    />
  ) : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Marketplace"
        description="What hotels can buy on top of their plan: SMS bundles that top up credits, and feature add-ons that switch a feature on. A hotel sees an add-on when it is active and priced in the hotel's currency."
        actions={newAddon}
      />
      <AddonsTable
        rows={rows}
        total={total}
        canWrite={canWrite}
        flagKeys={flagKeys}
        emptyAction={newAddon ?? undefined}
      />
    </div>
  );
}
