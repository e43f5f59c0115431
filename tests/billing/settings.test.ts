import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { platformAuditStream } from "@/db/schema";
import { taxRateFor } from "@/lib/billing/invoices/settings";
import {
  billingSettingsInputSchema,
  bpsToPercent,
  createTaxRate,
  deleteTaxRate,
  getBillingSettings,
  listTaxRates,
  percentToBps,
  updateBillingSettings,
  updateTaxRate,
} from "@/lib/billing/settings";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, type TestUser, testActor } from "@/tests/helpers/fixtures";

test.each([
  ["7.5", 750],
  ["0", 0],
  ["0.05", 5],
  ["100", 10_000],
  [" 12.25 ", 1225],
  ["7.555", null],
  ["-1", null],
  ["7,5", null],
  ["", null],
])("percentToBps(%j) = %j", (input, bps) => {
  expect(percentToBps(input)).toBe(bps);
});

test.each([
  [750, "7.5"],
  [1000, "10"],
  [5, "0.05"],
  [0, "0"],
  [1225, "12.25"],
])("bpsToPercent(%j) = %j", (bps, text) => {
  expect(bpsToPercent(bps)).toBe(text);
});

function issuesOf(error: unknown): Array<{ path: string; message: string }> {
  if (!(error instanceof ZodError)) throw new Error(`expected a ZodError, got ${String(error)}`);
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe.each(testDatabaseKinds)("billing settings service on %s", (kind) => {
  let database: TestDatabase;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    admin = await createUser(database.db, { name: "Bea Billing" });
  });
  afterAll(() => database.drop());

  const auditOf = async (action: string, targetId: string) =>
    database.db
      .select()
      .from(platformAuditStream)
      .where(and(eq(platformAuditStream.action, action), eq(platformAuditStream.targetId, targetId)))
      .orderBy(desc(platformAuditStream.id));

  test("a tax rate is added, read by invoicing, edited and removed, each step audited", async () => {
    const actor = testActor(admin);
    const created = await createTaxRate(database.db, {
      country: " ng ",
      label: "VAT",
      ratePercent: "7.5",
      actor,
    });
    expect(created).toMatchObject({ country: "NG", label: "VAT", rateBps: 750 });
    expect(await taxRateFor(database.db, "NG")).toBe(750);
    expect((await auditOf("billing.tax_rate.create", "NG"))[0]).toMatchObject({
      actorUserId: admin.id,
      targetType: "tax_rate",
      summary: { after: { label: "VAT", rateBps: 750 } },
    });

    const updated = await updateTaxRate(database.db, {
      country: "NG",
      label: "VAT (NG)",
      ratePercent: "10",
      actor,
    });
    expect(updated).toMatchObject({ label: "VAT (NG)", rateBps: 1000 });
    expect(await taxRateFor(database.db, "NG")).toBe(1000);
    expect((await auditOf("billing.tax_rate.update", "NG"))[0]?.summary).toEqual({
      before: { label: "VAT", rateBps: 750 },
      after: { label: "VAT (NG)", rateBps: 1000 },
    });

    expect((await listTaxRates(database.db)).map((r) => r.country)).toContain("NG");
    await deleteTaxRate(database.db, { country: "ng", actor });
    expect(await taxRateFor(database.db, "NG")).toBe(0);
    expect((await auditOf("billing.tax_rate.delete", "NG"))[0]?.summary).toEqual({
      before: { label: "VAT (NG)", rateBps: 1000 },
    });
  });

  test("a second rate for a country, an unknown country and a missing rate are refused, writing nothing", async () => {
    const actor = testActor(admin);
    await createTaxRate(database.db, { country: "GH", label: "VAT", ratePercent: "15", actor });
    await expect(
      createTaxRate(database.db, { country: "GH", label: "Other", ratePercent: "1", actor }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "country" });
    await expect(
      updateTaxRate(database.db, { country: "KE", label: "VAT", ratePercent: "16", actor }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", field: "country" });
    await expect(deleteTaxRate(database.db, { country: "KE", actor })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const unknown = await createTaxRate(database.db, {
      country: "XX",
      label: "VAT",
      ratePercent: "5",
      actor,
    }).catch((e: unknown) => e);
    expect(issuesOf(unknown)).toEqual([{ path: "country", message: "Not a known ISO 3166-1 country code" }]);
    expect((await listTaxRates(database.db)).find((r) => r.country === "GH")).toMatchObject({
      label: "VAT",
      rateBps: 1500,
    });
    expect(await auditOf("billing.tax_rate.create", "XX")).toEqual([]);
  });

  test.each([
    ["101", "A percentage from 0 to 100, at most two decimals (7.5)."],
    ["7.555", "A percentage from 0 to 100, at most two decimals (7.5)."],
    ["-2", "A percentage from 0 to 100, at most two decimals (7.5)."],
    ["", "A percentage from 0 to 100, at most two decimals (7.5)."],
  ])("a rate of %j is refused on its field", async (ratePercent, message) => {
    const error = await createTaxRate(database.db, {
      country: "ZA",
      label: "VAT",
      ratePercent,
      actor: testActor(admin),
    }).catch((e: unknown) => e);
    expect(issuesOf(error)).toEqual([{ path: "ratePercent", message }]);
    expect(await taxRateFor(database.db, "ZA")).toBe(0);
  });

  test("billing settings: the form's text is read, repeats dropped, and the change audited", async () => {
    const before = await getBillingSettings(database.db);
    expect(before).toMatchObject({ draftGraceHours: 24, paymentTermsDays: 14, reminderDays: [1, 3, 7] });
    const after = await updateBillingSettings(database.db, {
      draftGraceHours: "48",
      paymentTermsDays: 30,
      reminderDays: "7, 2 3,2",
      pastDueAfterDays: "3",
      suspendAfterDays: "21",
      actor: testActor(admin),
    });
    expect(after).toMatchObject({
      draftGraceHours: 48,
      paymentTermsDays: 30,
      reminderDays: [2, 3, 7],
      pastDueAfterDays: 3,
      suspendAfterDays: 21,
    });
    expect(await getBillingSettings(database.db)).toMatchObject({
      paymentTermsDays: 30,
      reminderDays: [2, 3, 7],
    });
    const [audit] = await auditOf("billing.settings.update", "1");
    expect(audit?.summary).toEqual({
      before: {
        draftGraceHours: 24,
        paymentTermsDays: 14,
        reminderDays: [1, 3, 7],
        pastDueAfterDays: 1,
        suspendAfterDays: 14,
      },
      after: {
        draftGraceHours: 48,
        paymentTermsDays: 30,
        reminderDays: [2, 3, 7],
        pastDueAfterDays: 3,
        suspendAfterDays: 21,
      },
    });
  });

  test("bad billing settings are refused field by field and change nothing", async () => {
    const current = await getBillingSettings(database.db);
    const error = await updateBillingSettings(database.db, {
      draftGraceHours: "",
      paymentTermsDays: "-1",
      reminderDays: "1, soon",
      pastDueAfterDays: 10,
      suspendAfterDays: 10,
      actor: testActor(admin),
    }).catch((e: unknown) => e);
    expect(issuesOf(error).map((i) => i.path)).toEqual([
      "draftGraceHours",
      "paymentTermsDays",
      "reminderDays.1",
    ]);
    expect(await getBillingSettings(database.db)).toEqual(current);

    const order = billingSettingsInputSchema.safeParse({
      draftGraceHours: 0,
      paymentTermsDays: 0,
      reminderDays: [],
      pastDueAfterDays: 10,
      suspendAfterDays: 10,
    });
    expect(order.success ? [] : issuesOf(order.error)).toEqual([
      { path: "suspendAfterDays", message: "Suspension must come after the hotel is marked past due." },
    ]);
    expect(
      billingSettingsInputSchema
        .safeParse({
          draftGraceHours: 169,
          paymentTermsDays: 14,
          reminderDays: [0],
          pastDueAfterDays: 1,
          suspendAfterDays: 14,
        })
        .error?.issues.map((i) => i.path.join(".")),
    ).toEqual(["draftGraceHours", "reminderDays.0"]);
  });
});
