// Portal > Settings > Notifications: which guest events send an SMS and which an email. Everything
// is on for a new hotel; owners and managers switch channels off (and on again) per event.

import { Lock } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import {
  listNotificationPreferences,
  type NotificationPreference,
} from "@/lib/messaging/preferences-service";
import { PreferenceSwitch } from "./preference-switch";

export const metadata = { title: "Notifications" };

type Row = {
  event: NotificationPreference["event"];
  label: string;
  description: string;
  sms: boolean;
  email: boolean;
};

function byEvent(preferences: readonly NotificationPreference[]): Row[] {
  const rows = new Map<string, Row>();
  for (const p of preferences) {
    const row = rows.get(p.event) ?? {
      event: p.event,
      label: p.label,
      description: p.description,
      sms: true,
      email: true,
    };
    row[p.channel] = p.enabled;
    rows.set(p.event, row);
  }
  return [...rows.values()];
}

export default async function NotificationSettingsPage() {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "messages.read");
  const canWrite = tenantCan(ctx.role, "messaging.write");
  const rows = byEvent(await listNotificationPreferences(await getDb(), { tenantId: tenant.id }));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications"
        description="Choose how guests hear from you for each event. Everything is on until you switch it off."
      />
      {canWrite ? null : (
        <p className="flex items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-600">
          <Lock className="size-4 text-zinc-400" aria-hidden />
          You can see these settings; an owner or manager changes them.
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-zinc-50 text-left text-xs font-medium text-zinc-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                Event
              </th>
              <th scope="col" className="w-28 px-4 py-2">
                SMS
              </th>
              <th scope="col" className="w-28 px-4 py-2">
                Email
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row) => (
              <tr key={row.event}>
                <td className="px-4 py-3">
                  <div className="font-medium text-zinc-900">{row.label}</div>
                  <div className="text-[13px] text-zinc-500">{row.description}</div>
                </td>
                {(["sms", "email"] as const).map((channel) => (
                  <td key={channel} className="px-4 py-3">
                    <PreferenceSwitch
                      event={row.event}
                      eventLabel={row.label}
                      channel={channel}
                      enabled={row[channel]}
                      canWrite={canWrite}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-[13px] text-zinc-500">
        The wording of each message is under{" "}
        <Link href="/settings/templates" className="text-brand-700 hover:underline">
          Message templates
        </Link>
        .
      </p>
    </div>
  );
}
