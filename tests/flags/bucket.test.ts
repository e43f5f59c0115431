import { createHash } from "node:crypto";
import fc from "fast-check";
import murmurhash from "murmurhash";
import { describe, expect, test } from "vitest";
import { BUCKETS, bucketOf, inRollout } from "@/lib/flags/bucket";

// Flag keys as the schema allows them: 2–60 of [a-z0-9_.-].
const flagKey = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_.-".split("")),
  minLength: 2,
  maxLength: 60,
});
const basisPoints = fc.integer({ min: 0, max: BUCKETS });

/** 10,000 distinct uuid-shaped tenant ids, the same on every run (no flaky statistics). */
function syntheticTenantIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const h = createHash("sha256").update(`tenant-${i}`).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  });
}

describe("bucketOf", () => {
  test("is MurmurHash3 x86 32-bit with seed 0 (reference vectors of the algorithm)", () => {
    expect(murmurhash.v3("", 0)).toBe(0);
    expect(murmurhash.v3("hello", 0)).toBe(0x248bfa47);
    expect(murmurhash.v3("The quick brown fox jumps over the lazy dog", 0)).toBe(0x2e4ff723);
  });

  // Pinned: if these change, every running rollout would reshuffle its tenants.
  test.each([
    ["new_inbox", "00000000-0000-0000-0000-000000000001", 5290],
    ["checkout.v2", "6f1c2a52-9a3e-4c1b-8f0e-2d4b7c9e1a35", 8081],
  ])("bucketOf(%s, %s) = %i", (key, tenantId, bucket) => {
    expect(bucketOf(key, tenantId)).toBe(bucket);
  });

  test("is stable and always in 0–9999", () => {
    fc.assert(
      fc.property(flagKey, fc.uuid(), (key, tenantId) => {
        const bucket = bucketOf(key, tenantId);
        expect(bucketOf(key, tenantId)).toBe(bucket);
        expect(Number.isInteger(bucket)).toBe(true);
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(BUCKETS);
      }),
    );
  });
});

describe("inRollout", () => {
  test("monotonic: a tenant in a rollout stays in when the percentage grows", () => {
    fc.assert(
      fc.property(flagKey, fc.uuid(), basisPoints, basisPoints, (key, tenantId, a, b) => {
        const [p1, p2] = a <= b ? [a, b] : [b, a];
        if (inRollout(key, tenantId, p1)) expect(inRollout(key, tenantId, p2)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  test("0% is nobody and 100% is everybody", () => {
    fc.assert(
      fc.property(flagKey, fc.uuid(), (key, tenantId) => {
        expect(inRollout(key, tenantId, 0)).toBe(false);
        expect(inRollout(key, tenantId, BUCKETS)).toBe(true);
      }),
    );
  });

  const tenants = syntheticTenantIds(10_000);

  test.each([1, 10, 25, 50, 90])(
    "over 10,000 tenants, %i%% enables that share within ±2 points",
    (percent) => {
      // Several flag keys, drawn with a fixed seed so the run is reproducible.
      fc.assert(
        fc.property(flagKey, (key) => {
          const enabled = tenants.filter((t) => inRollout(key, t, percent * 100)).length;
          const share = (enabled / tenants.length) * 100;
          expect(Math.abs(share - percent)).toBeLessThanOrEqual(2);
        }),
        { numRuns: 10, seed: 20_250_105 },
      );
    },
  );

  test("different flags roll out to different tenants", () => {
    const a = new Set(tenants.filter((t) => inRollout("flag_a", t, 5_000)));
    const both = tenants.filter((t) => a.has(t) && inRollout("flag_b", t, 5_000)).length;
    // Independent halves overlap on about a quarter, not on the whole half.
    expect(both / tenants.length).toBeGreaterThan(0.22);
    expect(both / tenants.length).toBeLessThan(0.28);
  });
});
