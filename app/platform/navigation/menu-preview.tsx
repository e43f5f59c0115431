import { resolveNavIcon } from "@/components/shell/icons";
import type { MenuItem } from "@/lib/nav/types";

/** A read-only picture of an effective menu, as the sidebar would show it. */
export function MenuPreview({ menu, label }: { menu: readonly MenuItem[]; label: string }) {
  if (menu.length === 0) return <p className="text-sm text-zinc-500">This menu is empty.</p>;
  return (
    <ul aria-label={label} className="space-y-0.5 text-sm">
      {menu.map((item) => (
        <li key={item.key}>
          <PreviewEntry item={item} />
          {item.children?.length ? (
            <ul className="ml-[1.15rem] space-y-0.5 border-l border-zinc-200 pl-2.5">
              {item.children.map((child) => (
                <li key={child.key}>
                  <PreviewEntry item={child} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function PreviewEntry({ item }: { item: MenuItem }) {
  const Icon = resolveNavIcon(item.icon);
  return (
    <div className="flex items-center gap-2 rounded-md px-2 py-1.5 text-zinc-700">
      <Icon className="size-4 text-zinc-500" aria-hidden />
      <span>{item.label}</span>
      <span className="ml-auto font-mono text-xs text-zinc-400">{item.href}</span>
    </div>
  );
}
