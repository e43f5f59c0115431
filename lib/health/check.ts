import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, migrationsFolder } from "@/db/connect";
import { queryRows } from "@/db/rows";

export type Health = {
  status: "ok" | "degraded";
  database: { kind: Database["kind"]; reachable: boolean; migration: string | null; pending: number };
};

type Journal = { entries: Array<{ tag: string; when: number }> };

/** Database reachability and which migration it is on, compared with the migrations this build ships. */
export async function checkHealth(database: Database): Promise<Health> {
  const journal = JSON.parse(
    await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as Journal;
  try {
    await database.db.execute(sql`select 1`);
  } catch {
    return {
      status: "degraded",
      database: { kind: database.kind, reachable: false, migration: null, pending: journal.entries.length },
    };
  }
  try {
    const applied = await queryRows<{ created_at: string | number }>(
      database.db,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const last = Number(applied[0]?.created_at ?? 0);
    const current = journal.entries.filter((e) => e.when <= last);
    const pending = journal.entries.length - current.length;
    return {
      status: pending === 0 ? "ok" : "degraded",
      database: { kind: database.kind, reachable: true, migration: current.at(-1)?.tag ?? null, pending },
    };
  } catch {
    // No migrations table yet: reachable, but nothing applied.
    return {
      status: "degraded",
      database: { kind: database.kind, reachable: true, migration: null, pending: journal.entries.length },
    };
  }
}
