// The navigation module's writes: platform items (console, super admins) and tenants' overrides.
// Each validates its input, runs in one transaction with its audit row, and invalidates the cache.
export { createNavItem, deleteNavItem, updateNavItem } from "./item-service";
export { removeNavOverride, replaceNavOverrides, upsertNavOverride } from "./override-service";
