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
  searchParams: Promise<{
    next?: string | string[];
    welcome?: string | string[];
    joined?: string | string[];
    email?: string | string[];
  }>;
}) {
  const [{ slug }, { next: rawNext, welcome, joined, email: rawEmail }] = await Promise.all([
    params,
    searchParams,
  ]);
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
      {welcome === "1" ? (
        <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Welcome to Hearth! {tenant.name} is ready. Sign in with the email and password you just chose.
        </p>
      ) : null}
      {joined === "1" ? (
        <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          You have joined {tenant.name}. Sign in to start.
        </p>
      ) : null}
      <LoginForm next={next} email={typeof rawEmail === "string" ? rawEmail.slice(0, 254) : undefined} />
    </AuthCard>
  );
}
