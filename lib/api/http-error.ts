/**
 * An HTTP answer that has no AppError code (415, an idempotency key reused with another body…).
 * `apiRoute` (lib/api/request.ts) turns it into the JSON error contract with its own status.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  constructor(status: number, code: string, message: string, opts: { field?: string } = {}) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.field = opts.field;
  }
}
