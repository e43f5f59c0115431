"use client";

import * as React from "react";
import { toast } from "sonner";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { currencyExponent, isCurrencyCode } from "@/lib/money";
import { createPlanAction, updatePlanAction } from "@/lib/plans/actions";
import { limitKeys, limitLabels } from "@/lib/plans/limit-keys";
import type { Plan } from "@/lib/plans/queries";
import { initialPlanForm, type PlanFormState, planFormToInput } from "./plan-form";

/** Create a plan, or edit one. Used by plans that tenants are on: changes apply to them from the next invoice. */
export function PlanDialog({
  plan,
  trigger,
}: {
  plan?: Plan & { tenants?: number };
  trigger: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState(() => initialPlanForm(plan));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();
  const editing = plan !== undefined;
  const inUse = (plan?.tenants ?? 0) > 0;
  const field = (name: string) => `${id}-${name}`;
  const set = <K extends keyof PlanFormState>(key: K, value: PlanFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const currencyOk = isCurrencyCode(form.currency.trim().toUpperCase());
  const decimals = currencyOk ? currencyExponent(form.currency.trim()) : 2;
  const priceHint = currencyOk
    ? `In ${form.currency.trim().toUpperCase()}, up to ${decimals} decimal${decimals === 1 ? "" : "s"}`
    : "Set a valid currency first";

  const submit = () => {
    const { input, errors: localErrors } = planFormToInput(form);
    if (Object.keys(localErrors).length > 0) {
      setErrors(localErrors);
      setFormError("Please correct the fields marked below.");
      return;
    }
    startTransition(async () => {
      const result = plan ? await updatePlanAction({ ...input, id: plan.id }) : await createPlanAction(input);
      const fieldErrors: Record<string, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        // Money fields are shown under their decimal inputs; limits under each limit.
        fieldErrors[m.path.startsWith("limits.") ? m.path : (m.path.split(".")[0] ?? "")] ??= m.message;
      }
      setErrors(fieldErrors);
      const message = actionErrorMessage(result);
      if (message) {
        setFormError(Object.keys(fieldErrors).length ? "Please correct the fields marked below." : message);
        return;
      }
      toast.success(editing ? `Saved ${input.name.trim()}` : `Created ${input.name.trim()}`);
      setOpen(false);
    });
  };

  return (
    <FormDialog
      trigger={trigger}
      title={plan ? `Edit ${plan.name}` : "New plan"}
      description={
        inUse
          ? `${plan?.tenants} hotel${plan?.tenants === 1 ? " is" : "s are"} on this plan: price changes apply from their next invoice, limit changes at once.`
          : "Prices are per billing period, in the plan's currency. Leave a limit empty for unlimited."
      }
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setForm(initialPlanForm(plan));
        setErrors({});
        setFormError(null);
      }}
      pending={pending}
      message={formError}
      submitLabel={plan ? "Save plan" : "Create plan"}
      onSubmit={submit}
      className="max-w-2xl"
    >
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <FormField id={field("name")} label="Name" error={errors.name} required>
          <Input value={form.name} onChange={(e) => set("name", e.target.value)} maxLength={80} />
        </FormField>
        <FormField id={field("code")} label="Code" error={errors.code} hint="e.g. starter" required>
          <Input
            value={form.code}
            onChange={(e) => set("code", e.target.value)}
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
          />
        </FormField>
        <FormField
          id={field("currency")}
          label="Currency"
          error={errors.currency}
          hint={inUse ? "Fixed while in use" : "ISO 4217"}
          required
        >
          <Input
            value={form.currency}
            onChange={(e) => set("currency", e.target.value.toUpperCase())}
            readOnly={inUse}
            maxLength={3}
            className="font-mono uppercase"
            autoComplete="off"
          />
        </FormField>
      </div>
      <FormField
        id={field("description")}
        label="Description"
        error={errors.description}
        labelAside="Optional"
      >
        <Textarea
          rows={2}
          value={form.description}
          onChange={(e) => set("description", e.target.value)}
          maxLength={500}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id={field("monthlyPrice")}
          label="Monthly price"
          error={errors.monthlyPriceMinor}
          hint={priceHint}
          required
        >
          <Input
            inputMode="decimal"
            value={form.monthlyPrice}
            onChange={(e) => set("monthlyPrice", e.target.value)}
            placeholder="49.00"
          />
        </FormField>
        <FormField
          id={field("yearlyPrice")}
          label="Yearly price"
          error={errors.yearlyPriceMinor}
          hint={priceHint}
          required
        >
          <Input
            inputMode="decimal"
            value={form.yearlyPrice}
            onChange={(e) => set("yearlyPrice", e.target.value)}
            placeholder="490.00"
          />
        </FormField>
        <FormField
          id={field("includedSms")}
          label="Included SMS per period"
          error={errors.includedSms}
          required
        >
          <Input
            inputMode="numeric"
            value={form.includedSms}
            onChange={(e) => set("includedSms", e.target.value)}
          />
        </FormField>
        <FormField
          id={field("smsOveragePrice")}
          label="Price per SMS beyond that"
          error={errors.smsOveragePriceMinor}
          hint={priceHint}
          required
        >
          <Input
            inputMode="decimal"
            value={form.smsOveragePrice}
            onChange={(e) => set("smsOveragePrice", e.target.value)}
            placeholder="0.04"
          />
        </FormField>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800">Limits</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {limitKeys.map((key) => (
            <FormField
              key={key}
              id={field(`limit-${key}`)}
              label={limitLabels[key]}
              error={errors[`limits.${key}`] ?? (key === limitKeys[0] ? errors.limits : undefined)}
              hint="Empty = unlimited"
            >
              <Input
                inputMode="numeric"
                value={form.limits[key]}
                onChange={(e) => set("limits", { ...form.limits, [key]: e.target.value })}
                placeholder="Unlimited"
              />
            </FormField>
          ))}
        </div>
      </fieldset>
      <FormField
        id={field("features")}
        label="Features"
        error={errors.features}
        hint="Feature keys, separated by commas, e.g. analytics, custom_templates"
      >
        <Input
          value={form.features}
          onChange={(e) => set("features", e.target.value)}
          className="font-mono"
          spellCheck={false}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-4">
        <FormField id={field("trialDays")} label="Trial days" error={errors.trialDays} hint="0–90">
          <Input
            inputMode="numeric"
            value={form.trialDays}
            onChange={(e) => set("trialDays", e.target.value)}
          />
        </FormField>
        <FormField id={field("trialSmsCredits")} label="Trial SMS credits" error={errors.trialSmsCredits}>
          <Input
            inputMode="numeric"
            value={form.trialSmsCredits}
            onChange={(e) => set("trialSmsCredits", e.target.value)}
          />
        </FormField>
        <FormField id={field("trialEndAction")} label="When the trial ends" error={errors.trialEndAction}>
          <NativeSelect
            value={form.trialEndAction}
            onChange={(e) => set("trialEndAction", e.target.value === "activate" ? "activate" : "suspend")}
            options={[
              { value: "activate", label: "Activate (with a card)" },
              { value: "suspend", label: "Suspend" },
            ]}
          />
        </FormField>
        <FormField id={field("sortOrder")} label="Order" error={errors.sortOrder} hint="Lower first">
          <Input
            inputMode="numeric"
            value={form.sortOrder}
            onChange={(e) => set("sortOrder", e.target.value)}
          />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={form.isPublic}
            onChange={(e) => set("isPublic", e.target.checked)}
          />
          Public (hotels can choose it)
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={form.isActive}
            onChange={(e) => set("isActive", e.target.checked)}
          />
          Active (unticked = archived)
        </label>
      </div>
      {errors.isPublic || errors.isActive ? (
        <p className="text-[13px] font-medium text-red-600" role="alert">
          {errors.isPublic ?? errors.isActive}
        </p>
      ) : null}
    </FormDialog>
  );
}
