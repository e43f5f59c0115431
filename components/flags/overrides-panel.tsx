"use client";

import * as React from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { removeFlagOverrideAction, setFlagOverrideAction } from "@/lib/flags/actions";
import type { MultiSelectOption } from "./multi-select";

export type OverrideView = {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  enabled: boolean;
  reason: string;
  createdAt: string;
};

/**
 * A flag's per-hotel overrides: each forces the flag on or off for one hotel whatever the rules say
 * (the kill switch still wins). Setting one for a hotel that has one replaces it.
 */
export function OverridesPanel({
  flagKey,
  overrides,
  tenants,
  canWrite,
}: {
  flagKey: string;
  overrides: readonly OverrideView[];
  tenants: readonly MultiSelectOption[];
  canWrite: boolean;
}) {
  return (
    <div className="space-y-4">
      {overrides.length === 0 ? (
        <p className="text-sm text-zinc-500">No hotel has an override of this flag.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-xs">
          <table className="w-full text-sm" aria-label={`Overrides of ${flagKey}`}>
            <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium text-zinc-500">
              <tr>
                <th className="px-4 py-2">Hotel</th>
                <th className="px-4 py-2">Forced</th>
                <th className="px-4 py-2">Reason</th>
                <th className="px-4 py-2 text-right">Since</th>
                {canWrite ? (
                  <th className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {overrides.map((o) => (
                <tr key={o.tenantId}>
                  <td className="px-4 py-2">
                    <div className="font-medium">{o.tenantName}</div>
                    <div className="text-xs text-zinc-500">{o.tenantSlug}</div>
                  </td>
                  <td className="px-4 py-2">
                    <Badge variant={o.enabled ? "success" : "neutral"}>{o.enabled ? "On" : "Off"}</Badge>
                  </td>
                  <td className="px-4 py-2 text-zinc-700">{o.reason}</td>
                  <td className="px-4 py-2 text-right tabular-nums text-zinc-500">
                    {o.createdAt.slice(0, 10)}
                  </td>
                  {canWrite ? (
                    <td className="px-4 py-2 text-right">
                      <ConfirmDialog
                        trigger={
                          <Button
                            variant="ghost"
                            size="sm"
                            aria-label={`Remove the override for ${o.tenantName}`}
                          >
                            Remove
                          </Button>
                        }
                        title={`Remove the override for ${o.tenantName}?`}
                        consequences={[
                          `The rules and the default of "${flagKey}" decide for this hotel again.`,
                        ]}
                        confirmLabel="Remove override"
                        onConfirm={async () => {
                          const message = actionErrorMessage(
                            await removeFlagOverrideAction({ key: flagKey, tenantId: o.tenantId }),
                          );
                          if (message) throw new Error(message);
                          toast.success(`Removed the override for ${o.tenantName}`);
                        }}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite ? <AddOverrideForm flagKey={flagKey} tenants={tenants} /> : null}
    </div>
  );
}

function AddOverrideForm({ flagKey, tenants }: { flagKey: string; tenants: readonly MultiSelectOption[] }) {
  const [tenantId, setTenantId] = React.useState("");
  const [state, setState] = React.useState<"on" | "off">("on");
  const [reason, setReason] = React.useState("");
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await setFlagOverrideAction({ key: flagKey, tenantId, enabled: state === "on", reason });
      const fieldErrors: Record<string, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        fieldErrors[m.path.split(".")[0] ?? ""] ??= m.message;
      }
      const message = actionErrorMessage(result);
      if (message && Object.keys(fieldErrors).length === 0) fieldErrors.form = message;
      setErrors(fieldErrors);
      if (message) return;
      const name = tenants.find((t) => t.value === tenantId)?.label ?? "the hotel";
      toast.success(`"${flagKey}" is forced ${state} for ${name}`);
      setTenantId("");
      setReason("");
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-4"
    >
      <p className="text-sm font-medium text-zinc-900">Add or replace an override</p>
      {errors.form ? <FormError>{errors.form}</FormError> : null}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <FormField id={`${id}-tenant`} label="Hotel" error={errors.tenantId} required>
          <NativeSelect
            value={tenantId}
            onChange={(e) => setTenantId(e.target.value)}
            placeholder="Choose a hotel…"
            options={tenants}
          />
        </FormField>
        <FormField id={`${id}-state`} label="Force" required>
          <NativeSelect
            value={state}
            onChange={(e) => setState(e.target.value === "off" ? "off" : "on")}
            options={[
              { value: "on", label: "On" },
              { value: "off", label: "Off" },
            ]}
          />
        </FormField>
      </div>
      <FormField
        id={`${id}-reason`}
        label="Reason"
        error={errors.reason}
        hint="Kept with the override and in the audit log"
        required
      >
        <Input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder="e.g. Pilot hotel for the new inbox"
        />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={pending}>
          Save override
        </Button>
      </div>
    </form>
  );
}
