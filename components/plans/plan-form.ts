// The console's plan form state and its conversion to the plan schema's input. Pure (no React),
// so the decimal → minor-unit conversion is tested on its own.
import { isCurrencyCode, MoneyParseError, toMajorString, toMinor } from "@/lib/money";
import { limitKeys, planLimit } from "@/lib/plans/limit-keys";
import type { Plan } from "@/lib/plans/queries";
import type { PlanInput } from "@/lib/plans/schemas";

export type LimitFields = Record<(typeof limitKeys)[number], string>;

export type PlanFormState = {
  code: string;
  name: string;
  description: string;
  currency: string;
  monthlyPrice: string;
  yearlyPrice: string;
  includedSms: string;
  smsOveragePrice: string;
  limits: LimitFields;
  features: string;
  trialDays: string;
  trialSmsCredits: string;
  trialEndAction: "activate" | "suspend";
  isPublic: boolean;
  isActive: boolean;
  sortOrder: string;
};

export function initialPlanForm(plan: Plan | undefined): PlanFormState {
  const currency = plan?.currency ?? "USD";
  const money = (minor: number | undefined) => (minor === undefined ? "" : toMajorString(minor, currency));
  return {
    code: plan?.code ?? "",
    name: plan?.name ?? "",
    description: plan?.description ?? "",
    currency,
    monthlyPrice: money(plan?.monthlyPriceMinor),
    yearlyPrice: money(plan?.yearlyPriceMinor),
    includedSms: String(plan?.includedSms ?? 0),
    smsOveragePrice: money(plan?.smsOveragePriceMinor ?? 0),
    limits: Object.fromEntries(
      limitKeys.map((k) => [k, plan ? String(planLimit(plan.limits, k) ?? "") : ""]),
    ) as LimitFields,
    features: (plan?.features ?? []).join(", "),
    trialDays: String(plan?.trialDays ?? 14),
    trialSmsCredits: String(plan?.trialSmsCredits ?? 0),
    trialEndAction: plan?.trialEndAction ?? "suspend",
    isPublic: plan?.isPublic ?? true,
    isActive: plan?.isActive ?? true,
    sortOrder: String(plan?.sortOrder ?? 0),
  };
}

/** "" stays NaN so the server's schema names the field; digits become a number. */
const wholeNumber = (value: string) => (/^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN);

/**
 * Turns the form into the plan schema's input. Prices are typed as decimals in the plan's currency
 * ("49.90") and converted to integer minor units here (toMinor, no floats); a bad amount is a field
 * error before anything is sent.
 */
export function planFormToInput(form: PlanFormState): { input: PlanInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const currency = form.currency.trim().toUpperCase();
  const money = (field: string, value: string): number => {
    if (!isCurrencyCode(currency)) return Number.NaN;
    try {
      return toMinor(value, currency);
    } catch (error) {
      errors[field] = error instanceof MoneyParseError ? error.message : "Not an amount";
      return Number.NaN;
    }
  };
  const limits: Record<string, number> = {};
  for (const key of limitKeys) {
    const raw = form.limits[key].trim();
    if (raw !== "") limits[key] = wholeNumber(raw);
  }
  const input: PlanInput = {
    code: form.code.trim(),
    name: form.name,
    description: form.description,
    currency,
    monthlyPriceMinor: money("monthlyPriceMinor", form.monthlyPrice),
    yearlyPriceMinor: money("yearlyPriceMinor", form.yearlyPrice),
    includedSms: wholeNumber(form.includedSms),
    smsOveragePriceMinor: money("smsOveragePriceMinor", form.smsOveragePrice),
    limits,
    features: form.features
      .split(/[\s,]+/)
      .map((f) => f.trim())
      .filter(Boolean),
    trialDays: wholeNumber(form.trialDays),
    trialSmsCredits: wholeNumber(form.trialSmsCredits),
    trialEndAction: form.trialEndAction,
    isPublic: form.isPublic,
    isActive: form.isActive,
    sortOrder: form.sortOrder.trim() === "" ? 0 : wholeNumber(form.sortOrder),
  };
  return { input, errors };
}
