"use client";

import * as React from "react";
import { z } from "zod";

export type SlugStatus =
  | { state: "idle" }
  | { state: "checking"; slug: string }
  | { state: "available"; slug: string }
  | { state: "unavailable"; slug: string; reason: string; suggestion?: string }
  | { state: "error"; slug: string };

const answerSchema = z.object({
  available: z.boolean(),
  reason: z.string().optional(),
  suggestion: z.string().optional(),
});

/** Asks `/api/signup/slug` whether `slug` is free, `delayMs` after the last keystroke; stale answers are dropped. */
export function useSlugAvailability(slug: string, delayMs = 300): SlugStatus {
  const [status, setStatus] = React.useState<SlugStatus>({ state: "idle" });
  React.useEffect(() => {
    if (!slug) {
      setStatus({ state: "idle" });
      return;
    }
    setStatus({ state: "checking", slug });
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/signup/slug?slug=${encodeURIComponent(slug)}`, {
          signal: controller.signal,
          cache: "no-store",
        });
        const answer = answerSchema.parse(await res.json());
        setStatus(
          answer.available
            ? { state: "available", slug }
            : {
                state: "unavailable",
                slug,
                reason: answer.reason ?? "This subdomain is not available",
                suggestion: answer.suggestion,
              },
        );
      } catch {
        // Aborted: a newer keystroke owns the status. Otherwise the server decides on submit.
        if (!controller.signal.aborted) setStatus({ state: "error", slug });
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, delayMs]);
  return status;
}
