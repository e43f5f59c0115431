import { describe, expect, test } from "vitest";
import { computeMenu } from "@/lib/nav/compute-menu";
import { toNavIcon } from "@/lib/nav/icons";
import { navTreeIssues, toTreeRows } from "@/lib/nav/tree";
import type { MenuConditions, MenuItem, NavItemDefinition, NavOverride } from "@/lib/nav/types";

function item(key: string, extra: Partial<NavItemDefinition> = {}): NavItemDefinition {
  const label = key.charAt(0).toUpperCase() + key.slice(1);
  return {
    key,
    label,
    href: `/${key}`,
    icon: "circle",
    parentKey: null,
    sortOrder: 0,
    roles: [],
    featureFlag: null,
    planFeature: null,
    isActive: true,
    ...extra,
  };
}

function override(itemKey: string, extra: Partial<NavOverride>): NavOverride {
  return { itemKey, hidden: false, label: null, sortOrder: null, ...extra };
}

const owner: MenuConditions = { role: "owner", flags: new Set(), planFeatures: new Set() };

/** The menu as `key(child,child)` strings: compact enough to read a worked example at a glance. */
function shape(menu: MenuItem[]): string[] {
  return menu.map((m) => (m.children ? `${m.key}(${m.children.map((c) => c.key).join(",")})` : m.key));
}

describe("computeMenu", () => {
  test.each<[string, NavItemDefinition[], NavOverride[], MenuConditions, string[]]>([
    ["no items, no menu", [], [], owner, []],
    [
      "ordered by sortOrder, then label",
      [item("team", { sortOrder: 2 }), item("rooms", { sortOrder: 1 }), item("bookings", { sortOrder: 2 })],
      [],
      owner,
      ["rooms", "bookings", "team"],
    ],
    ["inactive items are left out", [item("a"), item("b", { isActive: false })], [], owner, ["a"]],
    [
      "roles: empty means everyone, otherwise the viewer's role must be listed",
      [item("all"), item("mgmt", { roles: ["owner", "manager"] }), item("ops", { roles: ["staff"] })],
      [],
      { ...owner, role: "manager" },
      ["all", "mgmt"],
    ],
    [
      "a feature flag must be enabled",
      [item("beta", { featureFlag: "new_inbox" }), item("old")],
      [],
      owner,
      ["old"],
    ],
    [
      "an enabled feature flag shows the item",
      [item("beta", { featureFlag: "new_inbox" }), item("old")],
      [],
      { ...owner, flags: new Set(["new_inbox"]) },
      ["beta", "old"],
    ],
    [
      "a plan feature must be in the tenant's plan",
      [item("reports", { planFeature: "analytics" }), item("api", { planFeature: "api_access" })],
      [],
      { ...owner, planFeatures: new Set(["analytics"]) },
      ["reports"],
    ],
    [
      "children hang under their parent, ordered among themselves",
      [
        item("settings", { sortOrder: 9 }),
        item("menu", { parentKey: "settings", sortOrder: 2 }),
        item("billing", { parentKey: "settings", sortOrder: 1 }),
        item("home", { sortOrder: 1 }),
      ],
      [],
      owner,
      ["home", "settings(billing,menu)"],
    ],
    [
      "hiding a parent hides its children",
      [item("settings"), item("menu", { parentKey: "settings" }), item("home")],
      [override("settings", { hidden: true })],
      owner,
      ["home"],
    ],
    [
      "a parent the viewer may not see takes its children with it",
      [item("settings", { roles: ["owner"] }), item("menu", { parentKey: "settings" }), item("home")],
      [],
      { ...owner, role: "staff" },
      ["home"],
    ],
    [
      "a child whose parent does not exist is dropped, not promoted",
      [item("orphan", { parentKey: "gone" }), item("home")],
      [],
      owner,
      ["home"],
    ],
    [
      "grandchildren are dropped (one level of children)",
      [item("a"), item("b", { parentKey: "a" }), item("c", { parentKey: "b" })],
      [],
      owner,
      ["a(b)"],
    ],
    [
      "hiding a child leaves the parent, without a children list",
      [item("settings"), item("menu", { parentKey: "settings" })],
      [override("menu", { hidden: true })],
      owner,
      ["settings"],
    ],
    [
      "an override's sortOrder moves the item",
      [item("a", { sortOrder: 1 }), item("b", { sortOrder: 2 }), item("c", { sortOrder: 3 })],
      [override("c", { sortOrder: 0 })],
      owner,
      ["c", "a", "b"],
    ],
    [
      "a rename changes the label used to break order ties",
      [item("alpha"), item("beta")],
      [override("alpha", { label: "Zulu" })],
      owner,
      ["beta", "alpha"],
    ],
    [
      "overrides of unknown keys change nothing",
      [item("a")],
      [override("ghost", { hidden: true }), override("other", { label: "X" })],
      owner,
      ["a"],
    ],
    [
      "an override cannot show what the conditions filter out",
      [item("mgmt", { roles: ["owner"] })],
      [override("mgmt", { hidden: false, label: "Management" })],
      { ...owner, role: "staff" },
      [],
    ],
  ])("%s", (_name, items, overrides, conditions, expected) => {
    expect(shape(computeMenu(items, overrides, conditions))).toEqual(expected);
  });

  test("labels come from overrides, everything else from the item", () => {
    const menu = computeMenu(
      [item("team", { label: "Team", href: "/team", icon: "users" })],
      [override("team", { label: "Crew" })],
      owner,
    );
    expect(menu).toEqual([{ key: "team", label: "Crew", href: "/team", icon: "users" }]);
  });

  test("a blank override label keeps the platform label", () => {
    const menu = computeMenu([item("team")], [override("team", { label: "   " })], owner);
    expect(menu[0]?.label).toBe("Team");
  });

  test("unknown icons render as a circle", () => {
    expect(computeMenu([item("x", { icon: "rocket" })], [], owner)[0]?.icon).toBe("circle");
    expect(toNavIcon("users")).toBe("users");
  });

  test("the order is stable whatever order the rows arrive in", () => {
    const rows = [item("c"), item("a"), item("b", { sortOrder: -1 }), item("d", { parentKey: "a" })];
    const once = computeMenu(rows, [], owner);
    expect(computeMenu([...rows].reverse(), [], owner)).toEqual(once);
    expect(shape(once)).toEqual(["b", "a(d)", "c"]);
  });

  test("the inputs are not modified", () => {
    const rows = [item("b"), item("a")];
    const copy = structuredClone(rows);
    computeMenu(rows, [override("a", { sortOrder: 5 })], owner);
    expect(rows).toEqual(copy);
  });
});

