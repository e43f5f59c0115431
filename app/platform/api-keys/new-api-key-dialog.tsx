"use client";

import { Check, Copy, Plus, TriangleAlert } from "lucide-react";
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
import { NativeSelect } from "@/components/ui/select";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { type PlatformRole, platformRoles } from "@/lib/auth/permissions";
import { createApiKeyAction } from "./actions";
import { roleLabel } from "./api-keys-table";

const roleHints: Record<PlatformRole, string> = {
  super_admin: "Full access: create, change, suspend and delete hotels.",
  billing_admin: "Read hotels; manage plans.",
  support_agent: "Read hotels only.",
};

type Created = { key: string; name: string };

/** Create a key: name, role, optional expiry. The key is then shown once, with a copy button. */
export function NewApiKeyDialog() {
  const [open, setOpen] = React.useState(false);
  const [name, setName] = React.useState("");
  const [role, setRole] = React.useState<PlatformRole>("support_agent");
  const [expiresOn, setExpiresOn] = React.useState("");
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [created, setCreated] = React.useState<Created | null>(null);
  const [copied, setCopied] = React.useState(false);
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();

  const onOpenChange = (next: boolean) => {
    if (next) {
      setName("");
      setRole("support_agent");
      setExpiresOn("");
      setErrors({});
      setFormError(null);
      setCopied(false);
    } else {
      // The key is gone for good once the dialog closes.
      setCreated(null);
    }
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // A date picked in the browser means the end of that day, in the browser's time zone.
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : undefined;
    startTransition(async () => {
      const result = await createApiKeyAction({ name, role, expiresAt });
      const fieldErrors: Record<string, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        fieldErrors[m.path.split(".")[0] ?? ""] ??= m.message;
      }
      setErrors(fieldErrors);
      const message = actionErrorMessage(result);
      if (message || !result?.data) {
        setFormError(Object.keys(fieldErrors).length ? "Please correct the fields marked below." : message);
        return;
      }
      setCreated({ key: result.data.key, name: result.data.name });
    });
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
      toast.success("Key copied");
    } catch {
      toast.error("Could not copy: select the key and copy it by hand.");
    }
  };

  const field = (n: string) => `${id}-${n}`;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> New API key
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>Your new key “{created.name}”</DialogTitle>
              <DialogDescription>Copy it now and keep it somewhere safe.</DialogDescription>
            </DialogHeader>
            <div
              role="alert"
              className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <p>
                This is the only time the key is shown. Hearth stores only a hash of it: if you lose it,
                revoke it and create a new one.
              </p>
            </div>
            <div className="flex items-center gap-2">
              <Input
                readOnly
                value={created.key}
                aria-label="API key"
                className="font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
              <Button variant="outline" onClick={copy} aria-label="Copy the key">
                {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>I have saved the key</Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>New API key</DialogTitle>
              <DialogDescription>
                The key acts with the role you choose, in every request, until it expires or is revoked.
              </DialogDescription>
            </DialogHeader>
            <form onSubmit={submit} className="grid gap-4" noValidate>
              {formError ? <FormError>{formError}</FormError> : null}
              <FormField
                id={field("name")}
                label="Name"
                error={errors.name}
                hint="e.g. Billing sync"
                required
              >
                <Input
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={80}
                  autoComplete="off"
                />
              </FormField>
              <FormField id={field("role")} label="Role" error={errors.role} hint={roleHints[role]} required>
                <NativeSelect
                  value={role}
                  onChange={(e) => setRole(e.target.value as PlatformRole)}
                  options={platformRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
                />
              </FormField>
              <FormField
                id={field("expiresAt")}
                label="Expires"
                labelAside="Optional"
                error={errors.expiresAt}
                hint="Leave empty for a key that lasts until revoked"
              >
                <Input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
              </FormField>
              <DialogFooter>
                <Button
                  type="button"
                  variant="outline"
                  onClick={() => onOpenChange(false)}
                  disabled={pending}
                >
                  Cancel
                </Button>
                <Button type="submit" loading={pending}>
                  Create key
                </Button>
              </DialogFooter>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
