import "server-only";
// "Test connection" in the console: one cheap authenticated call to the provider with the stored
// credentials; the outcome is kept on the row (lastTestedAt/Ok/Message) for the table to show.
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformEmailProviders, platformSmsProviders } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { createEmailClient, createSmsClient, type DevSinkStores } from "./factory";
import { getEmailProviderRow, getSmsProviderRow } from "./queries";
import { providerRefSchema } from "./schemas";

export type ConnectionTestResult = { ok: boolean; message: string; testedAt: Date };

// A connection test never sends: a dev-sink client built for it has nowhere to write.
const noSends: DevSinkStores = {
  sms: async () => {
    throw new Error("a connection test does not send");
  },
  email: async () => {
    throw new Error("a connection test does not send");
  },
};

const MAX_MESSAGE = 500;

async function runTest(client: {
  testConnection: () => Promise<{ ok: true } | { ok: false; message: string }>;
}) {
  const result = await client.testConnection();
  return result.ok
    ? { ok: true, message: "Connected" }
    : { ok: false, message: result.message.slice(0, MAX_MESSAGE) || "The provider refused the credentials" };
}

/** Building the client decrypts, so it is deferred into the try below. */
async function clientBuilder(db: Queryable, channel: "sms" | "email", id: string) {
  if (channel === "sms") {
    const row = await getSmsProviderRow(db, id);
    return row ? () => createSmsClient(row, noSends) : null;
  }
  const row = await getEmailProviderRow(db, id);
  return row ? () => createEmailClient(row, noSends) : null;
}

export async function testProviderConnection(
  db: Queryable,
  input: { channel: "sms" | "email"; id: string; actor: Actor },
): Promise<ConnectionTestResult> {
  const { channel, id } = providerRefSchema.parse(input);
  const build = await clientBuilder(db, channel, id);
  if (!build) throw new AppError("NOT_FOUND", "That provider does not exist (any more).");

  let outcome: { ok: boolean; message: string };
  try {
    outcome = await runTest(build());
  } catch {
    // Decryption (unknown key, tampered data) or a stored value the kind's schema rejects. The
    // error text may quote stored data, so a fixed sentence is kept instead.
    outcome = {
      ok: false,
      message: "The stored credentials could not be read or are incomplete; enter them again and save.",
    };
  }

  const testedAt = new Date();
  const patch = { lastTestedAt: testedAt, lastTestOk: outcome.ok, lastTestMessage: outcome.message };
  await db.transaction(async (tx) => {
    if (channel === "sms")
      await tx.update(platformSmsProviders).set(patch).where(eq(platformSmsProviders.id, id));
    else await tx.update(platformEmailProviders).set(patch).where(eq(platformEmailProviders.id, id));
    await recordAudit(tx, {
      actor: input.actor,
      action: "messaging.provider.test",
      targetType: `${channel}_provider`,
      targetId: id,
      details: { ok: outcome.ok, message: outcome.message },
    });
  });
  return { ...outcome, testedAt };
}
