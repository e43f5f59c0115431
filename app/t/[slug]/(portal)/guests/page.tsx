// Portal > Guests: everyone who has stayed or will stay, searched by name, email or phone. Anyone
// on the team adds and edits guests; each name opens the guest with their bookings.

import { Plus } from "lucide-react";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { languageName } from "@/components/hotel/format";
import { GuestDialog } from "@/components/hotel/guest-dialog";
import { formatPhone, hotelLanguage, phoneHint } from "@/components/hotel/guest-display";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { listGuests } from "@/lib/hotel/guests";
import { guestsTableConfig } from "@/lib/hotel/table";
import { type GuestRow, GuestsTable } from "./guests-table";

export const metadata = { title: "Guests" };

export default async function GuestsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant);
  const canWrite = tenantCan(ctx.role, "guests.write");
  const params = parseTableParams(await searchParams, guestsTableConfig);
  const { rows, total } = await listGuests(await getDb(), {
    tenantId: tenant.id,
    q: params.q || undefined,
    sort: params.sort,
    limit: params.perPage,
    offset: params.offset,
  });
  const dateFormat = new Intl.DateTimeFormat(tenant.locale, {
    dateStyle: "medium",
    timeZone: tenant.timezone,
  });
  const view: GuestRow[] = rows.map((g) => ({
    id: g.id,
    name: g.name,
    phone: g.phone ?? "",
    email: g.email ?? "",
    preferredLanguage: g.preferredLanguage,
    notes: g.notes,
    phoneLabel: formatPhone(g.phone),
    languageLabel: languageName(g.preferredLanguage),
    createdAt: g.createdAt.toISOString(),
    createdLabel: dateFormat.format(g.createdAt),
  }));
  const hint = phoneHint(tenant);
  const language = hotelLanguage(tenant);
  const addButton = (
    <GuestDialog
      phoneHint={hint}
      hotelLanguage={language}
      trigger={
        <Button>
          <Plus aria-hidden /> Add guest
        </Button>
      }
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Guests"
        description={`${total === 1 ? "1 guest" : `${total} guests`}${params.q ? " match your search" : ""}`}
        actions={canWrite ? addButton : null}
      />
      <GuestsTable rows={view} total={total} canWrite={canWrite} phoneHint={hint} hotelLanguage={language} />
    </div>
  );
}
