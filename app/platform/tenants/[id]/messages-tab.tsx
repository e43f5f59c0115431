import { Mail } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { OutboxRow } from "@/lib/messaging/outbox";
import { formatDateTime } from "@/lib/time";

/** The emails queued for this hotel (welcome, notices), newest first, with their text. */
export function MessagesTab({ emails, timezone }: { emails: readonly OutboxRow[]; timezone: string }) {
  if (emails.length === 0) {
    return (
      <EmptyState
        icon={<Mail />}
        title="No messages yet"
        description="Emails sent to this hotel appear here."
      />
    );
  }
  return (
    <Card className="divide-y divide-zinc-100">
      {emails.map((e) => (
        <details key={e.id} className="group px-4 py-3">
          <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-2">
            <span className="min-w-0">
              <span className="block truncate font-medium text-zinc-900">{e.subject}</span>
              <span className="block text-xs text-zinc-500">
                to {e.to} · {e.event}
              </span>
            </span>
            <span className="flex items-center gap-2">
              <Badge variant={e.status === "failed" ? "danger" : e.status === "sent" ? "success" : "neutral"}>
                {e.status}
              </Badge>
              <time className="text-xs tabular-nums text-zinc-500">
                {formatDateTime(e.createdAt, timezone)}
              </time>
            </span>
          </summary>
          <pre className="mt-3 max-h-80 overflow-auto rounded-md bg-zinc-50 p-3 font-sans text-[13px] whitespace-pre-wrap text-zinc-700">
            {e.text}
          </pre>
        </details>
      ))}
    </Card>
  );
}
