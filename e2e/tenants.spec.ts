import { expect, type Page, test } from "@playwright/test";
import { newPage, PORT, shot, signIn, url } from "./helpers";

// One hotel's life: it signs up on the root domain, then a super admin suspends and reactivates it.
// Serial: the lifecycle test acts on the hotel the signup test created (each run starts on a fresh database).
test.describe.configure({ mode: "serial" });

const hotel = { name: "Lakeside Inn", slug: "lakeside-inn" };
const owner = { name: "Lena Lakeside", email: "lena@lakeside.test", password: "lakeside-inn-2026!" };

async function ownerSignsIn(page: Page) {
  await signIn(page, { email: owner.email, password: owner.password, slug: hotel.slug });
  await page.waitForURL(url("/", hotel.slug));
}

test("[SIGNUP]: a new hotel signs up and lands in its portal on its subdomain", async ({ page }) => {
  await page.goto(url("/"));
  await page.getByRole("link", { name: "Start free trial" }).first().click();
  await page.waitForURL(url("/signup"));
  await expect(page.getByRole("heading", { name: "Start your free trial" })).toBeVisible();

  // A reserved subdomain is refused live, with the reason.
  await page.getByLabel("Subdomain").fill("admin");
  await expect(page.getByText("This subdomain is reserved")).toBeVisible();

  // The subdomain follows the hotel's name until edited; clear it so it follows again.
  await page.getByLabel("Subdomain").fill("");
  await page.getByLabel("Hotel name").fill(hotel.name);
  await expect(page.getByLabel("Subdomain")).toHaveValue(hotel.slug);
  await expect(page.getByText(`${hotel.slug}.localhost:${PORT} is available`)).toBeVisible();

  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("too-short");
  await page.getByRole("button", { name: "Create my hotel" }).click();
  // Refused by the server field by field: the short password and the unchecked terms.
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByText("Accept the terms to create your hotel")).toBeVisible();
  await shot(page, "signup-errors");

  await page.getByLabel("Password").fill(owner.password);
  await page.getByLabel(/I accept the Hearth terms/).check();
  await shot(page, "signup-filled");
  await page.getByRole("button", { name: "Create my hotel" }).click();

  // The new portal's sign-in page, on the hotel's own subdomain, with the email filled in.
  await page.waitForURL(new RegExp(`^http://${hotel.slug}\\.localhost:${PORT}/login\\?welcome=1`));
  await expect(page.getByText(`Welcome to Hearth! ${hotel.name} is ready.`)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);
  await shot(page, "signup-welcome-login");
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL(url("/", hotel.slug));
  await expect(page.getByRole("heading", { name: "Welcome back, Lena" })).toBeVisible();
  await expect(page.getByText(hotel.name).first()).toBeVisible();
  await expect(page.getByText("trial", { exact: true }).first()).toBeVisible();
  await shot(page, "signup-portal-dashboard");
});

