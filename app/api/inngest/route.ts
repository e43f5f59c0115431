// /api/inngest: the Inngest serve endpoint (GET introspection, PUT sync, POST run a step).
// In embedded mode (no INNGEST_* set) the app runs jobs in-process, so this answers 503
// instead of the SDK's "no signing key" 500.

import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { jsonError } from "@/lib/api/respond";
import { inngestConfigured } from "@/lib/env";

export const dynamic = "force-dynamic";

const handler = serve({ client: inngest, functions });

type Handler = (req: NextRequest, ctx: unknown) => Promise<Response>;

function whenConfigured(serveHandler: Handler): Handler {
  return async (req, ctx) => {
    if (!inngestConfigured()) {
      return jsonError(
        503,
        "UNAVAILABLE",
        "Inngest is not configured: jobs run in the app's embedded runner.",
      );
    }
    return serveHandler(req, ctx);
  };
}

export const GET = whenConfigured(handler.GET);
export const POST = whenConfigured(handler.POST);
export const PUT = whenConfigured(handler.PUT);
