import "server-only";
// Who issues Hearth's invoices, as printed on them. There is no setting for the company's legal
// details yet, so they derive from the root domain (see the report on the billing settings).
import { env } from "@/lib/env";
import { rootUrl, tenantUrl } from "@/lib/tenancy/host";

export type IssuerDetails = { name: string; email: string; website: string };

export function platformIssuer(): IssuerDetails {
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  return {
    name: "Hearth",
    email: `billing@${ROOT_DOMAIN.replace(/:\d+$/, "")}`,
    website: rootUrl(ROOT_DOMAIN, PUBLIC_PROTOCOL),
  };
}

/** The portal page a hotel pays its invoices from, e.g. https://grandview.hearth.app/billing. */
export function portalBillingUrl(slug: string): string {
  const { ROOT_DOMAIN, PUBLIC_PROTOCOL } = env();
  return tenantUrl(slug, ROOT_DOMAIN, PUBLIC_PROTOCOL, "/billing");
}
