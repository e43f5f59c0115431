// POST /api/platform/tenants/{id}/suspend: suspend a hotel (tenants.write); `reason` is required.
import { getDb } from "@/db/client";
import { apiRoute, authorizeApi, readOptionalJsonBody } from "@/lib/api/request";
import { serializeTenant } from "@/lib/tenants/resource";
import { suspendTenantSchema } from "@/lib/tenants/schemas";
import { suspendTenant } from "@/lib/tenants/service";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (req: Request, { params }: Params) => {
  const principal = await authorizeApi(req, "tenants.write");
  const { id } = await params;
  const { reason } = await readOptionalJsonBody(req, suspendTenantSchema);
  const db = await getDb();
  const tenant = await suspendTenant(db, { tenantId: id, reason, actor: principal.actor });
  return Response.json(await serializeTenant(db, tenant));
});
