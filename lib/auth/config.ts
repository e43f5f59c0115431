import { CredentialsSignin } from "@auth/core/errors";
import type { NextAuthConfig } from "next-auth";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * The Auth.js configuration without providers and without database imports, so that code which
 * must stay light (the proxy, if it ever reads the session) can use it. `index.ts` adds the
 * Credentials providers.
 */

/** A password session ends 12 hours after sign-in, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** A platform admin's session inside a tenant's portal is shorter: it is a support visit. */
export const LINK_SESSION_MAX_AGE_SECONDS = 2 * 60 * 60;

/** What the session token carries besides the user: which host it belongs to and how it was made. */
export const sessionClaimsSchema = z.object({
  userId: z.string().min(1),
  /** null: the root domain (console); else the one tenant whose portal this session is for. */
  tenantId: z.string().nullable(),
  via: z.enum(["password", "link"]),
  /** Sign-in time, seconds since the epoch. */
  authAt: z.number().int(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

const signedInUserSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  tenantId: z.string().nullable(),
  via: z.enum(["password", "link"]),
});

declare module "next-auth" {
  interface Session {
    hearth?: SessionClaims;
  }
}

export function sessionCookieName(secure: boolean): string {
  // `__Host-` makes the browser enforce what we rely on: Secure, Path=/ and no Domain, so the
  // cookie of one portal can never be sent to another portal's host or to the console.
  return secure ? "__Host-hearth.session-token" : "hearth.session-token";
}

export function authConfig(): NextAuthConfig {
  const e = env();
  // Follows the public protocol: Secure cookies over https, plain ones on http://localhost in dev and e2e.
  const secure = e.PUBLIC_PROTOCOL === "https";
  return {
    trustHost: true,
    secret: e.AUTH_SECRET,
    useSecureCookies: secure,
    // With JWT sessions `updateAge` is not used by Auth.js (the token is re-signed whenever the
    // session endpoint is read); `maxAge` is the cookie and token lifetime.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/login", error: "/login" },
    providers: [],
    callbacks: {
      jwt({ token, user, trigger }) {
        if (trigger === "signIn") {
          const u = signedInUserSchema.safeParse(user);
          if (!u.success) return null;
          const claims: SessionClaims = {
            userId: u.data.id,
            tenantId: u.data.tenantId,
            via: u.data.via,
            authAt: Math.floor(Date.now() / 1000),
          };
          return { sub: u.data.id, email: u.data.email, name: u.data.name, hearth: claims };
        }
        // Any other trigger (including "update", whose data comes from the client) keeps the claims as signed.
        return token;
      },
      session({ session, token }) {
        const claims = sessionClaimsSchema.safeParse(token.hearth);
        if (!claims.success) return { expires: session.expires };
        return {
          expires: session.expires,
          user: { id: claims.data.userId, email: token.email ?? "", name: token.name ?? "" },
          hearth: claims.data,
        };
      },
    },
    logger: {
      error(error) {
        // A refused sign-in is an expected outcome shown on the form, not a server error.
        if (error instanceof CredentialsSignin) return;
        console.error("[auth]", error);
      },
    },
  };
}
