// What the template editor gets from its page: plain data, and the page's server actions (the
// console's and the portal's differ in who may call them and which hotel they act for).
import type { Refusable } from "@/components/hotel/refusal";
import type { HelperExample, PreviewResult } from "@/lib/messaging/templates/preview";

export type EditorChannel = "sms" | "email";

export type EditorKey = { event: string; channel: EditorChannel; locale: string };

export type EditorDraft = EditorKey & { subject: string | null; body: string };

/** A next-safe-action result whose action returns a `Refusable` (see components/hotel/refusal.ts). */
export type EditorActionResult<T> =
  | { data?: Refusable<T>; serverError?: unknown; validationErrors?: unknown }
  | undefined;

export type TestSendOutcome = {
  id: string;
  status: string;
  recipient: string;
  error: string | null;
  segments: number;
};

export type EditorActions = {
  preview: (input: EditorDraft) => Promise<EditorActionResult<PreviewResult>>;
  save: (input: EditorDraft & { active: boolean }) => Promise<EditorActionResult<{ id: string }>>;
  setActive: (input: EditorKey & { active: boolean }) => Promise<EditorActionResult<{ active: boolean }>>;
  testSend: (input: EditorDraft & { to: string }) => Promise<EditorActionResult<TestSendOutcome>>;
  /** Hotels only: delete the override and use the platform's template again. */
  reset?: (input: EditorKey) => Promise<EditorActionResult<{ reset: boolean }>>;
};

export type EditorTemplate = {
  subject: string | null;
  body: string;
  active: boolean;
  /** A row is stored for this owner and key (the hotel's override, or the platform default). */
  stored: boolean;
  updatedAt: string | null;
};

export type { HelperExample, PreviewResult };
