import { describe, expect, test } from "vitest";
import type { Plan } from "@/lib/plans/queries";
import { planInputSchema } from "@/lib/plans/schemas";
import { initialPlanForm, type PlanFormState, planFormToInput } from "./plan-form";

const form = (overrides: Partial<PlanFormState> = {}): PlanFormState => ({
  ...initialPlanForm(undefined),
  code: "starter",
  name: "Starter",
  monthlyPrice: "49.90",
  yearlyPrice: "499",
  smsOveragePrice: "0.04",
  ...overrides,
});

describe("plan form → plan input", () => {
  test("decimal prices become integer minor units of the plan's currency", () => {
    const { input, errors } = planFormToInput(form());
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      currency: "USD",
      monthlyPriceMinor: 4990,
      yearlyPriceMinor: 49900,
      smsOveragePriceMinor: 4,
    });
    expect(planInputSchema.safeParse(input).success).toBe(true);
  });

  test.each([
    [
      "JPY",
      "4990",
      "49900",
      "3",
      { monthlyPriceMinor: 4990, yearlyPriceMinor: 49900, smsOveragePriceMinor: 3 },
    ],
    [
      "KWD",
      "4.5",
      "45",
      "0.005",
      { monthlyPriceMinor: 4500, yearlyPriceMinor: 45000, smsOveragePriceMinor: 5 },
    ],
  ])("%s uses its own minor unit", (currency, monthlyPrice, yearlyPrice, smsOveragePrice, expected) => {
    const { input, errors } = planFormToInput(form({ currency, monthlyPrice, yearlyPrice, smsOveragePrice }));
    expect(errors).toEqual({});
    expect(input).toMatchObject(expected);
  });

  test("too many decimals is a field error before anything is sent", () => {
    const { errors } = planFormToInput(form({ monthlyPrice: "49.999", currency: "usd" }));
    expect(errors).toEqual({ monthlyPriceMinor: "USD amounts have at most 2 decimals" });
    expect(planFormToInput(form({ currency: "JPY", monthlyPrice: "10.5" })).errors).toEqual({
      monthlyPriceMinor: "JPY amounts have no decimals",
      smsOveragePriceMinor: "JPY amounts have no decimals",
    });
  });

  test("empty limits are unlimited; features split on commas and spaces", () => {
    const { input } = planFormToInput(
      form({
        limits: { rooms: "20", staff_seats: "", storage_mb: " " },
        features: "analytics, api_access  sms.bulk",
      }),
    );
    expect(input.limits).toEqual({ rooms: 20 });
    expect(input.features).toEqual(["analytics", "api_access", "sms.bulk"]);
  });

  test("an empty whole-number field is left for the schema to name", () => {
    const { input } = planFormToInput(form({ trialDays: "" }));
    const result = planInputSchema.safeParse(input);
    expect(result.error?.issues[0]?.path).toEqual(["trialDays"]);
  });

  test("an existing plan round-trips through the form unchanged", () => {
    const plan = {
      id: "00000000-0000-4000-8000-000000000000",
      code: "pro",
      name: "Pro",
      description: "Busy hotels",
      currency: "KWD",
      monthlyPriceMinor: 14_900,
      yearlyPriceMinor: 149_005,
      includedSms: 1500,
      smsOveragePriceMinor: 3,
      limits: { rooms: 120, storage_mb: 10_240 },
      features: ["analytics"],
      trialDays: 30,
      trialSmsCredits: 50,
      trialEndAction: "activate",
      isDefault: false,
      isPublic: false,
      isActive: true,
      sortOrder: 2,
      createdAt: new Date(),
      updatedAt: new Date(),
    } satisfies Plan;
    const { input, errors } = planFormToInput(initialPlanForm(plan));
    expect(errors).toEqual({});
    const { id: _id, isDefault: _d, createdAt: _c, updatedAt: _u, ...fields } = plan;
    expect(planInputSchema.parse(input)).toEqual(fields);
  });
});
