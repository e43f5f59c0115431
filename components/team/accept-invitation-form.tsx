"use client";

import * as React from "react";
import { FormAlert } from "@/app/login/auth-card";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { actionErrorMessage } from "@/lib/action-errors";
import { acceptInvitationAction } from "@/lib/team/actions";
import { MEMBER_PASSWORD_MIN, newAccountFormSchema } from "@/lib/team/schemas";

type Errors = { name?: string; password?: string; confirm?: string; form?: string };

/**
 * Accepting an invitation. A new email chooses a name and a password (typed twice); an email that
 * already has a Hearth account enters that account's password instead, which stays unchanged.
 * Success redirects (on the server) to this portal's sign-in.
 */
export function AcceptInvitationForm({
  token,
  email,
  hasAccount,
}: {
  token: string;
  email: string;
  hasAccount: boolean;
}) {
  const [errors, setErrors] = React.useState<Errors>({});
  const [pending, startTransition] = React.useTransition();

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "");
    const password = String(data.get("password") ?? "");
    const confirm = String(data.get("confirm") ?? "");
    if (hasAccount) {
      if (!password) return setErrors({ password: "Enter your password" });
    } else {
      const parsed = newAccountFormSchema.safeParse({ name, password, confirm });
      if (!parsed.success) {
        const next: Errors = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path[0];
          if ((key === "name" || key === "password" || key === "confirm") && !next[key])
            next[key] = issue.message;
        }
        return setErrors(next);
      }
    }
    setErrors({});
    startTransition(async () => {
      const result = await acceptInvitationAction(
        hasAccount ? { token, name: "", password } : { token, name, password, confirm },
      );
      const fieldErrors = result?.data && "fieldErrors" in result.data ? result.data.fieldErrors : undefined;
      if (fieldErrors) return setErrors(fieldErrors);
      const message = actionErrorMessage(result);
      if (message) setErrors({ form: message });
    });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <FormField id="email" label="Email">
        <Input name="email" type="email" value={email} readOnly autoComplete="username" />
      </FormField>
      {hasAccount ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-800">
          This email already has a Hearth account. Enter its current password to join; it stays the same, and
          you sign in with it here as well.
        </p>
      ) : (
        <FormField id="name" label="Your name" error={errors.name} required>
          <Input name="name" autoComplete="name" autoFocus />
        </FormField>
      )}
      <FormField
        id="password"
        label={hasAccount ? "Your current password" : "Password"}
        error={errors.password}
        hint={hasAccount ? undefined : `At least ${MEMBER_PASSWORD_MIN} characters.`}
        required
      >
        <Input
          name="password"
          type="password"
          autoComplete={hasAccount ? "current-password" : "new-password"}
          autoFocus={hasAccount}
        />
      </FormField>
      {hasAccount ? null : (
        <FormField id="confirm" label="Confirm password" error={errors.confirm} required>
          <Input name="confirm" type="password" autoComplete="new-password" />
        </FormField>
      )}
      <Button type="submit" size="lg" className="mt-1 w-full" loading={pending}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </form>
  );
}
