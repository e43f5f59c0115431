// GET /api/health: liveness and database state for load balancers and uptime checks. Public, no secrets.
import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { checkHealth } from "@/lib/health/check";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(await getDatabase());
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
