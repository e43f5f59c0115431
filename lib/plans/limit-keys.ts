// The limits a plan can set. Pure data, safe for client components; the rules are in ./limits.ts.

export const limitKeys = ["rooms", "staff_seats", "storage_mb"] as const;
export type LimitKey = (typeof limitKeys)[number];

type LimitWording = {
  /** Column and usage-bar label. */
  label: string;
  /** "20 rooms", "1 staff seat", "1024 MB of storage". */
  quantity: (n: number) => string;
  /** A bare amount after the thing was named: "20", "1024 MB". */
  amount: (n: number) => string;
  unlimited: string;
};

export const limitWording: Record<LimitKey, LimitWording> = {
  rooms: {
    label: "Rooms",
    quantity: (n) => `${n} ${n === 1 ? "room" : "rooms"}`,
    amount: String,
    unlimited: "unlimited rooms",
  },
  staff_seats: {
    label: "Staff seats",
    quantity: (n) => `${n} ${n === 1 ? "staff seat" : "staff seats"}`,
    amount: String,
    unlimited: "unlimited staff seats",
  },
  storage_mb: {
    label: "Storage (MB)",
    quantity: (n) => `${n} MB of storage`,
    amount: (n) => `${n} MB`,
    unlimited: "unlimited storage",
  },
};

export const limitLabels: Record<LimitKey, string> = {
  rooms: limitWording.rooms.label,
  staff_seats: limitWording.staff_seats.label,
  storage_mb: limitWording.storage_mb.label,
};

export function isLimitKey(value: string): value is LimitKey {
  return (limitKeys as readonly string[]).includes(value);
}

/** A plan's limit for `key`, or null when the plan leaves it unlimited. */
export function planLimit(limits: Readonly<Record<string, number>>, key: LimitKey): number | null {
  const value = limits[key];
  return typeof value === "number" ? value : null;
}
