import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { MemberRow } from "@/lib/tenants/queries";
import { formatDateTime } from "@/lib/time";

/** The hotel's team with roles and last sign-in. Membership is managed by the hotel in its portal. */
export function MembersTab({ members, timezone }: { members: readonly MemberRow[]; timezone: string }) {
  if (members.length === 0) {
    return <EmptyState icon={<Users />} title="No members" description="This hotel has no members yet." />;
  }
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Members">
        <thead className="border-b border-zinc-200 bg-zinc-50/60 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
          <tr>
            <th className="px-4 py-2.5">Name</th>
            <th className="px-4 py-2.5">Email</th>
            <th className="px-4 py-2.5">Role</th>
            <th className="px-4 py-2.5 text-right">Joined</th>
            <th className="px-4 py-2.5 text-right">Last sign-in</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {members.map((m) => (
            <tr key={m.userId}>
              <td className="px-4 py-2.5 font-medium text-zinc-900">{m.name}</td>
              <td className="px-4 py-2.5 text-zinc-600">{m.email}</td>
              <td className="px-4 py-2.5">
                <Badge variant={m.role === "owner" ? "success" : "neutral"}>{m.role}</Badge>
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums text-zinc-600">
                {formatDateTime(m.joinedAt, timezone)}
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums text-zinc-600">
                {m.lastLoginAt ? formatDateTime(m.lastLoginAt, timezone) : "Never"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
