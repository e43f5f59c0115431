import { expect, type Page, test } from "@playwright/test";
import { countSmsSegments } from "@/lib/messaging/sms/segments";
import { smsBalance as balanceOf, shot, signInAt, url } from "./helpers";

// Guest notifications on the demo hotel grandview (fresh embedded database, dev-sink providers):
// a booking confirmed in the portal reaches the guest as an SMS in the dev outbox, paid for with
// the hotel's credits; and the template editor previews what guests will get as it is edited.

const signInOwner = (page: Page) => signInAt(page, "owner@grandview.test", "grandview");
const smsBalance = (page: Page) => balanceOf(page, "grandview");

test("[MESSAGING][NOTIFY]: confirming a booking texts the guest through the dev outbox and spends credits", async ({
  page,
}) => {
  await signInOwner(page);
  // Earlier specs check guests in, which also texts them: wait until the balance is settled.
  let before = await smsBalance(page);
  await expect
    .poll(async () => {
      const now = await smsBalance(page);
      const settled = now === before;
      before = now;
      return settled;
    })
    .toBe(true);

  // Hana Suzuki's booking in room 111 is seeded as pending.
  await page.goto(url("/bookings", "grandview"));
  await page
    .getByRole("row")
    .filter({ hasText: "Hana Suzuki" })
    .filter({ hasText: "Pending" })
    .getByRole("link")
    .first()
    .click();
  await page.waitForURL(/\/bookings\/[0-9a-f-]{36}$/);
  const confirm = page.getByRole("button", { name: "Confirm booking for Hana Suzuki" }).first();
  await expect(confirm).toBeVisible();
  await confirm.click();
  await expect(page.getByRole("button", { name: "Confirm booking for Hana Suzuki" })).toHaveCount(0);

  // The worker runs after the change commits; the SMS lands in the dev outbox moments later.
  const outbox = page.getByTestId("dev-outbox");
  const sms = outbox
    .getByRole("row")
    .filter({ hasText: "+819012345678" })
    .filter({ hasText: "is confirmed" });
  await expect
    .poll(
      async () => {
        await page.goto(url("/messages?tab=outbox", "grandview"));
        return sms.count();
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  // Rendered from the platform's English template (the guest's Japanese has no template).
  const bodyCell = sms
    .first()
    .getByText(/^Grandview Hotel: Hi Hana Suzuki, your booking GV-/)
    .first();
  const body = ((await bodyCell.textContent()) ?? "").trim();
  expect(body).toContain("is confirmed");
  expect(body).not.toContain("{{");
  await shot(page, "messaging-dev-outbox");

  const segments = countSmsSegments(body).segments;
  expect(segments).toBeGreaterThan(0);
  await expect.poll(() => smsBalance(page)).toBe(before - segments);
  await shot(page, "messaging-credits-after-send");
});

test("[MESSAGING][TEMPLATES]: editing a template updates its live preview and segment count", async ({
  page,
}) => {
  await signInOwner(page);
  await page.goto(
    url("/settings/templates?event=hotel/booking.confirmed&channel=sms&locale=en", "grandview"),
  );
  const preview = page.getByTestId("template-preview");
  await expect(preview).toContainText("Amara Okafor");
  const segmentCount = page.getByTestId("segment-count");
  await expect(segmentCount).toContainText("1 segment");

  const message = page.getByLabel("Message");
  await message.fill("Welcome {{guest.name}}! Your room {{room.number}} awaits at {{tenant.name}}.");
  await expect(preview).toContainText("Welcome Amara Okafor! Your room");
  await expect(preview).not.toContainText("is confirmed");

  // Past 160 GSM-7 characters the message splits into 153-character segments.
  await message.fill(`${"Long stay notice. ".repeat(10)}{{guest.name}}`);
  await expect(segmentCount).toContainText("2 segments");

  // A syntax error is reported with its position instead of a preview.
  await message.fill("Hello {{#if guest.name}}");
  await expect(page.getByText(/line 1/i).first()).toBeVisible();
  await shot(page, "messaging-template-editor");
});
