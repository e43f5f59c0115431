import { expect, type Page, test } from "@playwright/test";
import { newPage, shot, signIn, signInAt, smsBalance, url } from "./helpers";

// Billing and the marketplace on the demo hotel seaside (NGN, fresh embedded database): payments go
// through the embedded test checkout, which drives the same fulfilment code as the provider
// webhooks. Seaside's billing period is seeded as ended, so the console's run has an invoice to make.

const signInSeasideOwner = (page: Page) => signInAt(page, "owner@seaside.test", "seaside");

test("[MARKETPLACE][BUY]: a hotel buys an SMS bundle through the test checkout and its balance rises", async ({
  page,
}) => {
  await signInSeasideOwner(page);
  const before = await smsBalance(page, "seaside");

  await page.goto(url("/marketplace", "seaside"));
  await page.getByRole("button", { name: "Buy 500 SMS credits" }).click();
  await page.waitForURL(/\/checkout\/test\//);
  await shot(page, "marketplace-test-checkout");
  await page.getByRole("button", { name: "Pay (success)" }).click();
  await page.waitForURL(/payment=succeeded/);
  await shot(page, "marketplace-order-paid");

  expect(await smsBalance(page, "seaside")).toBe(before + 500);
});

test("[BILLING][CYCLE]: the console runs billing and the hotel sees its new invoice", async ({
  page,
  browser,
}) => {
  await signIn(page, { email: "admin@hearth.test" });
  await page.waitForURL(url("/platform"));
  await page.goto(url("/platform/billing"));
  await page.getByRole("button", { name: "Run billing now" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Run billing" }).click();

  // The run is a background job: the invoice appears once its step for seaside has run.
  const row = page
    .getByRole("row")
    .filter({ hasText: "Seaside Lodge" })
    .filter({ hasText: /HRT-\d{4}-\d{6}/ });
  await expect
    .poll(
      async () => {
        await page.goto(url("/platform/billing/invoices"));
        return row.count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const number = /HRT-\d{4}-\d{6}/.exec((await row.first().textContent()) ?? "")?.[0];
  expect(number).toBeTruthy();
  await shot(page, "billing-console-invoices");

  const owner = await newPage(browser);
  await signInSeasideOwner(owner);
  await owner.goto(url("/billing", "seaside"));
  await expect(owner.getByText(number ?? "missing").first()).toBeVisible();
  await shot(owner, "billing-tenant-invoices");
});

test("[BILLING][PAY]: a hotel pays its open invoice", async ({ page }) => {
  await signInSeasideOwner(page);
  await page.goto(url("/billing", "seaside"));
  const pay = page.getByRole("button", { name: /^Pay invoice HRT-/ }).first();
  await expect(pay).toBeVisible();
  const number = ((await pay.getAttribute("aria-label")) ?? "").replace("Pay invoice ", "");
  await pay.click();
  await page.waitForURL(/\/checkout\/test\//);
  await page.getByRole("button", { name: "Pay (success)" }).click();
  await page.waitForURL(/payment=succeeded/);

  await page.goto(url("/billing", "seaside"));
  await expect(page.getByRole("button", { name: `Pay invoice ${number}` })).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row.getByText(/paid/i).first()).toBeVisible();
  await shot(page, "billing-tenant-paid");
});

test("[BILLING][REFUND]: the console refunds part of the hotel's payment and the invoice reopens", async ({
  page,
}) => {
  await signIn(page, { email: "admin@hearth.test" });
  await page.waitForURL(url("/platform"));
  await page.goto(url("/platform/billing/invoices?status=paid"));
  await page.getByRole("row").filter({ hasText: "Seaside Lodge" }).getByRole("link").first().click();
  await page.waitForURL(/\/platform\/billing\/invoices\/[0-9a-f-]{36}$/);

  await page
    .getByRole("button", { name: /^Refund / })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  const form = dialog.getByRole("form", { name: "Refund payment" });
  await form.getByLabel(/^Amount/).fill("100");
  await form.getByLabel("Reason").fill("Goodwill credit for a service outage");
  await form.getByRole("button", { name: "Record refund" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Goodwill credit for a service outage").first()).toBeVisible();
  await expect(page.getByText("Partly refunded").first()).toBeVisible();
  await expect(page.getByText("Balance").first()).toBeVisible();
  await shot(page, "billing-console-refund");
});
