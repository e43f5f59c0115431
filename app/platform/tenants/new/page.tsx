// Console > Tenants > New: the creation wizard (hotel → owner → plan → review). Super admins only.
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { listPlans } from "@/lib/plans/queries";
import { regions } from "@/lib/tenants/regions";
import { TenantWizard, type WizardPlan } from "./tenant-wizard";

export const metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  await requirePlatformRole("tenants.write");
  const plans = await listPlans(await getDb());
  const wizardPlans: WizardPlan[] = plans.map((p) => ({
    code: p.code,
    name: p.name,
    description: p.description,
    currency: p.currency,
    monthlyPriceMinor: p.monthlyPriceMinor,
    yearlyPriceMinor: p.yearlyPriceMinor,
    trialDays: p.trialDays,
    includedSms: p.includedSms,
    limits: p.limits,
    isDefault: p.isDefault,
    isPublic: p.isPublic,
  }));
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/platform/tenants" className="hover:text-zinc-900">
            ← Tenants
          </Link>
        }
        title="New tenant"
        description="Create a hotel with its owner and plan. The owner can sign in at the hotel's own address."
      />
      <TenantWizard
        token={randomUUID()}
        plans={wizardPlans}
        regions={regions}
        timeZones={Intl.supportedValuesOf("timeZone")}
        rootDomain={env().ROOT_DOMAIN}
      />
    </div>
  );
}
