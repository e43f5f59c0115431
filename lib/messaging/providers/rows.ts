import "server-only";
// Helpers the provider writes share: row locks, views for audit records, small result checks.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/connect";
import { platformEmailProviders, platformSmsProviders } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import type { EmailProviderRow, SmsProviderRow } from "./factory";
import { type ProviderView, toEmailProviderView, toSmsProviderView } from "./queries";
import type { ProviderChannel } from "./schemas";

export type WithActor = { actor: Actor };

/** What the audit stream keeps of a provider: its view without test results or counts. */
export function auditSnapshot(view: ProviderView): Record<string, unknown> {
  const { lastTestedAt, lastTestOk, lastTestMessage, assignedTenantCount, ...rest } = view;
  return rest;
}

export const targetType = (channel: ProviderChannel) => `${channel}_provider`;

export async function lockRow(tx: Tx, channel: ProviderChannel, id: string) {
  const row =
    channel === "sms"
      ? (await tx.select().from(platformSmsProviders).where(eq(platformSmsProviders.id, id)).for("update"))[0]
      : (
          await tx
            .select()
            .from(platformEmailProviders)
            .where(eq(platformEmailProviders.id, id))
            .for("update")
        )[0];
  if (!row) throw new AppError("NOT_FOUND", "That provider does not exist (any more).");
  return row;
}

export function viewOf(channel: ProviderChannel, row: SmsProviderRow | EmailProviderRow): ProviderView {
  return channel === "sms"
    ? toSmsProviderView(row as SmsProviderRow)
    : toEmailProviderView(row as EmailProviderRow);
}

export function one<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("the statement returned no row");
  return row;
}
