import { Mail, MessageSquare } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { MessageRow } from "@/lib/messaging/send/types";
import { formatDateTime } from "@/lib/time";

const statusVariant: Record<MessageRow["status"], BadgeVariant> = {
  queued: "neutral",
  sent: "info",
  delivered: "success",
  failed: "danger",
  undelivered: "warning",
};

/** This hotel's messages from the message log (SMS and email, welcome mail included), newest first. */
export function MessagesTab({ emails, timezone }: { emails: readonly MessageRow[]; timezone: string }) {
  if (emails.length === 0) {
    return (
      <EmptyState
        icon={<Mail />}
        title="No messages yet"
        description="SMS and emails sent to this hotel and its guests appear here."
      />
    );
  }
  return (
    <Card className="divide-y divide-zinc-100">
      {emails.map((m) => (
        <details key={m.id} className="group px-4 py-3">
          <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-2">
            <span className="flex min-w-0 items-center gap-2">
              {m.channel === "sms" ? (
                <MessageSquare aria-label="SMS" className="size-4 shrink-0 text-zinc-400" />
              ) : (
                <Mail aria-label="Email" className="size-4 shrink-0 text-zinc-400" />
              )}
              <span className="min-w-0">
                <span className="block truncate font-medium text-zinc-900">
                  {m.subject ?? (m.body.slice(0, 80) || m.event)}
                </span>
                <span className="block text-xs text-zinc-500">
                  to {m.recipient} · {m.event}
                  {m.providerKind ? ` · via ${m.providerKind}` : ""}
                  {m.channel === "sms" && m.segments > 0
                    ? ` · ${m.segments} segment${m.segments === 1 ? "" : "s"}`
                    : ""}
                </span>
              </span>
            </span>
            <span className="flex items-center gap-2">
              <Badge variant={statusVariant[m.status]} data-testid="message-status">
                {m.status}
              </Badge>
              <time className="text-xs tabular-nums text-zinc-500">
                {formatDateTime(m.createdAt, timezone)}
              </time>
            </span>
          </summary>
          {m.error ? <p className="mt-2 text-xs text-red-700">{m.error}</p> : null}
          <pre className="mt-3 max-h-80 overflow-auto rounded-md bg-zinc-50 p-3 font-sans text-[13px] whitespace-pre-wrap text-zinc-700">
            {m.body}
          </pre>
        </details>
      ))}
    </Card>
  );
}
