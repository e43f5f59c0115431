// Who a guest notification goes to, per channel: the guest's phone for SMS, email for email, on
// the channels the hotel has switched on. A channel without a usable contact is skipped, with the
// reason, rather than failing the whole notification.
import type { MessageChannel } from "@/lib/messaging/preferences";
import { sendEmailSchema, sendSmsSchema } from "@/lib/messaging/send/types";

export type Recipient = { channel: MessageChannel; to: string };
export type SkippedChannel = { channel: MessageChannel; reason: string };

export function guestRecipients(
  guest: { phone: string | null; email: string | null },
  channels: ReadonlySet<MessageChannel>,
): { recipients: Recipient[]; skipped: SkippedChannel[] } {
  const recipients: Recipient[] = [];
  const skipped: SkippedChannel[] = [];
  const contact = { sms: guest.phone, email: guest.email } as const;
  const schema = { sms: sendSmsSchema.shape.to, email: sendEmailSchema.shape.to } as const;
  for (const channel of ["sms", "email"] as const) {
    if (!channels.has(channel)) {
      skipped.push({ channel, reason: "switched off by the hotel" });
      continue;
    }
    const value = contact[channel]?.trim();
    if (!value) {
      skipped.push({
        channel,
        reason: channel === "sms" ? "the guest has no phone number" : "the guest has no email address",
      });
      continue;
    }
    const parsed = schema[channel].safeParse(value);
    if (!parsed.success) {
      skipped.push({
        channel,
        reason: `the guest's ${channel === "sms" ? "phone number" : "email address"} is not valid`,
      });
      continue;
    }
    recipients.push({ channel, to: parsed.data });
  }
  return { recipients, skipped };
}
