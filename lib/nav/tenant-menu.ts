import type { Queryable } from "@/db/connect";
import { getEnabledFlags } from "@/lib/flags/evaluate";
import { getPlanFeatures, type Tenant } from "@/lib/tenants/queries";
import { getEffectiveMenu } from "./effective-menu";
import type { MenuItem } from "./types";

/** A tenant's portal menu as someone with `role` sees it: its flags, its plan's features, its overrides. */
export async function getTenantPortalMenu(
  db: Queryable,
  tenant: Pick<Tenant, "id" | "planId">,
  role: string,
): Promise<MenuItem[]> {
  const [flags, planFeatures] = await Promise.all([
    getEnabledFlags(db, { tenantId: tenant.id }),
    getPlanFeatures(db, tenant),
  ]);
  return getEffectiveMenu(db, {
    scope: "portal",
    tenantId: tenant.id,
    role,
    flags,
    planFeatures: new Set(planFeatures),
  });
}
