import murmurhash from "murmurhash";

/** Percentages are stored in basis points: 10,000 buckets, so a rollout can move in steps of 0.01%. */
export const BUCKETS = 10_000;

/**
 * The tenant's bucket for a flag, 0–9999: MurmurHash3 (x86, 32-bit, seed 0) of `flagKey:tenantId`,
 * modulo 10,000. This is what Unleash does for gradual rollouts (its `normalizedValue` hashes
 * `groupId:userId` with murmurhash3 and a seed, modulo 100); we keep 100× the resolution.
 *
 * Hashing the flag key together with the tenant id gives each flag its own ordering of tenants, so
 * the same tenants are not always the first to get every experiment. The hash is stable across
 * processes and releases: changing it would move tenants in and out of every running rollout,
 * which is why tests pin known vectors.
 */
export function bucketOf(flagKey: string, tenantId: string): number {
  return murmurhash.v3(`${flagKey}:${tenantId}`, 0) % BUCKETS;
}

/**
 * Whether the tenant is inside a rollout of `basisPoints` (0–10,000). A tenant is in when its bucket
 * is below the threshold, so raising the percentage only ever adds tenants: nobody flips off.
 */
export function inRollout(flagKey: string, tenantId: string, basisPoints: number): boolean {
  return bucketOf(flagKey, tenantId) < basisPoints;
}
