import type { ApiKeyRow, ApiKeyStatus } from "@/lib/api-keys/service";
import { apiKeyStatus } from "@/lib/api-keys/service";
import type { PlatformRole } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/time";

/** A key as the client table gets it: plain strings, dates already formatted (UTC) on the server. */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  role: PlatformRole;
  status: ApiKeyStatus;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string | null;
};

const utc = (d: Date) => `${formatDateTime(d, "UTC")} UTC`;

export function toApiKeyView(row: ApiKeyRow, now: Date): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    status: apiKeyStatus(row, now),
    createdBy: row.createdByName ?? row.createdByEmail ?? "—",
    createdAt: utc(row.createdAt),
    lastUsedAt: row.lastUsedAt ? utc(row.lastUsedAt) : "Never",
    expiresAt: row.expiresAt ? utc(row.expiresAt) : null,
  };
}
