import "server-only";
// Writes to the platform's provider tables (console path, plain db). Every change is audited in
// the same transaction, with the provider's view (a "•••• 1a2b" hint at most) and never a secret.
// Callers authorize: platformCan(role, "messaging.write").
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformEmailProviders, platformSmsProviders } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { type ProviderView, toEmailProviderView, toSmsProviderView } from "./queries";
import { auditSnapshot, lockRow, one, targetType, viewOf, type WithActor } from "./rows";
import {
  type ProviderInput,
  type ProviderUpdateInput,
  providerInputSchema,
  providerUpdateSchema,
} from "./schemas";
import {
  checkConfig,
  checkCredentials,
  type FieldIssue,
  nonBlank,
  refuseIssues,
  sealCredentials,
  storedCredentials,
} from "./secrets";

export { deleteProvider, setDefaultProvider, setProviderEnabled } from "./lifecycle";
export { auditSnapshot } from "./rows";
export { testProviderConnection } from "./test-connection";

/** Credentials and config checked together, so the form shows every problem at once. */
function checkSecrets(
  ref: Parameters<typeof checkCredentials>[0],
  credentials: Record<string, unknown>,
  config: Record<string, unknown>,
) {
  const creds = checkCredentials(ref, credentials);
  const conf = checkConfig(ref, config);
  const issues: FieldIssue[] = [...(creds.ok ? [] : creds.issues), ...(conf.ok ? [] : conf.issues)];
  if (!creds.ok || !conf.ok) refuseIssues(issues);
  return { credentials: creds.credentials, config: conf.config };
}

export async function createProvider(db: Queryable, input: ProviderInput & WithActor): Promise<ProviderView> {
  const values = providerInputSchema.parse(input);
  const { credentials, config } = checkSecrets(values, values.credentials, values.config);
  const common = {
    name: values.name,
    config,
    costPerMessageMinor: values.costPerMessageMinor,
    costCurrency: values.costCurrency,
    throttlePerSecond: values.throttlePerSecond,
    ...sealCredentials(credentials),
  };
  return db.transaction(async (tx) => {
    const view =
      values.channel === "sms"
        ? toSmsProviderView(
            one(
              await tx
                .insert(platformSmsProviders)
                .values({ ...common, kind: values.kind, senderId: values.senderId })
                .returning(),
            ),
          )
        : toEmailProviderView(
            one(
              await tx
                .insert(platformEmailProviders)
                .values({ ...common, kind: values.kind, fromAddress: values.fromAddress })
                .returning(),
            ),
          );
    await recordAudit(tx, {
      actor: input.actor,
      action: "messaging.provider.create",
      targetType: targetType(values.channel),
      targetId: view.id,
      after: auditSnapshot(view),
    });
    return view;
  });
}

/**
 * Saves the console form. A blank credential field keeps the stored value; the kind is fixed
 * once created (stored credentials belong to it). Credentials are re-sealed with the current
 * key, so saving a provider also moves it onto a rotated key.
 */
export async function updateProvider(
  db: Queryable,
  input: ProviderUpdateInput & WithActor,
): Promise<ProviderView> {
  const values = providerUpdateSchema.parse(input);
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, values.channel, values.id);
    if (row.kind !== values.kind) {
      throw new AppError("INVALID", "A provider's kind cannot change; add a new provider instead.", {
        field: "kind",
      });
    }
    const typed = nonBlank(values.credentials);
    const { credentials, config } = checkSecrets(
      values,
      { ...storedCredentials(row), ...typed },
      values.config,
    );
    const before = viewOf(values.channel, row);
    const common = {
      name: values.name,
      config,
      costPerMessageMinor: values.costPerMessageMinor,
      costCurrency: values.costCurrency,
      throttlePerSecond: values.throttlePerSecond,
      ...sealCredentials(credentials),
      updatedAt: new Date(),
    };
    const after =
      values.channel === "sms"
        ? toSmsProviderView(
            one(
              await tx
                .update(platformSmsProviders)
                .set({ ...common, senderId: values.senderId })
                .where(eq(platformSmsProviders.id, values.id))
                .returning(),
            ),
          )
        : toEmailProviderView(
            one(
              await tx
                .update(platformEmailProviders)
                .set({ ...common, fromAddress: values.fromAddress })
                .where(eq(platformEmailProviders.id, values.id))
                .returning(),
            ),
          );
    await recordAudit(tx, {
      actor: input.actor,
      action: "messaging.provider.update",
      targetType: targetType(values.channel),
      targetId: values.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      // Field names only: which secrets were re-entered, never their values.
      details: { fieldsReentered: Object.keys(typed).sort() },
    });
    return after;
  });
}
