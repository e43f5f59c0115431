// POST /api/webhooks/stripe: Stripe's events. The signature is checked on the raw body before
// anything is parsed; 400 for a bad one (nothing applied), 200 once handled or already handled,
// 500 when processing failed so Stripe delivers it again.
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { paymentsConfig } from "@/lib/billing/payments/config";
import { handleStripeEvent, verifyStripeWebhook } from "@/lib/billing/payments/stripe/webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const rawBody = await request.text();
  const config = paymentsConfig();
  let event: ReturnType<typeof verifyStripeWebhook>;
  try {
    event = verifyStripeWebhook(rawBody, request.headers.get("stripe-signature"), config.stripe);
  } catch (error) {
    // The SDK's message is a paragraph; its first line says what was wrong.
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    console.warn(`[webhooks/stripe] refused: ${reason}`);
    return NextResponse.json({ error: { code: "INVALID", message: "Invalid signature." } }, { status: 400 });
  }
  try {
    const outcome = await handleStripeEvent(await getDb(), event, { config });
    return NextResponse.json({ received: true, outcome });
  } catch (error) {
    console.error(`[webhooks/stripe] event ${event.id} (${event.type}) failed`, error);
    return NextResponse.json({ error: { code: "INTERNAL", message: "Processing failed." } }, { status: 500 });
  }
}
