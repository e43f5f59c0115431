import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { GET } from "@/app/platform/billing/invoices/export/route";
import { useDatabaseForTests } from "@/db/client";
import { platformAuditStream, platformInvoices } from "@/db/schema";
import type { ApiPrincipal } from "@/lib/auth/context";
import type { Invoice } from "@/lib/billing/invoices/settle";
import { AppError } from "@/lib/errors";
import type { Tenant } from "@/lib/tenants/queries";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { createUser, type TestUser, testActor, testPrincipal } from "@/tests/helpers/fixtures";
import { billingHotel, manualInvoice } from "./world";

// Only the caller's identity is faked; the filters, the query, the CSV and the audit row are real.
const session = vi.hoisted(() => ({ principal: null as ApiPrincipal | null }));
vi.mock("@/lib/auth/api", () => ({
  authenticateApiRequest: async () => {
    if (!session.principal) throw new AppError("UNAUTHENTICATED", "Sign in to use this endpoint.");
    return session.principal;
  },
}));

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

const get = (query = "") =>
  GET(new Request(`http://localhost:3000/platform/billing/invoices/export${query}`));

describe.each(testDatabaseKinds)("invoice CSV export on %s", (kind) => {
  let database: TestDatabase;
  let agent: TestUser;
  let hotelier: TestUser;
  let tricky: Tenant;
  let plain: Tenant;
  let trickyInvoice: Invoice;
  let plainInvoice: Invoice;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    agent = await createUser(database.db, { name: "Sam Support" });
    hotelier = await createUser(database.db, { name: "Olu Owner" });
    // A name a spreadsheet would split on (comma, quote) and one it would run as a formula.
    tricky = await billingHotel(database.db, { name: '=HYPERLINK("x"), "Grand" Hotel', currency: "NGN" });
    plain = await billingHotel(database.db, { name: "Plain Inn", currency: "JPY" });
    const actor = testActor(agent);
    trickyInvoice = await manualInvoice(database.db, tricky, actor, [
      { description: "Setup", unitAmountMinor: 1_234_567 },
    ]);
    plainInvoice = await manualInvoice(database.db, plain, actor, [
      { description: "Setup", unitAmountMinor: 1500 },
    ]);
    await database.db
      .update(platformInvoices)
      .set({ status: "void", voidedAt: new Date() })
      .where(eq(platformInvoices.id, plainInvoice.id));
  });
  afterAll(() => database.drop());

  test("no session is a 401 and a portal user without a console role is a 403, with no CSV", async () => {
    session.principal = null;
    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    session.principal = testPrincipal(hotelier, null);
    const portal = await get();
    expect(portal.status).toBe(403);
    expect(portal.headers.get("content-type")).toContain("application/json");
    expect(await portal.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  test("a support agent downloads every invoice as CSV, cells escaped and amounts exact", async () => {
    session.principal = testPrincipal(agent, "support_agent");
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="hearth-invoices-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await res.text();
    const data = parseCsv(text);
    const byNumber = new Map(data.map((r) => [r.number, r]));
    // The formula is defused with a leading quote; the comma and quotes survive as one cell.
    expect(byNumber.get(trickyInvoice.number)).toMatchObject({
      hotel: `'=HYPERLINK("x"), "Grand" Hotel`,
      currency: "NGN",
      total: "12345.67",
      status: "open",
    });
    expect(byNumber.get(plainInvoice.number)).toMatchObject({
      hotel: "Plain Inn",
      total: "1500",
      status: "void",
    });
    expect(text).toContain(`"'=HYPERLINK(""x""), ""Grand"" Hotel"`);
  });

  test("the table's filters apply to the file, and each export is audited with them", async () => {
    session.principal = testPrincipal(agent, "support_agent");
    const text = await (await get(`?status=void&tenant=${plain.id}`)).text();
    expect(text).toContain(plainInvoice.number);
    expect(text).not.toContain(trickyInvoice.number);
    const none = await (await get(`?status=paid`)).text();
    expect(none.trim().split("\r\n")).toHaveLength(1);
    // A bad filter value is ignored, like on the page, rather than failing the download.
    const all = await (await get(`?status=nonsense&period=2026-13`)).text();
    expect(all).toContain(plainInvoice.number);
    expect(all).toContain(trickyInvoice.number);

    const audits = await database.db
      .select()
      .from(platformAuditStream)
      .where(
        and(
          eq(platformAuditStream.action, "billing.invoice.export"),
          eq(platformAuditStream.actorUserId, agent.id),
        ),
      );
    expect(audits.map((a) => a.summary)).toContainEqual({ filters: { status: "void", tenantId: plain.id } });
  });
});
