// bench/flags: evaluations per second of the cached flag evaluator, next to baseline loops measured
// in the same run, reported as ratios (absolute numbers depend on the machine; ratios travel).
// Run: npm run bench:flags   (PGlite in memory; TEST_DATABASE_URL=postgres://… to load from Postgres)
// See bench/README.md for how to read the output.
import { performance } from "node:perf_hooks";
import {
  platformFeatureFlagOverrides,
  platformFeatureFlags,
  platformPlans,
  platformTenants,
} from "@/db/schema";
import { bucketOf } from "@/lib/flags/bucket";
import { invalidateFlagCache } from "@/lib/flags/cache";
import { evaluateAllFlags } from "@/lib/flags/evaluate";
import { getFlagSnapshot, loadFlagSnapshot } from "@/lib/flags/snapshot";
import type { FlagRule } from "@/lib/flags/types";
import { createTestDatabase } from "@/tests/helpers/db";

const FLAGS = 50;
const RULES_PER_FLAG = 5;
const TENANTS = 10_000;
const PLANS = ["free", "starter", "pro", "business", "enterprise"];
const OVERRIDES = 500;
const ROUNDS = 7;
const UNCACHED_CALLS = 200;

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same flags and tenants. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Tenant = { id: string; planCode: string };

async function seed(db: Awaited<ReturnType<typeof createTestDatabase>>["db"]): Promise<Tenant[]> {
  const random = prng(42);
  const plans = await db
    .insert(platformPlans)
    .values(PLANS.map((code, i) => ({ code, name: code, sortOrder: i })))
    .returning({ id: platformPlans.id, code: platformPlans.code });
  const tenants: Tenant[] = [];
  for (let start = 0; start < TENANTS; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, TENANTS - start) }, (_, i) => {
      const plan = plans[Math.floor(random() * plans.length)] ?? plans[0];
      return {
        slug: `bench-${start + i}`,
        name: `Bench ${start + i}`,
        planId: plan?.id ?? null,
        code: plan?.code,
      };
    });
    const rows = await db
      .insert(platformTenants)
      .values(batch.map(({ code: _code, ...row }) => row))
      .returning({ id: platformTenants.id, slug: platformTenants.slug });
    rows.forEach((row, i) => {
      tenants.push({ id: row.id, planCode: batch[i]?.code ?? "free" });
    });
  }
  const pickTenants = (n: number) =>
    Array.from({ length: n }, () => tenants[Math.floor(random() * tenants.length)]?.id ?? "");
  // Each flag: two hotel lists (20 ids each), two plan lists, one rollout — in a varying order.
  const flags = Array.from({ length: FLAGS }, (_, f) => {
    const rules: FlagRule[] = [
      { type: "tenants", tenantIds: [...new Set(pickTenants(20))], enabled: random() < 0.7 },
      { type: "plans", planCodes: [PLANS[f % PLANS.length] ?? "pro"], enabled: random() < 0.7 },
      { type: "percentage", basisPoints: Math.floor(random() * 10_000) },
      { type: "tenants", tenantIds: [...new Set(pickTenants(20))], enabled: random() < 0.5 },
      { type: "plans", planCodes: [PLANS[(f + 2) % PLANS.length] ?? "free"], enabled: random() < 0.5 },
    ].sort(() => random() - 0.5) as FlagRule[];
    return {
      key: `bench.flag_${String(f).padStart(2, "0")}`,
      defaultEnabled: random() < 0.3,
      killed: f % 17 === 16,
      rules: rules.slice(0, RULES_PER_FLAG),
    };
  });
  const flagRows = await db
    .insert(platformFeatureFlags)
    .values(flags)
    .returning({ id: platformFeatureFlags.id });
  const seen = new Set<string>();
  const overrides = [];
  while (overrides.length < OVERRIDES) {
    const flagId = flagRows[Math.floor(random() * flagRows.length)]?.id ?? "";
    const tenantId = pickTenants(1)[0] ?? "";
    if (seen.has(`${flagId}:${tenantId}`)) continue;
    seen.add(`${flagId}:${tenantId}`);
    overrides.push({ flagId, tenantId, enabled: random() < 0.5, reason: "bench" });
  }
  await db.insert(platformFeatureFlagOverrides).values(overrides);
  return tenants;
}

type Sample = { opsPerSec: number; ms: number };

/**
 * Runs every task once to warm up, then ROUNDS times in turn (A B C D A B C D …) and returns each
 * task's median. Interleaving makes a burst of load on the machine hit every task alike, so the
 * ratios stay meaningful even when the absolute numbers move.
 */
