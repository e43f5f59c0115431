"use client";

import { KeyRound, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { actionErrorMessage } from "@/lib/action-errors";
import type { ApiKeyStatus } from "@/lib/api-keys/service";
import { revokeApiKeyAction } from "./actions";
import type { ApiKeyView } from "./view";

const statusBadge: Record<ApiKeyStatus, { label: string; variant: BadgeVariant }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "warning" },
  revoked: { label: "Revoked", variant: "neutral" },
};

export const roleLabel = (role: string) => role.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

/** Every key, newest first; live ones can be revoked after a confirmation. */
export function ApiKeysTable({ keys }: { keys: readonly ApiKeyView[] }) {
  if (keys.length === 0) {
    return (
      <EmptyState
        icon={KeyRound}
        title="No API keys yet"
        description="Create one to manage hotels from scripts and other systems."
      />
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-xs">
      <table className="w-full text-sm" aria-label="API keys">
        <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
          <tr>
            <th className="px-4 py-2">Name</th>
            <th className="px-4 py-2">Key</th>
            <th className="px-4 py-2">Role</th>
            <th className="px-4 py-2">Created by</th>
            <th className="px-4 py-2">Last used</th>
            <th className="px-4 py-2">Status</th>
            <th className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {keys.map((key) => {
            const badge = statusBadge[key.status];
            return (
              <tr key={key.id} className={key.status === "active" ? undefined : "text-zinc-500"}>
                <td className="px-4 py-2">
                  <div className="font-medium">{key.name}</div>
                  <div className="text-xs text-zinc-500">Created {key.createdAt}</div>
                </td>
                <td className="px-4 py-2 font-mono text-xs">{key.prefix}…</td>
                <td className="px-4 py-2">
                  <Badge variant="neutral">{roleLabel(key.role)}</Badge>
                </td>
                <td className="px-4 py-2">{key.createdBy}</td>
                <td className="px-4 py-2 text-xs">{key.lastUsedAt}</td>
                <td className="px-4 py-2">
                  <div className="flex flex-col gap-0.5">
                    <Badge variant={badge.variant}>{badge.label}</Badge>
                    {key.expiresAt && key.status === "active" ? (
                      <span className="text-xs text-zinc-500">Expires {key.expiresAt}</span>
                    ) : null}
                  </div>
                </td>
                <td className="px-4 py-2">
                  {key.status === "active" ? (
                    <div className="flex justify-end">
                      <ConfirmDialog
                        trigger={
                          <Button variant="ghost" size="sm" aria-label={`Revoke ${key.name}`}>
                            <Trash2 aria-hidden /> Revoke
                          </Button>
                        }
                        title={`Revoke "${key.name}"?`}
                        consequences={[
                          `Requests with ${key.prefix}… are refused (401) from now on.`,
                          "Scripts and systems using this key stop working until they get a new key.",
                          "This cannot be undone.",
                        ]}
                        confirmLabel="Revoke key"
                        variant="destructive"
                        onConfirm={async () => {
                          const message = actionErrorMessage(await revokeApiKeyAction({ id: key.id }));
                          if (message) throw new Error(message);
                          toast.success(`Revoked "${key.name}"`);
                        }}
                      />
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
