import { expect, test } from "@playwright/test";
import { expectMenu, shot, signIn, url } from "./helpers";

test("[CONSOLE][LOGIN]: super admin signs in and sees the console with its menu", async ({ page }) => {
  await page.goto(url("/platform"));
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, { email: "admin@hearth.test" });
  await page.waitForURL(url("/platform"));
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expectMenu(page, [
    "overview",
    "tenants",
    "messaging",
    "billing",
    "marketplace",
    "navigation",
    "audit",
    "jobs",
  ]);
  await shot(page, "console-overview");

  await page.locator('[data-nav-key="tenants"]').first().click();
  await expect(page.getByRole("cell", { name: /^Grandview Hotel grandview$/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^Seaside Lodge seaside$/ })).toBeVisible();
  await shot(page, "console-tenants");

  await page.locator('[data-nav-key="audit"]').first().click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await shot(page, "console-audit");
});

test("[PORTAL][LOGIN]: grandview's owner signs in on grandview and sees the portal menu", async ({
  page,
}) => {
  await signIn(page, { email: "owner@grandview.test", slug: "grandview" });
  await page.waitForURL(url("/", "grandview"));
  await expect(page.getByText("Grandview Hotel").first()).toBeVisible();
  await expectMenu(page, ["dashboard", "team", "messages", "credits", "menu-settings"]);
  await shot(page, "portal-dashboard");
  await page.locator('[data-nav-key="team"]').first().click();
  await expect(page.getByRole("cell", { name: "owner@grandview.test" })).toBeVisible();
  await shot(page, "portal-team");
});

test("[TENANCY][ISOLATION]: grandview's owner is refused on seaside's portal and on the console", async ({
  page,
}) => {
  await signIn(page, { email: "owner@grandview.test", slug: "seaside" });
  await expect(page.getByRole("alert").filter({ hasText: /no access|invalid/i })).toBeVisible();
  await expect(page).toHaveURL(/seaside\.localhost.*\/login/);
  await shot(page, "seaside-refused");

  // A session on grandview's host is not a session on seaside's.
  await signIn(page, { email: "owner@grandview.test", slug: "grandview" });
  await page.waitForURL(url("/", "grandview"));
  await page.goto(url("/", "seaside"));
  await expect(page).toHaveURL(/seaside\.localhost.*\/login/);

  // Valid credentials on the root domain, but no platform role: the console answers 403.
  await signIn(page, { email: "owner@grandview.test" });
  await expect(page.getByText(/don.t have access/i).first()).toBeVisible();
  const res = await page.goto(url("/platform/tenants"));
  expect(res?.status()).toBe(403);
  await expect(page.getByText(/don.t have access/i).first()).toBeVisible();
  await shot(page, "console-forbidden");
});

test("[TENANCY][NOT-FOUND]: an unknown subdomain shows a proper not-found page", async ({ page }) => {
  const res = await page.goto(url("/", "nosuchhotel"));
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /no hotel at this address/i })).toBeVisible();
  const direct = await page.goto(url("/t/grandview"));
  expect(direct?.status()).toBe(404);
});

test("[NAV][OVERRIDE]: a nav item hidden by the owner disappears from the portal menu", async ({ page }) => {
  await signIn(page, { email: "owner@grandview.test", slug: "grandview" });
  await page.waitForURL(url("/", "grandview"));
  await expect(page.locator('[data-nav-key="team"]').first()).toBeVisible();
  await page.goto(url("/settings/menu", "grandview"));
  await page.getByLabel("Hide Team").check();
  await page.getByRole("button", { name: /save/i }).click();
  await expect(page.locator('[data-nav-key="team"]')).toHaveCount(0);
  await shot(page, "portal-menu-hidden");
  await page.getByLabel("Hide Team").uncheck();
  await page.getByRole("button", { name: /save/i }).click();
  await expect(page.locator('[data-nav-key="team"]').first()).toBeVisible();
});
