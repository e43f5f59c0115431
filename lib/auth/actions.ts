"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { platformAction } from "@/lib/safe-action";
import { resolveHost } from "@/lib/tenancy/host";
import { credentialsSchema } from "./authorize";
import { InvalidSigninLinkError, loginErrorMessage } from "./errors";
import { signIn, signOut } from "./index";
import { safeNextPath } from "./paths";
import { requestHost } from "./request-info";
import { createSigninLink } from "./signin-links";

export type LoginState = {
  error?: string;
  fieldErrors?: { email?: string; password?: string };
  /** Echoed back so the form keeps what was typed (never the password). */
  email?: string;
};

/** Sign in with email and password on the host the form was posted to (console or one portal). */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const rawEmail = formData.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.slice(0, 320) : "";
  const parsed = credentialsSchema.safeParse({ email: rawEmail, password: formData.get("password") });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return {
      email,
      fieldErrors: {
        email: fields.email ? "Enter a valid email address." : undefined,
        password: fields.password ? "Enter your password." : undefined,
      },
    };
  }
  const target = resolveHost(requestHost(await headers()), env().ROOT_DOMAIN);
  const redirectTo = safeNextPath(formData.get("next"), target.kind === "tenant" ? "/" : "/platform");
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
  } catch (error) {
    // Success ends in a redirect, which Next throws and must see; only Auth.js refusals are shown.
    if (error instanceof AuthError) return { email, error: loginErrorMessage(error) };
    throw error;
  }
  return { email };
}

/** Ends the session of this host only (the console and each portal have their own). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export type LinkSigninState = { error?: string };

/** The landing page's button: exchanges the one-time link for a portal session. A POST, never a GET. */
export async function signInWithLinkAction(
  _prev: LinkSigninState,
  formData: FormData,
): Promise<LinkSigninState> {
  const token = formData.get("token");
  if (typeof token !== "string") return { error: loginErrorMessage(new InvalidSigninLinkError()) };
  try {
    await signIn("signin-link", { token, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) return { error: loginErrorMessage(error) };
    throw error;
  }
  return {};
}

/** Console: open a hotel's portal as its support visitor, through a one-time, audited link. */
export const openTenantPortalAction = platformAction("tenants.open_portal")
  .inputSchema(z.object({ tenantId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const url = await createSigninLink(await getDb(), { tenantId: parsedInput.tenantId, actor: ctx.actor });
    redirect(url);
  });
