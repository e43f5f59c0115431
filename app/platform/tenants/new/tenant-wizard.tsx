"use client";

import { Check } from "lucide-react";
import * as React from "react";
import { z } from "zod";
import { slugFromName } from "@/components/tenants/form-helpers";
import { SlugField } from "@/components/tenants/slug-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { formatMoney } from "@/lib/money";
import { isLimitKey, limitWording } from "@/lib/plans/limit-keys";
import type { Region } from "@/lib/tenants/regions";
import { createTenantSchema, tenantOwnerSchema } from "@/lib/tenants/schemas";
import { cn } from "@/lib/utils";
import { createTenantAction } from "./actions";

export type WizardPlan = {
  code: string;
  name: string;
  description: string;
  currency: string;
  monthlyPriceMinor: number;
  yearlyPriceMinor: number;
  trialDays: number;
  includedSms: number;
  limits: Record<string, number>;
  isDefault: boolean;
  isPublic: boolean;
};

type Hotel = {
  name: string;
  slug: string;
  contactEmail: string;
  contactPhone: string;
  country: string;
  currency: string;
  timezone: string;
  locale: string;
};
type Owner = { name: string; email: string; password: string };
type PlanChoice = { planCode: string; billingInterval: "monthly" | "yearly" };

const steps = ["Hotel details", "Owner", "Plan", "Review"] as const;

// Each step checks its own part of the one create schema, so the wizard and the server agree.
const hotelStepSchema = createTenantSchema.pick({
  name: true,
  slug: true,
  contactEmail: true,
  contactPhone: true,
  country: true,
  currency: true,
  timezone: true,
  locale: true,
});
const planStepSchema = z.object({
  planCode: z.string().min(1, "Choose a plan"),
  billingInterval: z.enum(["monthly", "yearly"]),
});

type Errors = Record<string, string>;

function errorsOf(error: z.ZodError, prefix = ""): Errors {
  const out: Errors = {};
  for (const issue of error.issues) out[`${prefix}${issue.path.join(".")}`] ??= issue.message;
  return out;
}

/** The step a server-side field error belongs to. */
function stepOfField(field: string): number {
  if (field.startsWith("owner")) return 1;
  if (field === "planCode" || field === "billingInterval") return 2;
  return 0;
}

/**
 * The console's creation wizard. Step state lives here until the review step submits everything
 * at once; `token` makes that submission idempotent (a double click creates one hotel).
 */
