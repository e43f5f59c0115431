// GET /api/platform/openapi.json: the OpenAPI 3.1 document of the platform REST API. Public: it
// describes the endpoints, every one of which checks its own credentials.
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export function GET(req: Request): Response {
  const { origin } = new URL(req.url);
  return Response.json(buildOpenApiDocument({ serverUrl: origin }), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
