// Self-service signup on the root domain: a hotel gets its portal, owner account and a free trial
// of the default plan. Each render carries a fresh token, so resubmitting this form never makes two hotels.
import { randomUUID } from "node:crypto";
import { Check } from "lucide-react";
import Link from "next/link";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { getDefaultPlan } from "@/lib/plans/queries";
import { regions } from "@/lib/tenants/regions";
import { SignupForm } from "./signup-form";

export const metadata = { title: "Start your free trial" };
export const dynamic = "force-dynamic";

export default async function SignupPage() {
  const plan = await getDefaultPlan(await getDb());
  const trialDays = plan?.trialDays ?? 14;
  const benefits = [
    `${trialDays} days free, no card needed`,
    `Your own portal at yourhotel.${env().ROOT_DOMAIN}`,
    "Invite your team and set up rooms in minutes",
    plan && plan.trialSmsCredits > 0 ? `${plan.trialSmsCredits} free SMS to try guest messaging` : null,
  ].filter((b): b is string => b !== null);

  return (
    <main data-accent="indigo" className="min-h-screen bg-zinc-50">
      <div className="mx-auto grid max-w-6xl gap-10 px-6 py-10 lg:grid-cols-[1fr_1.3fr] lg:py-16">
        <section className="space-y-6">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            <span className="text-indigo-600">●</span> Hearth
          </Link>
          <div className="space-y-3">
            <h1 className="text-3xl font-semibold tracking-tight text-zinc-900">Start your free trial</h1>
            <p className="text-zinc-600">
              Set up your hotel on Hearth: bookings, guest messages and billing in one place.
            </p>
          </div>
          <ul className="space-y-3">
            {benefits.map((b) => (
              <li key={b} className="flex items-start gap-2 text-sm text-zinc-700">
                <Check className="mt-0.5 size-4 shrink-0 text-indigo-600" aria-hidden />
                {b}
              </li>
            ))}
          </ul>
          <p className="text-sm text-zinc-500">
            Already on Hearth? Sign in at your hotel's own address, such as yourhotel.{env().ROOT_DOMAIN}.
          </p>
        </section>
        <section className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
          <SignupForm
            token={randomUUID()}
            rootDomain={env().ROOT_DOMAIN}
            regions={regions}
            timeZones={Intl.supportedValuesOf("timeZone")}
          />
        </section>
      </div>
    </main>
  );
}
