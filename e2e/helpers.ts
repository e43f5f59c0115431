import { type Browser, expect, type Page } from "@playwright/test";

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const DEMO_PASSWORD = "hearth-demo";

/** URL on the root domain, or on a tenant's subdomain when `slug` is given. */
export function url(path: string, slug?: string): string {
  return `http://${slug ? `${slug}.` : ""}localhost:${PORT}${path}`;
}

export async function signIn(page: Page, opts: { email: string; slug?: string; password?: string }) {
  await page.goto(url("/login", opts.slug));
  await page.getByLabel("Email").fill(opts.email);
  await page.getByLabel("Password").fill(opts.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export function sidebar(page: Page) {
  return page.locator("[data-nav-key]");
}

export async function expectMenu(page: Page, keys: string[]) {
  for (const key of keys) await expect(page.locator(`[data-nav-key="${key}"]`).first()).toBeVisible();
}

/** Signs in on a hotel's portal and waits for its dashboard. */
export async function signInAt(page: Page, email: string, slug: string) {
  await signIn(page, { email, slug });
  await page.waitForURL(url("/", slug));
}

/** A page in a fresh browser context: a second person signed in beside the first. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** The hotel's SMS credit balance as its credits page shows it. */
export async function smsBalance(page: Page, slug: string): Promise<number> {
  await page.goto(url("/credits", slug));
  const text = (await page.getByTestId("sms-balance").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}
