"use client";

import { CircleCheck, CircleX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { JsonImportPanel } from "@/components/ui/json-import-panel";
import type { NavImportReport } from "@/lib/nav/import";
import { importNavAction } from "./actions";

/**
 * Paste or load a definition (`{ "version": 1, "items": [...] }`), check it with a dry run, then
 * apply it. Applying is all-or-nothing and upserts by scope + key; items not in the file stay.
 */
export function ImportPanel({ currentDefinition }: { currentDefinition: string }) {
  return (
    <JsonImportPanel
      action={importNavAction}
      renderReport={(report) => <ImportReport report={report} />}
      label="Navigation JSON"
      placeholder={
        '{ "version": 1, "items": [ { "scope": "portal", "key": "rooms", "label": "Rooms", "href": "/rooms" } ] }'
      }
      rows={16}
      applyLabel="Apply"
      appliedMessage="Navigation imported"
      className="grid gap-6 lg:grid-cols-2"
      blocksApply={(report) => !report.valid}
      preset={{ label: "Load current definition", json: currentDefinition }}
      hint="Run a dry run to see what would be created, updated or left as is."
    />
  );
}

function ImportReport({ report }: { report: NavImportReport }) {
  return (
    <section
      aria-label="Import report"
      className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs"
    >
      <div className="flex items-center gap-2">
        {report.valid ? (
          <CircleCheck className="size-5 text-emerald-600" aria-hidden />
        ) : (
          <CircleX className="size-5 text-red-600" aria-hidden />
        )}
        <h3 className="font-semibold">
          {report.valid
            ? report.applied
              ? "Applied"
              : "Valid — nothing written yet"
            : "Invalid — nothing written"}
        </h3>
      </div>
      {report.errors.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {report.errors.map((e) => (
            <li key={`${e.path}:${e.message}`} className="text-red-700">
              {e.path ? <code className="mr-1 font-mono text-xs">{e.path}</code> : null}
              {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {report.valid ? (
        <dl className="grid gap-3 text-sm">
          <KeyList
            title={report.applied ? "Created" : "To create"}
            keys={report.toCreate}
            variant="success"
          />
          <KeyList
            title={report.applied ? "Updated" : "To update"}
            keys={report.toUpdate}
            variant="warning"
          />
          <KeyList title="Unchanged" keys={report.unchanged} variant="neutral" />
        </dl>
      ) : null}
    </section>
  );
}

function KeyList({
  title,
  keys,
  variant,
}: {
  title: string;
  keys: string[];
  variant: "success" | "warning" | "neutral";
}) {
  return (
    <div>
      <dt className="font-medium text-zinc-700">
        {title} ({keys.length})
      </dt>
      <dd className="mt-1 flex flex-wrap gap-1">
        {keys.length === 0 ? <span className="text-zinc-400">none</span> : null}
        {keys.map((k) => (
          <Badge key={k} variant={variant} className="font-mono">
            {k}
          </Badge>
        ))}
      </dd>
    </div>
  );
}
