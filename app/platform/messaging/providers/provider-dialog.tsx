"use client";

import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { KindField, KindFields } from "@/lib/messaging/providers/form-fields";
import type { ProviderInput } from "@/lib/messaging/providers/schemas";
import { MoneyParseError, toMinor } from "@/lib/money";
import { createProviderAction, updateProviderAction } from "./actions";
import type { ProviderRowView } from "./view";

type FormState = {
  kind: string;
  name: string;
  sender: string;
  credentials: Record<string, string>;
  config: Record<string, string>;
  cost: string;
  currency: string;
  throttle: string;
};

function initialState(kinds: readonly string[], provider: ProviderRowView | undefined): FormState {
  return {
    kind: provider?.kind ?? kinds[0] ?? "",
    name: provider?.name ?? "",
    sender: provider?.sender ?? "",
    // Secrets never come back from the server: on edit these start empty and mean "unchanged".
    credentials: {},
    config: { ...(provider?.config ?? {}) },
    cost: provider?.costMajor ?? "0",
    currency: provider?.costCurrency ?? "USD",
    throttle: String(provider?.throttlePerSecond ?? 10),
  };
}

/**
 * Add or edit an SMS or email provider. The kind picks the credential and config fields; it is
 * fixed once the provider exists. On edit, credential inputs are empty: leave one blank to keep
 * the stored value, type to replace it.
 */
