import { cn } from "@/lib/utils";

export type HeadColumn = { label: string; align?: "right"; srOnly?: boolean };

/** The header row of the billing pages' small card tables (lines, payments, rates, overage). */
export function TableHead({
  columns,
  bordered = false,
}: {
  columns: readonly HeadColumn[];
  bordered?: boolean;
}) {
  return (
    <thead
      className={cn(
        "bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase",
        bordered ? "border-y border-zinc-200" : "border-b border-zinc-200",
      )}
    >
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={cn("px-5 py-2", c.align === "right" && "text-right")}>
            {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
