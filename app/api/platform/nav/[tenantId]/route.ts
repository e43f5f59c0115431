// GET  /api/platform/nav/{tenantId}: the tenant's effective portal menu. Platform users see it as an
//      owner would (or preview `?role=manager|staff`); members of the tenant see their own.
// POST /api/platform/nav/{tenantId}: super admins change the tenant's overrides (upsert | remove |
//      replace) and get the new menu back.
// A tenant the caller may not see answers 404, exactly like one that does not exist.
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Queryable } from "@/db/connect";
import { jsonError, readJson, route } from "@/lib/api/respond";
import { authenticateApiRequest } from "@/lib/auth/api";
import type { ApiPrincipal } from "@/lib/auth/context";
import { platformCan, tenantRoles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { navOverrideOpSchema } from "@/lib/nav/schemas";
import { removeNavOverride, replaceNavOverrides, upsertNavOverride } from "@/lib/nav/service";
import { getTenantPortalMenu } from "@/lib/nav/tenant-menu";
import { getMemberRole, getTenantById, type Tenant, type TenantRole } from "@/lib/tenants/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ tenantId: string }> };

const previewSchema = z.object({ role: z.enum(tenantRoles).default("owner") });

/** The tenant, and the role whose menu this caller sees; 404 when the caller may not see the tenant. */
async function resolveViewer(
  db: Queryable,
  principal: ApiPrincipal,
  tenantId: string,
): Promise<{ tenant: Tenant; memberRole: TenantRole | null }> {
  const tenant = await getTenantById(db, tenantId);
  const notFound = new AppError("NOT_FOUND", "No such tenant.");
  if (!tenant || tenant.status === "deleted" || tenant.deletedAt) throw notFound;
  if (platformCan(principal.platformRole, "nav.read")) return { tenant, memberRole: null };
  const memberRole = principal.user ? await getMemberRole(db, tenant.id, principal.user.id) : null;
  if (!memberRole) throw notFound;
  return { tenant, memberRole };
}

export const GET = route(async (req: Request, { params }: Params) => {
  const principal = await authenticateApiRequest(req);
  const { tenantId } = await params;
  const db = await getDb();
  const { tenant, memberRole } = await resolveViewer(db, principal, tenantId);
  const role = memberRole ?? previewSchema.parse(Object.fromEntries(new URL(req.url).searchParams)).role;
  return Response.json({ tenantId: tenant.id, items: await getTenantPortalMenu(db, tenant, role) });
});

export const POST = route(async (req: Request, { params }: Params) => {
  const principal = await authenticateApiRequest(req);
  const { tenantId } = await params;
  const db = await getDb();
  const { tenant } = await resolveViewer(db, principal, tenantId);
  if (!platformCan(principal.platformRole, "nav.write")) {
    throw new AppError("FORBIDDEN", "Only super admins can change a tenant's menu here.");
  }
  // A cross-site HTML form can only post form or text bodies; insisting on JSON keeps this
  // cookie-authenticated write out of reach of such forms (defence in depth beside SameSite).
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    return jsonError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  const op = navOverrideOpSchema.parse(await readJson(req));
  const actor = principal.actor;
  if (op.op === "upsert") {
    const { op: _op, ...input } = op;
    await upsertNavOverride(db, { tenantId: tenant.id, input, actor });
  } else if (op.op === "remove") {
    await removeNavOverride(db, { tenantId: tenant.id, itemKey: op.itemKey, actor });
  } else {
    await replaceNavOverrides(db, { tenantId: tenant.id, overrides: op.overrides, actor });
  }
  return Response.json({ tenantId: tenant.id, items: await getTenantPortalMenu(db, tenant, "owner") });
});
