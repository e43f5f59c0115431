// The same class next-auth re-exports; imported from its home so plain Node (vitest) can load it
// without Next's module resolution.
import { CredentialsSignin } from "@auth/core/errors";
import { lockedMessage } from "./throttle";

/**
 * Why a sign-in was refused. Auth.js passes these through `signIn()` unchanged, so the login
 * action can catch them and show `loginErrorMessage(error)` on the form. `code` is what Auth.js
 * would put in a redirect URL; it never says whether the email exists.
 */

export class InvalidCredentialsError extends CredentialsSignin {
  code = "invalid_credentials";
}

export class AccountLockedError extends CredentialsSignin {
  code = "locked";
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    super();
    this.retryAfterMs = retryAfterMs;
  }
}

/** Only ever thrown after the password was verified, so it tells nothing to someone guessing. */
export class AccountDisabledError extends CredentialsSignin {
  code = "disabled";
}

/** Valid credentials, but the account is not a member of the hotel whose portal this is. */
export class NoTenantAccessError extends CredentialsSignin {
  code = "no_access";
}

/** A one-time sign-in link that is unknown, used, expired, for another hotel, or whose admin lost the right. */
export class InvalidSigninLinkError extends CredentialsSignin {
  code = "invalid_link";
}

export const INVALID_CREDENTIALS_MESSAGE = "Invalid email or password.";

export function loginErrorMessage(error: unknown): string {
  if (error instanceof AccountLockedError) return lockedMessage(error.retryAfterMs);
  if (error instanceof CredentialsSignin) {
    switch (error.code) {
      case "locked":
        return "Too many failed attempts. Try again later.";
      case "disabled":
        return "This account has been disabled. Contact your administrator.";
      case "no_access":
        return "This account has no access to this hotel's portal.";
      case "invalid_link":
        return "This sign-in link has expired or was already used. Open the portal again from the console.";
      default:
        return INVALID_CREDENTIALS_MESSAGE;
    }
  }
  return "We could not sign you in. Try again in a moment.";
}
