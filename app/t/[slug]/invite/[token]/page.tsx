// A hotel's invitation link, on its own subdomain and outside the portal shell: the visitor has no
// session yet. Shows who they join as, or why the link no longer works.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthCard, initials } from "@/app/login/auth-card";
import { AcceptInvitationForm } from "@/components/team/accept-invitation-form";
import { getDb } from "@/db/client";
import { getCurrentTenant } from "@/lib/auth/guards";
import { invitationProblem } from "@/lib/team/accept-invitation";
import { findInvitationByToken } from "@/lib/team/queries";
import { invitationTokenSchema, roleLabels } from "@/lib/team/schemas";

// The token is in the path: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = {
  title: "Join your team",
  robots: { index: false },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

export default async function InvitationPage({
  params,
}: {
  params: Promise<{ slug: string; token: string }>;
}) {
  const { slug, token } = await params;
  const tenant = await getCurrentTenant();
  if (tenant.slug !== slug) notFound();
  const valid = invitationTokenSchema.safeParse(token);
  const invitation = valid.success
    ? await findInvitationByToken(await getDb(), { tenantId: tenant.id, token: valid.data })
    : null;
  const problem =
    tenant.status === "suspended"
      ? `${tenant.name} is suspended at the moment, so nobody can join it. Ask its owner.`
      : invitationProblem(invitation?.status ?? null);

  if (!invitation || problem) {
    return (
      <AuthCard
        accent="emerald"
        mark={initials(tenant.name)}
        eyebrow="Hotel portal"
        title="This invitation can’t be used"
        description={tenant.name}
        footer="Invitations are sent by the hotel's owner from the Team page."
      >
        <div className="space-y-4 text-sm text-zinc-700">
          <p role="alert">{problem}</p>
          <p>
            Already joined?{" "}
            <Link href="/login" className="font-medium text-brand-700 hover:underline">
              Sign in to {tenant.name}
            </Link>
          </p>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      accent="emerald"
      mark={initials(tenant.name)}
      eyebrow="Hotel portal"
      title={`Join ${tenant.name} as ${roleLabels[invitation.role].toLowerCase()}`}
      description={
        invitation.hasAccount
          ? "Confirm it's you with your Hearth password."
          : "Choose your name and a password to finish setting up your account."
      }
      footer="Not you, or not expecting this? Just close this page."
    >
      <AcceptInvitationForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
    </AuthCard>
  );
}
