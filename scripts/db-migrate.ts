// Applies pending migrations to the configured database (DATABASE_URL, else PGlite in HEARTH_DATA_DIR).
// PGlite allows one process per folder: stop the app before running this against it.
import path from "node:path";
import { openDatabase } from "../db/connect";
import { parseEnv } from "../lib/env";

const env = parseEnv(process.env);
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: path.resolve(env.HEARTH_DATA_DIR, "pglite"),
});
await database.migrate();
await database.close();
console.log(`Migrations applied (${database.kind}).`);
