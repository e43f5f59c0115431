import type { NavScope } from "./types";

export type NavTreeNode = { scope: NavScope; key: string; parentKey: string | null };
export type NavTreeIssue = { index: number; field: "key" | "parentKey"; message: string };

/**
 * Structural rules for a set of items (an import file, or a scope after a change): keys unique per
 * scope, every parent an item of the same scope, no cycles, and one level of children (a parent is
 * itself top-level) — the depth the shell renders. Pure; `index` points into `nodes`.
 */
export function navTreeIssues(nodes: readonly NavTreeNode[]): NavTreeIssue[] {
  const issues: NavTreeIssue[] = [];
  const byId = new Map<string, NavTreeNode>();
  const id = (scope: NavScope, key: string) => `${scope}:${key}`;
  nodes.forEach((node, index) => {
    if (byId.has(id(node.scope, node.key))) {
      issues.push({ index, field: "key", message: `Duplicate key "${node.key}" in the ${node.scope} menu` });
    } else {
      byId.set(id(node.scope, node.key), node);
    }
  });
  nodes.forEach((node, index) => {
    if (node.parentKey === null) return;
    if (node.parentKey === node.key) {
      issues.push({ index, field: "parentKey", message: `"${node.key}" cannot be its own parent` });
      return;
    }
    const parent = byId.get(id(node.scope, node.parentKey));
    if (!parent) {
      issues.push({
        index,
        field: "parentKey",
        message: `Parent "${node.parentKey}" is not an item of the ${node.scope} menu`,
      });
      return;
    }
    const chain = [node.key];
    for (
      let at: NavTreeNode | undefined = parent;
      at;
      at = at.parentKey ? byId.get(id(at.scope, at.parentKey)) : undefined
    ) {
      if (chain.includes(at.key)) {
        issues.push({
          index,
          field: "parentKey",
          message: `Parents form a cycle: ${[...chain, at.key].join(" → ")}`,
        });
        return;
      }
      chain.push(at.key);
    }
    if (parent.parentKey !== null) {
      issues.push({
        index,
        field: "parentKey",
        message: `Parent "${parent.key}" is itself inside "${parent.parentKey}"; menus have one level of children`,
      });
    }
  });
  return issues;
}

export type TreeRow<T> = { item: T; depth: 0 | 1; orphan: boolean };

/**
 * Items in menu order for tables: each top-level item followed by its children, ordered by
 * (sortOrder, label). Children whose parent is missing or nested come last, flagged `orphan`.
 */
export function toTreeRows<
  T extends { key: string; parentKey: string | null; sortOrder: number; label: string },
>(items: readonly T[]): TreeRow<T>[] {
  const order = (a: T, b: T) =>
    a.sortOrder - b.sortOrder || a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
  const topLevel = items.filter((i) => i.parentKey === null).sort(order);
  const topKeys = new Set(topLevel.map((i) => i.key));
  const rows: TreeRow<T>[] = [];
  for (const parent of topLevel) {
    rows.push({ item: parent, depth: 0, orphan: false });
    for (const child of items.filter((i) => i.parentKey === parent.key).sort(order)) {
      rows.push({ item: child, depth: 1, orphan: false });
    }
  }
  for (const orphan of items.filter((i) => i.parentKey !== null && !topKeys.has(i.parentKey)).sort(order)) {
    rows.push({ item: orphan, depth: 0, orphan: true });
  }
  return rows;
}
