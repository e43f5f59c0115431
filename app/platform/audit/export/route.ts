// GET /platform/audit/export: the filtered audit log as a streamed CSV download (super admins).
import { getDb } from "@/db/client";
import { jsonError } from "@/lib/api/respond";
import { auditCsvHeader, auditCsvLines } from "@/lib/audit/csv";
import { auditFilterSchema, iterateAuditEvents } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { authenticateApiRequest } from "@/lib/auth/api";
import { platformCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  let principal: Awaited<ReturnType<typeof authenticateApiRequest>>;
  try {
    principal = await authenticateApiRequest(req);
  } catch (error) {
    if (error instanceof AppError) return jsonError(error.status, error.code, error.message);
    throw error;
  }
  if (!platformCan(principal.platformRole, "audit.export")) {
    return jsonError(403, "FORBIDDEN", "Only super admins can export the audit log.");
  }
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = auditFilterSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, "INVALID", `${issue?.path.join(".")}: ${issue?.message}`, issue?.path.join("."));
  }
  const db = await getDb();
  // Exports leave the building: who took one, and with which filter, is itself audited.
  await recordAudit(db, {
    actor: principal.actor,
    action: "audit.export",
    targetType: "audit_stream",
    details: { filter: parsed.data },
  });
  const encoder = new TextEncoder();
  const events = iterateAuditEvents(db, parsed.data);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader()));
    },
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvLines(next.value)));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hearth-audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
