"use client";

import { CircleCheck, CircleX, Pencil, PlugZap, Plus, RadioTower, Star, Trash2 } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { actionErrorMessage } from "@/lib/action-errors";
import type { KindFields } from "@/lib/messaging/providers/form-fields";
import {
  deleteProviderAction,
  setDefaultProviderAction,
  setProviderEnabledAction,
  testProviderConnectionAction,
} from "./actions";
import { ProviderDialog } from "./provider-dialog";
import type { ProviderRowView } from "./view";

type Props = {
  channel: "sms" | "email";
  providers: readonly ProviderRowView[];
  kinds: readonly { value: string; label: string }[];
  fields: Record<string, KindFields>;
  canWrite: boolean;
};

/** One channel's providers: the default first, each with its last connection test. */
export function ProvidersTable({ channel, providers, kinds, fields, canWrite }: Props) {
  const label = channel === "sms" ? "SMS" : "email";
  const kindLabel = (kind: string) => kinds.find((k) => k.value === kind)?.label ?? kind;
  const addButton = canWrite ? (
    <ProviderDialog
      channel={channel}
      kinds={kinds}
      fields={fields}
      trigger={
        <Button size="sm">
          <Plus aria-hidden /> Add {label} provider
        </Button>
      }
    />
  ) : null;

  return (
    <div className="space-y-3">
      <div className="flex justify-end">{addButton}</div>
      {providers.length === 0 ? (
        <EmptyState
          icon={RadioTower}
          title={`No ${label} providers`}
          description="Without a provider nothing can be sent on this channel."
        />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-xs">
          <table className="w-full text-sm" aria-label={`${label} providers`}>
            <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
              <tr>
                <th className="px-4 py-2">Provider</th>
                <th className="px-4 py-2">Credentials</th>
                <th className="px-4 py-2">{channel === "sms" ? "Sender" : "From"}</th>
                <th className="px-4 py-2">Cost</th>
                <th className="px-4 py-2">Throttle</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">Last test</th>
                <th className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {providers.map((p) => (
                <tr key={p.id} className={p.enabled ? undefined : "text-zinc-500"}>
                  <td className="px-4 py-2">
                    <div className="flex items-center gap-2 font-medium">
                      {p.name}
                      {p.isDefault ? <Badge variant="info">Default</Badge> : null}
                    </div>
                    <div className="text-xs text-zinc-500">
                      {kindLabel(p.kind)} · {p.assignedTenantCount} hotel
                      {p.assignedTenantCount === 1 ? "" : "s"}
                    </div>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{p.credentialsHint ?? "—"}</td>
                  <td className="px-4 py-2 text-xs">{p.sender ?? "—"}</td>
                  <td className="px-4 py-2 tabular-nums">{p.cost}</td>
                  <td className="px-4 py-2 tabular-nums">{p.throttlePerSecond}/s</td>
                  <td className="px-4 py-2">
                    <Badge variant={p.enabled ? "success" : "neutral"}>
                      {p.enabled ? "Enabled" : "Disabled"}
                    </Badge>
                  </td>
                  <td className="px-4 py-2 text-xs">
                    {p.lastTest ? (
                      <div className="flex flex-col gap-0.5">
                        <span
                          className={
                            p.lastTest.ok
                              ? "inline-flex items-center gap-1 text-emerald-700"
                              : "inline-flex items-center gap-1 text-red-700"
                          }
                        >
                          {p.lastTest.ok ? (
                            <CircleCheck className="size-3.5" aria-hidden />
                          ) : (
                            <CircleX className="size-3.5" aria-hidden />
                          )}
                          {p.lastTest.ok ? "OK" : (p.lastTest.message ?? "Failed")}
                        </span>
                        <span className="text-zinc-500">{p.lastTest.at}</span>
                      </div>
                    ) : (
                      <span className="text-zinc-400">Never tested</span>
                    )}
                  </td>
                  <td className="px-4 py-2">
                    {canWrite ? <RowActions provider={p} kinds={kinds} fields={fields} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RowActions({
  provider: p,
  kinds,
  fields,
}: {
  provider: ProviderRowView;
  kinds: Props["kinds"];
  fields: Props["fields"];
}) {
  const [pending, startTransition] = React.useTransition();
  const ref = { channel: p.channel, id: p.id };

  const run = (
    work: () => Promise<{ serverError?: unknown; validationErrors?: unknown } | undefined>,
    done: string,
  ) =>
    startTransition(async () => {
      const message = actionErrorMessage(await work());
      if (message) toast.error(message);
      else toast.success(done);
    });

  const test = () =>
    startTransition(async () => {
      const result = await testProviderConnectionAction(ref);
      const message = actionErrorMessage(result);
      if (message || !result?.data) toast.error(message ?? "No answer from the server.");
      else if (result.data.ok) toast.success(`"${p.name}": connected`);
      else toast.error(`"${p.name}": ${result.data.message}`);
    });

  return (
    <div className="flex flex-wrap justify-end gap-1">
      <Button
        variant="outline"
        size="sm"
        onClick={test}
        loading={pending}
        aria-label={`Test connection of ${p.name}`}
      >
        <PlugZap aria-hidden /> Test connection
      </Button>
      <ProviderDialog
        channel={p.channel}
        kinds={kinds}
        fields={fields}
        provider={p}
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Edit ${p.name}`}>
            <Pencil aria-hidden /> Edit
          </Button>
        }
      />
      {!p.isDefault ? (
        <Button
          variant="ghost"
          size="sm"
          disabled={pending}
          onClick={() =>
            run(
              () => setProviderEnabledAction({ ...ref, enabled: !p.enabled }),
              `${p.enabled ? "Disabled" : "Enabled"} "${p.name}"`,
            )
          }
        >
          {p.enabled ? "Disable" : "Enable"}
        </Button>
      ) : null}
      {!p.isDefault && p.enabled ? (
        <Button
          variant="ghost"
          size="sm"
          disabled={pending}
          onClick={() => run(() => setDefaultProviderAction(ref), `"${p.name}" is now the default`)}
        >
          <Star aria-hidden /> Make default
        </Button>
      ) : null}
      {!p.isDefault ? (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Delete ${p.name}`}>
              <Trash2 aria-hidden /> Delete
            </Button>
          }
          title={`Delete "${p.name}"?`}
          consequences={[
            "Its encrypted credentials are erased.",
            "Hotels still assigned to it block the deletion: remove it from them first.",
          ]}
          confirmLabel="Delete provider"
          variant="destructive"
          onConfirm={async () => {
            const message = actionErrorMessage(await deleteProviderAction(ref));
            if (message) throw new Error(message);
            toast.success(`Deleted "${p.name}"`);
          }}
        />
      ) : null}
    </div>
  );
}
