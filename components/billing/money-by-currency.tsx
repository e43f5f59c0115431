import { formatMoney } from "@/lib/money";

/**
 * Amounts in several currencies, one line each, largest currency code first alphabetically. Money in
 * different currencies is never added up: a stat card shows each.
 */
export function MoneyByCurrency({
  amounts,
  empty = "None",
}: {
  amounts: Record<string, number>;
  empty?: string;
}) {
  const entries = Object.entries(amounts)
    .filter(([, minor]) => minor !== 0)
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="text-zinc-400">{empty}</span>;
  return (
    <span className="flex flex-col gap-0.5">
      {entries.map(([currency, minor]) => (
        <span key={currency} className="tabular-nums">
          {formatMoney(minor, currency)}
        </span>
      ))}
    </span>
  );
}
