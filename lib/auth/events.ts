import type { NextAuthConfig } from "next-auth";
import type { Db } from "@/db/connect";
import { sessionClaimsSchema } from "./config";
import { auditSignOut, type RequestInfo } from "./sign-in-audit";

const unknownRequest: RequestInfo = { ip: null, userAgent: null };

/**
 * Auth.js events. Sign-ins are audited in `authorize.ts`, where the host, IP and outcome are known;
 * sign-out is only visible here. Auth.js does not hand events the request, so the app passes a
 * reader of the current request's headers (tests leave it out).
 */
export function authEvents(
  getDb: () => Promise<Db>,
  currentRequest: () => Promise<RequestInfo> = async () => unknownRequest,
): NonNullable<NextAuthConfig["events"]> {
  return {
    async signOut(message) {
      // JWT sessions: `token` is the decoded, verified session token (null when it was invalid or expired).
      const token = "token" in message ? message.token : null;
      const claims = sessionClaimsSchema.safeParse(token?.hearth);
      if (!claims.success) return;
      const request = await currentRequest().catch(() => unknownRequest);
      const email = typeof token?.email === "string" ? token.email : "";
      await auditSignOut(await getDb(), { claims: claims.data, email, request });
    },
  };
}
