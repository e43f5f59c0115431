import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { roleLabels } from "@/lib/team/schemas";
import type { MemberRow } from "@/lib/tenants/queries";
import { formatDateTime } from "@/lib/time";
import { MemberRoleSelect } from "./member-role-select";
import { RemoveMemberButton } from "./remove-member-button";

/** The team, with role changes and removal for owners. Times in the hotel's timezone. */
export function MembersTable({
  members,
  canManage,
  currentUserId,
  hotel,
}: {
  members: MemberRow[];
  canManage: boolean;
  currentUserId: string;
  hotel: { name: string; timezone: string; locale: string };
}) {
  // The only owner can neither change role nor leave (the services refuse it too): offer neither.
  const owners = members.filter((m) => m.role === "owner").length;
  const isSoleOwner = (m: MemberRow) => m.role === "owner" && owners === 1;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Members</CardTitle>
      </CardHeader>
      <CardContent className="overflow-x-auto p-0">
        <table className="w-full text-sm">
          <thead className="border-y border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
            <tr>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">Email</th>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2">Last sign-in</th>
              {canManage ? (
                <th className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {members.map((m) => (
              <tr key={m.userId} data-member={m.email}>
                <td className="px-4 py-2 font-medium text-zinc-900">
                  {m.name}
                  {m.userId === currentUserId ? (
                    <span className="ml-1.5 text-xs font-normal text-zinc-500">(you)</span>
                  ) : null}
                </td>
                <td className="px-4 py-2 text-zinc-600">{m.email}</td>
                <td className="px-4 py-2">
                  {canManage && !isSoleOwner(m) ? (
                    <MemberRoleSelect userId={m.userId} name={m.name} role={m.role} />
                  ) : (
                    <Badge variant={m.role === "owner" ? "success" : "neutral"}>{roleLabels[m.role]}</Badge>
                  )}
                </td>
                <td className="px-4 py-2 whitespace-nowrap text-zinc-600">
                  {m.lastLoginAt ? formatDateTime(m.lastLoginAt, hotel.timezone, hotel.locale) : "Never"}
                </td>
                {canManage ? (
                  <td className="px-4 py-2 text-right">
                    {isSoleOwner(m) ? (
                      <span className="text-xs text-zinc-500">Only owner</span>
                    ) : (
                      <RemoveMemberButton
                        userId={m.userId}
                        name={m.name}
                        hotelName={hotel.name}
                        isSelf={m.userId === currentUserId}
                      />
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
