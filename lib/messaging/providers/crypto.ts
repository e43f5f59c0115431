import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Provider credentials are sealed with AES-256-GCM. Keys come from HEARTH_ENCRYPTION_KEYS
// ("id:base64key,id:base64key", the first one seals, all of them open), so a key can be rotated by
// adding a new first key and re-saving providers. The key id is stored beside each ciphertext.
// Without the variable (embedded and test modes only; production refuses to start, see lib/env.ts)
// a key derived from a fixed development phrase is used, with the id "dev".

export type SealedSecret = { ciphertext: string; keyId: string };

type Keyring = { current: string; keys: Map<string, Buffer> };

const DEV_KEY_ID = "dev";

export function parseKeyring(value: string | undefined): Keyring {
  if (!value?.trim()) {
    const key = createHash("sha256").update("hearth-development-only-encryption-key").digest();
    return { current: DEV_KEY_ID, keys: new Map([[DEV_KEY_ID, key]]) };
  }
  const keys = new Map<string, Buffer>();
  let current = "";
  for (const entry of value.split(",")) {
    const [id, encoded] = entry.trim().split(":");
    if (!id || !encoded) throw new Error("HEARTH_ENCRYPTION_KEYS: each entry must be id:base64key");
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error(`HEARTH_ENCRYPTION_KEYS: key "${id}" must be 32 bytes (base64)`);
    keys.set(id, key);
    current ||= id;
  }
  return { current, keys };
}

let cached: { source: string | undefined; ring: Keyring } | undefined;
function keyring(): Keyring {
  const source = env().HEARTH_ENCRYPTION_KEYS;
  if (cached && cached.source === source) return cached.ring;
  const ring = parseKeyring(source);
  cached = { source, ring };
  return ring;
}

/** Format: base64(iv[12] | tag[16] | ciphertext). */
export function sealSecret(plaintext: string, ring: Keyring = keyring()): SealedSecret {
  const key = ring.keys.get(ring.current);
  if (!key) throw new Error("no current encryption key");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  return { ciphertext: sealed, keyId: ring.current };
}

/** Throws when the key id is unknown or the ciphertext was tampered with. */
export function openSecret({ ciphertext, keyId }: SealedSecret, ring: Keyring = keyring()): string {
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`Encryption key "${keyId}" is not configured; add it to HEARTH_ENCRYPTION_KEYS`);
  const raw = Buffer.from(ciphertext, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** The key id new secrets are sealed with (to find rows that need re-sealing after a rotation). */
export function currentKeyId(): string {
  return keyring().current;
}
