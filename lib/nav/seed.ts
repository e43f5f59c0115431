import type { Queryable } from "@/db/connect";
import { platformNavItems } from "@/db/schema";
import { invalidateNavCache } from "./cache";
import { defaultNavItems } from "./defaults";
import { navItemInputSchema } from "./schemas";

/**
 * Inserts the default menu items that are missing. Idempotent, and never overwrites: an item an
 * admin has since renamed, moved or deactivated keeps their changes; a deleted default comes back
 * on the next seed (delete means "not yet", deactivate means "not wanted"). Parents sort first so
 * that a child's parent exists when it is inserted. Returns the keys it inserted (`scope:key`).
 */
export async function seedDefaultNav(db: Queryable): Promise<string[]> {
  const items = defaultNavItems
    .map((item) => navItemInputSchema.parse(item))
    .sort((a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null));
  const inserted = await db.transaction(async (tx) => {
    const keys: string[] = [];
    for (const item of items) {
      const rows = await tx
        .insert(platformNavItems)
        .values(item)
        .onConflictDoNothing({ target: [platformNavItems.scope, platformNavItems.key] })
        .returning({ scope: platformNavItems.scope, key: platformNavItems.key });
      keys.push(...rows.map((r) => `${r.scope}:${r.key}`));
    }
    return keys;
  });
  if (inserted.length > 0) invalidateNavCache();
  return inserted;
}
