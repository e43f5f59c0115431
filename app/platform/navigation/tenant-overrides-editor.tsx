"use client";

import * as React from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { actionErrorMessage } from "@/lib/action-errors";
import { toTreeRows } from "@/lib/nav/tree";
import type { NavOverride } from "@/lib/nav/types";
import { removeTenantOverrideAction, upsertTenantOverrideAction } from "./actions";
import type { NavItemView } from "./view";

/**
 * One tenant's overrides, a row per portal item: hide, rename, reorder, each saved on its own
 * (upsert) or reset to the platform's values (remove). Read-only for roles without nav.write.
 */
export function TenantOverridesEditor({
  tenantId,
  items,
  overrides,
  canWrite,
}: {
  tenantId: string;
  items: readonly NavItemView[];
  overrides: readonly NavOverride[];
  canWrite: boolean;
}) {
  const byKey = new Map(overrides.map((o) => [o.itemKey, o]));
  const known = new Set(items.map((i) => i.key));
  const dangling = overrides.filter((o) => !known.has(o.itemKey));
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-xs">
        <table className="w-full text-sm" aria-label="Tenant overrides">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
            <tr>
              <th className="px-4 py-2">Item</th>
              <th className="px-4 py-2">Hidden</th>
              <th className="px-4 py-2">Label</th>
              <th className="px-4 py-2">Order</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {toTreeRows(items).map(({ item, depth }) => (
              <OverrideRow
                // Remount when the saved override changes, so the inputs show what was stored.
                key={`${item.key}:${JSON.stringify(byKey.get(item.key) ?? null)}`}
                tenantId={tenantId}
                item={item}
                depth={depth}
                override={byKey.get(item.key)}
                canWrite={canWrite}
              />
            ))}
          </tbody>
        </table>
      </div>
      {dangling.length > 0 ? (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">Overrides of items that no longer exist (inert):</p>
          <ul className="mt-2 space-y-1">
            {dangling.map((o) => (
              <li key={o.itemKey} className="flex items-center gap-2">
                <code className="font-mono text-xs">{o.itemKey}</code>
                {canWrite ? <ResetButton tenantId={tenantId} itemKey={o.itemKey} label={o.itemKey} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function OverrideRow({
  tenantId,
  item,
  depth,
  override,
  canWrite,
}: {
  tenantId: string;
  item: NavItemView;
  depth: 0 | 1;
  override: NavOverride | undefined;
  canWrite: boolean;
}) {
  const [hidden, setHidden] = React.useState(override?.hidden ?? false);
  const [label, setLabel] = React.useState(override?.label ?? "");
  const [order, setOrder] = React.useState(override?.sortOrder == null ? "" : String(override.sortOrder));
  const [pending, startTransition] = React.useTransition();
  const name = item.label;

  const save = () =>
    startTransition(async () => {
      const result = await upsertTenantOverrideAction({
        tenantId,
        itemKey: item.key,
        hidden,
        label: label.trim() || null,
        sortOrder: order.trim() === "" ? null : Number(order),
      });
      const message = actionErrorMessage(result);
      if (message) toast.error(message);
      else toast.success(`Saved the override of "${name}"`);
    });

  return (
    <tr className={item.isActive ? undefined : "text-zinc-400"}>
      <td className="px-4 py-2">
        <div className={depth === 1 ? "pl-6" : undefined}>
          <span className="font-medium">{name}</span>{" "}
          <span className="font-mono text-xs text-zinc-500">{item.key}</span>
          {override ? (
            <Badge variant="default" className="ml-2">
              overridden
            </Badge>
          ) : null}
          {item.isActive ? null : (
            <Badge variant="neutral" className="ml-2">
              inactive
            </Badge>
          )}
        </div>
      </td>
      <td className="px-4 py-2">
        <input
          type="checkbox"
          className="size-4 accent-brand-600"
          aria-label={`Hide ${name}`}
          checked={hidden}
          disabled={!canWrite || pending}
          onChange={(e) => setHidden(e.target.checked)}
        />
      </td>
      <td className="px-4 py-2">
        <Input
          aria-label={`Rename ${name}`}
          placeholder={item.label}
          value={label}
          maxLength={60}
          disabled={!canWrite || pending}
          onChange={(e) => setLabel(e.target.value)}
          className="h-8 min-w-40"
        />
      </td>
      <td className="px-4 py-2">
        <Input
          aria-label={`Order of ${name}`}
          type="number"
          step={1}
          placeholder={String(item.sortOrder)}
          value={order}
          disabled={!canWrite || pending}
          onChange={(e) => setOrder(e.target.value)}
          className="h-8 w-24"
        />
      </td>
      <td className="px-4 py-2">
        {canWrite ? (
          <div className="flex justify-end gap-1">
            <Button size="sm" variant="outline" onClick={save} loading={pending} aria-label={`Save ${name}`}>
              Save
            </Button>
            {override ? <ResetButton tenantId={tenantId} itemKey={item.key} label={name} /> : null}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

function ResetButton({ tenantId, itemKey, label }: { tenantId: string; itemKey: string; label: string }) {
  const [pending, startTransition] = React.useTransition();
  return (
    <Button
      size="sm"
      variant="ghost"
      loading={pending}
      aria-label={`Reset ${label}`}
      onClick={() =>
        startTransition(async () => {
          const message = actionErrorMessage(await removeTenantOverrideAction({ tenantId, itemKey }));
          if (message) toast.error(message);
          else toast.success(`"${label}" is back to the platform's settings`);
        })
      }
    >
      Reset
    </Button>
  );
}
