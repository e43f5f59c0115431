import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

export type ApiErrorBody = { error: { code: string; message: string; field?: string; details?: unknown } };

export function jsonError(
  status: number,
  code: string,
  message: string,
  field?: string,
  details?: unknown,
): NextResponse<ApiErrorBody> {
  const error = { code, message, ...(field ? { field } : {}), ...(details !== undefined ? { details } : {}) };
  return NextResponse.json({ error }, { status });
}

/** Turns what a route throws into the JSON error contract; unknown errors never leak their text. */
export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  if (error instanceof AppError)
    return jsonError(error.status, error.code, error.message, error.field, error.details);
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    return jsonError(400, "INVALID", issue ? `${field ?? "body"}: ${issue.message}` : "Invalid input", field);
  }
  console.error("[api] unhandled error", error);
  return jsonError(500, "INTERNAL", "Something went wrong on our side. It has been logged.");
}

/** Wraps a route handler so every thrown error becomes a JSON error with the right status. */
export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body, answering 400 (not 500) for a body that is not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("INVALID", "The request body must be valid JSON.");
  }
}
