// Portal > Team: who can sign in to the hotel, pending invitations and seat usage. Owners and
// managers look; owners invite, change roles and remove (the services check again).

import { InvitationsTable } from "@/components/team/invitations-table";
import { InviteMemberDialog } from "@/components/team/invite-member-dialog";
import { MembersTable } from "@/components/team/members-table";
import { SeatUsageSummary } from "@/components/team/seat-usage";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { getSeatUsage, listInvitations } from "@/lib/team/queries";
import { listTenantMembers } from "@/lib/tenants/queries";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "members.read");
  const canManage = tenantCan(ctx.role, "members.write");
  const db = await getDb();
  const [members, invitations, seats] = await Promise.all([
    listTenantMembers(db, tenant.id),
    listInvitations(db, { tenantId: tenant.id }),
    getSeatUsage(db, { tenantId: tenant.id }),
  ]);
  const open = invitations.filter((i) => i.status === "pending" || i.status === "expired");
  const hotel = { name: tenant.name, timezone: tenant.timezone, locale: tenant.locale };

  return (
    <div className="space-y-6">
      <PageHeader
        title="Team"
        description={`People who can sign in to ${tenant.name}, and what each may do.`}
        actions={canManage ? <InviteMemberDialog hotelName={tenant.name} /> : null}
      />
      <SeatUsageSummary usage={seats} canSeePlan={tenantCan(ctx.role, "plan.read")} />
      <MembersTable members={members} canManage={canManage} currentUserId={ctx.user.id} hotel={hotel} />
      <InvitationsTable invitations={open} canManage={canManage} hotel={hotel} />
      {canManage ? null : (
        <p className="text-sm text-zinc-500">
          Only the hotel&apos;s owners can invite people or change roles.
        </p>
      )}
    </div>
  );
}
