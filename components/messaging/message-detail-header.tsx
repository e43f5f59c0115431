// The top of a message's page, console and portal alike: title, status, Retry and the failure reason.
import Link from "next/link";
import { RetryButton, type RetryMessageAction } from "@/components/messaging/messages-table/retry-button";
import { MessageStatusBadge } from "@/components/messaging/messages-table/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import type { MessageView } from "@/lib/messaging/log/queries";
import { messageChannelLabels } from "@/lib/messaging/log/table";

export function MessageDetailHeader({
  message: m,
  backHref,
  description,
  retry,
}: {
  message: Pick<MessageView, "id" | "channel" | "recipient" | "subject" | "status" | "error">;
  /** The message log this page was opened from. */
  backHref: string;
  description: string;
  /** The page's retry action when this viewer may retry this message, else null. */
  retry: RetryMessageAction | null;
}) {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={backHref} className="hover:text-zinc-900">
            ← Messages
          </Link>
        }
        title={m.subject ?? `${messageChannelLabels[m.channel]} to ${m.recipient}`}
        description={description}
        actions={retry ? <RetryButton messageId={m.id} action={retry} size="md" /> : null}
      >
        <MessageStatusBadge status={m.status} />
      </PageHeader>
      {m.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {m.error}
        </p>
      ) : null}
    </>
  );
}
