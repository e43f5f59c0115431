"use client";

import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { actionErrorMessage } from "@/lib/action-errors";
import { saveMenuAction } from "./actions";

export type MenuFormRow = {
  key: string;
  depth: 0 | 1;
  parentKey: string | null;
  defaultLabel: string;
  defaultOrder: number;
  hidden: boolean;
  /** The hotel's own name for the item; "" = the default. */
  label: string;
  sortOrder: number | null;
  /** Why some people may not see it anyway (role, plan, feature). */
  notes: string[];
};

type Draft = { hidden: boolean; label: string; order: string };

/** All items in one form, saved together: the menu never shows half a change. */
export function MenuForm({ rows }: { rows: readonly MenuFormRow[] }) {
  const initial = React.useMemo(
    () =>
      Object.fromEntries(
        rows.map((r) => [
          r.key,
          { hidden: r.hidden, label: r.label, order: r.sortOrder == null ? "" : String(r.sortOrder) },
        ]),
      ) as Record<string, Draft>,
    [rows],
  );
  const [drafts, setDrafts] = React.useState(initial);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const hiddenParents = new Set(rows.filter((r) => r.depth === 0 && drafts[r.key]?.hidden).map((r) => r.key));

  const update = (key: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [key]: { hidden: false, label: "", order: "", ...d[key], ...patch } }));

  const save = (
    overrides: Array<{ itemKey: string; hidden: boolean; label: string | null; sortOrder: number | null }>,
  ) =>
    startTransition(async () => {
      setError(null);
      const message = actionErrorMessage(await saveMenuAction({ overrides }));
      if (message) {
        setError(message);
        return;
      }
      toast.success("Menu saved");
    });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save(
      rows.map((r) => {
        const d = drafts[r.key] ?? { hidden: false, label: "", order: "" };
        return {
          itemKey: r.key,
          hidden: d.hidden,
          label: d.label.trim() || null,
          sortOrder: d.order.trim() === "" ? null : Number(d.order),
        };
      }),
    );
  };

  if (rows.length === 0) return <p className="text-sm text-zinc-500">There are no menu items to arrange.</p>;

  return (
    <form onSubmit={submit} className="space-y-4">
      {error ? <FormError>{error}</FormError> : null}
      <table className="w-full text-sm">
        <thead className="border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
          <tr>
            <th className="py-2 pr-4">Item</th>
            <th className="py-2 pr-4">Hide</th>
            <th className="py-2 pr-4">Name in your menu</th>
            <th className="py-2">Order</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((r) => {
            const d = drafts[r.key] ?? { hidden: false, label: "", order: "" };
            const name = r.label || r.defaultLabel;
            const underHidden = r.parentKey !== null && hiddenParents.has(r.parentKey);
            return (
              <tr key={r.key}>
                <td className="py-2 pr-4">
                  <div className={r.depth === 1 ? "pl-6" : undefined}>
                    <div className="font-medium">{r.defaultLabel}</div>
                    {r.notes.length > 0 || underHidden ? (
                      <div className="text-xs text-zinc-500">
                        {[...(underHidden ? ["Hidden with its section"] : []), ...r.notes].join(" · ")}
                      </div>
                    ) : null}
                  </div>
                </td>
                <td className="py-2 pr-4">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    aria-label={`Hide ${name}`}
                    checked={d.hidden}
                    onChange={(e) => update(r.key, { hidden: e.target.checked })}
                  />
                </td>
                <td className="py-2 pr-4">
                  <Input
                    aria-label={`Rename ${name}`}
                    placeholder={r.defaultLabel}
                    value={d.label}
                    maxLength={60}
                    onChange={(e) => update(r.key, { label: e.target.value })}
                    className="h-8 min-w-40"
                  />
                </td>
                <td className="py-2">
                  <Input
                    aria-label={`Order of ${name}`}
                    type="number"
                    step={1}
                    placeholder={String(r.defaultOrder)}
                    value={d.order}
                    onChange={(e) => update(r.key, { order: e.target.value })}
                    className="h-8 w-24"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-xs text-zinc-500">
        Empty fields keep Hearth&apos;s defaults. Lower numbers come first. Hiding this page&apos;s own item
        only removes the link: the page stays at /settings/menu.
      </p>
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          Save menu
        </Button>
        <Button type="button" variant="outline" disabled={pending} onClick={() => save([])}>
          Restore defaults
        </Button>
      </div>
    </form>
  );
}
