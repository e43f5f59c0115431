// Portal > Settings > Menu: the owner hides, renames and reorders the hotel's menu items. The
// platform decides which items exist and who may see them; the hotel decides how its menu looks.
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { getEnabledFlags } from "@/lib/flags/evaluate";
import { listNavItems, listNavOverrides } from "@/lib/nav/queries";
import { toTreeRows } from "@/lib/nav/tree";
import { getPlanFeatures } from "@/lib/tenants/queries";
import { MenuForm, type MenuFormRow } from "./menu-form";

export const metadata = { title: "Menu" };

export default async function MenuSettingsPage() {
  const tenant = await getCurrentTenant();
  await requireTenantMember(tenant, "nav.write");
  const db = await getDb();
  const [items, overrides, flags, planFeatures] = await Promise.all([
    listNavItems(db, { scope: "portal" }),
    listNavOverrides(db, { tenantId: tenant.id }),
    getEnabledFlags(db, { tenantId: tenant.id }),
    getPlanFeatures(db, tenant),
  ]);
  const byKey = new Map(overrides.map((o) => [o.itemKey, o]));
  const plan = new Set(planFeatures);
  const rows: MenuFormRow[] = toTreeRows(items.filter((i) => i.isActive))
    .filter((r) => !r.orphan)
    .map(({ item, depth }) => {
      const o = byKey.get(item.key);
      const notes: string[] = [];
      if (item.roles.length > 0) notes.push(`Only for ${item.roles.join(", ")}`);
      if (item.planFeature && !plan.has(item.planFeature)) notes.push("Not in your plan");
      if (item.featureFlag && !flags.has(item.featureFlag)) notes.push("Not available yet");
      return {
        key: item.key,
        depth,
        parentKey: item.parentKey,
        defaultLabel: item.label,
        defaultOrder: item.sortOrder,
        hidden: o?.hidden ?? false,
        label: o?.label ?? "",
        sortOrder: o?.sortOrder ?? null,
        notes,
      };
    });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Menu"
        description="Choose what your team sees in the sidebar: hide items, rename them, change their order."
      />
      <Card>
        <CardContent>
          {/* Remount after a save so the form shows exactly what was stored. */}
          <MenuForm
            key={JSON.stringify(overrides.map((o) => [o.itemKey, o.hidden, o.label, o.sortOrder]))}
            rows={rows}
          />
        </CardContent>
      </Card>
    </div>
  );
}
