// The console form's conversion of price rows typed in major units into minor units, per currency.
import { describe, expect, test } from "vitest";
import { addonFormToInput, initialAddonForm, newPriceRow } from "@/components/marketplace/addon-form";

const form = (prices: Array<[string, string]>, over: Partial<ReturnType<typeof initialAddonForm>> = {}) => ({
  ...initialAddonForm(),
  code: "sms-500",
  name: "500 SMS",
  smsCredits: "500",
  prices: prices.map(([c, a]) => newPriceRow(c, a)),
  ...over,
});

describe("addonFormToInput", () => {
  test.each([
    ["USD", "15", 1500],
    ["usd", "15.5", 1550],
    ["NGN", "10000.00", 1_000_000],
    ["JPY", "1500", 1500],
    ["KWD", "1.250", 1250],
  ])("%s %s → %i minor units", (currency, amount, minor) => {
    const { input, errors } = addonFormToInput(form([[currency, amount]]));
    expect(errors).toEqual({});
    expect(input.prices).toEqual([{ currency: currency.toUpperCase(), amountMinor: minor }]);
  });

  test.each([
    ["USD", "15.001", "prices.0.amountMinor"],
    ["JPY", "1.5", "prices.0.amountMinor"],
    ["USD", "1,500", "prices.0.amountMinor"],
    ["ZZ", "1", "prices.0.currency"],
  ])("refuses %s %s on its row", (currency, amount, field) => {
    const { errors } = addonFormToInput(form([[currency, amount]]));
    expect(Object.keys(errors)).toEqual([field]);
  });

  test("a bundle sends credits and no flag; a feature sends its flag and billing, no credits", () => {
    expect(addonFormToInput(form([["USD", "1"]])).input).toMatchObject({
      kind: "sms_bundle",
      smsCredits: 500,
      featureFlagKey: null,
      billing: "one_off",
    });
    const feature = addonFormToInput(
      form([["USD", "1"]], { kind: "feature", featureFlagKey: "channel_manager", billing: "recurring" }),
    ).input;
    expect(feature).toMatchObject({
      kind: "feature",
      smsCredits: null,
      featureFlagKey: "channel_manager",
      billing: "recurring",
    });
  });

  test("an edit starts from the add-on's prices in major units", () => {
    const state = initialAddonForm({
      id: "00000000-0000-4000-8000-000000000000",
      code: "sms-500",
      name: "500 SMS",
      description: "",
      kind: "sms_bundle",
      smsCredits: 500,
      featureFlagKey: null,
      billing: "one_off",
      isActive: true,
      sortOrder: 0,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      prices: [
        { currency: "NGN", amountMinor: 1_000_000 },
        { currency: "USD", amountMinor: 1500 },
      ],
    });
    expect(state.prices.map((p) => [p.currency, p.amount])).toEqual([
      ["NGN", "10000.00"],
      ["USD", "15.00"],
    ]);
  });
});