async function measureInterleaved<K extends string>(
  tasks: Record<K, () => Promise<number> | number>,
): Promise<Record<K, Sample>> {
  const names = Object.keys(tasks) as K[];
  const samples = new Map<K, Sample[]>(names.map((n) => [n, []]));
  for (const name of names) await tasks[name]();
  for (let i = 0; i < ROUNDS; i++) {
    for (const name of names) {
      const start = performance.now();
      const ops = await tasks[name]();
      const ms = performance.now() - start;
      samples.get(name)?.push({ opsPerSec: (ops / ms) * 1_000, ms });
    }
  }
  const out = {} as Record<K, Sample>;
  for (const name of names) {
    const sorted = (samples.get(name) ?? []).sort((a, b) => a.opsPerSec - b.opsPerSec);
    out[name] = sorted[Math.floor(sorted.length / 2)] ?? { opsPerSec: 0, ms: 0 };
  }
  return out;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const kind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
  const database = await createTestDatabase(kind);
  try {
    const db = database.db;
    const seedStart = performance.now();
    const tenants = await seed(db);
    const seeded = performance.now() - seedStart;
    invalidateFlagCache();
    const snapshot = await getFlagSnapshot(db);
    const flagKeys = snapshot.flags.map((f) => f.key);
    const perTenant = flagKeys.length;

    let sink = 0;
    const precomputed = new Map(flagKeys.map((k) => [k, { enabled: true, reason: "default" as const }]));
    const { cached, hashOnly, mapLookup, uncached } = await measureInterleaved({
      // 1. The cached evaluator as the app calls it: every flag for one tenant per call.
      cached: async () => {
        for (const t of tenants) {
          const results = await evaluateAllFlags(db, { tenantId: t.id, planCode: t.planCode });
          for (const r of results.values()) if (r.enabled) sink++;
        }
        return tenants.length * perTenant;
      },
      // 2. Baseline: the bare hash, once per tenant and flag (what a percentage check costs at least).
      hashOnly: () => {
        for (const t of tenants) for (const key of flagKeys) sink += bucketOf(key, t.id) & 1;
        return tenants.length * perTenant;
      },
      // 3. Baseline: a precomputed answer looked up per flag into a fresh Map (the floor of any
      //    evaluator that returns a Map of results).
      mapLookup: () => {
        for (const t of tenants) {
          const out = new Map<string, { enabled: boolean; reason: "default" }>();
          for (const key of flagKeys) {
            const hit = precomputed.get(key);
            if (hit) out.set(key, hit);
          }
          if (out.size && t.id) sink++;
        }
        return tenants.length * perTenant;
      },
      // 4. For contrast: no cache, the two snapshot queries on every call.
      uncached: async () => {
        for (const t of tenants.slice(0, UNCACHED_CALLS)) {
          const fresh = await loadFlagSnapshot(db);
          if (fresh.flags.length && t.id) sink++;
        }
        return UNCACHED_CALLS * perTenant;
      },
    });

    const rows: Array<[string, number, number]> = [
      ["cached evaluateAllFlags", cached.opsPerSec, cached.ms],
      ["baseline: bucketOf hash loop", hashOnly.opsPerSec, hashOnly.ms],
      ["baseline: Map lookup per flag", mapLookup.opsPerSec, mapLookup.ms],
      ["uncached: load snapshot per call", uncached.opsPerSec, uncached.ms],
    ];
    console.log(
      `bench/flags — ${kind}, ${FLAGS} flags × ${RULES_PER_FLAG} rules, ${fmt(TENANTS)} tenants, ${OVERRIDES} overrides` +
        ` (seeded in ${fmt(seeded)} ms); median of ${ROUNDS} interleaved rounds; Node ${process.version}`,
    );
    console.log("");
    console.log(`${"measurement".padEnd(36)}${"evaluations/s".padStart(16)}${"round ms".padStart(12)}`);
    for (const [name, ops, ms] of rows) {
      console.log(`${name.padEnd(36)}${fmt(ops).padStart(16)}${ms.toFixed(1).padStart(12)}`);
    }
    console.log("");
    console.log(
      `ratio cached evaluator / bucketOf hash loop:   ${(cached.opsPerSec / hashOnly.opsPerSec).toFixed(2)}`,
    );
    console.log(
      `ratio cached evaluator / Map lookup per flag:  ${(cached.opsPerSec / mapLookup.opsPerSec).toFixed(3)}`,
    );
    console.log(
      `ratio cached evaluator / uncached (DB per call): ${(cached.opsPerSec / uncached.opsPerSec).toFixed(0)}`,
    );
    // Keeps the loops' results observable so no engine can drop them as dead code.
    if (sink === -1) console.log(sink);
  } finally {
    await database.drop();
  }
}

await main();
