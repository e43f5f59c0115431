import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platformAuditStream, platformMessageTemplates, platformTenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getEditableTemplate, getTemplate, listTemplates } from "@/lib/messaging/templates/queries";
import { seedDefaultTemplates } from "@/lib/messaging/templates/seed";
import { resetTemplate, saveTemplate, setTemplateActive } from "@/lib/messaging/templates/service";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createTenant, createUser, testActor } from "@/tests/helpers/fixtures";

const confirmed = "hotel/booking.confirmed";

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDatabaseKinds)("message templates on %s", (kind) => {
  let database: TestDatabase;
  let a: string;
  let b: string;
  let actor: ReturnType<typeof testActor>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDefaultTemplates(database.db);
    a = (await createTenant(database.db, { name: "Hotel A" })).id;
    b = (await createTenant(database.db, { name: "Hotel B" })).id;
    // Hotel A writes to its guests in Portuguese too.
    await database.db.update(platformTenants).set({ locale: "pt-br" }).where(eq(platformTenants.id, a));
    actor = testActor(await createUser(database.db));
  });
  afterAll(async () => {
    await database.drop();
  });

  const platformRow = (event: string, channel: "sms" | "email", locale: string) =>
    getTemplate(database.db, { tenantId: null, event, channel, locale });

  test("a syntax error is refused with the field, line and column", async () => {
    const error = await refusal(
      saveTemplate(database.db, {
        tenantId: a,
        event: confirmed,
        channel: "sms",
        locale: "en",
        body: "Hi {{guest.name}},\nsee you {{#if booking.checkIn}}soon",
        actor,
      }),
    );
    expect(error.code).toBe("INVALID");
    expect(error.field).toBe("body");
    expect(error.details?.errors).toEqual([
      { message: expect.stringContaining("not closed"), line: 2, column: expect.any(Number) },
    ]);
    expect(
      await getTemplate(database.db, { tenantId: a, event: confirmed, channel: "sms", locale: "en" }),
    ).toBeNull();
  });

  test("unknown variables are refused, each with its position", async () => {
    const error = await refusal(
      saveTemplate(database.db, {
        tenantId: a,
        event: confirmed,
        channel: "sms",
        locale: "en",
        body: "Hi {{guest.nmae}}\nroom {{room.floor}}",
        actor,
      }),
    );
    expect(error).toMatchObject({ code: "INVALID", field: "body" });
    expect(error.message).toContain("line 1, column 6");
    expect(error.details?.errors).toEqual([
      { message: 'Unknown variable "guest.nmae"', line: 1, column: 6 },
      { message: 'Unknown variable "room.floor"', line: 2, column: 8 },
    ]);
  });

  test("an email needs a subject, and its subject is validated too", async () => {
    const base = {
      tenantId: a,
      event: confirmed,
      channel: "email" as const,
      locale: "en",
      body: "<p>Hi</p>",
      actor,
    };
    expect(await refusal(saveTemplate(database.db, { ...base, subject: " " }))).toMatchObject({
      code: "INVALID",
      field: "subject",
    });
    const unknown = await refusal(saveTemplate(database.db, { ...base, subject: "Booking {{booking.ref}}" }));
    expect(unknown).toMatchObject({ code: "INVALID", field: "subject" });
    expect(unknown.details?.errors).toEqual([
      { message: 'Unknown variable "booking.ref"', line: 1, column: 11 },
    ]);
  });

  test("saves a valid tenant override, audited, and lists it as customised", async () => {
    const row = await saveTemplate(database.db, {
      tenantId: a,
      event: confirmed,
      channel: "sms",
      locale: "en",
      body: "A: {{guest.name}} {{booking.reference}}",
      subject: "ignored for SMS",
      active: true,
      actor,
    });
    expect(row).toMatchObject({ tenantId: a, subject: null, active: true, updatedByUserId: actor.userId });
    // Saving again replaces the same row.
    const again = await saveTemplate(database.db, {
      tenantId: a,
      event: confirmed,
      channel: "sms",
      locale: "en",
      body: "A2: {{guest.name}}",
      actor,
    });
    expect(again.id).toBe(row.id);
    const audits = await database.db
      .select()
      .from(platformAuditStream)
      .where(and(eq(platformAuditStream.action, "template.save"), eq(platformAuditStream.targetId, row.id)));
    expect(audits).toHaveLength(2);
    expect(audits[1]?.summary).toMatchObject({
      before: { body: "A: {{guest.name}} {{booking.reference}}" },
      after: { body: "A2: {{guest.name}}" },
    });
    expect(audits[1]?.tenantId).toBe(a);

    const groups = await listTemplates(database.db, { tenantId: a });
    expect(groups).toHaveLength(8); // 4 guest events × 2 channels, no platform events
    const sms = groups.find((g) => g.event === confirmed && g.channel === "sms");
    expect(sms?.entries.map((e) => e.locale)).toEqual(["en", "fr", "pt-BR"]);
    const [en, fr, pt] = sms?.entries ?? [];
    expect(en).toMatchObject({ overridden: true, rule: "tenant-locale", template: { id: row.id } });
    expect(fr).toMatchObject({
      overridden: false,
      rule: "platform-locale",
      template: { tenantId: null, locale: "fr" },
    });
    // No template in pt-BR anywhere: the platform's default locale applies.
    expect(pt).toMatchObject({
      overridden: false,
      rule: "platform-default-locale",
      template: { tenantId: null, locale: "en" },
    });
    // B is untouched by A's override.
    const bGroups = await listTemplates(database.db, { tenantId: b });
    const bEn = bGroups.find((g) => g.event === confirmed && g.channel === "sms")?.entries[0];
    expect(bEn).toMatchObject({ overridden: false, template: { tenantId: null } });
  });

  test("reset deletes the override and the platform default applies again", async () => {
    await saveTemplate(database.db, {
      tenantId: a,
      event: "hotel/guest.checked_in",
      channel: "email",
      locale: "fr",
      subject: "Bienvenue {{guest.name}}",
      body: "<p>Chambre {{room.number}}</p>",
      actor,
    });
    const key = { event: "hotel/guest.checked_in", channel: "email" as const, locale: "fr" };
    const editable = await getEditableTemplate(database.db, { tenantId: a, ...key });
    expect(editable.own?.subject).toBe("Bienvenue {{guest.name}}");
    expect(editable.inherited).toMatchObject({ tenantId: null, locale: "fr" });

    expect(await resetTemplate(database.db, { tenantId: a, ...key, actor })).toEqual({ reset: true });
    expect(await resetTemplate(database.db, { tenantId: a, ...key, actor })).toEqual({ reset: false });
    const entry = (await listTemplates(database.db, { tenantId: a }))
      .find((g) => g.event === key.event && g.channel === "email")
      ?.entries.find((e) => e.locale === "fr");
    expect(entry).toMatchObject({
      overridden: false,
      own: null,
      rule: "platform-locale",
      template: { tenantId: null },
    });
    expect(await platformRow(key.event, "email", "fr")).not.toBeNull();
    const resets = await database.db
      .select()
      .from(platformAuditStream)
      .where(and(eq(platformAuditStream.action, "template.reset"), eq(platformAuditStream.tenantId, a)));
    expect(resets).toHaveLength(1);
  });

  test("an inactive override is skipped: sends fall back to the platform", async () => {
    const key = { event: "hotel/guest.checked_out", channel: "sms" as const, locale: "en" };
    await saveTemplate(database.db, { tenantId: a, ...key, body: "Bye {{guest.name}}", actor });
    const off = await setTemplateActive(database.db, { tenantId: a, ...key, active: false, actor });
    expect(off.active).toBe(false);
    const entry = (await listTemplates(database.db, { tenantId: a }))
      .find((g) => g.event === key.event && g.channel === "sms")
      ?.entries.find((e) => e.locale === "en");
    expect(entry).toMatchObject({ overridden: true, own: { active: false }, template: { tenantId: null } });
    expect(
      await refusal(setTemplateActive(database.db, { tenantId: b, ...key, active: false, actor })),
    ).toMatchObject({ code: "NOT_FOUND" });
    const audits = await database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(eq(platformAuditStream.action, "template.deactivate"), eq(platformAuditStream.targetId, off.id)),
      );
    expect(audits).toHaveLength(1);
  });

  test("the platform edits its defaults (null tenant), audited", async () => {
    const before = await platformRow("invoice.issued", "email", "en");
    const row = await saveTemplate(database.db, {
      tenantId: null,
      event: "invoice.issued",
      channel: "email",
      locale: "en",
      subject: "Invoice {{invoice.number}}",
      body: "<p>{{money invoice.totalMinor invoice.currency}} due {{formatDate invoice.dueDate}}</p>",
      actor,
    });
    expect(row.id).toBe(before?.id);
    expect(row.tenantId).toBeNull();
    // A new platform locale is a new row; the unique key treats the null tenant as one owner.
    const de = await saveTemplate(database.db, {
      tenantId: null,
      event: "invoice.issued",
      channel: "email",
      locale: "DE",
      subject: "Rechnung {{invoice.number}}",
      body: "<p>Rechnung</p>",
      actor,
    });
    expect(de.locale).toBe("de");
    const groups = await listTemplates(database.db, { tenantId: null });
    const invoice = groups.find((g) => g.event === "invoice.issued" && g.channel === "email");
    expect(invoice?.entries.map((e) => e.locale)).toEqual(["en", "fr", "de"]);
    expect(groups.some((g) => g.event === confirmed)).toBe(true);
    expect(
      groups.flatMap((g) => g.entries).every((e) => e.template === null || e.template.tenantId === null),
    ).toBe(true);
    const audit = await database.db
      .select()
      .from(platformAuditStream)
      .where(and(eq(platformAuditStream.action, "template.save"), eq(platformAuditStream.targetId, row.id)));
    expect(audit[0]?.tenantId).toBeNull();
  });

  test("a hotel cannot edit platform events", async () => {
    const error = await refusal(
      saveTemplate(database.db, {
        tenantId: a,
        event: "invoice.issued",
        channel: "email",
        locale: "en",
        subject: "x",
        body: "<p>x</p>",
        actor,
      }),
    );
    expect(error).toMatchObject({ code: "FORBIDDEN", field: "event" });
    expect(
      await refusal(
        resetTemplate(database.db, {
          tenantId: a,
          event: "tenant.welcome",
          channel: "email",
          locale: "en",
          actor,
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await refusal(
        saveTemplate(database.db, {
          tenantId: null,
          event: "hotel/nope",
          channel: "sms",
          locale: "en",
          body: "x",
          actor,
        }),
      ),
    ).toMatchObject({ code: "INVALID", field: "event" });
  });

  test("RLS: a hotel session cannot write platform rows or another hotel's rows", async () => {
    const bRow = await saveTemplate(database.db, {
      tenantId: b,
      event: confirmed,
      channel: "sms",
      locale: "fr",
      body: "B: {{guest.name}}",
      actor,
    });
    const platform = await platformRow(confirmed, "sms", "en");
    if (!platform) throw new Error("seeded default missing");
    const t = platformMessageTemplates;
    await withTenant(database.db, a, async (tx) => {
      // Reads: own rows and platform defaults, never B's.
      const seen = await tx.select({ tenantId: t.tenantId }).from(t);
      expect(seen.every((r) => r.tenantId === null || r.tenantId === a)).toBe(true);
      // B's rows are invisible, so writes to them touch nothing.
      expect(await tx.update(t).set({ body: "hacked" }).where(eq(t.id, bRow.id)).returning()).toEqual([]);
      expect(await tx.delete(t).where(eq(t.id, bRow.id)).returning()).toEqual([]);
    });
    // The platform's rows are readable but not writable: an update matches nothing.
    expect(
      await withTenant(database.db, a, (tx) =>
        tx.update(t).set({ body: "hacked" }).where(eq(t.id, platform.id)).returning(),
      ),
    ).toEqual([]);
    // Inserting a platform row or one for B as hotel A is refused outright.
    const row = { event: "hotel/guest.checked_in", channel: "sms" as const, locale: "de", body: "x" };
    await expect(
      withTenant(database.db, a, (tx) => tx.insert(t).values({ ...row, tenantId: null })),
    ).rejects.toThrow();
    await expect(
      withTenant(database.db, a, (tx) => tx.insert(t).values({ ...row, tenantId: b })),
    ).rejects.toThrow();
    expect((await platformRow(confirmed, "sms", "en"))?.body).toBe(platform.body);
    expect(
      (await getTemplate(database.db, { tenantId: b, event: confirmed, channel: "sms", locale: "fr" }))?.body,
    ).toBe("B: {{guest.name}}");
    // A's reset of the same key leaves B's override and the platform default alone.
    expect(
      await resetTemplate(database.db, {
        tenantId: a,
        event: confirmed,
        channel: "sms",
        locale: "fr",
        actor,
      }),
    ).toEqual({
      reset: false,
    });
    expect(
      await getTemplate(database.db, { tenantId: b, event: confirmed, channel: "sms", locale: "fr" }),
    ).not.toBeNull();
    // And A cannot read B's row through the tenant path of getTemplate.
    expect(
      await getTemplate(database.db, { tenantId: a, event: confirmed, channel: "sms", locale: "fr" }),
    ).toBeNull();
  });
  // Hotels read platform rows, so a single FOR ALL policy would let DELETE (checked against USING
  // only) remove them; 0014_template_policies splits reading from writing.
  test("RLS: a hotel session cannot delete the platform's defaults", async () => {
    const t = platformMessageTemplates;
    const rollback = new Error("rollback");
    let deleted = -1;
    await database.db
      .transaction(async (outer) => {
        deleted = (await withTenant(outer, a, (tx) => tx.delete(t).where(isNull(t.tenantId)).returning()))
          .length;
        throw rollback; // keep the seeded defaults for the other tests
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(deleted).toBe(0);
  });
});
