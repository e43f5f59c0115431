// The tenant portal shell: members only (or a platform admin who came by a one-time link);
// a suspended hotel shows its members the suspended page instead. The sidebar comes from the
// unified navigation (scope "portal") with this tenant's overrides applied.

import { ServerFlagsProvider } from "@/components/flags/server-flags-provider";
import { AppShell } from "@/components/shell/app-shell";
import { SuspendedNotice } from "@/components/tenants/suspended-notice";
import { getDb } from "@/db/client";
import { signOutAction } from "@/lib/auth/actions";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { getTenantPortalMenu } from "@/lib/nav/tenant-menu";

export const dynamic = "force-dynamic";

const roleLabels = { owner: "Owner", manager: "Manager", staff: "Staff" } as const;

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  if (tenant.status === "suspended" && !ctx.viaPlatform) {
    return <SuspendedNotice tenant={tenant} signOutAction={signOutAction} />;
  }
  const menu = await getTenantPortalMenu(await getDb(), tenant, ctx.role);
  return (
    <ServerFlagsProvider tenant={tenant}>
      <AppShell
        brand={{ title: tenant.name, subtitle: "Hotel portal", href: "/" }}
        menu={menu}
        user={{
          name: ctx.user.name,
          email: ctx.user.email,
          roleLabel: ctx.viaPlatform ? "Hearth support (via console)" : roleLabels[ctx.role],
        }}
        signOutAction={signOutAction}
        accent="emerald"
      >
        {ctx.viaPlatform ? (
          <div className="mb-4 rounded-md border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-800">
            You are viewing {tenant.name} as Hearth staff. Everything you do here is recorded in the audit
            log.
            {tenant.status === "suspended" ? " This hotel is suspended: its members cannot sign in." : ""}
          </div>
        ) : null}
        {children}
      </AppShell>
    </ServerFlagsProvider>
  );
}
