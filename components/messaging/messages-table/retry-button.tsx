"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { type Refusable, readOutcome } from "@/components/hotel/refusal";
import { Button } from "@/components/ui/button";

export type RetryResult = { id: string; status: string };

/**
 * A retry server action (console or portal), passed down from the page. The portal's action takes
 * the tenant from the request's host, never from this input.
 */
export type RetryMessageAction = (input: {
  messageId: string;
}) => Promise<
  { data?: Refusable<RetryResult>; serverError?: unknown; validationErrors?: unknown } | undefined
>;

/** Sends a failed or undelivered message again; the log row updates when the server answers. */
export function RetryButton({
  messageId,
  action,
  size = "sm",
}: {
  messageId: string;
  action: RetryMessageAction;
  size?: "sm" | "md";
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(async () => {
      let outcome: ReturnType<typeof readOutcome<RetryResult>>;
      try {
        outcome = readOutcome(await action({ messageId }));
      } catch {
        outcome = readOutcome<RetryResult>(undefined);
      }
      if (outcome.ok) {
        toast.success(`Retried: the message is now ${outcome.data.status}.`);
        router.refresh();
      } else {
        toast.error(outcome.message);
      }
    });
  return (
    <Button variant="outline" size={size} onClick={retry} loading={pending} data-action="retry">
      <RotateCcw aria-hidden /> Retry
    </Button>
  );
}