describe("navTreeIssues", () => {
  const node = (key: string, parentKey: string | null = null, scope: "console" | "portal" = "portal") => ({
    scope,
    key,
    parentKey,
  });

  test.each<[string, ReturnType<typeof node>[], Array<{ index: number; field: string; message: RegExp }>]>([
    ["a flat list is fine", [node("a"), node("b")], []],
    ["one level of children is fine", [node("a"), node("b", "a"), node("c", "a")], []],
    ["the same key in two scopes is fine", [node("home", null, "console"), node("home", null, "portal")], []],
    [
      "a duplicate key in one scope",
      [node("a"), node("a")],
      [{ index: 1, field: "key", message: /Duplicate key "a"/ }],
    ],
    [
      "a missing parent",
      [node("a", "nope")],
      [{ index: 0, field: "parentKey", message: /"nope" is not an item/ }],
    ],
    [
      "a parent in the other scope does not count",
      [node("a", null, "console"), node("b", "a", "portal")],
      [{ index: 1, field: "parentKey", message: /not an item of the portal menu/ }],
    ],
    ["its own parent", [node("a", "a")], [{ index: 0, field: "parentKey", message: /its own parent/ }]],
    [
      "a cycle",
      [node("a", "b"), node("b", "a")],
      [
        { index: 0, field: "parentKey", message: /cycle: a → b → a/ },
        { index: 1, field: "parentKey", message: /cycle: b → a → b/ },
      ],
    ],
    [
      "two levels",
      [node("a"), node("b", "a"), node("c", "b")],
      [{ index: 2, field: "parentKey", message: /"b" is itself inside "a"/ }],
    ],
  ])("%s", (_name, nodes, expected) => {
    const issues = navTreeIssues(nodes);
    expect(issues).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(issues[i]).toMatchObject({ index: e.index, field: e.field });
      expect(issues[i]?.message).toMatch(e.message);
    });
  });
});

describe("toTreeRows", () => {
  test("parents are followed by their children; orphans come last", () => {
    const rows = toTreeRows([
      item("b", { sortOrder: 2 }),
      item("orphan", { parentKey: "gone" }),
      item("a2", { parentKey: "a", sortOrder: 2 }),
      item("a", { sortOrder: 1 }),
      item("a1", { parentKey: "a", sortOrder: 1 }),
    ]);
    expect(rows.map((r) => `${r.item.key}:${r.depth}${r.orphan ? "!" : ""}`)).toEqual([
      "a:0",
      "a1:1",
      "a2:1",
      "b:0",
      "orphan:0!",
    ]);
  });
});
