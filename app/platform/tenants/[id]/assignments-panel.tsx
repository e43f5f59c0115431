// The tenant page's provider assignments: per channel, the providers that serve this hotel in
// failover order with an optional sender override, or the platform default when there are none.

import { AssignmentsEditor } from "@/app/platform/messaging/providers/assignments-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { kindLabels } from "@/lib/messaging/providers/form-fields";
import {
  getDefaultProvider,
  listAssignments,
  listProviders,
  type ProviderView,
} from "@/lib/messaging/providers/queries";

const channels = [
  { channel: "sms", title: "SMS providers" },
  { channel: "email", title: "Email providers" },
] as const;

const senderOf = (p: ProviderView) => (p.channel === "sms" ? p.senderId : p.fromAddress);

export async function AssignmentsPanel({ tenantId, canWrite }: { tenantId: string; canWrite: boolean }) {
  const ctx = await requirePlatformRole("messaging.read");
  const editable = canWrite && platformCan(ctx.platformRole, "messaging.write");
  const db = await getDb();
  const [assignments, sms, email, smsDefault, emailDefault] = await Promise.all([
    listAssignments(db, { tenantId }),
    listProviders(db, { channel: "sms" }),
    listProviders(db, { channel: "email" }),
    getDefaultProvider(db, { channel: "sms" }),
    getDefaultProvider(db, { channel: "email" }),
  ]);
  const providers = { sms, email };
  const defaults = { sms: smsDefault, email: emailDefault };

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {channels.map(({ channel, title }) => (
        <Card key={channel}>
          <CardHeader>
            <CardTitle>{title}</CardTitle>
            <CardDescription>
              Tried from the top; the next one takes over when a provider fails. An empty list uses the
              platform default.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <AssignmentsEditor
              tenantId={tenantId}
              channel={channel}
              canWrite={editable}
              defaultName={defaults[channel]?.name ?? null}
              assigned={assignments
                .filter((a) => a.channel === channel)
                .map((a) => ({ providerId: a.providerId, sender: a.sender ?? "" }))}
              providers={providers[channel].map((p) => ({
                id: p.id,
                name: p.name,
                kind: kindLabels[p.kind],
                enabled: p.enabled,
                sender: senderOf(p),
              }))}
            />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
