import { createHash, randomBytes } from "node:crypto";

/**
 * Invitation tokens: 32 random bytes (base64url) in the link, only their SHA-256 in the database,
 * so a leaked database row cannot be turned back into a working link. A fast hash is enough here:
 * the input is 256 random bits, not a password.
 */
export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The path of the acceptance page on the tenant's host. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
