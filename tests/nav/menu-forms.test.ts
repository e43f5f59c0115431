import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test, vi } from "vitest";
import type { MenuFormRow } from "@/app/t/[slug]/(portal)/settings/menu/menu-form";

// The forms' accessible names are what people (and the e2e specs) use to find the controls.
vi.mock("@/app/t/[slug]/(portal)/settings/menu/actions", () => ({ saveMenuAction: vi.fn() }));
vi.mock("@/app/platform/navigation/actions", () => ({
  upsertTenantOverrideAction: vi.fn(),
  removeTenantOverrideAction: vi.fn(),
}));

const row = (key: string, defaultLabel: string, extra: Partial<MenuFormRow> = {}): MenuFormRow => ({
  key,
  depth: 0,
  parentKey: null,
  defaultLabel,
  defaultOrder: 10,
  hidden: false,
  label: "",
  sortOrder: null,
  notes: [],
  ...extra,
});

describe("the owner's menu form", () => {
  test("every item has Hide / Rename / Order controls named after it, and there is one Save button", async () => {
    const { MenuForm } = await import("@/app/t/[slug]/(portal)/settings/menu/menu-form");
    const html = renderToStaticMarkup(
      createElement(MenuForm, {
        rows: [
          row("dashboard", "Dashboard"),
          row("team", "Team", { hidden: true, notes: ["Only for owner, manager"] }),
          row("menu-settings", "Menu settings", { label: "Menu", sortOrder: 1 }),
        ],
      }),
    );
    for (const name of ["Dashboard", "Team", "Menu"]) {
      expect(html).toContain(`aria-label="Hide ${name}"`);
      expect(html).toContain(`aria-label="Rename ${name}"`);
      expect(html).toContain(`aria-label="Order of ${name}"`);
    }
    expect(html).toMatch(/aria-label="Hide Team" checked=""/);
    expect(html).toContain("Only for owner, manager");
    expect(html.match(/<button[^>]*>[^<]*Save[^<]*<\/button>/gi)).toHaveLength(1);
  });
});

describe("the console's override editor", () => {
  test("rows are named after the items, and read-only users get disabled controls without buttons", async () => {
    const { TenantOverridesEditor } = await import("@/app/platform/navigation/tenant-overrides-editor");
    const item = {
      scope: "portal" as const,
      key: "team",
      label: "Team",
      href: "/team",
      icon: "users",
      parentKey: null,
      sortOrder: 20,
      roles: [],
      featureFlag: null,
      planFeature: null,
      isActive: true,
    };
    const props = {
      tenantId: "00000000-0000-4000-8000-000000000000",
      items: [item],
      overrides: [{ itemKey: "team", hidden: true, label: null, sortOrder: null }],
    };
    const writable = renderToStaticMarkup(createElement(TenantOverridesEditor, { ...props, canWrite: true }));
    expect(writable).toContain('aria-label="Hide Team"');
    expect(writable).toContain('aria-label="Save Team"');
    expect(writable).toContain('aria-label="Reset Team"');
    const readOnly = renderToStaticMarkup(
      createElement(TenantOverridesEditor, { ...props, canWrite: false }),
    );
    expect(readOnly).toMatch(/aria-label="Hide Team"[^>]*disabled=""/);
    expect(readOnly).not.toContain("Save Team");
  });
});
