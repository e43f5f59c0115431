"use client";

import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import type { Region } from "@/lib/tenants/regions";
import { tenantSettingsSchema, updateTenantSchema } from "@/lib/tenants/schemas";
import { updateTenantAction } from "./actions";

export type SettingsFormTenant = {
  id: string;
  name: string;
  contactEmail: string | null;
  contactPhone: string | null;
  country: string;
  currency: string;
  timezone: string;
  locale: string;
  settings: Record<string, unknown>;
};

type Fields = Omit<SettingsFormTenant, "id" | "settings" | "contactEmail" | "contactPhone"> & {
  contactEmail: string;
  contactPhone: string;
  settingsJson: string;
};

const fieldsOf = (t: SettingsFormTenant): Fields => ({
  name: t.name,
  contactEmail: t.contactEmail ?? "",
  contactPhone: t.contactPhone ?? "",
  country: t.country,
  currency: t.currency,
  timezone: t.timezone,
  locale: t.locale,
  settingsJson: JSON.stringify(t.settings, null, 2),
});

/** Parses the JSON editor: an object, or the message to show under it. */
function parseSettings(json: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json.trim() === "" ? "{}" : json);
  } catch (e) {
    return { error: `Not valid JSON: ${e instanceof Error ? e.message : "parse error"}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { error: 'Settings must be a JSON object, e.g. { "checkInTime": "15:00" }' };
  }
  const checked = tenantSettingsSchema.safeParse(value);
  if (!checked.success) return { error: checked.error.issues[0]?.message ?? "Invalid settings" };
  return { value: checked.data };
}

/**
 * Edits a hotel's details and its free-form `settings`. The service merges settings key by key, so
 * keys removed in the editor are sent as null (removed) and the rest as they are.
 */
export function TenantSettingsForm({
  tenant,
  regions,
  timeZones,
  canEdit,
}: {
  tenant: SettingsFormTenant;
  regions: readonly Region[];
  timeZones: readonly string[];
  canEdit: boolean;
}) {
  const [fields, setFields] = React.useState(() => fieldsOf(tenant));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key === "settingsJson" ? "settings" : key]: "" }));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = parseSettings(fields.settingsJson);
    if ("error" in parsed) {
      setErrors({ settings: parsed.error });
      return;
    }
    // Keys the editor dropped are removed (null); the others replace their values.
    const settings: Record<string, unknown> = { ...parsed.value };
    for (const key of Object.keys(tenant.settings)) if (!(key in parsed.value)) settings[key] = null;
    const input = {
      name: fields.name,
      contactEmail: fields.contactEmail,
      contactPhone: fields.contactPhone.trim() || null,
      country: fields.country,
      currency: fields.currency,
      timezone: fields.timezone,
      locale: fields.locale,
      ...(Object.keys(settings).length > 0 ? { settings } : {}),
    };
    const local = updateTenantSchema.safeParse(input);
    if (!local.success) {
      const out: Record<string, string> = {};
      for (const issue of local.error.issues) out[String(issue.path[0] ?? "")] ??= issue.message;
      setErrors(out);
      return;
    }
    startTransition(async () => {
      const result = await updateTenantAction({ tenantId: tenant.id, input });
      const out: Record<string, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        out[m.path.replace(/^input\./, "").split(".")[0] ?? ""] ??= m.message;
      }
      setErrors(out);
      const message = actionErrorMessage(result);
      if (message) {
        setFormError(Object.keys(out).length > 0 ? "Please correct the fields marked below." : message);
        return;
      }
      toast.success("Settings saved");
    });
  };

  const zones = timeZones.includes(fields.timezone) ? timeZones : [fields.timezone, ...timeZones];
  const countries = regions.some((r) => r.country === fields.country)
    ? regions.map((r) => ({ value: r.country, label: r.name }))
    : [
        { value: fields.country, label: fields.country },
        ...regions.map((r) => ({ value: r.country, label: r.name })),
      ];
  const currencies = [
    ...new Set([fields.currency, "USD", "EUR", "GBP", ...regions.map((r) => r.currency)]),
  ].sort();

  return (
    <form onSubmit={submit} noValidate className="grid max-w-3xl gap-5">
      <fieldset disabled={!canEdit || pending} className="grid gap-5">
        {formError ? <FormError>{formError}</FormError> : null}
        <FormField id="settings-name" label="Hotel name" error={errors.name} required>
          <Input value={fields.name} onChange={(e) => set("name", e.target.value)} maxLength={100} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="settings-contactEmail" label="Contact email" error={errors.contactEmail}>
            <Input
              type="email"
              value={fields.contactEmail}
              onChange={(e) => set("contactEmail", e.target.value)}
            />
          </FormField>
          <FormField
            id="settings-contactPhone"
            label="Contact phone"
            labelAside="Optional"
            error={errors.contactPhone}
          >
            <Input
              type="tel"
              value={fields.contactPhone}
              onChange={(e) => set("contactPhone", e.target.value)}
            />
          </FormField>
          <FormField id="settings-country" label="Country" error={errors.country}>
            <NativeSelect
              value={fields.country}
              onChange={(e) => set("country", e.target.value)}
              options={countries}
            />
          </FormField>
          <FormField id="settings-currency" label="Currency" error={errors.currency}>
            <NativeSelect
              value={fields.currency}
              onChange={(e) => set("currency", e.target.value)}
              options={currencies.map((c) => ({ value: c, label: c }))}
            />
          </FormField>
          <FormField id="settings-timezone" label="Time zone" error={errors.timezone}>
            <NativeSelect
              value={fields.timezone}
              onChange={(e) => set("timezone", e.target.value)}
              options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
            />
          </FormField>
          <FormField id="settings-locale" label="Language" error={errors.locale} hint="e.g. en, fr, pt-BR">
            <Input value={fields.locale} onChange={(e) => set("locale", e.target.value.trim())} />
          </FormField>
        </div>
        <FormField
          id="settings-json"
          label="Settings (JSON)"
          error={errors.settings}
          hint="Free-form settings other modules read. Removing a key deletes it."
        >
          <Textarea
            value={fields.settingsJson}
            onChange={(e) => set("settingsJson", e.target.value)}
            rows={10}
            className="font-mono text-[13px]"
            spellCheck={false}
          />
        </FormField>
      </fieldset>
      {canEdit ? (
        <div className="flex gap-2">
          <Button type="submit" loading={pending}>
            Save changes
          </Button>
          <Button
            type="button"
            variant="outline"
            disabled={pending}
            onClick={() => {
              setFields(fieldsOf(tenant));
              setErrors({});
              setFormError(null);
            }}
          >
            Reset
          </Button>
        </div>
      ) : (
        <p className="text-sm text-zinc-500">Only super admins can change a hotel's settings.</p>
      )}
    </form>
  );
}
