// Console > Messaging > Import: moves each hotel's SMS settings from the earlier system into
// providers and assignments. Everyone with messaging.read may see the format; only super admins
// (messaging.write) run it.
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { SmsImportPanel } from "./import-panel";

export const metadata = { title: "Import SMS settings" };

const example = `[
  {
    "tenantSlug": "grandview",
    "provider": "twilio",
    "credentials": { "accountSid": "AC…", "authToken": "…" },
    "senderId": "GRANDVIEW"
  },
  { "tenantSlug": "seaside", "provider": "termii", "credentials": { "apiKey": "…" }, "name": "Termii NG" }
]`;

export default async function ImportSmsSettingsPage() {
  const ctx = await requirePlatformRole("messaging.read");
  const canWrite = platformCan(ctx.platformRole, "messaging.write");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import SMS settings"
        description="Each entry becomes an SMS provider (an existing one is reused when the kind and the account SID or API key match) assigned to the hotel after its current providers. Run it again safely: nothing is created twice."
      />
      {canWrite ? (
        <SmsImportPanel example={example} />
      ) : (
        <p className="text-sm text-zinc-500">Only super admins can import SMS settings.</p>
      )}
    </div>
  );
}
