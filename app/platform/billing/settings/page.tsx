// Console > Billing > Settings: the tax rate per hotel country and the billing settings (draft grace,
// payment terms, dunning schedule). Everyone who reads billing sees them; billing.write changes them.
import { Plus } from "lucide-react";
import { TableHead } from "@/components/billing/table-head";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { bpsToPercent, getBillingSettings, listTaxRates } from "@/lib/billing/settings";
import { formatDateTime } from "@/lib/time";
import { BillingSettingsForm } from "./billing-settings-form";
import { DeleteTaxRateButton } from "./delete-tax-rate-button";
import { TaxRateDialog } from "./tax-rate-dialog";

export const metadata = { title: "Billing settings" };

export default async function BillingSettingsPage() {
  const ctx = await requirePlatformRole("billing.read");
  const db = await getDb();
  const [rates, settings] = await Promise.all([listTaxRates(db), getBillingSettings(db)]);
  const canWrite = platformCan(ctx.platformRole, "billing.write");

  return (
    <div className="space-y-6">
      <PageHeader
        title="Tax & settings"
        description="How invoices are taxed, when they fall due and how overdue ones are chased."
      />

      <Card>
        <CardHeader>
          <CardTitle>Tax rates</CardTitle>
          <CardDescription>
            By the hotel&apos;s country. A country without a rate is invoiced without tax.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3 p-0 pb-5">
          {rates.length === 0 ? (
            <p className="px-5 text-sm text-zinc-500">No tax rates: every invoice is tax-free.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Tax rates</caption>
              <TableHead
                bordered
                columns={[
                  { label: "Country" },
                  { label: "Name" },
                  { label: "Rate", align: "right" },
                  { label: "Updated (UTC)" },
                  { label: "Actions", srOnly: true },
                ]}
              />
              <tbody className="divide-y divide-zinc-100">
                {rates.map((r) => {
                  const view = { country: r.country, label: r.label, ratePercent: bpsToPercent(r.rateBps) };
                  return (
                    <tr key={r.country}>
                      <td className="px-5 py-2 font-mono">{r.country}</td>
                      <td className="px-5 py-2">{r.label}</td>
                      <td className="px-5 py-2 text-right tabular-nums">{view.ratePercent}%</td>
                      <td className="px-5 py-2 text-zinc-600">{formatDateTime(r.updatedAt, "UTC")}</td>
                      <td className="px-5 py-2 text-right whitespace-nowrap">
                        {canWrite ? (
                          <>
                            <TaxRateDialog
                              rate={view}
                              trigger={
                                <Button
                                  variant="ghost"
                                  size="sm"
                                  aria-label={`Edit the tax rate for ${r.country}`}
                                >
                                  Edit
                                </Button>
                              }
                            />
                            <DeleteTaxRateButton country={r.country} />
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {canWrite ? (
            <div className="px-5">
              <TaxRateDialog
                trigger={
                  <Button variant="outline" size="sm">
                    <Plus aria-hidden /> Add tax rate
                  </Button>
                }
              />
            </div>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Billing settings</CardTitle>
          <CardDescription>
            Apply to invoices issued and dunning runs from now on. Last changed{" "}
            {formatDateTime(settings.updatedAt, "UTC")} UTC.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BillingSettingsForm
            canWrite={canWrite}
            initial={{
              draftGraceHours: String(settings.draftGraceHours),
              paymentTermsDays: String(settings.paymentTermsDays),
              reminderDays: settings.reminderDays.join(", "),
              pastDueAfterDays: String(settings.pastDueAfterDays),
              suspendAfterDays: String(settings.suspendAfterDays),
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
