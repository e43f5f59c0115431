"use client";

import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { runBillingNowAction } from "./actions";

/** Starts the billing cycle now; the page's "Last run" card and /platform/jobs show how it goes. */
export function RunBillingButton() {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button>
          <Play aria-hidden /> Run billing now
        </Button>
      }
      title="Run the billing cycle now?"
      description="The same run as the daily one at 02:00 UTC."
      consequences={[
        "Every hotel whose billing period has ended gets its invoice (never a second one for the same period).",
        "Drafts past their grace period are issued and emailed to the hotels.",
      ]}
      confirmLabel="Run billing"
      onConfirm={async () => {
        const result = await runBillingNowAction({});
        if (result?.serverError || !result?.data) {
          throw new Error(
            typeof result?.serverError === "string" ? result.serverError : "The run could not start.",
          );
        }
        toast.success("Billing run started: refresh to follow it under “Last billing run”.");
        router.refresh();
      }}
    />
  );
}
