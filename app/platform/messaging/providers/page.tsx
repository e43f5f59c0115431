// Console > Messaging > Providers: the platform's SMS and email providers with their (encrypted)
// credentials, costs, throttles, the default per channel and the last connection test. Everyone
// with messaging.read looks; super admins (messaging.write) add, edit, test and delete.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { emailProviderKinds, smsProviderKinds } from "@/lib/messaging/providers/credentials";
import { emailKindFields, kindLabels, smsKindFields } from "@/lib/messaging/providers/form-fields";
import { listProviders } from "@/lib/messaging/providers/queries";
import { ProvidersTable } from "./providers-table";
import { toProviderRowView } from "./view";

export const metadata = { title: "Messaging providers" };

const options = (kinds: readonly (keyof typeof kindLabels)[]) =>
  kinds.map((kind) => ({ value: kind, label: kindLabels[kind] }));

export default async function ProvidersPage() {
  const ctx = await requirePlatformRole("messaging.read");
  const canWrite = platformCan(ctx.platformRole, "messaging.write");
  const db = await getDb();
  const [sms, email] = await Promise.all([
    listProviders(db, { channel: "sms" }),
    listProviders(db, { channel: "email" }),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Providers"
        description="Who delivers the platform's SMS and email. Hotels use the default unless they are assigned providers of their own (on the hotel's Messaging tab), tried in order."
      />
      <Card>
        <CardHeader>
          <CardTitle>SMS</CardTitle>
          <CardDescription>
            Costs are per segment; the worker never sends faster than the throttle.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ProvidersTable
            channel="sms"
            providers={sms.map(toProviderRowView)}
            kinds={options(smsProviderKinds)}
            fields={smsKindFields()}
            canWrite={canWrite}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Email</CardTitle>
          <CardDescription>The From address can be overridden per hotel.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProvidersTable
            channel="email"
            providers={email.map(toProviderRowView)}
            kinds={options(emailProviderKinds)}
            fields={emailKindFields()}
            canWrite={canWrite}
          />
        </CardContent>
      </Card>
    </div>
  );
}
