import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/connect";
import { platformEmailProviders, platformSmsProviders } from "@/db/schema";

/**
 * Makes sure each channel has a platform default provider: on a fresh installation that is the
 * dev-sink (nothing leaves the machine, every message shows in the console's outbox). An admin
 * who sets a real provider as default replaces it; this never touches an existing default.
 */
export async function ensureDefaultProviders(db: Queryable): Promise<{ sms: boolean; email: boolean }> {
  const [sms] = await db
    .select({ id: platformSmsProviders.id })
    .from(platformSmsProviders)
    .where(eq(platformSmsProviders.isDefault, true));
  const [email] = await db
    .select({ id: platformEmailProviders.id })
    .from(platformEmailProviders)
    .where(eq(platformEmailProviders.isDefault, true));
  if (!sms) {
    await db
      .insert(platformSmsProviders)
      .values({ name: "Dev sink (SMS)", kind: "dev-sink", isDefault: true, senderId: "Hearth" })
      .onConflictDoNothing();
  }
  if (!email) {
    await db
      .insert(platformEmailProviders)
      .values({
        name: "Dev sink (email)",
        kind: "dev-sink",
        isDefault: true,
        fromAddress: "Hearth <no-reply@hearth.local>",
      })
      .onConflictDoNothing();
  }
  return { sms: !sms, email: !email };
}