test("[LIFECYCLE]: super admin suspends the hotel, its owner sees the suspended page, reactivation restores access", async ({
  browser,
}) => {
  const ownerPage = await newPage(browser);
  await ownerSignsIn(ownerPage);
  await expect(ownerPage.getByRole("heading", { name: "Welcome back, Lena" })).toBeVisible();

  const admin = await newPage(browser);
  await signIn(admin, { email: "admin@hearth.test" });
  await admin.waitForURL(url("/platform"));
  await admin.goto(url("/platform/tenants"));
  await admin.getByRole("link", { name: hotel.name, exact: true }).click();
  await expect(admin.getByRole("heading", { name: hotel.name })).toBeVisible();
  await expect(admin.getByText("trial", { exact: true }).first()).toBeVisible();
  await shot(admin, "tenant-detail-overview");

  // The welcome email the signup sent is among the hotel's latest messages, in the Messaging tab
  // (the tab, not the console menu's "Messaging" section of the same name).
  await admin
    .getByRole("navigation", { name: "Tenant sections" })
    .getByRole("link", { name: "Messaging", exact: true })
    .click();
  await expect(
    admin.getByTestId("tenant-recent-messages").getByText(`Welcome to Hearth, ${hotel.name}`),
  ).toBeVisible();
  await shot(admin, "tenant-detail-messaging");

  // Suspend, with a reason, after reading the consequences.
  await admin.getByRole("button", { name: "Suspend", exact: true }).click();
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog.getByText(`Members of ${hotel.name} can no longer use their portal`)).toBeVisible();
  await expect(dialog.getByText("Billing continues while suspended")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Unpaid invoices since March");
  await shot(admin, "tenant-suspend-dialog");
  await dialog.getByRole("button", { name: "Suspend hotel" }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText("suspended", { exact: true }).first()).toBeVisible();
  await expect(admin.getByRole("button", { name: "Suspend", exact: true })).toHaveCount(0);
  await shot(admin, "tenant-suspended-console");

  // The owner's next page is the suspended page, with the reason.
  await ownerPage.reload();
  await expect(ownerPage.getByRole("heading", { name: `${hotel.name} is suspended` })).toBeVisible();
  await expect(ownerPage.getByText("Reason: Unpaid invoices since March")).toBeVisible();
  await shot(ownerPage, "tenant-suspended-portal");

  // Reactivate: the owner is back in the portal.
  await admin.getByRole("button", { name: "Activate", exact: true }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Activate" }).click();
  await expect(admin.getByRole("alertdialog")).toBeHidden();
  await expect(admin.getByText("active", { exact: true }).first()).toBeVisible();

  await ownerPage.reload();
  await expect(ownerPage.getByRole("heading", { name: "Welcome back, Lena" })).toBeVisible();
  await shot(ownerPage, "tenant-reactivated-portal");

  // Every step is in the tenant's audit tab.
  await admin.getByRole("link", { name: "Audit", exact: true }).click();
  await expect(admin.getByText("tenant.status.change").first()).toBeVisible();
  await expect(admin.getByText("tenant.create").first()).toBeVisible();
  await shot(admin, "tenant-detail-audit");
});

test("[TENANTS][WIZARD]: super admin creates a hotel step by step and lands on its detail page", async ({
  page,
}) => {
  await signIn(page, { email: "admin@hearth.test" });
  await page.waitForURL(url("/platform"));
  await page.goto(url("/platform/tenants"));
  await page.getByRole("link", { name: "New tenant" }).click();
  await page.waitForURL(url("/platform/tenants/new"));

  // Step 1 refuses to continue until its fields are valid.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Use at least 2 characters").first()).toBeVisible();
  await page.getByLabel("Hotel name").fill("Harbour House");
  await expect(page.getByText(`harbour-house.localhost:${PORT} is available`)).toBeVisible();
  await page.getByLabel("Contact email").fill("desk@harbour.test");
  await page.getByLabel("Country").selectOption("GB");
  await expect(page.getByLabel("Currency")).toHaveValue("GBP");
  await shot(page, "wizard-hotel");
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByLabel("Owner's name").fill("Hugo Harbour");
  await page.getByLabel("Owner's email").fill("hugo@harbour.test");
  await page.getByLabel("Initial password").fill("harbour-house-2026");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByText("Professional")).toBeVisible();
  await page.getByText("Professional").click();
  await shot(page, "wizard-plan");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByText(`harbour-house.localhost:${PORT}`)).toBeVisible();
  await expect(page.getByText("Hugo Harbour <hugo@harbour.test>", { exact: false })).toBeVisible();
  await shot(page, "wizard-review");
  await page.getByRole("button", { name: "Create tenant" }).click();

  await page.waitForURL(/\/platform\/tenants\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Harbour House" })).toBeVisible();
  await page.getByRole("link", { name: "Members", exact: true }).click();
  await expect(page.getByRole("cell", { name: "hugo@harbour.test" })).toBeVisible();
  await page.getByRole("link", { name: "Plan & limits", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Professional" })).toBeVisible();
  await shot(page, "tenant-detail-plan");

  // Settings: the JSON editor refuses what is not an object; a valid edit is saved and audited.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const json = page.getByLabel("Settings (JSON)");
  await json.fill("[1, 2]");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings must be a JSON object")).toBeVisible();
  await page.getByLabel("Hotel name").fill("Harbour House Hotel");
  await json.fill('{ "checkInTime": "15:00" }');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Harbour House Hotel" })).toBeVisible();
  await shot(page, "tenant-detail-settings");
});
