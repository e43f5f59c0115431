// The hotel's team. Issue 4 adds invitations, role changes and removal.

import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { listTenantMembers } from "@/lib/tenants/queries";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const tenant = await getCurrentTenant();
  await requireTenantMember(tenant, "members.read");
  const members = await listTenantMembers(await getDb(), tenant.id);
  return (
    <div className="space-y-6">
      <PageHeader title="Team" description={`People who can sign in to ${tenant.name}`} />
      <Card>
        <CardContent className="p-0">
          <table className="w-full text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-4 py-2">Name</th>
                <th className="px-4 py-2">Email</th>
                <th className="px-4 py-2">Role</th>
                <th className="px-4 py-2">Last sign-in</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {members.map((m) => (
                <tr key={m.userId}>
                  <td className="px-4 py-2 font-medium">{m.name}</td>
                  <td className="px-4 py-2 text-zinc-600">{m.email}</td>
                  <td className="px-4 py-2">
                    <Badge variant={m.role === "owner" ? "success" : "neutral"}>{m.role}</Badge>
                  </td>
                  <td className="px-4 py-2 text-zinc-600">
                    {m.lastLoginAt ? formatDateTime(m.lastLoginAt, tenant.timezone) : "Never"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </div>
  );
}
