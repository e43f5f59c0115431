import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { FlagsProvider, useFlag } from "@/components/flags/flags-provider";
import { useDatabaseForTests } from "@/db/client";
import { invalidateFlagCache } from "@/lib/flags/cache";
import { createFlag, setFlagOverride, setFlagRules } from "@/lib/flags/service";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createPlan, createTenant, createUser, testActor } from "@/tests/helpers/fixtures";

// Client components import the server actions; the markup is what is under test here.
vi.mock("@/lib/flags/actions", () => ({
  createFlagAction: vi.fn(),
  updateFlagAction: vi.fn(),
  setFlagRulesAction: vi.fn(),
  setFlagKilledAction: vi.fn(),
  deleteFlagAction: vi.fn(),
  setFlagOverrideAction: vi.fn(),
  removeFlagOverrideAction: vi.fn(),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

function Probe() {
  return createElement("p", null, `inbox=${useFlag("new_inbox")} spa=${useFlag("spa")} x=${useFlag("nope")}`);
}

const ALPHA = "11111111-1111-4111-8111-111111111111";

describe("flags for client components", () => {
  test("useFlag reads the booleans the server evaluated; unknown keys are off", async () => {
    const html = renderToStaticMarkup(
      createElement(FlagsProvider, { flags: { new_inbox: true, spa: false } }, createElement(Probe)),
    );
    expect(html).toBe("<p>inbox=true spa=false x=false</p>");
    // Outside a provider everything is off.
    expect(renderToStaticMarkup(createElement(Probe))).toBe("<p>inbox=false spa=false x=false</p>");
  });
});

describe("console controls", () => {
  test("the rules editor names its controls per rule, shows percentages and unknown hotels", async () => {
    const { RulesEditor } = await import("@/components/flags/rules-editor");
    const html = renderToStaticMarkup(
      createElement(RulesEditor, {
        flagKey: "new_inbox",
        rules: [
          { type: "tenants", tenantIds: [ALPHA, "99999999-9999-4999-8999-999999999999"], enabled: true },
          { type: "plans", planCodes: ["pro"], enabled: false },
          { type: "percentage", basisPoints: 2_550 },
        ],
        tenants: [{ value: ALPHA, label: "Alpha Hotel", hint: "alpha" }],
        plans: [{ value: "pro", label: "Pro", hint: "pro" }],
        canWrite: true,
      }),
    );
    for (const n of [1, 2, 3]) {
      expect(html).toContain(`aria-label="Move rule ${n} up"`);
      expect(html).toContain(`aria-label="Remove rule ${n}"`);
    }
    expect(html).toContain("Hotel list");
    expect(html).toContain("Plan list");
    expect(html).toContain("Percentage rollout");
    expect(html).toContain('value="25.5"');
    expect(html).toContain("Remove Alpha Hotel");
    expect(html).toContain("99999999-9999-4999-8999-999999999999");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>.*?Save rules/);
  });

  test("read-only admins see the rules without any control", async () => {
    const { RulesEditor } = await import("@/components/flags/rules-editor");
    const html = renderToStaticMarkup(
      createElement(RulesEditor, {
        flagKey: "new_inbox",
        rules: [{ type: "percentage", basisPoints: 1_000 }],
        tenants: [],
        plans: [],
        canWrite: false,
      }),
    );
    expect(html).not.toContain("Remove rule 1");
    expect(html).not.toContain("Save rules");
  });

  test("the kill switch is a labelled switch; overrides list hotel, state and reason", async () => {
    const { KillSwitch } = await import("@/components/flags/kill-switch");
    const live = renderToStaticMarkup(
      createElement(KillSwitch, { flagKey: "spa", killed: false, canWrite: true }),
    );
    expect(live).toContain('role="switch"');
    expect(live).toContain('aria-checked="true"');
    expect(live).toContain('aria-label="Kill switch of spa: live"');
    const killed = renderToStaticMarkup(
      createElement(KillSwitch, { flagKey: "spa", killed: true, canWrite: false }),
    );
    expect(killed).toContain('aria-checked="false"');
    expect(killed).toContain("disabled");

    const { OverridesPanel } = await import("@/components/flags/overrides-panel");
    const html = renderToStaticMarkup(
      createElement(OverridesPanel, {
        flagKey: "spa",
        overrides: [
          {
            tenantId: ALPHA,
            tenantName: "Alpha Hotel",
            tenantSlug: "alpha",
            enabled: true,
            reason: "Pilot hotel",
            createdAt: "2025-01-05T10:00:00.000Z",
          },
        ],
        tenants: [{ value: ALPHA, label: "Alpha Hotel (alpha)" }],
        canWrite: true,
      }),
    );
    expect(html).toContain("Pilot hotel");
    expect(html).toContain("2025-01-05");
    expect(html).toContain('aria-label="Remove the override for Alpha Hotel"');
    expect(html).toContain("Save override");
  });
});

describe("server components", () => {
  let database: TestDatabase;
  let tenant: { id: string; planId: string | null };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useDatabaseForTests(database);
    invalidateFlagCache();
    const db = database.db;
    const actor = testActor(await createUser(db));
    const plan = await createPlan(db, { code: "pro" });
    tenant = await createTenant(db, { planId: plan.id });
    await createFlag(db, { input: { key: "new_inbox" }, actor });
    await setFlagRules(db, {
      input: { key: "new_inbox", rules: [{ type: "plans", planCodes: ["pro"], enabled: true }] },
      actor,
    });
    await createFlag(db, { input: { key: "spa", defaultEnabled: true }, actor });
    await setFlagOverride(db, {
      input: { key: "spa", tenantId: tenant.id, enabled: false, reason: "No spa" },
      actor,
    });
  });
  afterAll(() => database.drop());

  test("FeatureGate renders the children while the flag is on, else the fallback", async () => {
    const { FeatureGate } = await import("@/components/flags/feature-gate");
    const gate = (flag: string, who: { id: string; planId?: string | null } | null) =>
      FeatureGate({ flag, tenant: who, fallback: "old", children: "new" });
    expect(await gate("new_inbox", tenant)).toBe("new");
    expect(await gate("new_inbox", { id: tenant.id })).toBe("new");
    expect(await gate("new_inbox", null)).toBe("old");
    expect(await gate("spa", tenant)).toBe("old");
    expect(await gate("spa", null)).toBe("new");
    expect(await gate("no_such_flag", tenant)).toBe("old");
  });

  test("ServerFlagsProvider hands the client booleans only", async () => {
    const { ServerFlagsProvider } = await import("@/components/flags/server-flags-provider");
    const element = (await ServerFlagsProvider({ tenant, children: null })) as ReactElement<{
      flags: Record<string, boolean>;
    }>;
    expect(element.props.flags).toEqual({ new_inbox: true, spa: false });
  });
});
