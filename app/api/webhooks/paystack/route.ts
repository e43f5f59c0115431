// POST /api/webhooks/paystack: Paystack's events. `x-paystack-signature` (HMAC-SHA512 of the raw
// body) is checked before parsing; 400 for a bad one (nothing applied), 200 once handled or
// already handled, 500 when processing failed so Paystack delivers it again.
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { paymentsConfig } from "@/lib/billing/payments/config";
import { verifyPaystackSignature } from "@/lib/billing/payments/paystack/signature";
import {
  handlePaystackEvent,
  type PaystackEvent,
  paystackEventSchema,
} from "@/lib/billing/payments/paystack/webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const refused = (message: string) =>
  NextResponse.json({ error: { code: "INVALID", message } }, { status: 400 });

export async function POST(request: Request): Promise<Response> {
  const rawBody = await request.text();
  const settings = paymentsConfig().paystack;
  if (
    !settings ||
    !verifyPaystackSignature(rawBody, request.headers.get("x-paystack-signature"), settings.secretKey)
  ) {
    console.warn(
      `[webhooks/paystack] refused: ${settings ? "invalid signature" : "Paystack is not configured"}`,
    );
    return refused("Invalid signature.");
  }
  let event: PaystackEvent;
  try {
    event = paystackEventSchema.parse(JSON.parse(rawBody));
  } catch {
    console.warn("[webhooks/paystack] refused: signed body is not a Paystack event");
    return refused("Unreadable event.");
  }
  try {
    const outcome = await handlePaystackEvent(await getDb(), event);
    return NextResponse.json({ received: true, outcome });
  } catch (error) {
    console.error(`[webhooks/paystack] event ${event.event} failed`, error);
    return NextResponse.json({ error: { code: "INTERNAL", message: "Processing failed." } }, { status: 500 });
  }
}