export function TenantWizard({
  token,
  plans,
  regions,
  timeZones,
  rootDomain,
}: {
  token: string;
  plans: readonly WizardPlan[];
  regions: readonly Region[];
  timeZones: readonly string[];
  rootDomain: string;
}) {
  const [step, setStep] = React.useState(0);
  const [hotel, setHotel] = React.useState<Hotel>({
    name: "",
    slug: "",
    contactEmail: "",
    contactPhone: "",
    country: "US",
    currency: "USD",
    timezone: "America/New_York",
    locale: "en",
  });
  const [slugEdited, setSlugEdited] = React.useState(false);
  const [owner, setOwner] = React.useState<Owner>({ name: "", email: "", password: "" });
  const defaultPlan = plans.find((p) => p.isDefault) ?? plans[0];
  const [plan, setPlan] = React.useState<PlanChoice>({
    planCode: defaultPlan?.code ?? "",
    billingInterval: "monthly",
  });
  const [errors, setErrors] = React.useState<Errors>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();

  const setHotelField = <K extends keyof Hotel>(key: K, value: Hotel[K]) => {
    setHotel((h) => ({ ...h, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
  };
  const setOwnerField = <K extends keyof Owner>(key: K, value: Owner[K]) => {
    setOwner((o) => ({ ...o, [key]: value }));
    setErrors((e) => ({ ...e, [`owner.${key}`]: "" }));
  };

  const hotelInput = () => ({ ...hotel, contactPhone: hotel.contactPhone.trim() || undefined });
  const ownerInput = () => ({ ...owner, password: owner.password || undefined });

  /** Validates one step; shows its errors and returns whether it passed. */
  const validate = (index: number): boolean => {
    const result =
      index === 0
        ? hotelStepSchema.safeParse(hotelInput())
        : index === 1
          ? tenantOwnerSchema.safeParse(ownerInput())
          : index === 2
            ? planStepSchema.safeParse(plan)
            : { success: true as const };
    if (result.success) return true;
    setErrors(errorsOf(result.error, index === 1 ? "owner." : ""));
    return false;
  };

  const next = () => {
    setFormError(null);
    if (validate(step)) setStep((s) => Math.min(s + 1, steps.length - 1));
  };
  const goTo = (index: number) => {
    // Back freely; forward only through valid steps.
    for (let i = 0; i < index; i++) {
      if (!validate(i)) {
        setStep(i);
        return;
      }
    }
    setStep(index);
  };

  const submit = () => {
    setFormError(null);
    startTransition(async () => {
      const result = await createTenantAction({
        ...hotelInput(),
        owner: ownerInput(),
        planCode: plan.planCode,
        billingInterval: plan.billingInterval,
        idempotencyKey: token,
      });
      // Success redirects to the new tenant; anything returned is a refusal.
      const refusal = result?.data?.error;
      if (refusal) {
        if (refusal.field) {
          setErrors({ [refusal.field]: refusal.message });
          setStep(stepOfField(refusal.field));
        } else setFormError(refusal.message);
        return;
      }
      const fieldErrors: Errors = {};
      for (const m of validationMessages(result?.validationErrors)) fieldErrors[m.path] ??= m.message;
      if (Object.keys(fieldErrors).length > 0) {
        setErrors(fieldErrors);
        setStep(Math.min(...Object.keys(fieldErrors).map(stepOfField)));
        return;
      }
      const message = actionErrorMessage(result);
      if (message) setFormError(message);
    });
  };

  const selectedPlan = plans.find((p) => p.code === plan.planCode);
  const region = (country: string) => regions.find((r) => r.country === country);
  const zones = timeZones.includes(hotel.timezone) ? timeZones : [hotel.timezone, ...timeZones];
  const currencies = [...new Set(["USD", "EUR", "GBP", ...regions.map((r) => r.currency)])].sort();

  return (
    <div className="grid gap-6 lg:grid-cols-[220px_1fr]">
      <nav aria-label="Steps">
        <ol className="flex gap-2 overflow-x-auto lg:flex-col">
          {steps.map((label, i) => (
            <li key={label}>
              <button
                type="button"
                onClick={() => (i < step ? setStep(i) : goTo(i))}
                aria-current={i === step ? "step" : undefined}
                className={cn(
                  "flex w-full items-center gap-3 rounded-md px-3 py-2 text-left text-sm whitespace-nowrap",
                  i === step ? "bg-brand-50 font-medium text-brand-700" : "text-zinc-600 hover:bg-zinc-100",
                )}
              >
                <span
                  className={cn(
                    "flex size-6 shrink-0 items-center justify-center rounded-full border text-xs",
                    i < step
                      ? "border-brand-600 bg-brand-600 text-white"
                      : i === step
                        ? "border-brand-600 text-brand-700"
                        : "border-zinc-300",
                  )}
                >
                  {i < step ? <Check className="size-3.5" aria-hidden /> : i + 1}
                </span>
                {label}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <Card>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (step === steps.length - 1) submit();
            else next();
          }}
        >
          <CardContent className="grid gap-5">
            <h2 className="text-base font-semibold text-zinc-900">{steps[step]}</h2>
            {formError ? <FormError>{formError}</FormError> : null}

            {step === 0 ? (
              <>
                <FormField id="name" label="Hotel name" error={errors.name} required>
                  <Input
                    value={hotel.name}
                    onChange={(e) => {
                      const name = e.target.value;
                      setHotel((h) => ({ ...h, name, slug: slugEdited ? h.slug : slugFromName(name) }));
                      setErrors((er) => ({ ...er, name: "" }));
                    }}
                    maxLength={100}
                    autoFocus
                  />
                </FormField>
                <SlugField
                  value={hotel.slug}
                  onChange={(slug) => {
                    // Cleared: follow the hotel name again.
                    setSlugEdited(slug !== "");
                    setHotelField("slug", slug);
                  }}
                  rootDomain={rootDomain}
                  error={errors.slug || undefined}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <FormField id="contactEmail" label="Contact email" error={errors.contactEmail} required>
                    <Input
                      type="email"
                      value={hotel.contactEmail}
                      onChange={(e) => setHotelField("contactEmail", e.target.value)}
                    />
                  </FormField>
                  <FormField
                    id="contactPhone"
                    label="Contact phone"
                    labelAside="Optional"
                    error={errors.contactPhone}
                  >
                    <Input
                      type="tel"
                      value={hotel.contactPhone}
                      onChange={(e) => setHotelField("contactPhone", e.target.value)}
                    />
                  </FormField>
                </div>
                <div className="grid gap-4 sm:grid-cols-2">
                  <FormField id="country" label="Country" error={errors.country} required>
                    <NativeSelect
                      value={hotel.country}
                      onChange={(e) => {
                        const r = region(e.target.value);
                        setHotel((h) => ({
                          ...h,
                          country: e.target.value,
                          currency: r?.currency ?? h.currency,
                          timezone: r?.timezone ?? h.timezone,
                        }));
                      }}
                      options={regions.map((r) => ({ value: r.country, label: r.name }))}
                    />
                  </FormField>
                  <FormField id="currency" label="Currency" error={errors.currency} required>
                    <NativeSelect
                      value={hotel.currency}
                      onChange={(e) => setHotelField("currency", e.target.value)}
                      options={currencies.map((c) => ({ value: c, label: c }))}
                    />
                  </FormField>
                  <FormField id="timezone" label="Time zone" error={errors.timezone} required>
                    <NativeSelect
                      value={hotel.timezone}
                      onChange={(e) => setHotelField("timezone", e.target.value)}
                      options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
                    />
                  </FormField>
                  <FormField
                    id="locale"
                    label="Language"
                    error={errors.locale}
                    hint="e.g. en, fr, pt-BR"
                    required
                  >
                    <Input
                      value={hotel.locale}
                      onChange={(e) => setHotelField("locale", e.target.value.trim())}
                    />
                  </FormField>
                </div>
              </>
            ) : null}

            {step === 1 ? (
              <>
                <FormField id="owner-name" label="Owner's name" error={errors["owner.name"]} required>
                  <Input
                    value={owner.name}
                    onChange={(e) => setOwnerField("name", e.target.value)}
                    autoFocus
                  />
                </FormField>
                <FormField
                  id="owner-email"
                  label="Owner's email"
                  error={errors["owner.email"]}
                  hint="An existing Hearth account with this email becomes the owner as it is."
                  required
                >
                  <Input
                    type="email"
                    value={owner.email}
                    onChange={(e) => setOwnerField("email", e.target.value)}
                  />
                </FormField>
                <FormField
                  id="owner-password"
                  label="Initial password"
                  labelAside="Optional"
                  error={errors["owner.password"]}
                  hint="Leave empty to let the owner set one from an invitation."
                >
                  <Input
                    type="password"
                    value={owner.password}
                    onChange={(e) => setOwnerField("password", e.target.value)}
                    autoComplete="new-password"
                  />
                </FormField>
              </>
            ) : null}

            {step === 2 ? (
              <>
                <fieldset className="flex gap-2">
                  <legend className="sr-only">Billing interval</legend>
                  {(["monthly", "yearly"] as const).map((interval) => (
                    <label
                      key={interval}
                      className={cn(
                        "cursor-pointer rounded-md border px-3 py-1.5 text-sm capitalize",
                        plan.billingInterval === interval
                          ? "border-brand-600 bg-brand-50 text-brand-700"
                          : "border-zinc-300 text-zinc-700",
                      )}
                    >
                      <input
                        type="radio"
                        name="billingInterval"
                        value={interval}
                        className="sr-only"
                        checked={plan.billingInterval === interval}
                        onChange={() => setPlan((p) => ({ ...p, billingInterval: interval }))}
                      />
                      {interval}
                    </label>
                  ))}
                </fieldset>
                {plans.length === 0 ? (
                  <p className="text-sm text-zinc-500">No active plans. Create one under Plans first.</p>
                ) : (
                  <fieldset className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
                    <legend className="sr-only">Plan</legend>
                    {plans.map((p) => (
                      <PlanCard
                        key={p.code}
                        plan={p}
                        interval={plan.billingInterval}
                        selected={plan.planCode === p.code}
                        onSelect={() => {
                          setPlan((c) => ({ ...c, planCode: p.code }));
                          setErrors((e) => ({ ...e, planCode: "" }));
                        }}
                      />
                    ))}
                  </fieldset>
                )}
                {errors.planCode ? (
                  <p role="alert" className="text-[13px] font-medium text-red-600">
                    {errors.planCode}
                  </p>
                ) : null}
              </>
            ) : null}

            {step === 3 ? (
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[160px_1fr]">
                <Review label="Hotel">{hotel.name}</Review>
                <Review label="Address">
                  <span className="font-mono">
                    {hotel.slug}.{rootDomain}
                  </span>
                </Review>
                <Review label="Contact">
                  {hotel.contactEmail}
                  {hotel.contactPhone ? ` · ${hotel.contactPhone}` : ""}
                </Review>
                <Review label="Region">
                  {region(hotel.country)?.name ?? hotel.country} · {hotel.currency} · {hotel.timezone} ·{" "}
                  {hotel.locale}
                </Review>
                <Review label="Owner">
                  {owner.name} &lt;{owner.email}&gt;
                  {owner.password ? " · initial password set" : " · no password yet"}
                </Review>
                <Review label="Plan">
                  {selectedPlan
                    ? `${selectedPlan.name}, ${price(selectedPlan, plan.billingInterval)}${
                        selectedPlan.trialDays > 0
                          ? ` · starts with a ${selectedPlan.trialDays}-day trial`
                          : ""
                      }`
                    : plan.planCode}
                </Review>
              </dl>
            ) : null}
          </CardContent>
          <CardFooter className="justify-between">
            <Button
              type="button"
              variant="outline"
              onClick={() => setStep((s) => Math.max(0, s - 1))}
              disabled={step === 0 || pending}
            >
              Back
            </Button>
            {step < steps.length - 1 ? (
              <Button type="submit">Continue</Button>
            ) : (
              <Button type="submit" loading={pending}>
                Create tenant
              </Button>
            )}
          </CardFooter>
        </form>
      </Card>
    </div>
  );
}

function price(plan: WizardPlan, interval: "monthly" | "yearly"): string {
  const minor = interval === "monthly" ? plan.monthlyPriceMinor : plan.yearlyPriceMinor;
  return `${formatMoney(minor, plan.currency)} / ${interval === "monthly" ? "month" : "year"}`;
}

function PlanCard({
  plan,
  interval,
  selected,
  onSelect,
}: {
  plan: WizardPlan;
  interval: "monthly" | "yearly";
  selected: boolean;
  onSelect: () => void;
}) {
  const limits = Object.entries(plan.limits);
  return (
    <label
      className={cn(
        "flex cursor-pointer flex-col gap-2 rounded-lg border p-4 transition-colors",
        selected
          ? "border-brand-600 bg-brand-50/50 ring-1 ring-brand-600"
          : "border-zinc-200 hover:border-zinc-300",
      )}
    >
      <input
        type="radio"
        name="planCode"
        value={plan.code}
        checked={selected}
        onChange={onSelect}
        className="sr-only"
      />
      <span className="flex items-center justify-between gap-2">
        <span className="font-medium text-zinc-900">{plan.name}</span>
        {plan.isDefault ? (
          <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600">Default</span>
        ) : !plan.isPublic ? (
          <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600">Private</span>
        ) : null}
      </span>
      <span className="text-lg font-semibold text-zinc-900" data-numeric>
        {price(plan, interval)}
      </span>
      {plan.description ? <span className="text-[13px] text-zinc-500">{plan.description}</span> : null}
      <ul className="mt-1 space-y-0.5 text-[13px] text-zinc-600">
        {plan.trialDays > 0 ? <li>{plan.trialDays}-day trial</li> : null}
        <li>{plan.includedSms.toLocaleString("en")} SMS included</li>
        {limits.map(([key, value]) => (
          <li key={key}>Up to {isLimitKey(key) ? limitWording[key].quantity(value) : `${value} ${key}`}</li>
        ))}
      </ul>
    </label>
  );
}

function Review({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-zinc-900">{children}</dd>
    </>
  );
}
