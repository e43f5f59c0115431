import type { TenantRole } from "@/lib/tenants/queries";

export const platformRoles = ["super_admin", "billing_admin", "support_agent"] as const;
export type PlatformRole = (typeof platformRoles)[number];
export const tenantRoles = ["owner", "manager", "staff"] as const satisfies readonly TenantRole[];

/** What each platform role may do. The console, the REST API and server actions all ask this one table. */
const platformGrants = {
  "console.view": ["super_admin", "billing_admin", "support_agent"],
  "tenants.read": ["super_admin", "billing_admin", "support_agent"],
  "tenants.write": ["super_admin"],
  "tenants.open_portal": ["super_admin", "support_agent"],
  "nav.read": ["super_admin", "billing_admin", "support_agent"],
  "nav.write": ["super_admin"],
  "audit.read": ["super_admin", "billing_admin", "support_agent"],
  "audit.export": ["super_admin"],
  "jobs.read": ["super_admin", "support_agent"],
  "plans.read": ["super_admin", "billing_admin", "support_agent"],
  "plans.write": ["super_admin", "billing_admin"],
  "flags.read": ["super_admin", "billing_admin", "support_agent"],
  "flags.write": ["super_admin"],
  "api_keys.manage": ["super_admin"],
  "messaging.read": ["super_admin", "billing_admin", "support_agent"],
  /** Providers (credentials), templates, the SMS-settings import, retries. */
  "messaging.write": ["super_admin"],
  "credits.read": ["super_admin", "billing_admin", "support_agent"],
  "credits.adjust": ["super_admin", "billing_admin"],
  "billing.read": ["super_admin", "billing_admin", "support_agent"],
  /** Run the cycle, manual invoices, record payments and refunds, void. */
  "billing.write": ["super_admin", "billing_admin"],
  "marketplace.write": ["super_admin", "billing_admin"],
} as const satisfies Record<string, readonly PlatformRole[]>;

export type PlatformPermission = keyof typeof platformGrants;

export function platformCan(role: PlatformRole | null | undefined, permission: PlatformPermission): boolean {
  return role != null && (platformGrants[permission] as readonly PlatformRole[]).includes(role);
}

/** What each tenant role may do inside its own portal. */
const tenantGrants = {
  "portal.view": ["owner", "manager", "staff"],
  "members.read": ["owner", "manager"],
  "members.write": ["owner"],
  "nav.write": ["owner"],
  "settings.write": ["owner", "manager"],
  "plan.read": ["owner", "manager"],
  "plan.change": ["owner"],
  "rooms.write": ["owner", "manager"],
  "guests.write": ["owner", "manager", "staff"],
  "bookings.write": ["owner", "manager", "staff"],
  "service_requests.write": ["owner", "manager", "staff"],
  "messages.read": ["owner", "manager"],
  /** The tenant's own templates, notification preferences and failed-message retries. */
  "messaging.write": ["owner", "manager"],
  "credits.read": ["owner", "manager"],
  "credits.settings": ["owner"],
  "billing.read": ["owner", "manager"],
  "billing.pay": ["owner", "manager"],
  "marketplace.buy": ["owner", "manager"],
} as const satisfies Record<string, readonly TenantRole[]>;

export type TenantPermission = keyof typeof tenantGrants;

export function tenantCan(role: TenantRole | null | undefined, permission: TenantPermission): boolean {
  return role != null && (tenantGrants[permission] as readonly TenantRole[]).includes(role);
}
