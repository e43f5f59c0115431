import "server-only";
import type * as React from "react";
import { getDb } from "@/db/client";
import { flagContextFor, getClientFlags } from "@/lib/flags/evaluate";
import { FlagsProvider } from "./flags-provider";

/**
 * Evaluates every flag for the tenant (or the console with `tenant={null}`) on the server and hands
 * the booleans to `FlagsProvider`, so client components below can call `useFlag(key)`.
 * Put it once in a layout, around the shell.
 */
export async function ServerFlagsProvider({
  tenant,
  children,
}: {
  tenant: { id: string; planId?: string | null } | null;
  children: React.ReactNode;
}) {
  const db = await getDb();
  const flags = await getClientFlags(db, await flagContextFor(db, tenant));
  return <FlagsProvider flags={flags}>{children}</FlagsProvider>;
}
