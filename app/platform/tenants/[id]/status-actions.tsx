"use client";

import { Ban, CirclePlay, Trash2 } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { Tenant } from "@/lib/tenants/queries";
import { activateTenantAction, deleteTenantAction, suspendTenantAction } from "./actions";

type Result = { serverError?: string; validationErrors?: unknown } | undefined;

/** Throws the action's error so the dialog stays open and shows it. */
function check(result: Result, fallback: string): void {
  if (!result) throw new Error(fallback);
  if (result.serverError) throw new Error(result.serverError);
  if (result.validationErrors) {
    const reason = (result.validationErrors as { reason?: { _errors?: string[] } }).reason?._errors?.[0];
    throw new Error(reason ?? fallback);
  }
}

/**
 * The status buttons of the tenant detail's header. The page passes only the moves the state
 * machine allows from the current status and the admin's role permits; each asks first and says
 * what will happen.
 */
export function TenantStatusActions({
  tenant,
  can,
}: {
  tenant: Pick<Tenant, "id" | "name" | "slug" | "status">;
  can: { suspend: boolean; activate: boolean; delete: boolean };
}) {
  const [reason, setReason] = React.useState("");
  const reasonId = React.useId();

  const activateConsequences =
    tenant.status === "trial"
      ? [
          "The trial ends now: the hotel becomes a paying customer on its plan",
          "Nothing else changes for members",
        ]
      : tenant.status === "suspended"
        ? [`Members of ${tenant.name} can use their portal again`, "Scheduled work (messages, jobs) resumes"]
        : [`${tenant.name} is marked as paid up and leaves dunning`, "Members keep using their portal"];

  return (
    <>
      {can.activate ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm">
              <CirclePlay className="size-4" /> Activate
            </Button>
          }
          title={`Activate ${tenant.name}?`}
          consequences={activateConsequences}
          confirmLabel="Activate"
          onConfirm={async () => {
            check(await activateTenantAction({ tenantId: tenant.id }), "Could not activate the hotel.");
            toast.success(`${tenant.name} is active`);
          }}
        />
      ) : null}
      {can.suspend ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm">
              <Ban className="size-4" /> Suspend
            </Button>
          }
          title={`Suspend ${tenant.name}?`}
          consequences={[
            `Members of ${tenant.name} can no longer use their portal; they see a suspended page with your reason`,
            "Data is kept: nothing is deleted",
            "Billing continues while suspended",
          ]}
          confirmLabel="Suspend hotel"
          variant="destructive"
          onOpenChange={(open) => {
            if (!open) setReason("");
          }}
          onConfirm={async () => {
            if (reason.trim().length < 3) throw new Error("Give a reason of at least 3 characters.");
            check(
              await suspendTenantAction({ tenantId: tenant.id, reason: reason.trim() }),
              "Could not suspend the hotel.",
            );
            setReason("");
            toast.success(`${tenant.name} is suspended`);
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={reasonId}>Reason</Label>
            <Textarea
              id={reasonId}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              maxLength={500}
              placeholder="e.g. Three unpaid invoices; owner unreachable"
            />
            <p className="text-[13px] text-zinc-500">
              Shown to the hotel's members and kept in the audit log.
            </p>
          </div>
        </ConfirmDialog>
      ) : null}
      {can.delete ? (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" className="text-red-600 hover:bg-red-50 hover:text-red-700">
              <Trash2 className="size-4" /> Delete
            </Button>
          }
          title={`Delete ${tenant.name}?`}
          consequences={[
            `${tenant.slug}'s portal stops answering and its members lose access`,
            "The subdomain stays reserved, so old links never reach another hotel",
            "Data is kept (soft delete), but the console cannot undo this",
          ]}
          confirmLabel="Delete hotel"
          variant="destructive"
          requireText={tenant.slug}
          onConfirm={async () => {
            check(await deleteTenantAction({ tenantId: tenant.id }), "Could not delete the hotel.");
            toast.success(`${tenant.name} is deleted`);
          }}
        />
      ) : null}
    </>
  );
}
