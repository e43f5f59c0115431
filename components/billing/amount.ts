// Amounts typed in major units ("49.90") become integer minor units on the server, in the
// currency of what they are for (the hotel's, the invoice's, the payment's), never the client's.
import { AppError } from "@/lib/errors";
import { MoneyParseError, toMinor } from "@/lib/money";

/**
 * "49.90" in USD → 4990. A malformed amount, or one with more decimals than the currency has, is an
 * INVALID error on `field`; so is anything but a positive amount unless `allowNegative` (discounts).
 */
export function minorFromMajor(
  value: string,
  currency: string,
  field: string,
  opts: { allowNegative?: boolean } = {},
): number {
  let minor: number;
  try {
    minor = toMinor(value, currency);
  } catch (error) {
    if (error instanceof MoneyParseError) throw new AppError("INVALID", error.message, { field });
    throw error;
  }
  if (minor === 0 || (minor < 0 && !opts.allowNegative)) {
    throw new AppError("INVALID", "Enter an amount above zero.", { field });
  }
  return minor;
}
