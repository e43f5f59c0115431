import { describe, expect, test, vi } from "vitest";
import { bucketOf } from "@/lib/flags/bucket";
import { evaluateFlag, evaluateSnapshot } from "@/lib/flags/evaluate";
import { sameRules } from "@/lib/flags/rules";
import { buildFlagSnapshot } from "@/lib/flags/snapshot";
import { describeReason, formatBasisPoints, summarizeRules } from "@/lib/flags/summary";
import type { EvaluableRule, FlagContext, FlagResult, FlagRule } from "@/lib/flags/types";

// Tenants whose buckets for the flag "beta" are known (see the first test).
const A = "11111111-1111-4111-8111-111111111111"; // bucket 6624: outside a 25% rollout
const B = "22222222-2222-4222-8222-222222222222"; // bucket 6955: outside
const C = "33333333-3333-4333-8333-333333333333"; // bucket 2268: inside
const D = "44444444-4444-4444-8444-444444444444"; // bucket 1780: inside

test("the tenants' buckets for beta", () => {
  expect([A, B, C, D].map((t) => bucketOf("beta", t))).toEqual([6624, 6955, 2268, 1780]);
});

type Example = {
  name: string;
  flag: { defaultEnabled?: boolean; killed?: boolean; rules?: EvaluableRule[] };
  override?: boolean;
  ctx: FlagContext;
  expected: FlagResult;
};

const listAOnProOff: EvaluableRule[] = [
  { type: "tenants", tenantIds: [A], enabled: true },
  { type: "plans", planCodes: ["pro"], enabled: false },
];
const rolloutThenPro: EvaluableRule[] = [
  { type: "percentage", basisPoints: 2_500 },
  { type: "plans", planCodes: ["pro"], enabled: true },
];

const examples: Example[] = [
  {
    name: "the kill switch beats an override",
    flag: { defaultEnabled: true, killed: true, rules: listAOnProOff },
    override: true,
    ctx: { tenantId: A, planCode: "pro" },
    expected: { enabled: false, reason: "killed" },
  },
  {
    name: "an override beats the rules",
    flag: { rules: listAOnProOff },
    override: false,
    ctx: { tenantId: A, planCode: "pro" },
    expected: { enabled: false, reason: "override" },
  },
  {
    name: "the first matching rule decides: A is listed before its plan",
    flag: { rules: listAOnProOff },
    ctx: { tenantId: A, planCode: "pro" },
    expected: { enabled: true, reason: "rule:0" },
  },
  {
    name: "B is not listed, its plan turns the flag off",
    flag: { defaultEnabled: true, rules: listAOnProOff },
    ctx: { tenantId: B, planCode: "pro" },
    expected: { enabled: false, reason: "rule:1" },
  },
  {
    name: "C is in the 25% rollout",
    flag: { rules: rolloutThenPro },
    ctx: { tenantId: C, planCode: "free" },
    expected: { enabled: true, reason: "rule:0" },
  },
  {
    name: "A is outside the rollout and falls through to its plan",
    flag: { rules: rolloutThenPro },
    ctx: { tenantId: A, planCode: "pro" },
    expected: { enabled: true, reason: "rule:1" },
  },
  {
    name: "A outside the rollout on another plan gets the default",
    flag: { rules: rolloutThenPro },
    ctx: { tenantId: A, planCode: "free" },
    expected: { enabled: false, reason: "default" },
  },
  {
    name: "a tenant without a plan never matches a plan list",
    flag: { defaultEnabled: true, rules: [{ type: "plans", planCodes: ["pro"], enabled: false }] },
    ctx: { tenantId: B, planCode: null },
    expected: { enabled: true, reason: "default" },
  },
  {
    name: "a list can switch a default-on flag off",
    flag: { defaultEnabled: true, rules: [{ type: "tenants", tenantIds: [D], enabled: false }] },
    ctx: { tenantId: D, planCode: null },
    expected: { enabled: false, reason: "rule:0" },
  },
  {
    name: "0% rolls out to nobody",
    flag: { rules: [{ type: "percentage", basisPoints: 0 }] },
    ctx: { tenantId: D, planCode: null },
    expected: { enabled: false, reason: "default" },
  },
  {
    name: "the console (no tenant) gets the default, whatever the rules",
    flag: { defaultEnabled: true, rules: [{ type: "percentage", basisPoints: 0 }] },
    ctx: { tenantId: null, planCode: null },
    expected: { enabled: true, reason: "default" },
  },
  {
    name: "the console sees a killed flag as off",
    flag: { defaultEnabled: true, killed: true },
    ctx: { tenantId: null, planCode: null },
    expected: { enabled: false, reason: "killed" },
  },
  {
    name: "compiled rules (Sets) read like stored ones (arrays)",
    flag: { rules: [{ type: "tenants", tenantIds: new Set([B]), enabled: true }] },
    ctx: { tenantId: B, planCode: null },
    expected: { enabled: true, reason: "rule:0" },
  },
];

