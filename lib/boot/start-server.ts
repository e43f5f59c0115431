import "server-only";
import { getDatabase } from "@/db/client";
import { env, inngestConfigured } from "@/lib/env";
import { runSeed } from "@/lib/seed";
import { DEMO_PASSWORD, demoPlatformUsers, demoTenants } from "@/lib/seed/demo";
import { rootUrl, tenantUrl } from "@/lib/tenancy/host";

/**
 * Runs once when the server process starts (instrumentation.ts): validates the environment,
 * migrates, seeds, and in embedded mode starts the in-process cron scheduler.
 */
export async function startServer(): Promise<void> {
  const e = env();
  const database = await getDatabase();
  await database.migrate();
  const demo = e.HEARTH_SEED_DEMO || (!e.DATABASE_URL && e.NODE_ENV !== "test");
  await runSeed(database.db, { demo });

  if (!inngestConfigured(e) && !e.HEARTH_DISABLE_CRONS) {
    const { startEmbeddedCrons } = await import("@/lib/jobs/embedded-runner");
    const { functions } = await import("@/inngest/functions");
    startEmbeddedCrons(functions);
  }

  const where = e.DATABASE_URL ? "Postgres (DATABASE_URL)" : `PGlite in ${e.HEARTH_DATA_DIR}/pglite`;
  const jobs = inngestConfigured(e) ? "Inngest" : "embedded runner (in-process)";
  const lines = [`Hearth is ready — database: ${where}; jobs: ${jobs}.`];
  if (demo) {
    const p = e.PUBLIC_PROTOCOL;
    lines.push(`  Console:  ${rootUrl(e.ROOT_DOMAIN, p, "/platform")}`);
    for (const u of demoPlatformUsers) lines.push(`            ${u.email}  (${u.role})`);
    for (const t of demoTenants) {
      lines.push(`  ${t.name}: ${tenantUrl(t.slug, e.ROOT_DOMAIN, p, "/")}`);
      for (const m of t.members) lines.push(`            ${m.email}  (${m.role})`);
    }
    lines.push(`  Password for every demo account: ${DEMO_PASSWORD}`);
  }
  console.log(lines.join("\n"));
}
