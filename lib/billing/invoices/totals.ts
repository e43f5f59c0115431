// Invoice arithmetic, on integers of minor units only.

export type LineAmount = { amountMinor: number };
export type InvoiceTotals = {
  subtotalMinor: number;
  taxRateBps: number;
  taxMinor: number;
  totalMinor: number;
};

/** round(amount × rateBps / 10,000), half up (half away from zero), in integers. */
export function taxOn(amountMinor: number, rateBps: number): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Not an integer amount: ${amountMinor}`);
  if (!Number.isSafeInteger(rateBps) || rateBps < 0) throw new RangeError(`Not a tax rate: ${rateBps}`);
  const sign = amountMinor < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(amountMinor));
  return Number((sign * (2n * abs * BigInt(rateBps) + 10_000n)) / 20_000n);
}

/**
 * Subtotal = the sum of the lines; tax is computed once on the subtotal (not per line), rounded
 * half up to a whole minor unit; total = subtotal + tax.
 */
export function computeTotals(lines: readonly LineAmount[], rateBps: number): InvoiceTotals {
  const subtotalMinor = lines.reduce((sum, l) => {
    if (!Number.isSafeInteger(l.amountMinor)) throw new RangeError(`Not an integer amount: ${l.amountMinor}`);
    return sum + l.amountMinor;
  }, 0);
  const taxMinor = taxOn(subtotalMinor, rateBps);
  return { subtotalMinor, taxRateBps: rateBps, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

/** quantity × unit price, checked to stay a safe integer. */
export function lineAmount(quantity: number, unitAmountMinor: number): number {
  const amount = quantity * unitAmountMinor;
  if (!Number.isSafeInteger(amount)) throw new RangeError("Line amount out of range");
  return amount;
}
