// Console > Messaging > a message: what was sent (the email rendered in a sandboxed frame), every
// field of its log entry, the provider's delivery callbacks as a timeline, and Retry for super
// admins when it failed or never arrived.
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageDetailHeader } from "@/components/messaging/message-detail-header";
import { MessageBodyPreview } from "@/components/messaging/messages-table/email-preview";
import { LocalTime } from "@/components/messaging/messages-table/local-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import type { DeliveryEventRow } from "@/lib/messaging/log/queries";
import { getMessage } from "@/lib/messaging/log/queries";
import { messageChannelLabels, retryableStatuses } from "@/lib/messaging/log/table";
import { formatMoney } from "@/lib/money";
import { retryMessageAction } from "../actions";

export const metadata = { title: "Message" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePlatformRole("messaging.read");
  const detail = await getMessage(await getDb(), { id: (await params).id });
  if (!detail?.platform) notFound();
  const { message: m, platform } = detail;
  const canRetry = platformCan(ctx.platformRole, "messaging.write") && retryableStatuses.has(m.status);

  return (
    <div className="space-y-6">
      <MessageDetailHeader
        message={m}
        backHref="/platform/messaging/messages"
        description={`${m.event} → ${m.recipient}`}
        retry={canRetry ? retryMessageAction : null}
      />
      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Message</CardTitle>
            <CardDescription>
              {m.html ? "The email as rendered (scripts and links are disabled here)." : "The text as sent."}
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-3">
            <MessageBodyPreview
              body={m.body}
              html={m.html}
              title={`Message to ${m.recipient}`}
              height={480}
            />
            {m.html ? (
              <details>
                <summary className="cursor-pointer text-sm text-zinc-500">Text version</summary>
                <MessageBodyPreview body={m.body} html={null} title={`Text to ${m.recipient}`} />
              </details>
            ) : null}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <Field label="Tenant">
                {m.tenantId ? (
                  <Link href={`/platform/tenants/${m.tenantId}?tab=messaging`} className="hover:underline">
                    {m.tenantName}
                  </Link>
                ) : (
                  "Platform"
                )}
              </Field>
              <Field label="Event">
                <span className="font-mono text-xs">{m.event}</span>
              </Field>
              <Field label="Channel">{messageChannelLabels[m.channel]}</Field>
              <Field label="Locale">{m.locale ?? "—"}</Field>
              <Field label="Recipient">{m.recipient}</Field>
              <Field label="Provider">
                {m.providerKind
                  ? `${m.providerKind}${platform.providerId ? ` · ${platform.providerId}` : ""}`
                  : "—"}
              </Field>
              <Field label="Provider message id">{m.providerMessageId ?? "—"}</Field>
              <Field label="Segments / credits">
                {m.channel === "sms" ? `${m.segments} / ${m.credits}` : "—"}
              </Field>
              <Field label="Cost">
                {platform.costCurrency ? formatMoney(platform.costMinor, platform.costCurrency) : "—"}
              </Field>
              <Field label="Attempts">{m.attempts}</Field>
              <Field label="Template">{m.templateId ?? "—"}</Field>
              <Field label="Idempotency key">
                <span className="font-mono text-xs break-all">{platform.idempotencyKey}</span>
              </Field>
              <Field label="Credit reference">{platform.creditReference ?? "—"}</Field>
              <Field label="Created">
                <LocalTime value={m.createdAt} />
              </Field>
              <Field label="Sent">{m.sentAt ? <LocalTime value={m.sentAt} /> : "—"}</Field>
              <Field label="Delivered">{m.deliveredAt ? <LocalTime value={m.deliveredAt} /> : "—"}</Field>
              <Field label="Failed">{m.failedAt ? <LocalTime value={m.failedAt} /> : "—"}</Field>
              <Field label="Updated">
                <LocalTime value={m.updatedAt} />
              </Field>
            </dl>
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Delivery events</CardTitle>
          <CardDescription>
            Every status callback the provider sent for this message, including the ones that were ignored or
            refused.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DeliveryTimeline events={platform.deliveryEvents} />
        </CardContent>
      </Card>
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900">{children}</dd>
    </>
  );
}

const outcomeVariant = { applied: "success", ignored: "neutral", refused: "danger" } as const;

function DeliveryTimeline({ events }: { events: DeliveryEventRow[] }) {
  if (events.length === 0) return <p className="text-sm text-zinc-500">No callbacks received yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-zinc-200 pl-5" data-testid="delivery-events">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span
            aria-hidden
            className="absolute top-1.5 -left-[1.65rem] size-2.5 rounded-full bg-zinc-300 ring-4 ring-white"
          />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-zinc-900">{e.status ?? "unknown status"}</span>
            <Badge variant={outcomeVariant[e.outcome]}>{e.outcome}</Badge>
            {e.reason ? <span className="text-zinc-500">{e.reason}</span> : null}
            <LocalTime value={e.receivedAt} className="text-xs text-zinc-500 tabular-nums" />
          </div>
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-brand-700">{e.providerKind} payload</summary>
            <pre className="mt-1 max-h-48 overflow-auto rounded bg-zinc-50 p-2 text-xs">
              {JSON.stringify(e.payload, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
