import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { InvitationStatus, InvitationView } from "@/lib/team/queries";
import { roleLabels } from "@/lib/team/schemas";
import { formatDateTime } from "@/lib/time";
import { InvitationActions } from "./invitation-actions";

const statusBadge: Record<InvitationStatus, { label: string; variant: BadgeVariant }> = {
  pending: { label: "Pending", variant: "info" },
  expired: { label: "Expired", variant: "warning" },
  accepted: { label: "Accepted", variant: "success" },
  revoked: { label: "Revoked", variant: "neutral" },
};

/** Invitations not yet accepted (pending and expired), with copy, send again and revoke for owners. */
export function InvitationsTable({
  invitations,
  canManage,
  hotel,
}: {
  invitations: InvitationView[];
  canManage: boolean;
  hotel: { timezone: string; locale: string };
}) {
  if (invitations.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Invitations</CardTitle>
        <CardDescription>
          Each pending invitation holds a seat until it is accepted, revoked or expires.
        </CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto p-0">
        <table className="w-full text-sm">
          <thead className="border-y border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
            <tr>
              <th className="px-4 py-2">Email</th>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">Expires</th>
              {canManage ? (
                <th className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {invitations.map((i) => (
              <tr key={i.id} data-invitation={i.email}>
                <td className="px-4 py-2">
                  <div className="font-medium text-zinc-900">{i.email}</div>
                  {i.invitedByName ? (
                    <div className="text-xs text-zinc-500">Invited by {i.invitedByName}</div>
                  ) : null}
                </td>
                <td className="px-4 py-2 text-zinc-600">{roleLabels[i.role]}</td>
                <td className="px-4 py-2">
                  <Badge variant={statusBadge[i.status].variant}>{statusBadge[i.status].label}</Badge>
                </td>
                <td className="px-4 py-2 whitespace-nowrap text-zinc-600">
                  {formatDateTime(i.expiresAt, hotel.timezone, hotel.locale)}
                </td>
                {canManage ? (
                  <td className="px-2 py-2">
                    <InvitationActions invitationId={i.id} email={i.email} role={i.role} status={i.status} />
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
