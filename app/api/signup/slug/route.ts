// GET /api/signup/slug?slug=grandview: is this subdomain free for a new hotel? Public (the signup
// form asks as the visitor types); answers { available, reason?, suggestion? }. Advisory only:
// the signup itself is decided by the database's unique index.
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { route } from "@/lib/api/respond";
import { checkSlugWithSuggestion } from "@/lib/tenants/signup";

export const dynamic = "force-dynamic";

const querySchema = z.object({ slug: z.string().max(100, "slug: use at most 100 characters") });

export const GET = route(async (req: Request) => {
  const { searchParams } = new URL(req.url);
  const { slug } = querySchema.parse({ slug: searchParams.get("slug") ?? "" });
  const result = await checkSlugWithSuggestion(await getDb(), slug.trim().toLowerCase());
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
});
