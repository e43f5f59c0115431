"use client";

import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { JsonImportPanel } from "@/components/ui/json-import-panel";
import type { SmsImportEntryReport, SmsImportReport } from "@/lib/messaging/providers/import";
import { importSmsSettingsAction } from "./actions";

/** Paste or load the export, check it with a dry run, then import the valid entries. */
export function SmsImportPanel({ example }: { example: string }) {
  return (
    <JsonImportPanel
      action={importSmsSettingsAction}
      renderReport={(report) => <ImportReport report={report} />}
      label="Exported settings (JSON)"
      placeholder={example}
      rows={12}
      applyLabel="Import"
      appliedMessage="SMS settings imported"
      className="space-y-6"
    />
  );
}

const actionBadge: Record<string, { label: string; variant: BadgeVariant }> = {
  create: { label: "New provider", variant: "success" },
  reuse: { label: "Existing provider", variant: "neutral" },
  assign: { label: "Assign", variant: "success" },
  already_assigned: { label: "Already assigned", variant: "neutral" },
};

export function ImportReport({ report }: { report: SmsImportReport }) {
  const { counts } = report;
  const title = report.dryRun
    ? "Dry run — nothing written"
    : report.applied
      ? "Imported"
      : "Nothing new to import";
  return (
    <section
      aria-label="Import report"
      className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs"
    >
      <h3 className="font-semibold">{title}</h3>
      {report.errors.map((e) => (
        <p key={e.message} role="alert" className="text-sm text-red-700">
          {e.message}
        </p>
      ))}
      {report.entries.length > 0 ? (
        <>
          <p className="text-sm text-zinc-600">
            {counts.create} new provider{counts.create === 1 ? "" : "s"}, {counts.reuse} reused,{" "}
            {counts.assign} assignment{counts.assign === 1 ? "" : "s"} {report.dryRun ? "to add" : "added"},{" "}
            {counts.alreadyAssigned} already in place, {counts.invalid} with errors (skipped).
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label="Entries">
              <thead className="border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase">
                <tr>
                  <th className="px-3 py-2">#</th>
                  <th className="px-3 py-2">Hotel</th>
                  <th className="px-3 py-2">Provider</th>
                  <th className="px-3 py-2">Assignment</th>
                  <th className="px-3 py-2">Notes</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {report.entries.map((entry) => (
                  <EntryRow key={entry.index} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function EntryRow({ entry }: { entry: SmsImportEntryReport }) {
  const provider = entry.providerAction ? actionBadge[entry.providerAction] : undefined;
  const assignment = entry.assignment ? actionBadge[entry.assignment] : undefined;
  return (
    <tr className="align-top">
      <td className="px-3 py-2 tabular-nums text-zinc-500">{entry.index + 1}</td>
      <td className="px-3 py-2">
        <div className="font-medium">{entry.tenantName ?? entry.tenantSlug}</div>
        <div className="font-mono text-xs text-zinc-500">{entry.tenantSlug}</div>
      </td>
      <td className="px-3 py-2">
        {provider ? (
          <div className="flex flex-col gap-0.5">
            <Badge variant={provider.variant}>{provider.label}</Badge>
            <span>{entry.providerName}</span>
            <span className="font-mono text-xs text-zinc-500">{entry.credentialsHint}</span>
          </div>
        ) : (
          <span className="text-zinc-400">—</span>
        )}
      </td>
      <td className="px-3 py-2">
        {assignment ? <Badge variant={assignment.variant}>{assignment.label}</Badge> : null}
        {entry.sender ? <div className="text-xs text-zinc-500">Sender {entry.sender}</div> : null}
      </td>
      <td className="px-3 py-2 text-xs">
        <ul className="space-y-0.5">
          {entry.errors.map((e) => (
            <li key={`${e.field}:${e.message}`} className="text-red-700">
              <code className="mr-1 font-mono">{e.field}</code>
              {e.message}
            </li>
          ))}
          {entry.notes.map((n) => (
            <li key={n} className="text-zinc-600">
              {n}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
