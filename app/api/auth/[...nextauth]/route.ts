// Auth.js' own endpoints (session, csrf, callback, signout) on every host; each host gets its own cookie.
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
