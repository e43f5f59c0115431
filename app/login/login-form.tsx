"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { type LoginState, loginAction } from "@/lib/auth/actions";
import { FormAlert } from "./auth-card";

/** Email + password; the host it is posted to decides whether this signs in to the console or a portal. */
export function LoginForm({ next, email }: { next: string; email?: string }) {
  const [state, formAction] = useActionState<LoginState, FormData>(loginAction, { email });
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
      <input type="hidden" name="next" value={next} />
      <FormField id="email" label="Email" error={state.fieldErrors?.email}>
        <Input
          key={state.email ?? ""}
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          autoFocus
          required
        />
      </FormField>
      <FormField id="password" label="Password" error={state.fieldErrors?.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <SubmitButton className="mt-1 w-full" size="lg" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
