// How the portal's hotel forms learn why the server said no. The shared action client turns an
// AppError into a bare message, which loses the field to mark and the upgrade hint; the hotel
// actions catch the errors a user can fix and return them as data instead, and the forms read
// both kinds of answer (a refusal, or zod's validation errors) through `readOutcome`.

import { validationMessages } from "@/lib/action-errors";
import { AppError, type ErrorCode } from "@/lib/errors";

/** A refusal a form can show: the message, the field it is about, and what to offer next. */
export type Refusal = {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Plain data from the error (e.g. the conflicting booking, the plan limit). */
  details?: Record<string, unknown>;
};

export type Refusable<T> = { ok: true; data: T } | { ok: false; refusal: Refusal };

// Errors a person can act on; anything else (a bug, the database down) goes to the action
// client, which logs it and shows a generic sentence.
const userFixable: ReadonlySet<ErrorCode> = new Set(["INVALID", "CONFLICT", "LIMIT_REACHED", "NOT_FOUND"]);

/** Keeps only JSON-safe details: they cross the server→client boundary. */
function plainDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details) return undefined;
  try {
    return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Server side: runs `work`, turning the errors a user can fix into a refusal the form shows. */
export async function refusable<T>(work: () => Promise<T>): Promise<Refusable<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError && userFixable.has(error.code)) {
      return {
        ok: false,
        refusal: {
          code: error.code,
          message: error.message,
          field: error.field,
          details: plainDetails(error.details),
        },
      };
    }
    throw error;
  }
}

export type Outcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** The sentence for the top of the form. */
      message: string;
      /** Messages by top-level field name, for FormField's `error`. */
      fieldErrors: Record<string, string>;
      /** Messages by full dotted path ("lines.2.unitPrice"), for forms with repeated rows. */
      pathErrors: Record<string, string>;
      refusal: Refusal | null;
    };

type ActionResult<T> = { data?: Refusable<T>; serverError?: unknown; validationErrors?: unknown } | undefined;

/** Client side: one shape for every way an action can answer. */
export function readOutcome<T>(result: ActionResult<T>): Outcome<T> {
  if (!result) {
    return {
      ok: false,
      message: "No answer from the server. Please try again.",
      fieldErrors: {},
      pathErrors: {},
      refusal: null,
    };
  }
  if (result.data?.ok) return { ok: true, data: result.data.data };
  if (result.data && !result.data.ok) {
    const { refusal } = result.data;
    const errors = refusal.field ? { [refusal.field]: refusal.message } : {};
    return { ok: false, message: refusal.message, fieldErrors: errors, pathErrors: errors, refusal };
  }
  const fieldErrors: Record<string, string> = {};
  const pathErrors: Record<string, string> = {};
  let formLevel: string | undefined;
  for (const m of validationMessages(result.validationErrors)) {
    const field = m.path.split(".")[0] ?? "";
    if (!field) {
      formLevel ??= m.message;
      continue;
    }
    fieldErrors[field] ??= m.message;
    pathErrors[m.path] ??= m.message;
  }
  if (Object.keys(fieldErrors).length > 0) {
    const message = formLevel ?? "Please correct the fields marked below.";
    return { ok: false, message, fieldErrors, pathErrors, refusal: null };
  }
  const message =
    typeof result.serverError === "string"
      ? result.serverError
      : (formLevel ?? "Something went wrong. Please try again.");
  return { ok: false, message, fieldErrors, pathErrors, refusal: null };
}
