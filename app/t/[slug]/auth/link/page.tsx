// Landing page of a one-time sign-in link from the console. Showing it does not use the link;
// only the button's POST does (mail and chat link scanners fetch URLs before people click them).
import { notFound } from "next/navigation";
import { AuthCard, initials } from "@/app/login/auth-card";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { getCurrentTenant } from "@/lib/auth/guards";
import { peekSigninLink } from "@/lib/auth/signin-links";
import { env } from "@/lib/env";
import { rootUrl } from "@/lib/tenancy/host";
import { LinkSigninForm } from "./link-form";

export const metadata = { title: "Open portal", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SigninLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const [{ slug }, { token }] = await Promise.all([params, searchParams]);
  const tenant = await getCurrentTenant();
  if (tenant.slug !== slug) notFound();
  const pending =
    typeof token === "string" ? await peekSigninLink(await getDb(), { token, tenantId: tenant.id }) : null;
  const e = env();
  const consoleHref = rootUrl(e.ROOT_DOMAIN, e.PUBLIC_PROTOCOL, "/platform/tenants");

  if (!pending || typeof token !== "string") {
    return (
      <AuthCard
        accent="emerald"
        mark={initials(tenant.name)}
        eyebrow="Sign-in link"
        title="This link can't be used"
        description="Sign-in links work once and expire after two minutes."
      >
        <p className="text-sm text-zinc-600">
          Open {tenant.name}'s portal again from the Hearth console to get a fresh link.
        </p>
        <Button asChild variant="outline" className="mt-5 w-full">
          <a href={consoleHref}>Back to the console</a>
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      accent="emerald"
      mark={initials(tenant.name)}
      eyebrow="Hearth staff access"
      title={`Continue to ${tenant.name} as ${pending.user.name}`}
      description={pending.user.email}
      footer="You will act with the owner's rights. Everything you do is recorded in the audit log."
    >
      <LinkSigninForm token={token} hotel={tenant.name} />
    </AuthCard>
  );
}
