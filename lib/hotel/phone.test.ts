import { expect, test } from "vitest";
import { normalizePhone } from "./phone";

test.each([
  // [as typed, hotel's country, E.164]
  ["0803 123 4567", "NG", "+2348031234567"],
  ["08031234567", "NG", "+2348031234567"],
  ["+234 803 123 4567", "NG", "+2348031234567"],
  ["+234 (0) 803 123 4567", "US", "+2348031234567"],
  ["(212) 456-7890", "US", "+12124567890"],
  ["212.456.7890", "US", "+12124567890"],
  ["+1 415 555 2671", "NG", "+14155552671"],
  ["020 7946 0958", "GB", "+442079460958"],
  ["07911 123456", "GB", "+447911123456"],
  ["+44 7911 123456", "NG", "+447911123456"],
])("%s at a hotel in %s is %s", (raw, country, e164) => {
  expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
});

test.each([
  ["12345", "NG", "is not a valid phone number in Nigeria (+234)"],
  ["0803 123 456", "NG", "in Nigeria (+234)"],
  ["08031234567", "GB", "in the United Kingdom (+44)"],
  ["555-0100", "US", "in the United States (+1)"],
  ["+999 1234 5678", "NG", "Check the country code and the digits"],
])("%s at a hotel in %s is refused", (raw, country, message) => {
  const result = normalizePhone(raw, country);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toContain(message);
});
