import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { CreditBalance } from "@/lib/credits/queries";

/** The warning a hotel sees when its SMS credits are at or under its own warning level. */
export function LowBalanceBanner({ balance, href }: { balance: CreditBalance; href?: string }) {
  if (!balance.isLow) return null;
  return (
    <div
      role="status"
      data-testid="low-balance-warning"
      className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
      <p>
        <span className="font-medium">SMS credits are running low:</span> {balance.balance} left (warning at{" "}
        {balance.lowBalanceThreshold}). Guest SMS stop when credits run out.
        {href ? (
          <>
            {" "}
            <Link href={href} className="font-medium underline underline-offset-2">
              See credits
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
