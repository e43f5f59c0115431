import { Slot } from "@radix-ui/react-slot";
import type * as React from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

export type FormFieldProps = {
  /** The control's id; the label, hint and error are tied to it. Usually the field name. */
  id: string;
  label: React.ReactNode;
  /** The error message for this field (e.g. from zod's flattened errors or an AppError's `field`). */
  error?: string | readonly string[] | null;
  hint?: React.ReactNode;
  required?: boolean;
  /** Text after the label, e.g. "Optional". */
  labelAside?: React.ReactNode;
  /** Exactly one control (Input, Textarea, NativeSelect's select…): it receives id, aria-invalid and aria-describedby. */
  children: React.ReactElement;
  className?: string;
};

/**
 * Label + control + hint + error, wired for screen readers.
 *
 * @example
 * <FormField id="name" label="Hotel name" error={errors.name} hint="Shown to guests" required>
 *   <Input name="name" defaultValue={tenant.name} />
 * </FormField>
 */
export function FormField({
  id,
  label,
  error,
  hint,
  required,
  labelAside,
  children,
  className,
}: FormFieldProps) {
  const message = Array.isArray(error) ? error[0] : (error as string | null | undefined);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div data-slot="form-field" className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>
          {label}
          {required ? (
            <span aria-hidden className="text-red-500">
              *
            </span>
          ) : null}
        </Label>
        {labelAside ? <span className="text-xs text-zinc-500">{labelAside}</span> : null}
      </div>
      <Slot
        id={id}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required}
      >
        {children}
      </Slot>
      {hint && !message ? (
        <p id={hintId} className="text-[13px] text-zinc-500">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="text-[13px] font-medium text-red-600" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
