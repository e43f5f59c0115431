import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { type Database, type Db, openDatabase } from "./connect";

type Holder = { opening?: Promise<Database> };
const holder = globalThis as typeof globalThis & { __hearthDb?: Holder };

/**
 * The process-wide database, opened once on first use and kept on globalThis so that dev
 * hot reloads and duplicated bundles share it (PGlite must have one opener per directory).
 */
export function getDatabase(): Promise<Database> {
  holder.__hearthDb ??= {};
  const h = holder.__hearthDb;
  h.opening ??= (async () => {
    const e = env();
    return openDatabase({ url: e.DATABASE_URL, dataDir: path.resolve(e.HEARTH_DATA_DIR, "pglite") });
  })();
  return h.opening;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Test hook: run the app's code against a database a test opened itself. */
export function useDatabaseForTests(database: Database): void {
  holder.__hearthDb = { opening: Promise.resolve(database) };
}
