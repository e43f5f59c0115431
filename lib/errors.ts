export type ErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "CONFLICT"
  | "LIMIT_REACHED"
  | "INVALID"
  | "RATE_LIMITED";

const statusByCode: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_REACHED: 422,
  RATE_LIMITED: 429,
};

/** The one error type a user may read: its message is shown as is, driver text never is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  /** Structured data for UIs and API clients, e.g. the upgrade hint of a LIMIT_REACHED error. */
  readonly details?: Record<string, unknown>;
  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }
  get status(): number {
    return statusByCode[this.code];
  }
}

/** Postgres unique violations (SQLSTATE 23505), whichever driver raised them. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Postgres exclusion-constraint violations (SQLSTATE 23P01), e.g. an overlapping booking. */
export function isExclusionViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23P01") return true;
  }
  return false;
}
