import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import { platformEmailOutbox, platformPlans, platformTenants } from "@/db/schema";
import { sendWelcomeEmailFn } from "@/inngest/functions/tenants/send-welcome-email";
import { listJobRuns } from "@/lib/jobs/job-runs";
import { drainEmbeddedRunner } from "@/lib/jobs/send-event";
import { listTenantEmails, queueEmail } from "@/lib/messaging/outbox";
import { renderWelcomeEmail } from "@/lib/messaging/welcome-email";
import { signUp } from "@/lib/tenants/signup";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addMember, createTenant, createUser } from "@/tests/helpers/fixtures";

for (const key of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"])
  delete process.env[key];

describe("renderWelcomeEmail", () => {
  const input = {
    hotelName: "Grandview <Hotel> & Spa",
    ownerName: "Grace Owens",
    portalUrl: "http://grandview.localhost:3000/login",
    trialEndsAt: new Date("2026-07-17T03:00:00Z"),
    timezone: "America/New_York",
  };

  test("greets the owner, links the portal and names the trial's end in the hotel's timezone", () => {
    const mail = renderWelcomeEmail(input);
    expect(mail.subject).toBe("Welcome to Hearth, Grandview <Hotel> & Spa!");
    expect(mail.text).toContain("Hi Grace,");
    expect(mail.text).toContain("http://grandview.localhost:3000/login");
    // 03:00 UTC on the 17th is still the 16th in New York.
    expect(mail.text).toMatch(/Thursday,? 16 July 2026/);
    expect(mail.html).toContain('<a href="http://grandview.localhost:3000/login">');
  });

  test("escapes the hotel's name in HTML and leaves out the trial without one", () => {
    const mail = renderWelcomeEmail({ ...input, trialEndsAt: null });
    expect(mail.html).toContain("Grandview &lt;Hotel&gt; &amp; Spa");
    expect(mail.html).not.toContain("<Hotel>");
    expect(mail.text).not.toMatch(/trial/i);
  });
});

describe.each(testDatabaseKinds)("welcome email on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await database.db
      .insert(platformPlans)
      .values({ code: "starter", name: "Starter", isDefault: true, trialDays: 14 });
  });
  afterAll(() => database.drop());

  const engine = () => new InngestTestEngine({ function: sendWelcomeEmailFn });

  async function trialTenant() {
    const owner = await createUser(database.db, { name: "Grace Owens" });
    const tenant = await createTenant(database.db, { name: "Grandview Hotel", status: "trial" });
    const trialEndsAt = new Date("2030-01-15T12:00:00Z");
    await database.db
      .update(platformTenants)
      .set({ trialEndsAt, timezone: "Europe/Lisbon", ownerUserId: owner.id })
      .where(eq(platformTenants.id, tenant.id));
    await addMember(database.db, tenant.id, owner.id, "owner");
    return { owner, tenant };
  }

  test("tenant.created queues one welcome email to the owner, with the portal and trial end", async () => {
    const { owner, tenant } = await trialTenant();
    const created = {
      name: "tenant/tenant.created",
      data: { tenantId: tenant.id, ownerUserId: owner.id, source: "signup" },
    } as const;
    const { result, ctx } = await engine().execute({ events: [created] });
    expect(ctx.step.run).toHaveBeenCalledWith("queue-welcome-email", expect.any(Function));
    expect(result).toMatchObject({ status: "queued", emailId: expect.any(String) });

    const [mail, ...rest] = await listTenantEmails(database.db, { tenantId: tenant.id });
    expect(rest).toHaveLength(0);
    expect(mail).toMatchObject({
      to: owner.email,
      event: "tenant.welcome",
      status: "queued",
      subject: "Welcome to Hearth, Grandview Hotel!",
    });
    expect(mail?.text).toContain(`http://${tenant.slug}.localhost:3000/login`);
    expect(mail?.text).toMatch(/Tuesday,? 15 January 2030/);

    // A replayed event (a retry, a second delivery) queues nothing new.
    const again = await engine().execute({ events: [created] });
    expect(again.result).toMatchObject({ status: "already_queued", emailId: mail?.id });
    expect(await listTenantEmails(database.db, { tenantId: tenant.id })).toHaveLength(1);
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
    expect(gone.result).toEqual({ status: "skipped", reason: "tenant not found" });
    const deleted = await createTenant(database.db, { status: "deleted" });
    const res = await engine().execute({
      events: [
        {
          name: "tenant/tenant.created",
          data: { tenantId: deleted.id, ownerUserId: owner.id, source: "api" },
        },
      ],
    });
    expect(res.result).toEqual({ status: "skipped", reason: "tenant deleted" });
    expect(await listTenantEmails(database.db, { tenantId: deleted.id })).toHaveLength(0);
  });

  test("queueEmail keeps one row per dedupe key, and any number without one", async () => {
    const tenant = await createTenant(database.db);
    const mail = {
      tenantId: tenant.id,
      to: "a@example.test",
      subject: "Hi",
      text: "t",
      html: "<p>t</p>",
      event: "tenant.test",
    };
    const first = await queueEmail(database.db, { ...mail, dedupeKey: `k-${tenant.id}` });
    const second = await queueEmail(database.db, {
      ...mail,
      subject: "Changed",
      dedupeKey: `k-${tenant.id}`,
    });
    expect(first.queued).toBe(true);
    expect(second).toEqual({ queued: false, email: first.email });
    await queueEmail(database.db, mail);
    await queueEmail(database.db, mail);
    const rows = await database.db
      .select()
      .from(platformEmailOutbox)
      .where(eq(platformEmailOutbox.tenantId, tenant.id));
    expect(rows).toHaveLength(3);
  });

  test("end to end in embedded mode: a signup sends tenant.created and the owner's welcome email is queued", async () => {
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
    const mails = await listTenantEmails(database.db, { tenantId: result.tenant.id });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: `sam-${kind}@example.test`, event: "tenant.welcome" });
    expect(mails[0]?.text).toContain(`http://seaview-${kind}.localhost:3000/login`);
    const runs = await listJobRuns(database.db, { functionId: "send-welcome-email" });
    expect(runs.some((r) => r.status === "completed" && r.eventName === "tenant/tenant.created")).toBe(true);
  });
});
