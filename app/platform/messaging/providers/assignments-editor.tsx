"use client";
// The editable list inside the tenant page's AssignmentsPanel (it lives here, beside the other
// provider forms). The whole list is saved at once, in the order shown.

import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { setTenantAssignmentsAction } from "@/app/platform/tenants/[id]/assignment-actions";
import { readOutcome } from "@/components/hotel/refusal";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

export type AssignableProvider = {
  id: string;
  name: string;
  kind: string;
  enabled: boolean;
  sender: string | null;
};

type Entry = { providerId: string; sender: string };

export function AssignmentsEditor({
  tenantId,
  channel,
  canWrite,
  defaultName,
  assigned,
  providers,
}: {
  tenantId: string;
  channel: "sms" | "email";
  canWrite: boolean;
  defaultName: string | null;
  assigned: readonly Entry[];
  providers: readonly AssignableProvider[];
}) {
  const [entries, setEntries] = React.useState<Entry[]>(() => [...assigned]);
  const [adding, setAdding] = React.useState("");
  const [error, setError] = React.useState<{ message: string; index: number | null } | null>(null);
  const [pending, startTransition] = React.useTransition();
  const byId = new Map(providers.map((p) => [p.id, p]));
  const addable = providers.filter((p) => p.enabled && !entries.some((e) => e.providerId === p.id));
  const dirty = JSON.stringify(entries) !== JSON.stringify(assigned);
  const label = channel === "sms" ? "SMS" : "email";

  const move = (index: number, by: -1 | 1) =>
    setEntries((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const save = () =>
    startTransition(async () => {
      const outcome = readOutcome(
        await setTenantAssignmentsAction({
          tenantId,
          channel,
          entries: entries.map((e) => ({ providerId: e.providerId, sender: e.sender })),
        }),
      );
      if (outcome.ok) {
        setError(null);
        toast.success(`Saved the ${label} providers`);
        return;
      }
      const match = outcome.refusal?.field?.match(/^entries\.(\d+)\./);
      setError({ message: outcome.message, index: match ? Number(match[1]) : null });
    });

  return (
    <div className="space-y-3">
      {error ? <FormError>{error.message}</FormError> : null}
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600">
          Platform default: <span className="font-medium">{defaultName ?? "none set"}</span>
        </p>
      ) : (
        <ol className="space-y-2" aria-label={`Assigned ${label} providers`}>
          {entries.map((entry, index) => {
            const provider = byId.get(entry.providerId);
            const name = provider?.name ?? "Unknown provider";
            return (
              <li
                key={entry.providerId}
                className={
                  error?.index === index
                    ? "flex flex-wrap items-center gap-2 rounded-lg border border-red-300 p-2"
                    : "flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 p-2"
                }
              >
                <span className="w-5 text-right text-xs tabular-nums text-zinc-500">{index + 1}.</span>
                <div className="min-w-40 flex-1">
                  <div className="text-sm font-medium">{name}</div>
                  <div className="text-xs text-zinc-500">
                    {provider?.kind}
                    {provider && !provider.enabled ? (
                      <Badge variant="warning" className="ml-2">
                        Disabled
                      </Badge>
                    ) : null}
                  </div>
                </div>
                <Input
                  aria-label={`Sender override for ${name}`}
                  className="w-56"
                  value={entry.sender}
                  placeholder={provider?.sender ?? "Provider's sender"}
                  disabled={!canWrite}
                  onChange={(e) =>
                    setEntries((list) =>
                      list.map((x, i) => (i === index ? { ...x, sender: e.target.value } : x)),
                    )
                  }
                />
                {canWrite ? (
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Move ${name} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowUp aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Move ${name} down`}
                      disabled={index === entries.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDown aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${name}`}
                      onClick={() => setEntries((list) => list.filter((_, i) => i !== index))}
                    >
                      <X aria-hidden />
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {canWrite ? (
        <div className="flex flex-wrap items-center gap-2">
          <NativeSelect
            aria-label={`Add an ${label} provider`}
            className="w-64"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            placeholder="Choose a provider…"
            options={addable.map((p) => ({ value: p.id, label: `${p.name} (${p.kind})` }))}
          />
          <Button
            variant="outline"
            size="sm"
            disabled={!adding}
            onClick={() => {
              setEntries((list) => [...list, { providerId: adding, sender: "" }]);
              setAdding("");
            }}
          >
            <Plus aria-hidden /> Add
          </Button>
          <Button size="sm" onClick={save} loading={pending} disabled={!dirty}>
            Save order
          </Button>
        </div>
      ) : null}
    </div>
  );
}
