// The contract of the template editor and the notification settings: which events have templates,
// who may edit which (hotels: guest events only; the platform: every event), and the zod schemas
// the forms, actions and services share.
import { z } from "zod";
import {
  type DomainEventName,
  domainEventNames,
  domainEventSchemas,
  isDomainEventName,
} from "@/lib/events/schemas";
import { type PlatformEventName, platformEventSchemas } from "./platform-events";
import { variablesFromZodSchema } from "./variables";

export const templateChannels = ["sms", "email"] as const;
export const templateChannelSchema = z.enum(templateChannels);
export type TemplateChannel = z.infer<typeof templateChannelSchema>;

export type TemplateEvent = DomainEventName | PlatformEventName;

export const platformEventNames = Object.keys(platformEventSchemas) as PlatformEventName[];
export const templateEventNames: readonly TemplateEvent[] = [...domainEventNames, ...platformEventNames];

export function isPlatformEventName(name: string): name is PlatformEventName {
  return Object.hasOwn(platformEventSchemas, name);
}

export function isTemplateEvent(name: string): name is TemplateEvent {
  return isDomainEventName(name) || isPlatformEventName(name);
}

/** Hotels customise the notifications their guests get; the platform's own mail is not theirs to edit. */
export const tenantEventSchema = z.enum(domainEventNames);
export const templateEventSchema = z.string().refine(isTemplateEvent, "Unknown event");

type EventInfo = {
  label: string;
  /** When it is sent, in one line (shown on the notification settings). */
  description: string;
  /** The channels it has templates for by default. */
  channels: readonly TemplateChannel[];
};

export const templateEventInfo: Record<TemplateEvent, EventInfo> = {
  "hotel/booking.confirmed": {
    label: "Booking confirmed",
    description: "When a booking is confirmed, with the dates, nights and total.",
    channels: templateChannels,
  },
  "hotel/guest.checked_in": {
    label: "Guest checked in",
    description: "When the front desk checks a guest in, with the room number and check-out date.",
    channels: templateChannels,
  },
  "hotel/guest.checked_out": {
    label: "Guest checked out",
    description: "When a guest checks out: a thank-you and goodbye.",
    channels: templateChannels,
  },
  "hotel/service.requested": {
    label: "Service requested",
    description:
      "When a guest's request (housekeeping, room service…) is logged, to confirm it was received.",
    channels: templateChannels,
  },
  "tenant.welcome": {
    label: "Welcome to Hearth",
    description: "To a new hotel's owner when the hotel is created.",
    channels: ["email"],
  },
  "invoice.issued": {
    label: "Invoice issued",
    description: "To a hotel's billing contact when an invoice is issued.",
    channels: ["email"],
  },
  "payment.received": {
    label: "Payment received",
    description: "To a hotel's billing contact when a payment is received.",
    channels: ["email"],
  },
  "invoice.overdue": {
    label: "Invoice overdue",
    description:
      "To a hotel's billing contact on each reminder day while an invoice is unpaid; the platform pays for the SMS.",
    channels: templateChannels,
  },
  "ticket.updated": {
    label: "Support ticket updated",
    description: "To the hotel when support answers or changes one of its tickets.",
    channels: ["email"],
  },
  "member.invite": {
    label: "Team invitation",
    description: "To a person invited to join a hotel's team, with the link to accept.",
    channels: ["email"],
  },
  "alert.triggered": {
    label: "Alert",
    description: "To a hotel's owner when a monitoring alert fires.",
    channels: templateChannels,
  },
};

/** The payload schema of an event: its fields are the variables a template may use. */
export function eventSchemaFor(event: TemplateEvent): z.ZodObject {
  return isDomainEventName(event) ? domainEventSchemas[event] : platformEventSchemas[event];
}

export function templateVariables(event: TemplateEvent): string[] {
  return variablesFromZodSchema(eventSchemaFor(event));
}

/** BCP 47 tags in canonical case ("fr-ca" → "fr-CA"), so one locale never has two rows. */
export const templateLocaleSchema = z
  .string()
  .trim()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en or fr-CA")
  .transform((tag) => canonicalLocale(tag));

export function canonicalLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** The locales a hotel's editor offers: English, French and the hotel's own language. */
export function tenantTemplateLocales(tenantLocale: string): string[] {
  return [...new Set(["en", "fr", canonicalLocale(tenantLocale)])];
}

export const TEMPLATE_BODY_MAX = 20_000;
export const TEMPLATE_SUBJECT_MAX = 300;

export const templateKeySchema = z.object({
  event: templateEventSchema,
  channel: templateChannelSchema,
  locale: templateLocaleSchema,
});
export type TemplateKey = z.infer<typeof templateKeySchema>;

/** What the editor submits to save. The tenant (or null for the platform) comes from the session. */
export const saveTemplateSchema = templateKeySchema.extend({
  subject: z.string().max(TEMPLATE_SUBJECT_MAX, "The subject is too long").nullish(),
  body: z.string().max(TEMPLATE_BODY_MAX, "The template is too long"),
  active: z.boolean().default(true),
});
export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;

export const setTemplateActiveSchema = templateKeySchema.extend({ active: z.boolean() });

/** The editor's live preview: the draft as typed (it may be invalid; the answer says where). */
export const previewTemplateSchema = templateKeySchema.extend({
  subject: z.string().max(TEMPLATE_SUBJECT_MAX).nullish(),
  body: z.string().max(TEMPLATE_BODY_MAX),
});
export type PreviewTemplateInput = z.infer<typeof previewTemplateSchema>;

/** A test send of the draft: an E.164 number for SMS, an address for email (checked in the action). */
export const testSendTemplateSchema = previewTemplateSchema.extend({
  to: z.string().trim().min(3, "Enter a phone number or email address").max(320),
});

export const notificationPreferenceSchema = z.object({
  event: tenantEventSchema,
  channel: templateChannelSchema,
  enabled: z.boolean(),
});
export type NotificationPreferenceInput = z.infer<typeof notificationPreferenceSchema>;
