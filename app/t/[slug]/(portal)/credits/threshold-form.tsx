"use client";

import * as React from "react";
import { toast } from "sonner";
import { FormAlert } from "@/components/hotel/form-alert";
import { useActionForm } from "@/components/hotel/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { setLowBalanceThresholdAction } from "./actions";

const fields = ["threshold"] as const;

/** The low-balance warning level; an empty field turns the warning off. */
export function ThresholdForm({ threshold }: { threshold: number | null }) {
  const [value, setValue] = React.useState(threshold === null ? "" : String(threshold));
  const { pending, errors, alert, run } = useActionForm(fields);
  const id = React.useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    run(
      () => setLowBalanceThresholdAction({ threshold: trimmed === "" ? null : Number(trimmed) }),
      (saved) =>
        toast.success(
          saved.lowBalanceThreshold === null
            ? "Low-balance warning turned off."
            : `You will be warned at ${saved.lowBalanceThreshold} credits.`,
        ),
    );
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-3" aria-label="Low-balance warning">
      <FormAlert message={alert?.message ?? null} refusal={alert?.refusal} />
      <FormField
        id={`${id}-threshold`}
        label="Warn me at"
        error={errors.threshold}
        hint="Credits left when the warning shows. Leave empty for no warning."
      >
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="e.g. 50"
          className="w-40"
        />
      </FormField>
      <div>
        <Button type="submit" loading={pending}>
          Save
        </Button>
      </div>
    </form>
  );
}
