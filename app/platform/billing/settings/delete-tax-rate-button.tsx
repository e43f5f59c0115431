"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { deleteTaxRateAction } from "./actions";

export function DeleteTaxRateButton({ country }: { country: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Delete the tax rate for ${country}`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title={`Delete the tax rate for ${country}?`}
      consequences={[
        "Hotels in this country are invoiced without tax from now on.",
        "Issued invoices keep their tax.",
      ]}
      confirmLabel="Delete rate"
      variant="destructive"
      onConfirm={async () => {
        const outcome = readOutcome(await deleteTaxRateAction({ country }));
        if (!outcome.ok) throw new Error(outcome.message);
        toast.success(`Tax rate for ${country} deleted`);
        router.refresh();
      }}
    />
  );
}
