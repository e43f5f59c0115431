// A hotel's portal sign-in, on its own subdomain: only the hotel's members can sign in here.
import { notFound, redirect } from "next/navigation";
import { AuthCard, initials } from "@/app/login/auth-card";
import { LoginForm } from "@/app/login/login-form";
import { getCurrentTenant, getSessionUser } from "@/lib/auth/guards";
import { safeNextPath } from "@/lib/auth/paths";

export const metadata = { title: "Sign in", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function PortalLoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const [{ slug }, { next: rawNext }] = await Promise.all([params, searchParams]);
  // The host decides the tenant (unknown or deleted: 404); the route's slug must agree with it.
  const tenant = await getCurrentTenant();
  if (tenant.slug !== slug) notFound();
  const next = safeNextPath(typeof rawNext === "string" ? rawNext : undefined, "");
  if (await getSessionUser()) redirect(next || "/");
  return (
    <AuthCard
      accent="emerald"
      mark={initials(tenant.name)}
      eyebrow="Hotel portal"
      title={tenant.name}
      description={`Sign in with the account ${tenant.name} gave you.`}
      footer="Trouble signing in? Contact your hotel's owner or manager."
    >
      <LoginForm next={next} />
    </AuthCard>
  );
}
