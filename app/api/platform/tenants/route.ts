// POST /api/platform/tenants: create a hotel (tenants.write); an Idempotency-Key makes retries safe.
// GET  /api/platform/tenants: list hotels (tenants.read), newest first, with ?status=&plan=&q=&limit=&cursor=.
import { getDb } from "@/db/client";
import { readIdempotencyKey, requestFingerprint, withIdempotency } from "@/lib/api/idempotency";
import { apiRoute, authorizeApi, principalId, readJsonBody } from "@/lib/api/request";
import { listTenantResources, serializeTenant, tenantListQuerySchema } from "@/lib/tenants/resource";
import { createTenantSchema } from "@/lib/tenants/schemas";
import { createTenant } from "@/lib/tenants/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req: Request) => {
  const principal = await authorizeApi(req, "tenants.write");
  const key = readIdempotencyKey(req);
  const input = await readJsonBody(req, createTenantSchema);
  const db = await getDb();
  const create = async () => {
    const { tenant, created } = await createTenant(db, {
      input,
      actor: principal.actor,
      source: "api",
      idempotencyKey: key ?? undefined,
    });
    const body = await serializeTenant(db, tenant);
    return Response.json(body, {
      status: created ? 201 : 200,
      headers: { location: `/api/platform/tenants/${tenant.id}` },
    });
  };
  if (!key) return create();
  return withIdempotency(db, {
    scope: "POST /api/platform/tenants",
    principal: principalId(principal),
    key,
    fingerprint: requestFingerprint(input),
    run: create,
  });
});

export const GET = apiRoute(async (req: Request) => {
  await authorizeApi(req, "tenants.read");
  const query = tenantListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listTenantResources(await getDb(), query));
});
