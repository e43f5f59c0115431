import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** `x-paystack-signature` is the hex HMAC-SHA512 of the raw body under the secret key. */
export function paystackSignature(rawBody: string, secretKey: string): string {
  return createHmac("sha512", secretKey).update(rawBody, "utf8").digest("hex");
}

/** Compares in constant time; a missing or malformed header is simply not valid. */
export function verifyPaystackSignature(rawBody: string, header: string | null, secretKey: string): boolean {
  if (!header || !/^[0-9a-f]{128}$/i.test(header)) return false;
  const expected = Buffer.from(paystackSignature(rawBody, secretKey), "hex");
  const given = Buffer.from(header, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
