// POST /api/platform/tenants/{id}/activate: make a hotel active again (tenants.write); `reason` is optional.
import { getDb } from "@/db/client";
import { apiRoute, authorizeApi, readOptionalJsonBody } from "@/lib/api/request";
import { serializeTenant } from "@/lib/tenants/resource";
import { tenantTransitionSchema } from "@/lib/tenants/schemas";
import { activateTenant } from "@/lib/tenants/service";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (req: Request, { params }: Params) => {
  const principal = await authorizeApi(req, "tenants.write");
  const { id } = await params;
  const { reason } = await readOptionalJsonBody(req, tenantTransitionSchema);
  const db = await getDb();
  const tenant = await activateTenant(db, { tenantId: id, reason, actor: principal.actor });
  return Response.json(await serializeTenant(db, tenant));
});
