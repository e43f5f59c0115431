import "server-only";
import type { z } from "zod";
import { authenticateApiRequest } from "@/lib/auth/api";
import type { ApiPrincipal } from "@/lib/auth/context";
import { type PlatformPermission, platformCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { HttpError } from "./http-error";
import { jsonError, readJson, route } from "./respond";

// The steps every platform REST route takes, in this order: authenticate (401), authorize (403),
// insist on a JSON body (415), validate it (400). Routes stay a few lines: parse → authorize → service.

/** `route()` that also answers HttpError (415, 422…) with its own status. */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return route(async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof HttpError) return jsonError(error.status, error.code, error.message, error.field);
      throw error;
    }
  });
}

/** The caller, who must hold `permission`; 401 without credentials, 403 without the permission. */
export async function authorizeApi(req: Request, permission: PlatformPermission): Promise<ApiPrincipal> {
  const principal = await authenticateApiRequest(req);
  if (!platformCan(principal.platformRole, permission)) {
    throw new AppError("FORBIDDEN", `This endpoint needs the "${permission}" permission.`);
  }
  return principal;
}

/**
 * The body, validated by `schema`. A cross-site HTML form can only post form or text bodies;
 * insisting on JSON keeps cookie-authenticated writes out of its reach (defence in depth beside SameSite).
 */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  return schema.parse(await readJson(req));
}

/**
 * For endpoints whose body is optional (activate, delete, suspend): an empty body counts as `{}`,
 * so a missing required field is a 400 naming it; a body that is there must be JSON.
 */
export async function readOptionalJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
): Promise<z.infer<S>> {
  const text = await req.text();
  if (text.trim() === "") return schema.parse({});
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "The request body must be valid JSON.");
  }
  return schema.parse(value);
}

/** A stable id of the caller for scoping idempotency keys: the user, or the API key. */
export function principalId(principal: ApiPrincipal): string {
  if (principal.user) return `user:${principal.user.id}`;
  return `${principal.actor.kind}:${principal.actor.label}`;
}
