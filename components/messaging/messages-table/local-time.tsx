"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/lib/time";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A timestamp in a given zone (the hotel's, in the portal) or, without one, in the viewer's own
 * zone. The server does not know the viewer's zone: it renders UTC, and the browser switches to
 * its zone right after hydration (useSyncExternalStore's server snapshot), without a mismatch.
 */
export function LocalTime({
  value,
  timeZone,
  locale,
  className,
}: {
  value: Date | string;
  timeZone?: string;
  locale?: string;
  className?: string;
}) {
  const viewerZone = useSyncExternalStore(noSubscription, browserZone, () => null);
  const date = typeof value === "string" ? new Date(value) : value;
  const zone = timeZone ?? viewerZone ?? "UTC";
  return (
    <time dateTime={date.toISOString()} title={`${date.toISOString()} (UTC)`} className={className}>
      {formatDateTime(date, zone, locale)}
      {!timeZone && !viewerZone ? " UTC" : null}
    </time>
  );
}
