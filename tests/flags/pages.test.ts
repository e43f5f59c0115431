import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import type { PlatformContext } from "@/lib/auth/context";
import { invalidateFlagCache } from "@/lib/flags/cache";
import { createFlag, setFlagOverride, setFlagRules } from "@/lib/flags/service";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createPlan, createTenant, createUser, testActor } from "@/tests/helpers/fixtures";

// The console pages as the server renders them, with the guard answering for a chosen role.
const guard = vi.hoisted(() => ({ ctx: null as PlatformContext | null }));
vi.mock("@/lib/auth/guards", () => ({
  requirePlatformRole: vi.fn(async () => {
    if (!guard.ctx) throw new Error("no session");
    return guard.ctx;
  }),
}));
vi.mock("@/lib/flags/actions", () => ({
  createFlagAction: vi.fn(),
  updateFlagAction: vi.fn(),
  setFlagRulesAction: vi.fn(),
  setFlagKilledAction: vi.fn(),
  deleteFlagAction: vi.fn(),
  setFlagOverrideAction: vi.fn(),
  removeFlagOverrideAction: vi.fn(),
}));
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn() }),
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

describe("console flag pages", () => {
  let database: TestDatabase;
  let alpha: { id: string; name: string };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useDatabaseForTests(database);
    invalidateFlagCache();
    const db = database.db;
    const user = await createUser(db, { name: "Ada" });
    guard.ctx = { user, platformRole: "super_admin", actor: testActor(user) };
    const pro = await createPlan(db, { code: "pro", name: "Pro", features: ["new_inbox"] });
    alpha = await createTenant(db, { name: "Alpha Hotel", planId: pro.id });
    await createTenant(db, { name: "Bravo Hotel" });
    await createFlag(db, {
      input: { key: "new_inbox", description: "The new inbox" },
      actor: guard.ctx.actor,
    });
    await setFlagRules(db, {
      input: {
        key: "new_inbox",
        rules: [
          { type: "plans", planCodes: ["pro"], enabled: true },
          { type: "percentage", basisPoints: 2_500 },
        ],
      },
      actor: guard.ctx.actor,
    });
    await createFlag(db, { input: { key: "spa", defaultEnabled: true }, actor: guard.ctx.actor });
    await setFlagOverride(db, {
      input: { key: "spa", tenantId: alpha.id, enabled: false, reason: "Spa closed for works" },
      actor: guard.ctx.actor,
    });
  });
  afterAll(() => database.drop());

  test("a flag's page shows its rules, overrides, references and the write controls", async () => {
    const { default: FlagPage } = await import("@/app/platform/flags/[key]/page");
    const html = renderToStaticMarkup(
      (await FlagPage({ params: Promise.resolve({ key: "new_inbox" }) })) as ReactElement,
    );
    expect(html).toContain("new_inbox");
    expect(html).toContain("The new inbox");
    expect(html).toContain("2 rules · 25% rollout");
    expect(html).toContain("Plan Pro (pro)");
    expect(html).toContain('aria-label="Remove rule 2"');
    expect(html).toContain('aria-label="Kill switch of new_inbox: live"');
    expect(html).toContain("Save override");

    const spa = renderToStaticMarkup(
      (await FlagPage({ params: Promise.resolve({ key: "spa" }) })) as ReactElement,
    );
    expect(spa).toContain("Spa closed for works");
    expect(spa).toContain("Alpha Hotel");
  });

  test("an unknown or malformed key is a 404", async () => {
    const { default: FlagPage } = await import("@/app/platform/flags/[key]/page");
    await expect(FlagPage({ params: Promise.resolve({ key: "nope" }) })).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(FlagPage({ params: Promise.resolve({ key: "Bad Key" }) })).rejects.toThrow("NEXT_NOT_FOUND");
  });

  test("a support agent reads without write controls", async () => {
    const { default: FlagPage } = await import("@/app/platform/flags/[key]/page");
    const saved = guard.ctx;
    if (!saved) throw new Error("no ctx");
    guard.ctx = { ...saved, platformRole: "support_agent" };
    try {
      const html = renderToStaticMarkup(
        (await FlagPage({ params: Promise.resolve({ key: "new_inbox" }) })) as ReactElement,
      );
      expect(html).toContain("2 rules · 25% rollout");
      expect(html).not.toContain("Save rules");
      expect(html).not.toContain("Save override");
      expect(html).not.toContain("Delete flag");
    } finally {
      guard.ctx = saved;
    }
  });

  test("the evaluate preview lists every flag for the hotel with its reason", async () => {
    const { EvaluatePreview } = await import("@/app/platform/flags/evaluate-preview");
    const html = renderToStaticMarkup((await EvaluatePreview({ tenantId: alpha.id })) as ReactElement);
    expect(html).toContain("Alpha Hotel · 1 of 2 flags on");
    expect(html).toContain("Rule 1 (plan list)");
    expect(html).toContain("Override for this hotel");
    const none = renderToStaticMarkup((await EvaluatePreview({ tenantId: "not-an-id" })) as ReactElement);
    expect(none).toContain("That hotel does not exist or has been deleted.");
  });
});
