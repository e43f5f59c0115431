import { Inngest } from "inngest";

/**
 * The Inngest client. Constructing it reads INNGEST_* from the environment and does no I/O.
 * App code sends events through `sendEvent` (lib/jobs/send-event.ts), never `inngest.send`
 * directly: without INNGEST_* configured, events go to the embedded in-process runner.
 */
export const inngest = new Inngest({ id: "hearth" });
