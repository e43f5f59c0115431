// The same provider next-auth re-exports; imported from its home so tests can build the providers
// without Next's module resolution.
import Credentials from "@auth/core/providers/credentials";
import type { Db } from "@/db/connect";
import { authorizeCredentials, authorizeSigninLink } from "./authorize";
import { clientIp, requestHost, userAgent } from "./request-info";

/**
 * Email + password, and the one-time link a platform admin uses to enter a tenant's portal. Both
 * take the host from the request Auth.js hands to `authorize`, never from the form.
 */
export function credentialsProviders(getDb: () => Promise<Db>) {
  return [
    Credentials({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        return authorizeCredentials(await getDb(), {
          email: credentials.email,
          password: credentials.password,
          host: requestHost(request.headers),
          ip: clientIp(request.headers),
          userAgent: userAgent(request.headers),
        });
      },
    }),
    Credentials({
      id: "signin-link",
      name: "One-time sign-in link",
      credentials: { token: {} },
      async authorize(credentials, request) {
        return authorizeSigninLink(await getDb(), {
          token: credentials.token,
          host: requestHost(request.headers),
          ip: clientIp(request.headers),
          userAgent: userAgent(request.headers),
        });
      },
    }),
  ];
}
