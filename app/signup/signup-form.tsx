"use client";

import * as React from "react";
import { passwordStrength, slugFromName } from "@/components/tenants/form-helpers";
import { SlugField } from "@/components/tenants/slug-field";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { Region } from "@/lib/tenants/regions";
import { cn } from "@/lib/utils";
import { type SignupActionResult, signupAction } from "./actions";

/** SIGNUP_PASSWORD_MIN of lib/tenants/signup.ts (not imported: that module pulls argon2 and the database). */
const PASSWORD_MIN = 10;

type Form = {
  hotelName: string;
  slug: string;
  ownerName: string;
  email: string;
  password: string;
  country: string;
  currency: string;
  timezone: string;
  acceptTerms: boolean;
};

type Errors = SignupActionResult["fieldErrors"];

/**
 * The signup form. The subdomain follows the hotel's name until edited, and is checked as it
 * changes; the country presets currency and time zone; the time zone starts as the browser's.
 * `token` identifies this rendering of the form, so a double click or a retry is one signup.
 */
export function SignupForm({
  token,
  rootDomain,
  regions,
  timeZones,
}: {
  token: string;
  rootDomain: string;
  regions: readonly Region[];
  timeZones: readonly string[];
}) {
  const [form, setForm] = React.useState<Form>({
    hotelName: "",
    slug: "",
    ownerName: "",
    email: "",
    password: "",
    country: "US",
    currency: "USD",
    timezone: "UTC",
    acceptTerms: false,
  });
  const [slugEdited, setSlugEdited] = React.useState(false);
  const [errors, setErrors] = React.useState<Errors>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const [browserZone, setBrowserZone] = React.useState<string | null>(null);

  // The browser's zone and region are only known on the client: applied after hydration.
  React.useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const region = regions.find((r) => navigator.language.toUpperCase().endsWith(`-${r.country}`));
    setBrowserZone(zone || null);
    setForm((f) => ({
      ...f,
      ...(region ? { country: region.country, currency: region.currency } : {}),
      timezone: zone || region?.timezone || f.timezone,
    }));
  }, [regions]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const onHotelName = (value: string) => {
    setForm((f) => ({ ...f, hotelName: value, slug: slugEdited ? f.slug : slugFromName(value) }));
    setErrors((e) => ({ ...e, hotelName: undefined, slug: slugEdited ? e.slug : undefined }));
  };

  const onCountry = (country: string) => {
    const region = regions.find((r) => r.country === country);
    setForm((f) => ({ ...f, country, currency: region?.currency ?? f.currency }));
    setErrors((e) => ({ ...e, country: undefined, currency: undefined }));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    startTransition(async () => {
      // Resolves only when the signup failed; success navigates to the new portal.
      const result = await signupAction({ ...form, idempotencyToken: token });
      setErrors(result.fieldErrors);
      setFormError(Object.keys(result.fieldErrors).length > 0 ? null : result.message);
    });
  };

  const zones = browserZone && !timeZones.includes(browserZone) ? [browserZone, ...timeZones] : timeZones;
  const strength = passwordStrength(form.password, PASSWORD_MIN);

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label="Create your hotel">
      <input type="hidden" name="idempotencyToken" value={token} />
      {formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}

      <fieldset className="grid gap-4">
        <legend className="mb-1 text-sm font-semibold text-zinc-900">Your hotel</legend>
        <FormField id="hotelName" label="Hotel name" error={errors.hotelName} required>
          <Input
            value={form.hotelName}
            onChange={(e) => onHotelName(e.target.value)}
            autoComplete="organization"
            maxLength={100}
            autoFocus
          />
        </FormField>
        <SlugField
          value={form.slug}
          onChange={(slug) => {
            // Cleared: follow the hotel name again.
            setSlugEdited(slug !== "");
            set("slug", slug);
          }}
          rootDomain={rootDomain}
          error={errors.slug}
        />
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="mb-1 text-sm font-semibold text-zinc-900">Your account</legend>
        <FormField id="ownerName" label="Your name" error={errors.ownerName} required>
          <Input
            value={form.ownerName}
            onChange={(e) => set("ownerName", e.target.value)}
            autoComplete="name"
            maxLength={100}
          />
        </FormField>
        <FormField id="email" label="Email" error={errors.email} required>
          <Input
            type="email"
            value={form.email}
            onChange={(e) => set("email", e.target.value)}
            autoComplete="email"
            maxLength={254}
          />
        </FormField>
        <FormField
          id="password"
          label="Password"
          error={errors.password}
          hint={strength.label || `At least ${PASSWORD_MIN} characters`}
          required
        >
          <Input
            type="password"
            value={form.password}
            onChange={(e) => set("password", e.target.value)}
            autoComplete="new-password"
          />
        </FormField>
        {form.password ? <StrengthBar score={strength.score} /> : null}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-semibold text-zinc-900">Where you are</legend>
        <FormField id="country" label="Country" error={errors.country} required>
          <NativeSelect
            value={form.country}
            onChange={(e) => onCountry(e.target.value)}
            options={regions.map((r) => ({ value: r.country, label: r.name }))}
          />
        </FormField>
        <FormField id="currency" label="Currency" error={errors.currency} required>
          <NativeSelect
            value={form.currency}
            onChange={(e) => set("currency", e.target.value)}
            options={[...new Set(regions.map((r) => r.currency))].sort().map((c) => ({ value: c, label: c }))}
          />
        </FormField>
        <FormField id="timezone" label="Time zone" error={errors.timezone} required>
          <NativeSelect
            value={form.timezone}
            onChange={(e) => set("timezone", e.target.value)}
            options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
          />
        </FormField>
      </fieldset>

      <div className="grid gap-1">
        <label className="inline-flex items-start gap-2 text-sm text-zinc-700">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-brand-600"
            checked={form.acceptTerms}
            onChange={(e) => set("acceptTerms", e.target.checked)}
            aria-invalid={errors.acceptTerms ? true : undefined}
          />
          I accept the Hearth terms of service and privacy policy
        </label>
        {errors.acceptTerms ? (
          <p role="alert" className="text-[13px] font-medium text-red-600">
            {errors.acceptTerms}
          </p>
        ) : null}
      </div>

      <Button type="submit" size="lg" loading={pending} className="w-full">
        {pending ? "Creating your hotel…" : "Create my hotel"}
      </Button>
    </form>
  );
}

function StrengthBar({ score }: { score: number }) {
  const colors = ["bg-red-500", "bg-red-500", "bg-amber-500", "bg-emerald-500", "bg-emerald-600"];
  return (
    <div className="-mt-2 grid grid-cols-4 gap-1" aria-hidden>
      {[1, 2, 3, 4].map((i) => (
        <span key={i} className={cn("h-1 rounded-full", i <= score ? colors[score] : "bg-zinc-200")} />
      ))}
    </div>
  );
}
