// Seeds the default menus, and the demo hotels and accounts when embedded or HEARTH_SEED_DEMO=1.
// Idempotent. PGlite allows one process per folder: stop the app before running this against it.
import path from "node:path";
import { openDatabase } from "../db/connect";
import { parseEnv } from "../lib/env";
import { runSeed } from "../lib/seed";

const env = parseEnv(process.env);
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: path.resolve(env.HEARTH_DATA_DIR, "pglite"),
});
await database.migrate();
const demo = env.HEARTH_SEED_DEMO || !env.DATABASE_URL;
await runSeed(database.db, { demo });
await database.close();
console.log(`Seeded (${database.kind}${demo ? ", with demo data" : ""}).`);
