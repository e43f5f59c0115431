import "server-only";
import type * as React from "react";
import { getDb } from "@/db/client";
import { flagContextFor, isFlagEnabled } from "@/lib/flags/evaluate";

/**
 * Renders its children only while the flag is on for the tenant, else `fallback`. Evaluated on the
 * server against the cached snapshot, so a gated feature's markup never reaches a tenant without it.
 * Pass `tenant={null}` in the console (default and kill switch only).
 *
 * @example
 * <FeatureGate flag="new_inbox" tenant={tenant} fallback={<OldInbox />}>
 *   <NewInbox />
 * </FeatureGate>
 */
export async function FeatureGate({
  flag,
  tenant,
  fallback = null,
  children,
}: {
  flag: string;
  /** The tenant asking; its plan id saves a lookup when given. */
  tenant: { id: string; planId?: string | null } | null;
  fallback?: React.ReactNode;
  children: React.ReactNode;
}) {
  const db = await getDb();
  const enabled = await isFlagEnabled(db, flag, await flagContextFor(db, tenant));
  return enabled ? children : fallback;
}
