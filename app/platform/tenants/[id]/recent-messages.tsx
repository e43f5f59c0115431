import { Mail, MessageSquare } from "lucide-react";
import Link from "next/link";
import { MessageStatusBadge } from "@/components/messaging/messages-table/status-badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { MessageListRow } from "@/lib/messaging/log/queries";
import { formatDateTime } from "@/lib/time";

/**
 * The hotel's latest messages from the message log (SMS and email, its welcome mail included),
 * newest first, each linking to its detail in the console's log. Times in the hotel's timezone.
 */
export function RecentMessages({
  rows,
  total,
  timezone,
}: {
  rows: readonly MessageListRow[];
  total: number;
  timezone: string;
}) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<Mail />}
        title="No messages yet"
        description="SMS and emails sent to this hotel and its guests appear here."
      />
    );
  }
  return (
    <Card data-testid="tenant-recent-messages">
      <CardHeader className="pb-4">
        <CardTitle>Latest messages</CardTitle>
        <CardDescription>
          {rows.length === total ? `All ${total}` : `The latest ${rows.length} of ${total}`}, newest first
        </CardDescription>
      </CardHeader>
      <ul className="divide-y divide-zinc-100 border-t border-zinc-100">
        {rows.map((m) => (
          <li key={m.id}>
            <Link
              href={`/platform/messaging/messages/${m.id}`}
              className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 hover:bg-zinc-50"
            >
              <span className="flex min-w-0 items-center gap-2">
                {m.channel === "sms" ? (
                  <MessageSquare aria-label="SMS" className="size-4 shrink-0 text-zinc-400" />
                ) : (
                  <Mail aria-label="Email" className="size-4 shrink-0 text-zinc-400" />
                )}
                <span className="min-w-0">
                  <span className="block truncate font-medium text-zinc-900">{m.subject ?? m.event}</span>
                  <span className="block text-xs text-zinc-500">
                    to {m.recipient} · {m.event}
                    {m.providerKind ? ` · via ${m.providerKind}` : ""}
                  </span>
                </span>
              </span>
              <span className="flex items-center gap-2">
                <MessageStatusBadge status={m.status} />
                <time dateTime={m.createdAt.toISOString()} className="text-xs tabular-nums text-zinc-500">
                  {formatDateTime(m.createdAt, timezone)}
                </time>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
