import { billingCycleFn } from "./billing/billing-cycle";
import { dunningFn, reactivateOnPaymentFn } from "./billing/dunning";
import { usageSyncFn } from "./billing/usage-sync";
import { dispatchDomainEventsFn } from "./hotel/dispatch-domain-events";
import { notifyInvoiceIssuedFn, notifyPaymentReceivedFn } from "./messaging/notify-billing";
import {
  notifyBookingConfirmedFn,
  notifyGuestCheckedInFn,
  notifyGuestCheckedOutFn,
  notifyServiceRequestedFn,
} from "./messaging/notify-guests";
import { pruneRecordsFn } from "./platform/prune-records";
import { recordHeartbeatFn } from "./platform/record-heartbeat";
import { expireTrialsFn } from "./tenants/expire-trials";
import { sendWelcomeEmailFn } from "./tenants/send-welcome-email";

/** Every function the app defines: served at /api/inngest and run by the embedded runner. */
export const functions = [
  recordHeartbeatFn,
  sendWelcomeEmailFn,
  expireTrialsFn,
  dispatchDomainEventsFn,
  pruneRecordsFn,
  notifyBookingConfirmedFn,
  notifyGuestCheckedInFn,
  notifyGuestCheckedOutFn,
  notifyServiceRequestedFn,
  usageSyncFn,
  billingCycleFn,
  dunningFn,
  reactivateOnPaymentFn,
  notifyInvoiceIssuedFn,
  notifyPaymentReceivedFn,
];
