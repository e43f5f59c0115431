// Console sign-in on the root domain. Anyone with an account may sign in here; /platform itself
// then admits only platform staff (everyone else sees the 403 page with a sign-out button).
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/guards";
import { safeNextPath } from "@/lib/auth/paths";
import { env } from "@/lib/env";
import { AuthCard } from "./auth-card";
import { LoginForm } from "./login-form";

export const metadata = { title: "Sign in", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ConsoleLoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(typeof rawNext === "string" ? rawNext : undefined, "");
  if (await getSessionUser()) redirect(next || "/platform");
  return (
    <AuthCard
      accent="indigo"
      mark="H"
      eyebrow="Hearth"
      title="Sign in to Hearth console"
      description="Platform administration for Hearth staff."
      footer={`Hotel teams sign in at their hotel's own address, such as yourhotel.${env().ROOT_DOMAIN}.`}
    >
      <LoginForm next={next} />
    </AuthCard>
  );
}
