// Console: background job health — every run of every Inngest function, and the scheduler heartbeat.

import { DataTable } from "@/components/data-table/data-table";
import { parseTableParams, type RawSearchParams } from "@/components/data-table/params";
import { jobRunColumns } from "@/components/jobs/job-runs-table/columns";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import type { JobRunStatus } from "@/db/schema/jobs";
import { requirePlatformRole } from "@/lib/auth/guards";
import { inngestConfigured } from "@/lib/env";
import { getLastHeartbeat } from "@/lib/jobs/heartbeat";
import { countJobRuns, listJobFunctionIds, listJobRuns } from "@/lib/jobs/job-runs";
import { jobRunsTableConfig, jobStatusOptions } from "@/lib/jobs/table";

export const metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePlatformRole("jobs.read");
  const db = await getDb();
  const params = parseTableParams(await searchParams, jobRunsTableConfig);
  const status = jobStatusOptions.find((o) => o.value === params.filters.status)?.value as
    | JobRunStatus
    | undefined;
  const filter = { status, functionId: params.filters.functionId };
  const [rows, total, failed, functionIds, heartbeat] = await Promise.all([
    listJobRuns(db, { ...filter, limit: params.perPage, offset: params.offset }),
    countJobRuns(db, filter),
    countJobRuns(db, { status: "failed" }),
    listJobFunctionIds(db),
    getLastHeartbeat(db),
  ]);
  const minutesAgo = heartbeat ? Math.round((Date.now() - heartbeat.getTime()) / 60_000) : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Jobs"
        description="Runs of the platform's background functions: crons, notifications, billing."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label="Runner"
          value={inngestConfigured() ? "Inngest" : "Embedded"}
          hint={inngestConfigured() ? "Events go to Inngest" : "In-process runner and crons"}
        />
        <StatCard
          label="Last heartbeat"
          value={minutesAgo === null ? "Never" : minutesAgo < 1 ? "Just now" : `${minutesAgo} min ago`}
          hint="The heartbeat cron runs every 5 minutes"
        />
        <StatCard label="Failed runs" value={failed} />
      </div>
      <DataTable
        columns={jobRunColumns}
        rows={rows}
        total={total}
        config={jobRunsTableConfig}
        label="Job runs"
        search={false}
        filters={[
          { key: "status", label: "Status", options: jobStatusOptions },
          {
            key: "functionId",
            label: "Function",
            options: functionIds.map((id) => ({ value: id, label: id })),
            allLabel: "All functions",
          },
        ]}
        emptyState={{
          title: "No job runs yet",
          description: "Runs appear here as crons fire and events are handled.",
        }}
      />
    </div>
  );
}
