// Audit entries as sentences for the hotel's dashboard: "Checked in GR-000012 (room 101)". Hotel
// actions get their own wording from the summary the services record; anything else (plan
// changes, menu edits…) falls back to its action name.

type Summary = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const field = (s: Summary, part: "before" | "after", key: string): string | null => {
  const bag = s[part];
  return bag && typeof bag === "object" ? text((bag as Record<string, unknown>)[key]) : null;
};

const roomPart = (s: Summary) => {
  const room = text(s.room) ?? field(s, "after", "room");
  return room ? ` (room ${room})` : "";
};

const wordings: Record<string, (s: Summary) => string> = {
  "booking.create": (s) => `Booked ${field(s, "after", "reference") ?? "a stay"}${roomPart(s)}`,
  "booking.confirm": (s) => `Confirmed ${text(s.reference) ?? "a booking"}${roomPart(s)}`,
  "booking.check_in": (s) => `Checked in ${text(s.reference) ?? "a guest"}${roomPart(s)}`,
  "booking.check_out": (s) => `Checked out ${text(s.reference) ?? "a guest"}${roomPart(s)}`,
  "booking.cancel": (s) => `Cancelled ${text(s.reference) ?? "a booking"}${roomPart(s)}`,
  "room.create": (s) => `Added room ${field(s, "after", "number") ?? ""}`.trim(),
  "room.update": (s) => `Edited room ${field(s, "after", "number") ?? ""}`.trim(),
  "room.delete": (s) => `Deleted room ${field(s, "before", "number") ?? ""}`.trim(),
  "room.status.change": (s) =>
    `Room ${text(s.number) ?? ""} is now ${(field(s, "after", "status") ?? "changed").replace(/_/g, " ")}`,
  "guest.create": (s) => `Added guest ${field(s, "after", "name") ?? ""}`.trim(),
  "guest.update": (s) => `Edited guest ${field(s, "after", "name") ?? ""}`.trim(),
  "service_request.create": (s) =>
    `New ${(field(s, "after", "kind") ?? "service").replace(/_/g, " ")} request${roomPart(s)}`,
  "service_request.status.change": (s) =>
    `Service request ${(field(s, "after", "status") ?? "updated").replace(/_/g, " ")}`,
  "service_request.assign": () => "Assigned a service request",
};

export function activitySentence(action: string, summary: Summary): string | null {
  const wording = wordings[action];
  return wording ? wording(summary) : null;
}
