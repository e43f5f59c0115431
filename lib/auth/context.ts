import type { Actor } from "@/lib/audit/actor";
import type { Tenant, TenantRole } from "@/lib/tenants/queries";
import type { PlatformRole } from "./permissions";

export type SessionUser = { id: string; email: string; name: string };

/** What a console page, action or route knows about its caller after the guard. */
export type PlatformContext = { user: SessionUser; platformRole: PlatformRole; actor: Actor };

/**
 * What a portal page or action knows after the guard. `viaPlatform` is true for a platform admin
 * who entered through a one-time sign-in link; they act with the owner's rights, audited as themselves.
 */
export type TenantContext = {
  user: SessionUser;
  tenant: Tenant;
  role: TenantRole;
  viaPlatform: boolean;
  actor: Actor;
};

/** The caller of a REST route: a signed-in user (platform role or not) or a platform API key (no user). */
export type ApiPrincipal = { user: SessionUser | null; platformRole: PlatformRole | null; actor: Actor };
