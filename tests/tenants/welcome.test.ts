import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { devSinkMessages, messages, platformPlans, platformTenants } from "@/db/schema";
import { sendWelcomeEmailFn } from "@/inngest/functions/tenants/send-welcome-email";
import { getCreditBalance } from "@/lib/credits/queries";
import { listJobRuns } from "@/lib/jobs/job-runs";
import { drainEmbeddedRunner } from "@/lib/jobs/send-event";
import { ensureDefaultProviders } from "@/lib/messaging/providers/seed";
import { seedDefaultTemplates } from "@/lib/messaging/templates/seed";
import { signUp } from "@/lib/tenants/signup";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createTenant, createUser } from "@/tests/helpers/fixtures";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

describe.each(testDatabaseKinds)("welcome email on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await ensureDefaultProviders(database.db);
    await seedDefaultTemplates(database.db);
    await database.db
      .insert(platformPlans)
      .values({ code: "starter", name: "Starter", isDefault: true, trialDays: 14, trialSmsCredits: 25 });
  });
  afterAll(() => database.drop());

  const engine = () => new InngestTestEngine({ function: sendWelcomeEmailFn });
  const messagesOf = (tenantId: string) =>
    database.db.select().from(messages).where(eq(messages.tenantId, tenantId));

  async function trialTenant() {
    const owner = await createUser(database.db, { name: "Grace Owens" });
    const tenant = await createTenant(database.db, { name: "Grandview <Hotel>", status: "trial" });
    // 23:30 UTC on the 15th is already the 16th at the hotel, in Tokyo.
    const trialEndsAt = new Date("2030-01-15T23:30:00Z");
    await database.db
      .update(platformTenants)
      .set({
        trialEndsAt,
        timezone: "Asia/Tokyo",
        ownerUserId: owner.id,
        settings: { pendingTrialSmsCredits: 25 },
      })
      .where(eq(platformTenants.id, tenant.id));
    await addMember(database.db, tenant.id, owner.id, "owner");
    return { owner, tenant };
  }

  test("tenant.created grants the trial credits and sends one welcome email through the message log", async () => {
    const { owner, tenant } = await trialTenant();
    const created = {
      name: "tenant/tenant.created",
      data: { tenantId: tenant.id, ownerUserId: owner.id, source: "signup" },
    } as const;
    const { result, ctx } = await engine().execute({ events: [created] });
    expect(ctx.step.run).toHaveBeenCalledWith("grant-trial-credits", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("send-welcome-email", expect.any(Function));
    expect(result).toMatchObject({ status: "sent", messageId: expect.any(String), trialCreditsGranted: 25 });
    expect((await getCreditBalance(database.db, { tenantId: tenant.id })).balance).toBe(25);

    const [mail, ...rest] = await messagesOf(tenant.id);
    expect(rest).toHaveLength(0);
    expect(mail).toMatchObject({
      recipient: owner.email,
      event: "tenant.welcome",
      channel: "email",
      status: "sent",
      providerKind: "dev-sink",
      subject: "Welcome to Hearth, Grandview <Hotel>",
      idempotencyKey: `tenant.welcome:${tenant.id}`,
    });
    expect(mail?.body).toContain(`http://${tenant.slug}.localhost:3000/login`);
    expect(mail?.html).toContain("Grandview &lt;Hotel&gt;");
    expect(mail?.body).toContain("Your trial runs until Wednesday, January 16, 2030.");
    const outbox = await database.db
      .select()
      .from(devSinkMessages)
      .where(eq(devSinkMessages.messageId, mail?.id ?? ""));
    expect(outbox).toHaveLength(1);

    // A replayed event (a retry, a second delivery) sends nothing new and grants nothing twice.
    const again = await engine().execute({ events: [created] });
    expect(again.result).toMatchObject({ status: "sent", messageId: mail?.id, trialCreditsGranted: 0 });
    expect(await messagesOf(tenant.id)).toHaveLength(1);
    expect((await getCreditBalance(database.db, { tenantId: tenant.id })).balance).toBe(25);
  });

  test("a tenant that no longer exists or was deleted gets no email, and the run does not fail", async () => {
    const owner = await createUser(database.db);
    const gone = await engine().execute({
      events: [
        {
          name: "tenant/tenant.created",
          data: { tenantId: randomUUID(), ownerUserId: owner.id, source: "api" },
        },
      ],
    });
    expect(gone.error).toBeUndefined();
    expect(gone.result).toEqual({ status: "skipped", reason: "tenant not found", trialCreditsGranted: 0 });
    const deleted = await createTenant(database.db, { status: "deleted" });
    const res = await engine().execute({
      events: [
        {
          name: "tenant/tenant.created",
          data: { tenantId: deleted.id, ownerUserId: owner.id, source: "api" },
        },
      ],
    });
    expect(res.result).toEqual({ status: "skipped", reason: "tenant deleted", trialCreditsGranted: 0 });
    expect(await messagesOf(deleted.id)).toHaveLength(0);
  });

  test("end to end in embedded mode: a signup sends tenant.created and the owner's welcome email goes out", async () => {
    const result = await signUp(
      database.db,
      {
        hotelName: "Seaview Inn",
        slug: `seaview-${kind}`,
        ownerName: "Sam Sea",
        email: `sam-${kind}@example.test`,
        password: "a long enough password",
        country: "GB",
        currency: "GBP",
        timezone: "Europe/London",
        acceptTerms: true,
        idempotencyToken: randomUUID(),
      },
      { ip: null, userAgent: null },
    );
    if (!result.ok) throw new Error(result.message);
    await drainEmbeddedRunner();
    const mails = await messagesOf(result.tenant.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      recipient: `sam-${kind}@example.test`,
      event: "tenant.welcome",
      status: "sent",
    });
    expect(mails[0]?.body).toContain(`http://seaview-${kind}.localhost:3000/login`);
    expect((await getCreditBalance(database.db, { tenantId: result.tenant.id })).balance).toBe(25);
    const runs = await listJobRuns(database.db, { functionId: "send-welcome-email" });
    expect(runs.some((r) => r.status === "completed" && r.eventName === "tenant/tenant.created")).toBe(true);
  });
});
