// Console > Plans: the plan catalogue with prices, limits, features and how many hotels are on each.
// Everyone with plans.read looks; billing admins and super admins create, edit, archive and delete.
import { Plus } from "lucide-react";
import { DataTable } from "@/components/data-table/data-table";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { PlanDialog } from "@/components/plans/plan-dialog";
import { planReadColumns, planWriteColumns } from "@/components/plans/plans-table/columns";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { listPlansPage, planSortable, planStatusFilters } from "@/lib/plans/queries";
import { planStatusOptions, plansTableConfig } from "@/lib/plans/table";

export const metadata = { title: "Plans" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requirePlatformRole("plans.read");
  const canWrite = platformCan(ctx.platformRole, "plans.write");
  const params = parseTableParams(await searchParams, plansTableConfig);
  const status = planStatusFilters.find((s) => s === params.filters.status);
  const sortId = planSortable.find((s) => s === params.sort.id) ?? "sortOrder";
  const { rows, total } = await listPlansPage(await getDb(), {
    q: params.q || undefined,
    status,
    sort: { id: sortId, desc: params.sort.desc },
    limit: params.perPage,
    offset: params.offset,
  });
  const newPlan = canWrite ? (
    <PlanDialog
      trigger={
        <Button>
          <Plus aria-hidden /> New plan
        </Button>
      }
    />
  ) : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Plans"
        description="What hotels pay and what they get: prices per month and year, included SMS, limits and features. Plans in use can be archived, not deleted."
        actions={newPlan}
      />
      <DataTable
        columns={canWrite ? planWriteColumns : planReadColumns}
        rows={rows}
        total={total}
        config={plansTableConfig}
        label="Plans"
        searchPlaceholder="Search by name or code…"
        filters={[{ key: "status", label: "Status", options: planStatusOptions }]}
        emptyState={{
          title: "No plans yet",
          description: "Create the first plan; hotels choose from the active, public ones.",
          action: newPlan ?? undefined,
        }}
      />
    </div>
  );
}