export function ProviderDialog({
  channel,
  kinds,
  fields,
  provider,
  trigger,
}: {
  channel: "sms" | "email";
  kinds: readonly { value: string; label: string }[];
  fields: Record<string, KindFields>;
  provider?: ProviderRowView;
  trigger: React.ReactNode;
}) {
  const kindValues = kinds.map((k) => k.value);
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState(() => initialState(kindValues, provider));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();
  const editing = provider !== undefined;
  const kindFields = fields[form.kind] ?? { credentials: [], config: [] };
  const channelLabel = channel === "sms" ? "SMS" : "email";

  const onOpenChange = (next: boolean) => {
    if (next) {
      setForm(initialState(kindValues, provider));
      setErrors({});
      setFormError(null);
    }
    setOpen(next);
  };

  const setMap = (group: "credentials" | "config", name: string, value: string) =>
    setForm((f) => ({ ...f, [group]: { ...f[group], [name]: value } }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    let costPerMessageMinor: number;
    try {
      costPerMessageMinor = toMinor(form.cost || "0", form.currency || "USD");
    } catch (error) {
      setErrors({ costPerMessageMinor: error instanceof MoneyParseError ? error.message : "Not an amount" });
      setFormError("Please correct the fields marked below.");
      return;
    }
    const common = {
      name: form.name,
      credentials: pick(form.credentials, kindFields.credentials),
      config: pick(form.config, kindFields.config),
      costPerMessageMinor,
      costCurrency: form.currency,
      throttlePerSecond: Number(form.throttle),
    };
    const input = (
      channel === "sms"
        ? { ...common, channel, kind: form.kind, senderId: form.sender }
        : { ...common, channel, kind: form.kind, fromAddress: form.sender }
    ) as ProviderInput;
    startTransition(async () => {
      const outcome = readOutcome(
        editing
          ? await updateProviderAction({ ...input, id: provider.id })
          : await createProviderAction(input),
      );
      if (outcome.ok) {
        toast.success(editing ? `Saved "${outcome.data.name}"` : `Added "${outcome.data.name}"`);
        setOpen(false);
        return;
      }
      const next: Record<string, string> = { ...outcome.fieldErrors };
      const issues = outcome.refusal?.details?.issues;
      if (Array.isArray(issues)) {
        for (const issue of issues) {
          if (issue && typeof issue.field === "string" && typeof issue.message === "string") {
            next[issue.field] ??= issue.message;
          }
        }
      }
      setErrors(next);
      setFormError(
        Object.keys(next).length > 0 ? "Please correct the fields marked below." : outcome.message,
      );
    });
  };

  const fieldId = (name: string) => `${id}-${name.replace(/\W/g, "-")}`;

  const renderKindField = (group: "credentials" | "config", field: KindField) => {
    const key = `${group}.${field.name}`;
    const value = form[group][field.name] ?? "";
    const hint =
      group === "credentials" && editing && provider.credentialsHint
        ? "Leave blank to keep the stored value"
        : undefined;
    return (
      <FormField
        key={key}
        id={fieldId(key)}
        label={field.label}
        error={errors[key]}
        hint={hint}
        required={field.required && !(group === "credentials" && editing)}
        labelAside={field.required ? undefined : "Optional"}
      >
        {field.options ? (
          <NativeSelect
            value={value}
            onChange={(e) => setMap(group, field.name, e.target.value)}
            placeholder="Provider default"
            options={field.options.map((o) => ({ value: o, label: o }))}
          />
        ) : (
          <Input
            type={group === "credentials" ? "password" : "text"}
            autoComplete={group === "credentials" ? "new-password" : "off"}
            spellCheck={false}
            className="font-mono"
            value={value}
            placeholder={
              group === "credentials" && editing
                ? `unchanged — ${provider.credentialsHint ?? "••••"}`
                : field.placeholder
            }
            onChange={(e) => setMap(group, field.name, e.target.value)}
          />
        )}
      </FormField>
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit "${provider.name}"` : `Add an ${channelLabel} provider`}</DialogTitle>
          <DialogDescription>
            Credentials are encrypted when saved and never shown again; the table shows their last four
            characters.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {formError ? <FormError>{formError}</FormError> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id={fieldId("kind")}
              label="Kind"
              error={errors.kind}
              hint={editing ? "Fixed once created" : undefined}
            >
              <NativeSelect
                value={form.kind}
                disabled={editing}
                onChange={(e) =>
                  setForm((f) => ({ ...f, kind: e.target.value, credentials: {}, config: {} }))
                }
                options={kinds}
              />
            </FormField>
            <FormField id={fieldId("name")} label="Name" error={errors.name} required>
              <Input
                value={form.name}
                maxLength={80}
                onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
              />
            </FormField>
          </div>
          <FormField
            id={fieldId("sender")}
            label={channel === "sms" ? "Sender ID or number" : "From address"}
            error={channel === "sms" ? errors.senderId : errors.fromAddress}
            required={channel === "email"}
            labelAside={channel === "sms" ? "Optional" : undefined}
            hint={
              channel === "sms"
                ? "Up to 11 letters, or a phone number"
                : "e.g. Hearth <no-reply@hearth.example>"
            }
          >
            <Input value={form.sender} onChange={(e) => setForm((f) => ({ ...f, sender: e.target.value }))} />
          </FormField>
          {kindFields.credentials.length > 0 ? (
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="mb-2 text-sm font-medium text-zinc-800">Credentials</legend>
              {kindFields.credentials.map((f) => renderKindField("credentials", f))}
            </fieldset>
          ) : null}
          {kindFields.config.length > 0 ? (
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="mb-2 text-sm font-medium text-zinc-800">Settings</legend>
              {kindFields.config.map((f) => renderKindField("config", f))}
            </fieldset>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField
              id={fieldId("cost")}
              label="Cost per message"
              error={errors.costPerMessageMinor}
              hint={channel === "sms" ? "Per segment, what the platform pays" : "What the platform pays"}
            >
              <Input
                inputMode="decimal"
                value={form.cost}
                onChange={(e) => setForm((f) => ({ ...f, cost: e.target.value }))}
              />
            </FormField>
            <FormField id={fieldId("currency")} label="Currency" error={errors.costCurrency}>
              <Input
                value={form.currency}
                maxLength={3}
                className="uppercase"
                onChange={(e) => setForm((f) => ({ ...f, currency: e.target.value.toUpperCase() }))}
              />
            </FormField>
            <FormField id={fieldId("throttle")} label="Sends per second" error={errors.throttlePerSecond}>
              <Input
                type="number"
                min={1}
                step={1}
                value={form.throttle}
                onChange={(e) => setForm((f) => ({ ...f, throttle: e.target.value }))}
              />
            </FormField>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {editing ? "Save provider" : "Add provider"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Only the current kind's fields are sent (switching kinds leaves no stray values behind). */
function pick(values: Record<string, string>, allowed: readonly KindField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of allowed) {
    const value = values[field.name];
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}
