// Bookings: one entry point for pages, actions and routes. The rules live in the files it
// re-exports: create-booking.ts (pricing, references, no double booking), booking-transitions.ts
// (the state machine, room status, domain events), booking-queries.ts and front-desk.ts (reads).
export {
  type Booking,
  type BookingDetail,
  type BookingListRow,
  bookingSortable,
  getBooking,
  listBookings,
} from "./booking-queries";
export {
  bookingStatusWords,
  bookingTransitions,
  cancelBooking,
  canTransition,
  checkInBooking,
  checkOutBooking,
  confirmBooking,
} from "./booking-transitions";
export {
  type CreateBookingOptions,
  createBooking,
  findOverlappingBooking,
  liveBookingStatuses,
  referencePrefix,
} from "./create-booking";
export { addDays, formatStay, nightsBetween, todayIn } from "./dates";
export {
  type AvailabilityBooking,
  type AvailabilityCell,
  type AvailabilityGrid,
  getAvailabilityGrid,
  getOccupancy,
  listArrivals,
  listDepartures,
  listInHouse,
  type OccupancyDay,
} from "./front-desk";
export {
  type BookingInput,
  type BookingStatus,
  bookingInputSchema,
  bookingStatuses,
  cancelReasonSchema,
  MAX_NIGHTS,
} from "./schemas";
