// The "evaluate for a hotel" preview: every flag's result for one hotel with the reason, computed
// by the same evaluator the hotel's requests use (from this server's cached snapshot).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { getDb } from "@/db/client";
import { evaluateAllFlags } from "@/lib/flags/evaluate";
import { getTenantPlanCode } from "@/lib/flags/queries";
import { getFlagSnapshot } from "@/lib/flags/snapshot";
import { describeReason } from "@/lib/flags/summary";
import { getTenantById, listTenants } from "@/lib/tenants/queries";

const TENANT_PICKER_LIMIT = 500;

export async function EvaluatePreview({ tenantId }: { tenantId: string | undefined }) {
  const db = await getDb();
  const tenantList = await listTenants(db, {
    sort: { id: "name", desc: false },
    limit: TENANT_PICKER_LIMIT,
    offset: 0,
  });
  const found = tenantId ? await getTenantById(db, tenantId) : null;
  const tenant = found && found.status !== "deleted" ? found : null;
  const [results, snapshot, planCode] = tenant
    ? await Promise.all([
        evaluateAllFlags(db, { tenantId: tenant.id }),
        getFlagSnapshot(db),
        getTenantPlanCode(db, tenant.id),
      ])
    : [null, null, null];
  const on = results ? [...results.values()].filter((r) => r.enabled).length : 0;

  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="tab" value="evaluate" />
        <div className="flex w-80 flex-col gap-1.5">
          <label htmlFor="evaluate-tenant" className="text-sm font-medium text-zinc-800">
            Hotel
          </label>
          <NativeSelect
            id="evaluate-tenant"
            name="tenant"
            defaultValue={tenant?.id ?? ""}
            placeholder="Choose a hotel…"
            options={tenantList.rows.map((t) => ({ value: t.id, label: `${t.name} (${t.slug})` }))}
          />
        </div>
        <SubmitButton variant="outline">Evaluate</SubmitButton>
        {tenantList.total > TENANT_PICKER_LIMIT ? (
          <p className="text-xs text-zinc-500">The first {TENANT_PICKER_LIMIT} hotels by name are listed.</p>
        ) : null}
      </form>
      {tenantId && !tenant ? (
        <p role="alert" className="text-sm text-red-700">
          That hotel does not exist or has been deleted.
        </p>
      ) : null}
      {tenant && results && snapshot ? (
        <Card>
          <CardHeader>
            <CardTitle>
              {tenant.name} · {on} of {results.size} flags on
            </CardTitle>
            <CardDescription>
              Plan: {planCode ? <span className="font-mono">{planCode}</span> : "none"}. The first reason that
              applies wins: kill switch, override, the first matching rule, then the default.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {results.size === 0 ? (
              <p className="text-sm text-zinc-500">There are no flags yet.</p>
            ) : (
              <table className="w-full text-sm" aria-label={`Flags for ${tenant.name}`}>
                <thead className="border-b border-zinc-200 text-left text-xs font-medium text-zinc-500">
                  <tr>
                    <th className="py-2 pr-4">Flag</th>
                    <th className="py-2 pr-4">Result</th>
                    <th className="py-2">Why</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {[...results].map(([key, result]) => (
                    <tr key={key}>
                      <td className="py-2 pr-4">
                        <Link
                          href={`/platform/flags/${encodeURIComponent(key)}`}
                          className="font-mono text-[13px] hover:text-brand-700 hover:underline"
                        >
                          {key}
                        </Link>
                      </td>
                      <td className="py-2 pr-4">
                        <Badge variant={result.enabled ? "success" : "neutral"}>
                          {result.enabled ? "On" : "Off"}
                        </Badge>
                      </td>
                      <td className="py-2 text-zinc-700">
                        {describeReason(result.reason, snapshot.byKey.get(key)?.rules)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
