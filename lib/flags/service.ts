// The feature-flag module's writes: definitions, rules and the kill switch (flag-service.ts) and
// per-tenant overrides (override-service.ts). Each validates its input, runs in one transaction with
// its audit row, and drops the flag and menu caches after it commits.
export {
  createFlag,
  deleteFlag,
  getFlagOrThrow,
  setFlagKilled,
  setFlagRules,
  updateFlag,
} from "./flag-service";
export { removeFlagOverride, setFlagOverride } from "./override-service";
