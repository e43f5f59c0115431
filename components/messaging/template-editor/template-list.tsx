import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { EditorKey } from "./types";
import type { TemplateListRow } from "./view";

function href(basePath: string, key: EditorKey): string {
  return `${basePath}?${new URLSearchParams({ event: key.event, channel: key.channel, locale: key.locale })}`;
}

/** Every event × channel with one status badge per locale; a badge opens that template in the editor. */
export function TemplateList({
  rows,
  basePath,
  selected,
}: {
  rows: readonly TemplateListRow[];
  basePath: string;
  selected: EditorKey | null;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-zinc-50 text-left text-xs font-medium text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              Event
            </th>
            <th scope="col" className="px-3 py-2">
              Channel
            </th>
            <th scope="col" className="px-3 py-2">
              Languages
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((row) => (
            <tr key={`${row.event}:${row.channel}`}>
              <td className="px-3 py-2 align-top">
                <div className="font-medium text-zinc-900">{row.label}</div>
                <div className="text-[12px] text-zinc-500">{row.description}</div>
              </td>
              <td className="px-3 py-2 align-top text-zinc-700">{row.channel === "sms" ? "SMS" : "Email"}</td>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap gap-1.5">
                  {row.entries.map((entry) => {
                    const key = { event: row.event, channel: row.channel, locale: entry.locale };
                    const isSelected =
                      selected?.event === key.event &&
                      selected.channel === key.channel &&
                      selected.locale.toLowerCase() === key.locale.toLowerCase();
                    return (
                      <Link
                        key={entry.locale}
                        href={href(basePath, key)}
                        scroll={false}
                        aria-current={isSelected ? "page" : undefined}
                        className={cn("rounded-md", isSelected && "ring-2 ring-brand-500")}
                      >
                        <Badge variant={entry.status.variant}>
                          <span className="font-mono uppercase">{entry.locale}</span> {entry.status.label}
                        </Badge>
                      </Link>
                    );
                  })}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
