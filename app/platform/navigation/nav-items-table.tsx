"use client";

import { CornerDownRight, Pencil, Plus, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { resolveNavIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { actionErrorMessage } from "@/lib/action-errors";
import { toTreeRows } from "@/lib/nav/tree";
import type { NavScope } from "@/lib/nav/types";
import { deleteNavItemAction } from "./actions";
import { NavItemDialog } from "./nav-item-dialog";
import type { NavItemView } from "./view";

const roleLabel = (role: string) => role.replace(/_/g, " ");

/** One scope's platform items in menu order (children under their parent), with add/edit/delete for super admins. */
export function NavItemsTable({
  scope,
  items,
  canWrite,
  defaultKeys,
}: {
  scope: NavScope;
  items: readonly NavItemView[];
  canWrite: boolean;
  /** Keys the seed restores on every start; deleting one only lasts until then. */
  defaultKeys: readonly string[];
}) {
  const rows = toTreeRows(items);
  const add = canWrite ? (
    <NavItemDialog
      scope={scope}
      items={items}
      trigger={
        <Button size="sm">
          <Plus aria-hidden /> Add {scope} item
        </Button>
      }
    />
  ) : null;

  if (rows.length === 0) {
    return (
      <EmptyState
        title={`No ${scope} menu items`}
        description="Add one, or import a definition."
        action={add}
      />
    );
  }

  return (
    <div className="space-y-3">
      {add ? <div className="flex justify-end">{add}</div> : null}
      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-xs">
        <table
          className="w-full text-sm"
          aria-label={`${scope === "console" ? "Console" : "Portal"} menu items`}
        >
          <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
            <tr>
              <th className="px-4 py-2">Item</th>
              <th className="px-4 py-2">Path</th>
              <th className="px-4 py-2 text-right">Order</th>
              <th className="px-4 py-2">Visible to</th>
              <th className="px-4 py-2">Conditions</th>
              <th className="px-4 py-2">Status</th>
              {canWrite ? (
                <th className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map(({ item, depth, orphan }) => {
              const Icon = resolveNavIcon(item.icon);
              return (
                <tr key={item.key} className={item.isActive ? undefined : "text-zinc-400"}>
                  <td className="px-4 py-2">
                    <div className={depth === 1 ? "flex items-center gap-2 pl-6" : "flex items-center gap-2"}>
                      {depth === 1 ? (
                        <CornerDownRight className="size-3.5 text-zinc-400" aria-hidden />
                      ) : null}
                      <Icon className="size-4 shrink-0 text-zinc-500" aria-hidden />
                      <div>
                        <div className="font-medium">{item.label}</div>
                        <div className="font-mono text-xs text-zinc-500">{item.key}</div>
                      </div>
                    </div>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{item.href}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{item.sortOrder}</td>
                  <td className="px-4 py-2">
                    {item.roles.length === 0 ? (
                      <span className="text-zinc-500">Everyone</span>
                    ) : (
                      <div className="flex flex-wrap gap-1">
                        {item.roles.map((r) => (
                          <Badge key={r} variant="neutral">
                            {roleLabel(r)}
                          </Badge>
                        ))}
                      </div>
                    )}
                  </td>
                  <td className="px-4 py-2">
                    <div className="flex flex-wrap gap-1">
                      {item.featureFlag ? <Badge variant="info">flag: {item.featureFlag}</Badge> : null}
                      {item.planFeature ? <Badge variant="info">plan: {item.planFeature}</Badge> : null}
                      {orphan ? <Badge variant="warning">parent “{item.parentKey}” missing</Badge> : null}
                      {!item.featureFlag && !item.planFeature && !orphan ? (
                        <span className="text-zinc-400">—</span>
                      ) : null}
                    </div>
                  </td>
                  <td className="px-4 py-2">
                    <Badge variant={item.isActive ? "success" : "neutral"}>
                      {item.isActive ? "Active" : "Inactive"}
                    </Badge>
                  </td>
                  {canWrite ? (
                    <td className="px-4 py-2">
                      <div className="flex justify-end gap-1">
                        <NavItemDialog
                          scope={scope}
                          item={item}
                          items={items}
                          trigger={
                            <Button variant="ghost" size="icon" aria-label={`Edit ${item.label}`}>
                              <Pencil aria-hidden />
                            </Button>
                          }
                        />
                        <ConfirmDialog
                          trigger={
                            <Button variant="ghost" size="icon" aria-label={`Delete ${item.label}`}>
                              <Trash2 aria-hidden />
                            </Button>
                          }
                          title={`Delete "${item.label}"?`}
                          consequences={[
                            `It disappears from every ${scope === "console" ? "console sidebar" : "hotel's portal"}.`,
                            ...(scope === "portal"
                              ? ["Hotels' overrides of it are kept and apply if it comes back."]
                              : []),
                            ...(defaultKeys.includes(item.key)
                              ? [
                                  "It is a default item: the next start restores it. Make it inactive to keep it away.",
                                ]
                              : []),
                          ]}
                          confirmLabel="Delete item"
                          variant="destructive"
                          onConfirm={async () => {
                            const message = actionErrorMessage(
                              await deleteNavItemAction({ scope: item.scope, key: item.key }),
                            );
                            if (message) throw new Error(message);
                            toast.success(`Deleted "${item.label}"`);
                          }}
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
