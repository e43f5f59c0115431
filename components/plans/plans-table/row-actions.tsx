"use client";

import { Archive, ArchiveRestore, MoreHorizontal, Pencil, Star, Trash2 } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { actionErrorMessage } from "@/lib/action-errors";
import {
  archivePlanAction,
  deletePlanAction,
  setDefaultPlanAction,
  unarchivePlanAction,
} from "@/lib/plans/actions";
import type { PlanListRow } from "@/lib/plans/queries";
import { PlanDialog } from "../plan-dialog";

type Verb = "default" | "archive" | "unarchive" | "delete";
type ActionResult = { serverError?: unknown; validationErrors?: unknown } | undefined;

const hotels = (n: number) => `${n} hotel${n === 1 ? "" : "s"}`;

/** Edit, archive/unarchive, make default and delete one plan; each asks first and names what happens. */
export function PlanRowActions({ plan }: { plan: PlanListRow }) {
  const [verb, setVerb] = React.useState<Verb | null>(null);

  const confirm: Record<
    Verb,
    {
      title: string;
      consequences: string[];
      label: string;
      done: string;
      destructive?: boolean;
      run: () => Promise<ActionResult>;
    }
  > = {
    default: {
      title: `Make ${plan.name} the default plan?`,
      consequences: [
        "New self-service sign-ups start on it, with its trial.",
        "Hotels already signed up keep their plan.",
      ],
      label: "Make default",
      done: `${plan.name} is now the default plan`,
      run: () => setDefaultPlanAction({ id: plan.id }),
    },
    archive: {
      title: `Archive ${plan.name}?`,
      consequences: [
        "Hotels can no longer choose it, and it is not offered at sign-up.",
        plan.tenants > 0
          ? `The ${hotels(plan.tenants)} on it keep it, and are billed for it, until they change plan.`
          : "No hotel is on it.",
        "You can unarchive it at any time.",
      ],
      label: "Archive plan",
      done: `Archived ${plan.name}`,
      run: () => archivePlanAction({ id: plan.id }),
    },
    unarchive: {
      title: `Unarchive ${plan.name}?`,
      consequences: [
        plan.isPublic ? "Hotels can choose it again." : "It stays private: only admins can assign it.",
      ],
      label: "Unarchive",
      done: `${plan.name} is active again`,
      run: () => unarchivePlanAction({ id: plan.id }),
    },
    delete: {
      title: `Delete ${plan.name}?`,
      consequences: [
        "The plan is removed for good.",
        "Plans that any hotel uses or used cannot be deleted: archive those instead.",
      ],
      label: "Delete plan",
      done: `Deleted ${plan.name}`,
      destructive: true,
      run: () => deletePlanAction({ id: plan.id }),
    },
  };
  const current = verb ? confirm[verb] : null;

  return (
    <div className="flex justify-end gap-1">
      <PlanDialog
        plan={plan}
        trigger={
          <Button variant="ghost" size="icon" aria-label={`Edit ${plan.name}`}>
            <Pencil aria-hidden />
          </Button>
        }
      />
      {/* Not modal: the confirmation dialog opens as the menu closes, and two modal layers fight over focus. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`More actions for ${plan.name}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          {!plan.isDefault && plan.isActive && plan.isPublic ? (
            <DropdownMenuItem onSelect={() => setVerb("default")}>
              <Star aria-hidden /> Make default
            </DropdownMenuItem>
          ) : null}
          {plan.isActive ? (
            <DropdownMenuItem onSelect={() => setVerb("archive")} disabled={plan.isDefault}>
              <Archive aria-hidden /> Archive
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem onSelect={() => setVerb("unarchive")}>
              <ArchiveRestore aria-hidden /> Unarchive
            </DropdownMenuItem>
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem
            variant="destructive"
            onSelect={() => setVerb("delete")}
            disabled={plan.isDefault || plan.tenants > 0}
          >
            <Trash2 aria-hidden /> Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {current ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => {
            if (!open) setVerb(null);
          }}
          title={current.title}
          consequences={current.consequences}
          confirmLabel={current.label}
          variant={current.destructive ? "destructive" : "default"}
          onConfirm={async () => {
            const message = actionErrorMessage(await current.run());
            if (message) throw new Error(message);
            toast.success(current.done);
          }}
        />
      ) : null}
    </div>
  );
}
