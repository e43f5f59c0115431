"use client";

import { Pencil, Power, PowerOff } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { actionErrorMessage } from "@/lib/action-errors";
import { setAddonActiveAction } from "@/lib/marketplace/actions";
import type { AddonWithPrices } from "@/lib/marketplace/queries";
import { AddonDialog } from "../addon-dialog";

/** Edit one add-on, or withdraw / offer it again; withdrawing asks first and says what it changes. */
export function AddonRowActions({
  addon,
  flagKeys,
}: {
  addon: AddonWithPrices;
  flagKeys: readonly string[];
}) {
  const toggle = async () => {
    const result = await setAddonActiveAction({ id: addon.id, isActive: !addon.isActive });
    const message = actionErrorMessage(result);
    if (message) throw new Error(message);
    toast.success(addon.isActive ? `${addon.name} is withdrawn` : `${addon.name} is on sale again`);
  };
  return (
    <div className="flex justify-end gap-1">
      <AddonDialog
        addon={addon}
        flagKeys={flagKeys}
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Edit ${addon.name}`}>
            <Pencil aria-hidden /> Edit
          </Button>
        }
      />
      <ConfirmDialog
        trigger={
          <Button
            variant="ghost"
            size="sm"
            aria-label={`${addon.isActive ? "Deactivate" : "Activate"} ${addon.name}`}
          >
            {addon.isActive ? <PowerOff aria-hidden /> : <Power aria-hidden />}
            {addon.isActive ? "Deactivate" : "Activate"}
          </Button>
        }
        title={addon.isActive ? `Deactivate ${addon.name}?` : `Activate ${addon.name}?`}
        consequences={
          addon.isActive
            ? [
                "Hotels no longer see it in the marketplace.",
                "Hotels that hold it keep it; recurring ones are still billed until it is removed from them.",
              ]
            : ["Hotels with a price in their currency can buy it again."]
        }
        confirmLabel={addon.isActive ? "Deactivate" : "Activate"}
        variant={addon.isActive ? "destructive" : "default"}
        onConfirm={toggle}
      />
    </div>
  );
}
