import { CircleAlert, CircleCheck, Clock } from "lucide-react";
import { cn } from "@/lib/utils";

export type PaymentOutcome = "succeeded" | "failed" | "cancelled" | "pending" | "unknown";

const copy: Record<PaymentOutcome, { tone: "ok" | "warn" | "bad"; text: string }> = {
  succeeded: { tone: "ok", text: "Thank you: your payment was received." },
  pending: {
    tone: "warn",
    text: "Your payment is being confirmed. This page updates once the provider confirms it.",
  },
  cancelled: { tone: "warn", text: "The payment was cancelled. Nothing was charged." },
  failed: { tone: "bad", text: "The payment did not go through. Nothing was charged; you can try again." },
  unknown: {
    tone: "warn",
    text: "We could not find that payment. If you were charged, it will appear here shortly.",
  },
};

/** The banner after a checkout returns (?payment=<outcome>). */
export function PaymentBanner({
  outcome,
  description,
}: {
  outcome: PaymentOutcome;
  description?: string | null;
}) {
  const { tone, text } = copy[outcome];
  const Icon = tone === "ok" ? CircleCheck : tone === "bad" ? CircleAlert : Clock;
  return (
    <div
      role="status"
      className={cn(
        "flex items-start gap-2 rounded-lg border px-4 py-3 text-sm",
        tone === "ok" && "border-emerald-200 bg-emerald-50 text-emerald-900",
        tone === "warn" && "border-amber-200 bg-amber-50 text-amber-900",
        tone === "bad" && "border-red-200 bg-red-50 text-red-900",
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p>
        {description ? <span className="font-medium">{description}: </span> : null}
        {text}
      </p>
    </div>
  );
}
