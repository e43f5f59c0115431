"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
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
import { Textarea } from "@/components/ui/textarea";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { createFlagAction, updateFlagAction } from "@/lib/flags/actions";

export type FlagFormValues = { key: string; description: string; defaultEnabled: boolean };

/**
 * Create a flag, or edit its description and default. The key is fixed once created: code, plans
 * and menu items refer to it. A new flag opens its page, where rules and overrides are set.
 */
export function FlagDialog({ flag, trigger }: { flag?: FlagFormValues; trigger: React.ReactNode }) {
  const router = useRouter();
  const editing = flag !== undefined;
  const initial = React.useCallback(
    (): FlagFormValues => flag ?? { key: "", description: "", defaultEnabled: false },
    [flag],
  );
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState(initial);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();

  const onOpenChange = (next: boolean) => {
    if (next) {
      setForm(initial());
      setErrors({});
      setFormError(null);
    }
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = {
      key: form.key.trim(),
      description: form.description,
      defaultEnabled: form.defaultEnabled,
    };
    startTransition(async () => {
      const result = editing ? await updateFlagAction(input) : await createFlagAction(input);
      const fieldErrors: Record<string, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        fieldErrors[m.path.split(".")[0] ?? ""] ??= m.message;
      }
      setErrors(fieldErrors);
      const message = actionErrorMessage(result);
      if (message) {
        setFormError(Object.keys(fieldErrors).length ? "Please correct the fields marked below." : message);
        return;
      }
      setOpen(false);
      if (editing) {
        toast.success(`Saved "${input.key}"`);
      } else {
        toast.success(`Created "${input.key}". Add rules or overrides next.`);
        router.push(`/platform/flags/${encodeURIComponent(input.key)}`);
      }
    });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{editing ? `Edit "${flag.key}"` : "New feature flag"}</DialogTitle>
          <DialogDescription>
            The default applies to every hotel no rule or override decides for, and to the console.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {formError ? <FormError>{formError}</FormError> : null}
          <FormField
            id={`${id}-key`}
            label="Key"
            error={errors.key}
            hint={editing ? "Fixed: code, plans and menus refer to it" : "e.g. new_inbox or checkout.v2"}
            required
          >
            <Input
              value={form.key}
              onChange={(e) => setForm((f) => ({ ...f, key: e.target.value }))}
              readOnly={editing}
              className="font-mono"
              autoComplete="off"
              spellCheck={false}
              maxLength={60}
            />
          </FormField>
          <FormField
            id={`${id}-description`}
            label="Description"
            error={errors.description}
            labelAside="Optional"
          >
            <Textarea
              rows={3}
              maxLength={500}
              value={form.description}
              onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))}
              placeholder="What it turns on, and who owns it"
            />
          </FormField>
          <label className="inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={form.defaultEnabled}
              onChange={(e) => setForm((f) => ({ ...f, defaultEnabled: e.target.checked }))}
            />
            On by default
          </label>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {editing ? "Save flag" : "Create flag"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
