"use client";

import { useActionState } from "react";
import { FormAlert } from "@/app/login/auth-card";
import { SubmitButton } from "@/components/ui/submit-button";
import { type LinkSigninState, signInWithLinkAction } from "@/lib/auth/actions";

/** The one button that uses the link: a POST, so a link scanner's GET cannot spend it. */
export function LinkSigninForm({ token, hotel }: { token: string; hotel: string }) {
  const [state, formAction] = useActionState<LinkSigninState, FormData>(signInWithLinkAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" size="lg" pendingLabel="Opening the portal…">
        Continue to {hotel}
      </SubmitButton>
    </form>
  );
}
