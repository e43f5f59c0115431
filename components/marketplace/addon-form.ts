// The console's add-on form state and its conversion to the add-on schema's input. Pure (no
// React), so the decimal → minor-unit conversion of each price row is tested on its own.

import type { AddonWithPrices } from "@/lib/marketplace/queries";
import type { AddonInput } from "@/lib/marketplace/schemas";
import { isCurrencyCode, MoneyParseError, toMajorString, toMinor } from "@/lib/money";

export type PriceRow = { key: string; currency: string; amount: string };

export type AddonFormState = {
  code: string;
  name: string;
  description: string;
  kind: "sms_bundle" | "feature";
  smsCredits: string;
  featureFlagKey: string;
  billing: "one_off" | "recurring";
  isActive: boolean;
  sortOrder: string;
  prices: PriceRow[];
};

let rowSeq = 0;
/** A stable React key for a price row the user adds. */
export const newPriceRow = (currency = "", amount = ""): PriceRow => ({
  key: `p${++rowSeq}`,
  currency,
  amount,
});

export function initialAddonForm(addon?: AddonWithPrices): AddonFormState {
  return {
    code: addon?.code ?? "",
    name: addon?.name ?? "",
    description: addon?.description ?? "",
    kind: addon?.kind ?? "sms_bundle",
    smsCredits: addon?.smsCredits ? String(addon.smsCredits) : "",
    featureFlagKey: addon?.featureFlagKey ?? "",
    billing: addon?.billing ?? "one_off",
    isActive: addon?.isActive ?? true,
    sortOrder: String(addon?.sortOrder ?? 0),
    prices: addon
      ? addon.prices.map((p) => newPriceRow(p.currency, toMajorString(p.amountMinor, p.currency)))
      : [newPriceRow("USD", "")],
  };
}

/** "" stays NaN so the server's schema names the field; digits become a number. */
const wholeNumber = (value: string) => (/^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN);

/**
 * Turns the form into the schema's input. Each price is typed in major units of its own currency
 * ("15.00") and converted to minor units here (toMinor, no floats); a bad amount is an error on
 * that row (`prices.<i>.amountMinor`) before anything is sent.
 */
export function addonFormToInput(form: AddonFormState): {
  input: AddonInput;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const prices = form.prices.map((row, i) => {
    const currency = row.currency.trim().toUpperCase();
    if (!isCurrencyCode(currency)) {
      errors[`prices.${i}.currency`] = "Use a three-letter currency code, e.g. USD";
      return { currency, amountMinor: Number.NaN };
    }
    try {
      return { currency, amountMinor: toMinor(row.amount, currency) };
    } catch (error) {
      errors[`prices.${i}.amountMinor`] = error instanceof MoneyParseError ? error.message : "Not an amount";
      return { currency, amountMinor: Number.NaN };
    }
  });
  const bundle = form.kind === "sms_bundle";
  const input: AddonInput = {
    code: form.code.trim(),
    name: form.name,
    description: form.description,
    kind: form.kind,
    smsCredits: bundle ? wholeNumber(form.smsCredits) : null,
    featureFlagKey: bundle ? null : form.featureFlagKey.trim() || null,
    billing: bundle ? "one_off" : form.billing,
    isActive: form.isActive,
    sortOrder: form.sortOrder.trim() === "" ? 0 : wholeNumber(form.sortOrder),
    prices,
  };
  return { input, errors };
}
