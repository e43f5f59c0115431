"use client";

import { Plus, Trash2 } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { createAddonAction, updateAddonAction } from "@/lib/marketplace/actions";
import type { AddonWithPrices } from "@/lib/marketplace/queries";
import { type AddonFormState, addonFormToInput, initialAddonForm, newPriceRow } from "./addon-form";

/** Create an add-on, or edit one: every field and the whole price list are saved together. */
export function AddonDialog({
  addon,
  flagKeys,
  trigger,
}: {
  addon?: AddonWithPrices;
  /** Existing feature flags, for feature add-ons. */
  flagKeys: readonly string[];
  trigger: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState(() => initialAddonForm(addon));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();
  const field = (name: string) => `${id}-${name}`;
  const set = <K extends keyof AddonFormState>(key: K, value: AddonFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setPrice = (key: string, patch: Partial<{ currency: string; amount: string }>) =>
    setForm((f) => ({ ...f, prices: f.prices.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  const bundle = form.kind === "sms_bundle";

  const submit = () => {
    const { input, errors: localErrors } = addonFormToInput(form);
    if (Object.keys(localErrors).length > 0) {
      setErrors(localErrors);
      setFormError("Please correct the fields marked below.");
      return;
    }
    startTransition(async () => {
      const result = addon
        ? await updateAddonAction({ ...input, id: addon.id })
        : await createAddonAction(input);
      const fieldErrors: Record<string, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        // Price rows keep their index ("prices.0.amountMinor"); other fields their top-level name.
        const path = m.path.startsWith("prices.") ? m.path : (m.path.split(".")[0] ?? "");
        fieldErrors[path] ??= m.message;
      }
      setErrors(fieldErrors);
      const message = actionErrorMessage(result);
      if (message) {
        setFormError(Object.keys(fieldErrors).length ? "Please correct the fields marked below." : message);
        return;
      }
      toast.success(addon ? `Saved ${input.name.trim()}` : `Created ${input.name.trim()}`);
      setOpen(false);
    });
  };

  return (
    <FormDialog
      trigger={trigger}
      title={addon ? `Edit ${addon.name}` : "New add-on"}
      description="SMS bundles add credits to the hotel's pool; feature add-ons switch a feature flag on for the hotel. Hotels see an add-on only when it has a price in their currency."
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setForm(initialAddonForm(addon));
        setErrors({});
        setFormError(null);
      }}
      pending={pending}
      message={formError}
      submitLabel={addon ? "Save add-on" : "Create add-on"}
      onSubmit={submit}
      className="max-w-2xl"
    >
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <FormField id={field("name")} label="Name" error={errors.name} required>
          <Input value={form.name} onChange={(e) => set("name", e.target.value)} maxLength={80} />
        </FormField>
        <FormField id={field("code")} label="Code" error={errors.code} hint="e.g. sms-500" required>
          <Input
            value={form.code}
            onChange={(e) => set("code", e.target.value)}
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
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
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id={field("kind")} label="Kind" error={errors.kind} required>
          <NativeSelect
            value={form.kind}
            onChange={(e) => set("kind", e.target.value === "feature" ? "feature" : "sms_bundle")}
            options={[
              { value: "sms_bundle", label: "SMS bundle" },
              { value: "feature", label: "Feature" },
            ]}
          />
        </FormField>
        {bundle ? (
          <FormField id={field("smsCredits")} label="Credits per bundle" error={errors.smsCredits} required>
            <Input
              inputMode="numeric"
              value={form.smsCredits}
              onChange={(e) => set("smsCredits", e.target.value)}
              placeholder="500"
            />
          </FormField>
        ) : (
          <FormField
            id={field("featureFlagKey")}
            label="Feature flag"
            error={errors.featureFlagKey}
            hint={flagKeys.length === 0 ? "Create a flag under Feature flags first" : undefined}
            required
          >
            <NativeSelect
              value={form.featureFlagKey}
              onChange={(e) => set("featureFlagKey", e.target.value)}
              placeholder="Pick a flag"
              options={flagKeys.map((k) => ({ value: k, label: k }))}
            />
          </FormField>
        )}
        <FormField
          id={field("billing")}
          label="Billing"
          error={errors.billing}
          hint={bundle ? "Bundles are one-off" : "Recurring: on every invoice while held"}
        >
          <NativeSelect
            value={bundle ? "one_off" : form.billing}
            disabled={bundle}
            onChange={(e) => set("billing", e.target.value === "recurring" ? "recurring" : "one_off")}
            options={[
              { value: "one_off", label: "One-off" },
              { value: "recurring", label: "Recurring" },
            ]}
          />
        </FormField>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800">Prices</legend>
        <p className="text-xs text-zinc-500">
          One row per currency, in major units (15.00 USD, 10000 NGN).{" "}
          {bundle ? "Per bundle." : "Per period for recurring add-ons."}
        </p>
        {form.prices.map((row, i) => (
          <div key={row.key} className="grid grid-cols-[6rem_1fr_auto] items-start gap-2">
            <FormField
              id={field(`currency-${row.key}`)}
              label={`Currency ${i + 1}`}
              error={errors[`prices.${i}.currency`]}
            >
              <Input
                value={row.currency}
                onChange={(e) => setPrice(row.key, { currency: e.target.value.toUpperCase() })}
                maxLength={3}
                className="font-mono uppercase"
                autoComplete="off"
              />
            </FormField>
            <FormField
              id={field(`amount-${row.key}`)}
              label={`Price ${i + 1}`}
              error={errors[`prices.${i}.amountMinor`]}
            >
              <Input
                inputMode="decimal"
                value={row.amount}
                onChange={(e) => setPrice(row.key, { amount: e.target.value })}
                placeholder="15.00"
              />
            </FormField>
            <Button
              type="button"
              variant="ghost"
              className="mt-6"
              aria-label={`Remove price ${i + 1}`}
              disabled={form.prices.length === 1}
              onClick={() =>
                set(
                  "prices",
                  form.prices.filter((p) => p.key !== row.key),
                )
              }
            >
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        {errors.prices ? (
          <p className="text-[13px] font-medium text-red-600" role="alert">
            {errors.prices}
          </p>
        ) : null}
        <div>
          <Button
            type="button"
            variant="outline"
            onClick={() => set("prices", [...form.prices, newPriceRow()])}
          >
            <Plus aria-hidden /> Add a currency
          </Button>
        </div>
      </fieldset>
      <div className="grid items-end gap-4 sm:grid-cols-2">
        <FormField id={field("sortOrder")} label="Order" error={errors.sortOrder} hint="Lower first">
          <Input
            inputMode="numeric"
            value={form.sortOrder}
            onChange={(e) => set("sortOrder", e.target.value)}
          />
        </FormField>
        <label className="inline-flex items-center gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={form.isActive}
            onChange={(e) => set("isActive", e.target.checked)}
          />
          Active (offered in the marketplace)
        </label>
      </div>
    </FormDialog>
  );
}
