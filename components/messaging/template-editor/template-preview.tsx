"use client";

import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils";
import type { EditorChannel, PreviewResult } from "./types";

type SegmentSummary = NonNullable<Extract<PreviewResult, { ok: true }>["segments"]>;

/** "2 segments · GSM-7 · 187 chars" (same wording as lib/messaging/templates/preview.ts describeSegments). */
function segmentLine(s: SegmentSummary): string {
  return `${s.count} ${s.count === 1 ? "segment" : "segments"} · ${s.encoding} · ${s.characters} chars`;
}

// The email's own styles must not leak into the page, nor its links navigate it: the iframe has
// no `allow-*` flags, so no scripts, forms or top navigation.
function emailDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>body{font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;color:#18181b;margin:16px}a{color:#4f46e5}</style></head><body>${html}</body></html>`;
}

/**
 * The rendered draft: an email in a sandboxed frame under its subject, an SMS as a phone bubble
 * with the segment count it would be billed. While the draft has errors the last good render stays,
 * dimmed, so the preview does not flicker as one types.
 */
export function TemplatePreview({
  channel,
  result,
  pending,
  stale,
}: {
  channel: EditorChannel;
  result: Extract<PreviewResult, { ok: true }> | null;
  pending: boolean;
  /** The draft has errors: `result` is the last version that rendered. */
  stale: boolean;
}) {
  return (
    <section
      data-testid="template-preview"
      aria-label="Preview"
      aria-busy={pending}
      className={cn("space-y-2", stale && "opacity-50")}
    >
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-medium text-zinc-900">Preview with sample data</h3>
        {pending ? (
          <LoaderCircle className="size-4 animate-spin text-zinc-400" aria-label="Updating preview" />
        ) : null}
      </div>
      {result === null ? (
        <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500">
          The preview appears when the template is valid.
        </p>
      ) : channel === "email" ? (
        <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
          <div className="border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-sm">
            <span className="text-zinc-500">Subject: </span>
            <span className="font-medium text-zinc-900">{result.subject}</span>
          </div>
          <iframe
            title="Email preview"
            sandbox=""
            srcDoc={emailDocument(result.html ?? "")}
            className="h-96 w-full bg-white"
          />
        </div>
      ) : (
        <div className="mx-auto w-full max-w-xs rounded-[2rem] border-4 border-zinc-800 bg-zinc-100 px-3 pt-6 pb-8 shadow-sm">
          <div className="mb-3 text-center text-[11px] text-zinc-500">Text message</div>
          <p
            className={cn(
              "ml-auto w-fit max-w-[85%] rounded-2xl rounded-br-sm bg-brand-600 px-3 py-2 text-[13px] leading-snug whitespace-pre-wrap text-white",
              "break-words",
            )}
          >
            {result.text || "\u00a0"}
          </p>
        </div>
      )}
      {channel === "sms" && result?.segments ? (
        <p data-testid="segment-count" className="text-center text-[13px] text-zinc-600">
          {segmentLine(result.segments)}
        </p>
      ) : null}
    </section>
  );
}
