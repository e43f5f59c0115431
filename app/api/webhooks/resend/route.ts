// POST /api/webhooks/resend: Resend delivery webhooks (svix signature with the sending
// provider's webhook secret). 200 applied/ignored, 400 bad body, 403 bad signature or no secret,
// 404 unknown email; all recorded (lib/messaging/delivery).
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { handleResendWebhook } from "@/lib/messaging/delivery/resend-callback";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  // The raw body, before any JSON parse: the signature covers these exact bytes.
  const rawBody = await req.text();
  const result = await handleResendWebhook(await getDb(), { headers: req.headers, rawBody });
  return NextResponse.json({ outcome: result.outcome, reason: result.reason }, { status: result.status });
}
