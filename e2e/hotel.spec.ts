import { expect, test } from "@playwright/test";
import { expectMenu, newPage, shot, signInAt, url } from "./helpers";

// The hotel's everyday work on the demo hotels (fresh database per run): grandview's front desk
// and team, and seaside, whose Starter plan allows 20 rooms and which has 20.

test("[FRONTDESK][CHECKIN]: staff member checks a guest in from today's arrivals", async ({ page }) => {
  await signInAt(page, "staff@grandview.test", "grandview");
  await page.goto(url("/front-desk", "grandview"));
  // Olivia Bennett is seeded to arrive today (in the hotel's timezone), confirmed, in room 101.
  const checkIn = page.getByRole("button", { name: "Check in Olivia Bennett" });
  await expect(checkIn).toBeVisible();
  await shot(page, "front-desk-arrivals");

  await checkIn.click();
  await expect(page.getByRole("button", { name: "Check in Olivia Bennett" })).toHaveCount(0);
  const inHouse = page.getByRole("region", { name: /in-house/i });
  await expect(inHouse.getByText("Olivia Bennett").first()).toBeVisible();
  await shot(page, "front-desk-checked-in");
});

test("[TEAM][INVITE]: owner invites a manager who accepts and logs in", async ({ page, browser }) => {
  const email = `nadia.${Date.now()}@grandview.test`;
  const password = "grandview-manager-2026";

  await signInAt(page, "owner@grandview.test", "grandview");
  await page.goto(url("/team", "grandview"));
  await expect(page.getByText(/\d+ of \d+ seats used/)).toBeVisible();
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("manager");
  await dialog.getByRole("button", { name: "Send invitation" }).click();

  // The link is shown once, to hand over (embedded installs send no real email).
  const link = dialog.getByRole("textbox", { name: "Invitation link" });
  await expect(link).toHaveValue(/^http:\/\/grandview\.localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
  const acceptUrl = await link.inputValue();
  await shot(page, "team-invitation-link");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Pending");
  await shot(page, "team-pending-invitation");

  // The invitee, in a browser of their own with no session.
  const invitee = await newPage(browser);
  await invitee.goto(acceptUrl);
  await expect(invitee.getByRole("heading", { name: "Join Grandview Hotel as manager" })).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  await invitee.getByLabel("Your name").fill("Nadia Novak");
  await invitee.getByLabel(/^Password/).fill(password);
  await invitee.getByLabel("Confirm password").fill(password);
  await shot(invitee, "invitation-accept");
  await invitee.getByRole("button", { name: "Accept invitation" }).click();

  await invitee.waitForURL(/grandview\.localhost:\d+\/login\?email=.*&joined=1/);
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: /sign in/i }).click();
  await invitee.waitForURL(url("/", "grandview"));
  // A manager's menu: the team, the plan and messaging, but not the owner's menu settings.
  await expectMenu(invitee, [
    "dashboard",
    "front-desk",
    "rooms",
    "team",
    "messages",
    "plan",
    "billing",
    "credits",
    "marketplace",
    "templates",
    "notifications",
  ]);
  await expect(invitee.locator('[data-nav-key="menu-settings"]')).toHaveCount(0);
  await shot(invitee, "invited-manager-portal");

  // The link worked once.
  await invitee.goto(acceptUrl);
  await expect(invitee.getByText(/already been used/)).toBeVisible();

  // The owner now sees the new manager among the members.
  await page.reload();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await expect(page.getByLabel("Role of Nadia Novak")).toHaveValue("manager");
  await invitee.context().close();
});

test("[ROOMS][LIMIT]: adding a room past the limit shows the upgrade prompt", async ({ page }) => {
  await signInAt(page, "owner@seaside.test", "seaside");
  await page.goto(url("/rooms", "seaside"));
  await page.getByRole("button", { name: "Add room" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Room number").fill("301");
  await dialog.getByLabel("Type").fill("Standard");
  await dialog.getByLabel("Nightly rate").fill("45000");
  await dialog.getByLabel("Capacity").fill("2");
  await dialog.getByRole("button", { name: "Save room" }).click();
  await expect(page.getByText(/Upgrade/).first()).toBeVisible();
  await shot(page, "rooms-limit-upgrade");
});
