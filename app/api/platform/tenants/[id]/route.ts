// GET    /api/platform/tenants/{id}: one hotel (tenants.read); deleted ones too, with their status.
// PATCH  /api/platform/tenants/{id}: change details and settings (tenants.write); 404 once deleted.
// DELETE /api/platform/tenants/{id}: soft delete (tenants.write); answers the deleted hotel.
import { getDb } from "@/db/client";
import { apiRoute, authorizeApi, readJsonBody, readOptionalJsonBody } from "@/lib/api/request";
import { getTenantResource, serializeTenant } from "@/lib/tenants/resource";
import { tenantTransitionSchema, updateTenantSchema } from "@/lib/tenants/schemas";
import { softDeleteTenant, updateTenant } from "@/lib/tenants/service";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (req: Request, { params }: Params) => {
  await authorizeApi(req, "tenants.read");
  const { id } = await params;
  return Response.json(await getTenantResource(await getDb(), id));
});

export const PATCH = apiRoute(async (req: Request, { params }: Params) => {
  const principal = await authorizeApi(req, "tenants.write");
  const { id } = await params;
  const input = await readJsonBody(req, updateTenantSchema);
  const db = await getDb();
  const tenant = await updateTenant(db, { tenantId: id, input, actor: principal.actor });
  return Response.json(await serializeTenant(db, tenant));
});

export const DELETE = apiRoute(async (req: Request, { params }: Params) => {
  const principal = await authorizeApi(req, "tenants.write");
  const { id } = await params;
  const { reason } = await readOptionalJsonBody(req, tenantTransitionSchema);
  const db = await getDb();
  const tenant = await softDeleteTenant(db, { tenantId: id, reason, actor: principal.actor });
  return Response.json(await serializeTenant(db, tenant));
});
