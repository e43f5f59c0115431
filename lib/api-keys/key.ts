import { createHash, randomBytes } from "node:crypto";

// The shape of a platform API key: `hk_` and 40 base62 characters (~238 bits of randomness).
// Only its SHA-256 is stored: the key is random enough that a slow hash would add nothing, and a
// fast one keeps every API request's lookup cheap.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 40;
export const API_KEY_PREFIX = "hk_";
/** How much of the key the console shows to tell keys apart: `hk_` and 6 characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 6;
const KEY_FORMAT = /^hk_[0-9A-Za-z]{40}$/;

/** A new random key. Bytes of 248 and above are skipped so every character is equally likely. */
export function generateApiKey(): string {
  let body = "";
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && body.length < BODY_LENGTH) body += ALPHABET[byte % 62];
    }
  }
  return `${API_KEY_PREFIX}${body}`;
}

export function isApiKeyFormat(raw: string): boolean {
  return KEY_FORMAT.test(raw);
}

export function hashApiKey(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

export function apiKeyPrefix(raw: string): string {
  return raw.slice(0, SHOWN_LENGTH);
}
