// The platform console shell: every /platform page is behind requirePlatformRole, and the
// sidebar comes from the unified navigation (scope "console"), filtered for the admin's role.

import { ServerFlagsProvider } from "@/components/flags/server-flags-provider";
import { AppShell } from "@/components/shell/app-shell";
import { getDb } from "@/db/client";
import { signOutAction } from "@/lib/auth/actions";
import { requirePlatformRole } from "@/lib/auth/guards";
import { getEnabledFlags } from "@/lib/flags/evaluate";
import { getEffectiveMenu } from "@/lib/nav/effective-menu";

export const dynamic = "force-dynamic";

const roleLabels = {
  super_admin: "Super admin",
  billing_admin: "Billing admin",
  support_agent: "Support agent",
} as const;

export default async function PlatformLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePlatformRole();
  const db = await getDb();
  const flags = await getEnabledFlags(db, { tenantId: null });
  const menu = await getEffectiveMenu(db, {
    scope: "console",
    tenantId: null,
    role: ctx.platformRole,
    flags,
    planFeatures: new Set(),
  });
  return (
    <ServerFlagsProvider tenant={null}>
      <AppShell
        brand={{ title: "Hearth", subtitle: "Platform console", href: "/platform" }}
        menu={menu}
        user={{ name: ctx.user.name, email: ctx.user.email, roleLabel: roleLabels[ctx.platformRole] }}
        signOutAction={signOutAction}
        accent="indigo"
      >
        {children}
      </AppShell>
    </ServerFlagsProvider>
  );
}
