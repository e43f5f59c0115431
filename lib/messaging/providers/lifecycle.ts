import "server-only";
// A provider's state changes: enable/disable, platform default, delete. Audited in the same
// transaction; callers authorize (platformCan(role, "messaging.write")).
import { and, asc, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import {
  platformEmailProviders,
  platformSmsProviders,
  platformTenants,
  tenantProviderAssignments,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { EmailProviderRow, SmsProviderRow } from "./factory";
import { assignmentProviderColumn, type ProviderView } from "./queries";
import { auditSnapshot, lockRow, one, targetType, viewOf, type WithActor } from "./rows";
import { type ProviderChannel, providerRefSchema, setProviderEnabledSchema } from "./schemas";

/** Turns a provider on or off. The platform default stays on: tenants without assignments need it. */
export async function setProviderEnabled(
  db: Queryable,
  input: { channel: ProviderChannel; id: string; enabled: boolean } & WithActor,
): Promise<ProviderView> {
  const { channel, id, enabled } = setProviderEnabledSchema.parse(input);
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, channel, id);
    if (!enabled && row.isDefault) {
      throw new AppError(
        "CONFLICT",
        `"${row.name}" is the platform default for ${channel === "sms" ? "SMS" : "email"}; make another provider the default before disabling it.`,
      );
    }
    const patch = { enabled, updatedAt: new Date() };
    const updated =
      channel === "sms"
        ? one(
            await tx
              .update(platformSmsProviders)
              .set(patch)
              .where(eq(platformSmsProviders.id, id))
              .returning(),
          )
        : one(
            await tx
              .update(platformEmailProviders)
              .set(patch)
              .where(eq(platformEmailProviders.id, id))
              .returning(),
          );
    if (row.enabled !== enabled) {
      await recordAudit(tx, {
        actor: input.actor,
        action: enabled ? "messaging.provider.enable" : "messaging.provider.disable",
        targetType: targetType(channel),
        targetId: id,
        before: { enabled: row.enabled },
        after: { enabled },
      });
    }
    return viewOf(channel, updated);
  });
}

/** Makes this provider the channel's platform default, replacing the previous one. */
export async function setDefaultProvider(
  db: Queryable,
  input: { channel: ProviderChannel; id: string } & WithActor,
): Promise<ProviderView> {
  const { channel, id } = providerRefSchema.parse(input);
  try {
    // One default per channel: unsetting the old and setting the new commit together.
    return await db.transaction(async (tx) => {
      const row = await lockRow(tx, channel, id);
      if (!row.enabled) throw new AppError("CONFLICT", `Enable "${row.name}" before making it the default.`);
      const now = new Date();
      let previous: { id: string; name: string } | undefined;
      let updated: SmsProviderRow | EmailProviderRow;
      if (channel === "sms") {
        const t = platformSmsProviders;
        [previous] = await tx
          .update(t)
          .set({ isDefault: false, updatedAt: now })
          .where(and(eq(t.isDefault, true), ne(t.id, id)))
          .returning({ id: t.id, name: t.name });
        updated = one(
          await tx.update(t).set({ isDefault: true, updatedAt: now }).where(eq(t.id, id)).returning(),
        );
      } else {
        const t = platformEmailProviders;
        [previous] = await tx
          .update(t)
          .set({ isDefault: false, updatedAt: now })
          .where(and(eq(t.isDefault, true), ne(t.id, id)))
          .returning({ id: t.id, name: t.name });
        updated = one(
          await tx.update(t).set({ isDefault: true, updatedAt: now }).where(eq(t.id, id)).returning(),
        );
      }
      if (!row.isDefault) {
        await recordAudit(tx, {
          actor: input.actor,
          action: "messaging.provider.set_default",
          targetType: targetType(channel),
          targetId: id,
          before: { defaultProvider: previous ?? null },
          after: { defaultProvider: { id, name: row.name } },
        });
      }
      return viewOf(channel, updated);
    });
  } catch (error) {
    // A concurrent "make default" of another provider won the partial unique index.
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "Another provider was made the default at the same time; reload and retry.",
      );
    }
    throw error;
  }
}

/** Deletes a provider nobody depends on: refused while it is the default or assigned to a tenant. */
export async function deleteProvider(
  db: Queryable,
  input: { channel: ProviderChannel; id: string } & WithActor,
): Promise<void> {
  const { channel, id } = providerRefSchema.parse(input);
  await db.transaction(async (tx) => {
    // The row lock makes a concurrent assignment (which takes a share lock) wait or fail.
    const row = await lockRow(tx, channel, id);
    if (row.isDefault) {
      throw new AppError(
        "CONFLICT",
        `"${row.name}" is the platform default; make another provider the default before deleting it.`,
      );
    }
    const tenants = await tx
      .selectDistinct({ name: platformTenants.name })
      .from(tenantProviderAssignments)
      .innerJoin(platformTenants, eq(platformTenants.id, tenantProviderAssignments.tenantId))
      .where(eq(assignmentProviderColumn(channel), id))
      .orderBy(asc(platformTenants.name));
    if (tenants.length > 0) {
      const names = tenants.map((t) => t.name);
      throw new AppError(
        "CONFLICT",
        `"${row.name}" is assigned to ${names.join(", ")}; remove it from ${names.length === 1 ? "that hotel" : "those hotels"} first.`,
        { details: { tenants: names } },
      );
    }
    if (channel === "sms") await tx.delete(platformSmsProviders).where(eq(platformSmsProviders.id, id));
    else await tx.delete(platformEmailProviders).where(eq(platformEmailProviders.id, id));
    await recordAudit(tx, {
      actor: input.actor,
      action: "messaging.provider.delete",
      targetType: targetType(channel),
      targetId: id,
      before: auditSnapshot(viewOf(channel, row)),
    });
  });
}
