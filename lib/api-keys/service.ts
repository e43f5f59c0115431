import { desc, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/connect";
import { platformApiKeys, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import type { PlatformRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { apiKeyPrefix, generateApiKey, hashApiKey, isApiKeyFormat } from "./key";
import { type CreateApiKeyInput, createApiKeySchema, revokeApiKeySchema } from "./schemas";

// Platform API keys: created and revoked by super admins in the console, each acting with one
// platform role. The key itself is returned once, at creation; the database keeps its SHA-256.

export type ApiKeyRecord = typeof platformApiKeys.$inferSelect;
/** What the console lists: never the hash. */
export type ApiKeyRow = Omit<ApiKeyRecord, "keyHash"> & {
  createdByName: string | null;
  createdByEmail: string | null;
};
export type ApiKeyStatus = "active" | "expired" | "revoked";
/** An authenticated key, as `authenticateApiRequest` turns it into a principal. */
export type ApiKeyPrincipal = { id: string; name: string; prefix: string; role: PlatformRole };

/** Recording the last use more often would turn every API read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function apiKeyStatus(
  key: Pick<ApiKeyRecord, "revokedAt" | "expiresAt">,
  now: Date = new Date(),
): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The audit trail's label for requests made with a key. */
export function apiKeyLabel(key: Pick<ApiKeyRecord, "name" | "prefix">): string {
  return `API key ${key.name} (${key.prefix})`;
}

function publicFields(r: ApiKeyRecord) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
  };
}

/** Creates a key. `key` is the only time the secret exists outside the caller's hands: show it once. */
export async function createApiKey(
  db: Db,
  opts: CreateApiKeyInput & { actor: Actor },
): Promise<{ key: string; record: ApiKeyRecord }> {
  const input = createApiKeySchema.parse({ name: opts.name, role: opts.role, expiresAt: opts.expiresAt });
  const key = generateApiKey();
  const record = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(platformApiKeys)
      .values({
        name: input.name,
        role: input.role,
        prefix: apiKeyPrefix(key),
        keyHash: hashApiKey(key),
        expiresAt: input.expiresAt ?? null,
        createdBy: opts.actor.userId,
      })
      .returning();
    if (!row) throw new Error("api key insert returned no row");
    await recordAudit(tx, {
      actor: opts.actor,
      action: "api_key.create",
      targetType: "api_key",
      targetId: row.id,
      after: publicFields(row),
    });
    return row;
  });
  return { key, record };
}

/** Revokes a key at once. Revoking a revoked key changes nothing (and is not audited twice). */
export async function revokeApiKey(db: Db, opts: { id: string; actor: Actor }): Promise<ApiKeyRecord> {
  const notFound = new AppError("NOT_FOUND", "No such API key.");
  if (!revokeApiKeySchema.safeParse({ id: opts.id }).success) throw notFound;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(platformApiKeys)
      .where(eq(platformApiKeys.id, opts.id))
      .for("update");
    if (!before) throw notFound;
    if (before.revokedAt) return before;
    const [after] = await tx
      .update(platformApiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(platformApiKeys.id, before.id))
      .returning();
    if (!after) throw notFound;
    await recordAudit(tx, {
      actor: opts.actor,
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: after.id,
      before: publicFields(before),
      after: publicFields(after),
    });
    return after;
  });
}

/** Every key, newest first, with who created it. */
export async function listApiKeys(db: Queryable): Promise<ApiKeyRow[]> {
  const k = platformApiKeys;
  return db
    .select({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      role: k.role,
      createdBy: k.createdBy,
      lastUsedAt: k.lastUsedAt,
      expiresAt: k.expiresAt,
      revokedAt: k.revokedAt,
      createdAt: k.createdAt,
      createdByName: users.name,
      createdByEmail: users.email,
    })
    .from(k)
    .leftJoin(users, eq(users.id, k.createdBy))
    .orderBy(desc(k.createdAt), desc(k.id));
}

/**
 * The key's principal, or null for anything that is not a live key (malformed, unknown, revoked,
 * expired). Records the last use, at most once a minute per key.
 */
export async function authenticateApiKey(
  db: Queryable,
  rawKey: string,
  now: Date = new Date(),
): Promise<ApiKeyPrincipal | null> {
  if (!isApiKeyFormat(rawKey)) return null;
  const [key] = await db
    .select()
    .from(platformApiKeys)
    .where(eq(platformApiKeys.keyHash, hashApiKey(rawKey)))
    .limit(1);
  if (!key || apiKeyStatus(key, now) !== "active") return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(platformApiKeys).set({ lastUsedAt: now }).where(eq(platformApiKeys.id, key.id));
  }
  return { id: key.id, name: key.name, prefix: key.prefix, role: key.role };
}
