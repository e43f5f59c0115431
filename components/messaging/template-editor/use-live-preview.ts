"use client";

import * as React from "react";
import { readOutcome } from "@/components/hotel/refusal";
import type { TemplateFieldError } from "@/lib/messaging/templates/preview";
import type { EditorActions, EditorDraft, PreviewResult } from "./types";

type Rendered = Extract<PreviewResult, { ok: true }>;

export type LivePreview = {
  /** The last draft that rendered; kept while the current one has errors. */
  rendered: Rendered | null;
  errors: TemplateFieldError[];
  /** A failure that is not about the template (network, permission). */
  failure: string | null;
  pending: boolean;
};

const DEBOUNCE_MS = 300;

/**
 * Re-renders the draft on the server as it changes, debounced; an answer to an older draft is
 * dropped when a newer one has been asked for, so the preview never goes back in time.
 */
export function useLivePreview(preview: EditorActions["preview"], draft: EditorDraft): LivePreview {
  const [state, setState] = React.useState<LivePreview>({
    rendered: null,
    errors: [],
    failure: null,
    pending: true,
  });
  const latest = React.useRef(0);
  const { event, channel, locale, subject, body } = draft;

  React.useEffect(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(async () => {
      const outcome = readOutcome(await preview({ event, channel, locale, subject, body }));
      if (request !== latest.current) return;
      if (!outcome.ok) {
        setState((s) => ({ ...s, pending: false, failure: outcome.message }));
      } else if (outcome.data.ok) {
        setState({ rendered: outcome.data, errors: [], failure: null, pending: false });
      } else {
        const { errors } = outcome.data;
        setState((s) => ({ ...s, errors, failure: null, pending: false }));
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [preview, event, channel, locale, subject, body]);

  return state;
}
