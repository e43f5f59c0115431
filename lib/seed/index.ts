import type { Db } from "@/db/connect";
import { seedDefaultNav } from "@/lib/nav/seed";
import { seedDemo } from "./demo";

/**
 * Reference data the product needs to work (the default menus), and optionally the demo
 * hotels and accounts. Safe to run on every start: it only inserts what is missing.
 */
export async function runSeed(db: Db, opts: { demo: boolean }): Promise<void> {
  await seedDefaultNav(db);
  if (opts.demo) await seedDemo(db);
}
