import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { ZodError } from "zod";
import { getCurrentTenant, requirePlatformRole, requireTenantMember } from "@/lib/auth/guards";
import type { PlatformPermission, TenantPermission } from "@/lib/auth/permissions";
import { AppError, isUniqueViolation } from "@/lib/errors";

/**
 * The one action client. What reaches the browser as `serverError` is either an AppError's message
 * (written for users) or a generic sentence; the real error is logged on the server. Navigation
 * interrupts (redirect, notFound, forbidden) pass through untouched.
 */
export const actionClient = createSafeActionClient({
  handleServerError(error) {
    if (error instanceof AppError) return error.message;
    if (isUniqueViolation(error)) return "That already exists.";
    if (error instanceof ZodError) return error.issues[0]?.message ?? "Some of the data is invalid.";
    console.error("[action] unhandled error", error);
    return "Something went wrong on our side. It has been logged.";
  },
});

/** A console action: the caller must hold `permission`; `ctx` is the PlatformContext. */
export function platformAction(permission: PlatformPermission) {
  return actionClient.use(async ({ next }) => {
    const ctx = await requirePlatformRole(permission);
    return next({ ctx });
  });
}

/**
 * A portal action: the tenant comes from the request's host (never from the client's input) and
 * the caller must be its member with `permission`; `ctx` is the TenantContext.
 */
export function tenantAction(permission: TenantPermission) {
  return actionClient.use(async ({ next }) => {
    const tenant = await getCurrentTenant();
    const ctx = await requireTenantMember(tenant, permission);
    return next({ ctx });
  });
}
