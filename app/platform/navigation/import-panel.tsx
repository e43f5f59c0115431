"use client";

import { CircleCheck, CircleX } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { actionErrorMessage } from "@/lib/nav/action-errors";
import type { NavImportReport } from "@/lib/nav/import";
import { importNavAction } from "./actions";

/**
 * Paste or load a definition (`{ "version": 1, "items": [...] }`), check it with a dry run, then
 * apply it. Applying is all-or-nothing and upserts by scope + key; items not in the file stay.
 */
export function ImportPanel({ currentDefinition }: { currentDefinition: string }) {
  const [json, setJson] = React.useState("");
  const [report, setReport] = React.useState<NavImportReport | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const textareaId = React.useId();
  const fileId = React.useId();

  const run = (dryRun: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await importNavAction({ json, dryRun });
      const message = actionErrorMessage(result);
      if (message || !result?.data) {
        setReport(null);
        setError(message ?? "No report came back.");
        return;
      }
      setReport(result.data);
      if (result.data.applied) toast.success("Navigation imported");
    });

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    setJson(await file.text());
    setReport(null);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={textareaId}>Navigation JSON</Label>
          <Textarea
            id={textareaId}
            rows={16}
            value={json}
            spellCheck={false}
            className="font-mono text-xs"
            placeholder={
              '{ "version": 1, "items": [ { "scope": "portal", "key": "rooms", "label": "Rooms", "href": "/rooms" } ] }'
            }
            onChange={(e) => {
              setJson(e.target.value);
              setReport(null);
            }}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Label htmlFor={fileId} className="font-normal text-zinc-600">
            Load a file
          </Label>
          <input
            id={fileId}
            type="file"
            accept="application/json,.json"
            className="text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1 file:text-sm"
            onChange={(e) => loadFile(e.target.files?.[0])}
          />
          <Button
            type="button"
            variant="link"
            onClick={() => {
              setJson(currentDefinition);
              setReport(null);
            }}
          >
            Load current definition
          </Button>
        </div>
        <div className="flex gap-2">
          <Button
            type="button"
            variant="outline"
            onClick={() => run(true)}
            loading={pending}
            disabled={!json.trim()}
          >
            Dry run
          </Button>
          <Button
            type="button"
            onClick={() => run(false)}
            loading={pending}
            disabled={!json.trim() || report?.valid === false}
          >
            Apply
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {error ? <FormError>{error}</FormError> : null}
        {report ? <ImportReport report={report} /> : null}
        {!report && !error ? (
          <p className="text-sm text-zinc-500">
            Run a dry run to see what would be created, updated or left as is.
          </p>
        ) : null}
      </div>
    </div>
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
