import "server-only";
import { headers } from "next/headers";
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { authConfig } from "./config";
import { authEvents } from "./events";
import { credentialsProviders } from "./providers";
import { clientIp, userAgent } from "./request-info";

/**
 * Auth.js for the app: JWT sessions in a host-only cookie, two Credentials providers. The config
 * is built per request so env() is read at run time, not at build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig(),
  providers: credentialsProviders(getDb),
  // Auth.js runs inside the request (route handler or server action), so its headers are readable.
  events: authEvents(getDb, async () => {
    const h = await headers();
    return { ip: clientIp(h), userAgent: userAgent(h) };
  }),
}));
