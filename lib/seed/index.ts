import type { Db } from "@/db/connect";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import { seedDefaultTemplates } from "@/lib/messaging/templates/seed";
import { seedDefaultNav } from "@/lib/nav/seed";
import { seedDemo } from "./demo";

/**
 * Reference data the product needs to work (the default menus, the dev-sink providers, the
 * default message templates), and optionally the demo hotels and accounts. Safe to run on every
 * start: it only inserts what is missing.
 */
export async function runSeed(db: Db, opts: { demo: boolean }): Promise<void> {
  await seedDefaultNav(db);
  await ensureDefaultProviders(db);
  await seedDefaultTemplates(db);
  if (opts.demo) await seedDemo(db);
}
