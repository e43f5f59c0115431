// Portal > Messages > a message: what the guest received (email rendered in a sandboxed frame),
// its status and timestamps in the hotel's time, and Retry when it failed. Another hotel's
// message id is a 404. Provider callbacks and costs are the platform's and are not shown here.
import { notFound } from "next/navigation";
import { MessageDetailHeader } from "@/components/messaging/message-detail-header";
import { MessageBodyPreview } from "@/components/messaging/messages-table/email-preview";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { getMessage } from "@/lib/messaging/log/queries";
import { messageChannelLabels, retryableStatuses } from "@/lib/messaging/log/table";
import { formatDateTime } from "@/lib/time";
import { retryTenantMessageAction } from "../actions";

export const metadata = { title: "Message" };

export default async function PortalMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "messages.read");
  const detail = await getMessage(await getDb(), { id: (await params).id, tenantId: tenant.id });
  if (!detail) notFound();
  const m = detail.message;
  const canRetry = tenantCan(ctx.role, "messaging.write") && retryableStatuses.has(m.status);
  const at = (d: Date | null) => (d ? formatDateTime(d, tenant.timezone, tenant.locale) : "—");
  const fields: Array<[string, string | number]> = [
    ["Event", m.event],
    ["Channel", messageChannelLabels[m.channel]],
    ["Recipient", m.recipient],
    ["Language", m.locale ?? "—"],
    ["Provider", m.providerKind ?? "—"],
    ["SMS segments / credits", m.channel === "sms" ? `${m.segments} / ${m.credits}` : "—"],
    ["Attempts", m.attempts],
    ["Created", at(m.createdAt)],
    ["Sent", at(m.sentAt)],
    ["Delivered", at(m.deliveredAt)],
    ["Failed", at(m.failedAt)],
  ];
  return (
    <div className="space-y-6">
      <MessageDetailHeader
        message={m}
        backHref="/messages"
        description={m.event}
        retry={canRetry ? retryTenantMessageAction : null}
      />
      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Message</CardTitle>
          </CardHeader>
          <CardContent>
            <MessageBodyPreview
              body={m.body}
              html={m.html}
              title={`Message to ${m.recipient}`}
              height={480}
            />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {fields.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-zinc-500">{label}</dt>
                  <dd className="min-w-0 break-words text-zinc-900">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
