"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { commonLanguages, languageName } from "./format";

export type GuestFormState = {
  name: string;
  phone: string;
  email: string;
  preferredLanguage: string;
  notes: string;
};

export const guestFormFields = ["name", "phone", "email", "preferredLanguage", "notes"] as const;
export type GuestFormField = (typeof guestFormFields)[number];

export const emptyGuestForm: GuestFormState = {
  name: "",
  phone: "",
  email: "",
  preferredLanguage: "",
  notes: "",
};

/**
 * A guest's contact fields, shared by the guest dialog and the booking form's "new guest".
 * `phoneHint` says how numbers without a country code are read (the hotel's country).
 */
export function GuestFields({
  idPrefix,
  form,
  errors,
  onChange,
  phoneHint,
  hotelLanguage,
  compact = false,
}: {
  idPrefix: string;
  form: GuestFormState;
  errors: Partial<Record<GuestFormField, string>>;
  onChange: (field: GuestFormField, value: string) => void;
  phoneHint: string;
  /** The language a guest gets when none is chosen (the hotel's). */
  hotelLanguage: string;
  /** Name, phone and email only (the booking form). */
  compact?: boolean;
}) {
  const id = (field: GuestFormField) => `${idPrefix}-${field}`;
  const languages: string[] = [...commonLanguages];
  if (form.preferredLanguage && !languages.includes(form.preferredLanguage))
    languages.unshift(form.preferredLanguage);
  return (
    <>
      <FormField id={id("name")} label="Guest name" error={errors.name} required>
        <Input
          value={form.name}
          onChange={(e) => onChange("name", e.target.value)}
          maxLength={120}
          autoComplete="off"
          placeholder="Ada Obi"
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id("phone")} label="Phone" error={errors.phone} hint={phoneHint} labelAside="Optional">
          <Input
            type="tel"
            value={form.phone}
            onChange={(e) => onChange("phone", e.target.value)}
            maxLength={40}
            autoComplete="off"
            inputMode="tel"
          />
        </FormField>
        <FormField id={id("email")} label="Email" error={errors.email} labelAside="Optional">
          <Input
            type="email"
            value={form.email}
            onChange={(e) => onChange("email", e.target.value)}
            maxLength={320}
            autoComplete="off"
          />
        </FormField>
      </div>
      {compact ? null : (
        <>
          <FormField
            id={id("preferredLanguage")}
            label="Preferred language"
            error={errors.preferredLanguage}
            hint="Messages to the guest are sent in this language where a template exists."
          >
            <NativeSelect
              value={form.preferredLanguage}
              onChange={(e) => onChange("preferredLanguage", e.target.value)}
              placeholder={`Hotel default (${languageName(hotelLanguage)})`}
              options={languages.map((code) => ({ value: code, label: languageName(code) }))}
            />
          </FormField>
          <FormField id={id("notes")} label="Notes" error={errors.notes} labelAside="Optional">
            <Textarea
              rows={3}
              value={form.notes}
              onChange={(e) => onChange("notes", e.target.value)}
              maxLength={2000}
              placeholder="Allergies, preferences, company…"
            />
          </FormField>
        </>
      )}
    </>
  );
}
