import { recordHeartbeatFn } from "./platform/record-heartbeat";

/** Every function the app defines: served at /api/inngest and run by the embedded runner. */
export const functions = [recordHeartbeatFn];
