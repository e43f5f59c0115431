"use client";

import * as React from "react";

/**
 * Flags for client components. The server evaluates (`getClientFlags` in lib/flags/evaluate.ts) and
 * passes plain booleans down; rules, rollout percentages and tenant lists never reach the browser.
 * A key the server did not send reads as off.
 *
 * @example
 * // server component (a layout)
 * <FlagsProvider flags={await getClientFlags(db, { tenantId: tenant.id })}>{children}</FlagsProvider>
 * // any client component below it
 * const newInbox = useFlag("new_inbox");
 */
const FlagsContext = React.createContext<Readonly<Record<string, boolean>>>({});

export function FlagsProvider({
  flags,
  children,
}: {
  flags: Readonly<Record<string, boolean>>;
  children?: React.ReactNode;
}) {
  return <FlagsContext.Provider value={flags}>{children}</FlagsContext.Provider>;
}

/** Whether the flag is on for the current tenant (or the console); false outside a provider. */
export function useFlag(key: string): boolean {
  return React.useContext(FlagsContext)[key] === true;
}

/** Every evaluated flag, for components that branch on several. */
export function useFlags(): Readonly<Record<string, boolean>> {
  return React.useContext(FlagsContext);
}
