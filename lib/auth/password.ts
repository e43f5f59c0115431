import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes,
 * 1 lane. The parameters live in the encoded hash, so raising them later keeps old hashes valid.
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Longer inputs only cost CPU: no one types a password this long, but an attacker might send one. */
export const MAX_PASSWORD_LENGTH = 1024;

export async function hashPassword(password: string): Promise<string> {
  if (password.length === 0) throw new Error("Refusing to hash an empty password");
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error("Password is too long");
  return hash(password, options);
}

/** False for a wrong password and for a malformed or missing hash; never throws for bad input. */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!passwordHash || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real verification. Called when the email is unknown so that response
 * time does not tell an attacker which emails have accounts.
 */
export async function verifyDummyPassword(password: string): Promise<void> {
  dummyHash ??= hash("hearth-timing-equalizer", options);
  await verifyPassword(await dummyHash, password);
}
