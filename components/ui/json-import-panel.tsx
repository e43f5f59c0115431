"use client";

import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { actionErrorMessage } from "@/lib/action-errors";

/** What a next-safe-action import action answers: its report, or why there is none. */
type ImportActionResult<Report> =
  | { data?: Report; serverError?: unknown; validationErrors?: unknown }
  | undefined;

export type JsonImportPanelProps<Report extends { applied: boolean }> = {
  /** Checks (`dryRun: true`) or applies the pasted JSON and reports what it did or would do. */
  action: (input: { json: string; dryRun: boolean }) => Promise<ImportActionResult<Report>>;
  renderReport: (report: Report) => React.ReactNode;
  label: string;
  placeholder: string;
  rows: number;
  applyLabel: string;
  /** Toast shown when a real run wrote something. */
  appliedMessage: string;
  /** Layout of the form and the report side by side or stacked. */
  className: string;
  /** A report after which applying is pointless (e.g. invalid): the apply button stays disabled. */
  blocksApply?: (report: Report) => boolean;
  /** A button beside the file picker that fills in this JSON (e.g. the current definition). */
  preset?: { label: string; json: string };
  /** Shown where the report goes before the first run. */
  hint?: string;
};

/** Paste or load a JSON file, check it with a dry run, then apply it; the report shows beside. */
export function JsonImportPanel<Report extends { applied: boolean }>({
  action,
  renderReport,
  label,
  placeholder,
  rows,
  applyLabel,
  appliedMessage,
  className,
  blocksApply,
  preset,
  hint,
}: JsonImportPanelProps<Report>) {
  const [json, setJson] = React.useState("");
  const [report, setReport] = React.useState<Report | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const textareaId = React.useId();
  const fileId = React.useId();

  const run = (dryRun: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await action({ json, dryRun });
      const message = actionErrorMessage(result);
      if (message || !result?.data) {
        setReport(null);
        setError(message ?? "No report came back.");
        return;
      }
      setReport(result.data);
      if (result.data.applied) toast.success(appliedMessage);
    });

  // A new text makes the last report stale.
  const load = (text: string) => {
    setJson(text);
    setReport(null);
  };

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    load(await file.text());
  };

  return (
    <div className={className}>
      <div className="space-y-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={textareaId}>{label}</Label>
          <Textarea
            id={textareaId}
            rows={rows}
            value={json}
            spellCheck={false}
            autoComplete="off"
            className="font-mono text-xs"
            placeholder={placeholder}
            onChange={(e) => load(e.target.value)}
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
          {preset ? (
            <Button type="button" variant="link" onClick={() => load(preset.json)}>
              {preset.label}
            </Button>
          ) : null}
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
            disabled={!json.trim() || (report !== null && blocksApply?.(report) === true)}
          >
            {applyLabel}
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {error ? <FormError>{error}</FormError> : null}
        {report ? renderReport(report) : null}
        {hint && !report && !error ? <p className="text-sm text-zinc-500">{hint}</p> : null}
      </div>
    </div>
  );
}