describe("evaluateFlag precedence", () => {
  test.each(examples)("$name", ({ flag, override, ctx, expected }) => {
    const definition = {
      key: "beta",
      defaultEnabled: flag.defaultEnabled ?? false,
      killed: flag.killed ?? false,
      rules: flag.rules ?? [],
    };
    const overrides = override === undefined ? undefined : new Map([["beta", override]]);
    expect(evaluateFlag(definition, overrides, ctx)).toEqual(expected);
  });
});

describe("snapshots", () => {
  test("evaluate every flag with the tenant's own overrides only", () => {
    const snapshot = buildFlagSnapshot(
      [
        { key: "beta", defaultEnabled: false, killed: false, rules: rolloutThenPro },
        { key: "reports", defaultEnabled: true, killed: false, rules: [] },
      ],
      [
        { flagKey: "reports", tenantId: A, enabled: false },
        { flagKey: "beta", tenantId: B, enabled: true },
      ],
    );
    expect(Object.fromEntries(evaluateSnapshot(snapshot, { tenantId: A, planCode: "free" }))).toEqual({
      beta: { enabled: false, reason: "default" },
      reports: { enabled: false, reason: "override" },
    });
    expect(Object.fromEntries(evaluateSnapshot(snapshot, { tenantId: B, planCode: "free" }))).toEqual({
      beta: { enabled: true, reason: "override" },
      reports: { enabled: true, reason: "default" },
    });
  });

  test("an unreadable stored rule never matches and later rules keep their index", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const snapshot = buildFlagSnapshot(
      [
        {
          key: "beta",
          defaultEnabled: false,
          killed: false,
          rules: [
            { type: "tenants", tenantIds: "not a list" },
            { type: "tenants", tenantIds: [A], enabled: true },
          ],
        },
      ],
      [],
    );
    expect(evaluateSnapshot(snapshot, { tenantId: A, planCode: null }).get("beta")).toEqual({
      enabled: true,
      reason: "rule:1",
    });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe("console wording", () => {
  test.each([
    [2_500, "25%"],
    [250, "2.5%"],
    [1, "0.01%"],
    [10_000, "100%"],
  ])("%i basis points read %s", (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });

  const three: FlagRule[] = [
    { type: "tenants", tenantIds: [A], enabled: true },
    { type: "percentage", basisPoints: 1_000 },
    { type: "percentage", basisPoints: 2_500 },
  ];
  test.each<[FlagRule[], string]>([
    [[], "No rules"],
    [[{ type: "plans", planCodes: ["pro"], enabled: true }], "1 rule"],
    [three, "3 rules · 25% rollout"],
  ])("summary of %j", (rules, text) => {
    expect(summarizeRules(rules)).toBe(text);
  });

  test.each([
    ["killed", "Kill switch"],
    ["override", "Override for this hotel"],
    ["default", "Default (no rule matched)"],
    ["unknown", "No such flag"],
    ["rule:2", "Rule 3 (percentage rollout)"],
  ])("reason %s reads %s", (reason, text) => {
    expect(describeReason(reason, three)).toBe(text);
  });
});

test("rules compare by content and order, not by key order", () => {
  const stored = JSON.parse(
    '[{"type":"tenants","enabled":true,"tenantIds":["a"]},{"basisPoints":5,"type":"percentage"}]',
  );
  const edited: FlagRule[] = [
    { type: "tenants", tenantIds: ["a"], enabled: true },
    { type: "percentage", basisPoints: 5 },
  ];
  expect(sameRules(stored, edited)).toBe(true);
  expect(sameRules(stored, [...edited].reverse())).toBe(false);
});
