"use server";
// Self-service signup: validates, provisions the hotel (idempotent on the form's token), then sends
// the browser to the new portal's sign-in page on its own subdomain.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { clientIp, userAgent } from "@/lib/auth/request-info";
import { type SignupField, signUp } from "@/lib/tenants/signup";

export type SignupActionResult = {
  message: string;
  fieldErrors: Partial<Record<SignupField, string>>;
};

/** Returns only on failure; success redirects to `<slug>.<root>/login?welcome=1`. */
export async function signupAction(input: unknown): Promise<SignupActionResult> {
  const h = await headers();
  const result = await signUp(await getDb(), input, { ip: clientIp(h), userAgent: userAgent(h) });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  redirect(result.loginUrl);
}
