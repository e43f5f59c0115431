import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test, vi } from "vitest";
import { activitySentence } from "@/components/hotel/activity";
import type { FrontDeskRow } from "@/components/hotel/front-desk-lists";
import { readOutcome } from "@/components/hotel/refusal";

// The hotel components on their own: accessible names, what read-only members see, and how the
// forms read an action's answer.
vi.mock("@/app/t/[slug]/(portal)/bookings/actions", () => ({
  confirmBookingAction: vi.fn(),
  checkInBookingAction: vi.fn(),
  checkOutBookingAction: vi.fn(),
  cancelBookingAction: vi.fn(),
}));
vi.mock("@/app/t/[slug]/(portal)/rooms/actions", () => ({
  createRoomAction: vi.fn(),
  updateRoomAction: vi.fn(),
  setRoomStatusAction: vi.fn(),
  deleteRoomAction: vi.fn(),
}));

const row = (
  guestName: string,
  status: FrontDeskRow["status"],
  extra: Partial<FrontDeskRow> = {},
): FrontDeskRow => ({
  id: crypto.randomUUID(),
  reference: "GR-000001",
  guestId: crypto.randomUUID(),
  guestName,
  roomNumber: "101",
  roomType: "Double",
  roomStatus: "available",
  status,
  nightsLabel: "2 nights",
  stayLabel: "leaves today",
  adults: 2,
  ...extra,
});

describe("front desk lists", () => {
  test("arrivals: check in the confirmed, confirm the pending, show who is already in", async () => {
    const { ArrivalsList } = await import("@/components/hotel/front-desk-lists");
    const html = renderToStaticMarkup(
      createElement(ArrivalsList, {
        rows: [
          row("Ada Obi", "confirmed", { roomStatus: "cleaning" }),
          row("Chidi Eze", "pending"),
          row("Efe Uko", "checked_in"),
        ],
        canWrite: true,
      }),
    );
    expect(html).toMatch(/<button[^>]*aria-label="Check in Ada Obi"[^>]*>/);
    expect(html).toContain('aria-label="Confirm booking for Chidi Eze"');
    expect(html).not.toContain('aria-label="Check in Efe Uko"');
    expect(html).toContain("Checked in");
    expect(html).toContain("Room being cleaned");
    expect(html).toContain('aria-label="Arrivals today"');
  });

  test("departures: check out who is in; nothing to press without the permission", async () => {
    const { DeparturesList } = await import("@/components/hotel/front-desk-lists");
    const rows = [row("Bola Ade", "checked_in"), row("Dayo Ojo", "checked_out")];
    const html = renderToStaticMarkup(createElement(DeparturesList, { rows, canWrite: true }));
    expect(html).toContain('aria-label="Check out Bola Ade"');
    expect(html).not.toContain('aria-label="Check out Dayo Ojo"');
    const readOnly = renderToStaticMarkup(createElement(DeparturesList, { rows, canWrite: false }));
    expect(readOnly).not.toContain("<button");
  });
});

describe("rooms table", () => {
  const rooms = [
    {
      id: crypto.randomUUID(),
      number: "101",
      type: "Double",
      floor: 1,
      capacity: 2,
      notes: "",
      status: "available" as const,
      nightlyRateMinor: 8900,
      rate: "89.00",
      rateLabel: "$89.00",
    },
  ];

  test.each([
    [true, true],
    [false, false],
  ])("write controls shown: %s when the member may write rooms", async (canWrite, shown) => {
    const { RoomsTable } = await import("@/app/t/[slug]/(portal)/rooms/rooms-table");
    const html = renderToStaticMarkup(
      createElement(
        NuqsTestingAdapter,
        null,
        createElement(RoomsTable, { rows: rooms, total: 1, canWrite, currency: "USD" }),
      ),
    );
    expect(html).toContain("$89.00");
    expect(html.includes('aria-label="Edit room 101"')).toBe(shown);
    expect(html.includes('aria-label="Status of room 101: Available. Change"')).toBe(shown);
    expect(html.includes('aria-label="More actions for room 101"')).toBe(shown);
  });
});

describe("reading an action's answer", () => {
  test.each([
    ["success", { data: { ok: true as const, data: 1 } }, { ok: true, data: 1 }],
    [
      "a refusal on a field",
      {
        data: {
          ok: false as const,
          refusal: { code: "CONFLICT" as const, message: "Taken.", field: "number" },
        },
      },
      { ok: false, message: "Taken.", fieldErrors: { number: "Taken." } },
    ],
    [
      "zod's errors, by top-level field",
      { validationErrors: { _errors: [], checkOut: { _errors: ["Check-out must be after check-in"] } } },
      {
        ok: false,
        message: "Please correct the fields marked below.",
        fieldErrors: { checkOut: "Check-out must be after check-in" },
      },
    ],
    [
      "zod's errors in repeated rows keep their full path too",
      { validationErrors: { lines: { 2: { unitPrice: { _errors: ["Use a positive amount"] } } } } },
      {
        ok: false,
        fieldErrors: { lines: "Use a positive amount" },
        pathErrors: { "lines.2.unitPrice": "Use a positive amount" },
      },
    ],
    [
      "a server error",
      { serverError: "Not allowed." },
      { ok: false, message: "Not allowed.", fieldErrors: {} },
    ],
    ["no answer", undefined, { ok: false, message: expect.stringMatching(/No answer/), fieldErrors: {} }],
  ])("%s", (_name, result, expected) => {
    expect(readOutcome(result)).toMatchObject(expected);
  });
});

describe("activity sentences", () => {
  test.each([
    ["booking.check_in", { reference: "GR-000012", room: "101" }, "Checked in GR-000012 (room 101)"],
    ["booking.create", { after: { reference: "GR-000013", room: "102" } }, "Booked GR-000013 (room 102)"],
    [
      "room.status.change",
      { number: "103", after: { status: "out_of_service" } },
      "Room 103 is now out of service",
    ],
    ["room.create", { after: { number: "104" } }, "Added room 104"],
  ])("%s", (action, summary, sentence) => {
    expect(activitySentence(action, summary)).toBe(sentence);
  });

  test("other actions keep their name", () => {
    expect(activitySentence("plan.change", {})).toBeNull();
  });
});
