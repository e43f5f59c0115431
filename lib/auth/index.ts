import "server-only";
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { authConfig } from "./config";
import { credentialsProviders } from "./providers";

/**
 * Auth.js for the app: JWT sessions in a host-only cookie, two Credentials providers. The config
 * is built per request so env() is read at run time, not at build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig(),
  providers: credentialsProviders(getDb),
}));
