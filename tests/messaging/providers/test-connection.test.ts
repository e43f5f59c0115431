import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformSmsProviders } from "@/db/schema";
import { getProvider } from "@/lib/messaging/providers/queries";
import { createProvider, testProviderConnection } from "@/lib/messaging/providers/service";
import { type ResendFake, startResendFake } from "@/tests/fakes/resend";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, testActor } from "@/tests/helpers/fixtures";
import { resendInput, twilioInput } from "./helpers";

describe.each(testDatabaseKinds)("provider connection test on %s", (kind) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  let resend: ResendFake;
  let actor: ReturnType<typeof testActor>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = testActor(await createUser(database.db));
    twilio = await startTwilioFake();
    resend = await startResendFake();
  });
  afterAll(async () => {
    await twilio.close();
    await resend.close();
    await database.drop();
  });

  const twilioProvider = (authToken: string) =>
    createProvider(database.db, {
      ...twilioInput({
        credentials: { accountSid: twilio.accountSid, authToken },
        config: { baseUrl: twilio.url },
      }),
      actor,
    });

  test("Twilio: good credentials pass, wrong ones fail, and the result is kept on the provider", async () => {
    const good = await twilioProvider(twilio.authToken);
    expect(good.lastTestedAt).toBeNull();
    const ok = await testProviderConnection(database.db, { channel: "sms", id: good.id, actor });
    expect(ok).toMatchObject({ ok: true, message: "Connected" });
    const request = twilio.requests.at(-1);
    expect(request).toMatchObject({
      method: "GET",
      path: `/2010-04-01/Accounts/${twilio.accountSid}.json`,
      auth: { username: twilio.accountSid, password: twilio.authToken },
    });
    expect(await getProvider(database.db, { channel: "sms", id: good.id })).toMatchObject({
      lastTestOk: true,
      lastTestMessage: "Connected",
      lastTestedAt: expect.any(Date),
    });

    const bad = await twilioProvider("wrong-token-xyz");
    const failed = await testProviderConnection(database.db, { channel: "sms", id: bad.id, actor });
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/Authenticate/);
    const stored = await getProvider(database.db, { channel: "sms", id: bad.id });
    expect(stored).toMatchObject({ lastTestOk: false, lastTestMessage: failed.message });
    expect(stored?.lastTestedAt).toBeInstanceOf(Date);

    const audit = await database.db
      .select()
      .from(platformAuditStream)
      .where(eq(platformAuditStream.targetId, bad.id));
    const tested = audit.find((a) => a.action === "messaging.provider.test");
    expect(tested?.summary).toMatchObject({ ok: false });
    expect(JSON.stringify(audit)).not.toContain("wrong-token-xyz");
  });

  test("Resend: a valid key passes, an invalid key fails with the provider's reason", async () => {
    const good = await createProvider(database.db, {
      ...resendInput({ credentials: { apiKey: resend.apiKey }, config: { baseUrl: resend.url } }),
      actor,
    });
    expect(await testProviderConnection(database.db, { channel: "email", id: good.id, actor })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(resend.requests.at(-1)).toMatchObject({
      method: "GET",
      path: "/domains",
      authorization: `Bearer ${resend.apiKey}`,
    });

    const bad = await createProvider(database.db, {
      ...resendInput({ credentials: { apiKey: "re_wrong" }, config: { baseUrl: resend.url } }),
      actor,
    });
    const result = await testProviderConnection(database.db, { channel: "email", id: bad.id, actor });
    expect(result).toMatchObject({ ok: false, message: "API key is invalid" });
    expect(await getProvider(database.db, { channel: "email", id: bad.id })).toMatchObject({
      lastTestOk: false,
      lastTestMessage: "API key is invalid",
    });
  });

  test("credentials that cannot be opened fail the test with a fixed sentence, not the error text", async () => {
    const view = await twilioProvider(twilio.authToken);
    await database.db
      .update(platformSmsProviders)
      .set({ credentialsKeyId: "retired-key" })
      .where(eq(platformSmsProviders.id, view.id));
    const result = await testProviderConnection(database.db, { channel: "sms", id: view.id, actor });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/enter them again/);
    expect(result.message).not.toContain("retired-key");
  });

  test("an unknown provider is NOT_FOUND", async () => {
    await expect(
      testProviderConnection(database.db, {
        channel: "sms",
        id: "00000000-0000-4000-8000-000000000000",
        actor,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
