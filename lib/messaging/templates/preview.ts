// The editor's preview: the draft is checked exactly as on save (syntax, variables of the event,
// email needs a subject), then rendered with sample data for the hotel. SMS previews carry the
// segment count the send would be billed; email previews carry the HTML and its plain-text part.
import { AppError } from "@/lib/errors";
import { htmlToText } from "@/lib/messaging/send/html-text";
import { countSmsSegments, type SmsEncoding } from "@/lib/messaging/sms/segments";
import { renderTemplate } from "./render";
import { type SampleTenant, samplePayload } from "./sample-data";
import { isTemplateEvent, type TemplateChannel, type TemplateEvent, templateVariables } from "./schemas";
import { validateTemplate } from "./validate";

export type TemplateField = "subject" | "body";
export type TemplateFieldError = { field: TemplateField; message: string; line: number; column: number };

/** Errors about a missing field rather than a place in it: their line:column says nothing. */
export const MISSING_SUBJECT = "An email needs a subject";
export const MISSING_BODY = "Write the message";

export type PreviewTemplateArgs = {
  event: string;
  channel: TemplateChannel;
  locale: string;
  subject?: string | null;
  body: string;
  tenant: SampleTenant;
  /** Today, for the sample's relative dates. */
  now?: Date;
};

export type SegmentSummary = {
  count: number;
  encoding: SmsEncoding;
  /** Length in the encoding's units (septets or UTF-16 code units). */
  characters: number;
  perSegment: number;
};

export type PreviewResult =
  | {
      ok: true;
      /** Email only. */
      subject: string | null;
      /** The SMS as sent, or the email's plain-text part. */
      text: string;
      /** Email only: the rendered body (HTML-escaped values). */
      html: string | null;
      /** SMS only. */
      segments: SegmentSummary | null;
    }
  | { ok: false; errors: TemplateFieldError[] };

function assertEvent(event: string): TemplateEvent {
  if (!isTemplateEvent(event))
    throw new AppError("INVALID", `There is no event "${event}".`, { field: "event" });
  return event;
}

/**
 * Save-time checks of a draft, by field. Subjects are plain text, so they are checked like SMS
 * (triple braces are harmless there); the body is checked for its own channel.
 */
export function templateErrors(input: {
  event: TemplateEvent;
  channel: TemplateChannel;
  subject?: string | null;
  body: string;
}): TemplateFieldError[] {
  const allowedVariables = templateVariables(input.event);
  const errors: TemplateFieldError[] = [];
  if (input.channel === "email") {
    const subject = input.subject?.trim() ?? "";
    if (subject === "") {
      errors.push({ field: "subject", message: MISSING_SUBJECT, line: 1, column: 1 });
    } else {
      const result = validateTemplate({ source: subject, channel: "sms", allowedVariables });
      if (!result.ok) errors.push(...result.errors.map((e) => ({ field: "subject" as const, ...e })));
    }
  }
  if (input.body.trim() === "") {
    errors.push({ field: "body", message: MISSING_BODY, line: 1, column: 1 });
  } else {
    const result = validateTemplate({ source: input.body, channel: input.channel, allowedVariables });
    if (!result.ok) errors.push(...result.errors.map((e) => ({ field: "body" as const, ...e })));
  }
  return errors;
}

function renderError(field: TemplateField, error: unknown): TemplateFieldError {
  const message = error instanceof Error ? error.message : String(error);
  return { field, message: `Could not render with the sample data: ${message}`, line: 1, column: 1 };
}

export function previewTemplate(args: PreviewTemplateArgs): PreviewResult {
  const event = assertEvent(args.event);
  const errors = templateErrors({ event, channel: args.channel, subject: args.subject, body: args.body });
  if (errors.length > 0) return { ok: false, errors };

  const data = samplePayload(event, { tenant: args.tenant, locale: args.locale, now: args.now });
  const context = { timezone: args.tenant.timezone, currency: args.tenant.currency, locale: args.locale };
  let subject: string | null = null;
  if (args.channel === "email") {
    try {
      subject = renderTemplate({ source: args.subject ?? "", data, channel: "sms", context }).trim();
    } catch (error) {
      return { ok: false, errors: [renderError("subject", error)] };
    }
  }
  let body: string;
  try {
    body = renderTemplate({ source: args.body, data, channel: args.channel, context });
  } catch (error) {
    return { ok: false, errors: [renderError("body", error)] };
  }
  if (args.channel === "email") {
    return { ok: true, subject, text: htmlToText(body), html: body, segments: null };
  }
  const { segments, encoding, characters, perSegment } = countSmsSegments(body);
  return {
    ok: true,
    subject: null,
    text: body,
    html: null,
    segments: { count: segments, encoding, characters, perSegment },
  };
}

/** "2 segments · GSM-7 · 187 chars", as the editor shows it. */
export function describeSegments(segments: SegmentSummary): string {
  const count = `${segments.count} ${segments.count === 1 ? "segment" : "segments"}`;
  return `${count} · ${segments.encoding} · ${segments.characters} chars`;
}

export type HelperExample = { name: string; snippet: string; description: string };

/**
 * One worked example per helper for the variable picker, built from the event's own fields (a
 * date, an amount, a count) so an inserted snippet is valid; a helper with no fitting field is left out.
 */
export function helperExamples(variables: readonly string[]): HelperExample[] {
  const date = variables.find((v) => /(checkIn|Date|date)$/.test(v)) ?? variables.find((v) => /At$/.test(v));
  const instant = variables.find((v) => /At$/.test(v));
  const amount = variables.find((v) => /Minor$/.test(v));
  const currency = amount ? `${amount.slice(0, amount.lastIndexOf(".") + 1)}currency` : null;
  const count = variables.find((v) => /(nights|adults)$/.test(v));
  const text = variables.find((v) => /name$/.test(v)) ?? variables[0] ?? "tenant.name";
  const examples: Array<HelperExample | null> = [
    date
      ? {
          name: "formatDate",
          snippet: `{{formatDate ${date} "long"}}`,
          description: "A date in the reader's language: short, medium (default), long or full.",
        }
      : null,
    instant
      ? {
          name: "formatDateTime",
          snippet: `{{formatDateTime ${instant}}}`,
          description: "Date and time in the hotel's timezone.",
        }
      : null,
    amount
      ? {
          name: "money",
          snippet:
            currency && variables.includes(currency)
              ? `{{money ${amount} ${currency}}}`
              : `{{money ${amount}}}`,
          description: "An amount in minor units, formatted with its currency.",
        }
      : null,
    count
      ? {
          name: "pluralize",
          snippet: `{{pluralize ${count} "night" "nights"}}`,
          description: "Singular or plural by the language's rules.",
        }
      : null,
    { name: "upper", snippet: `{{upper ${text}}}`, description: "Capital letters." },
    {
      name: "default",
      snippet: `{{default ${text} "there"}}`,
      description: "A fallback when the value is empty.",
    },
    {
      name: "if",
      snippet: `{{#if ${text}}}…{{else}}…{{/if}}`,
      description: "Show a part only when a value is present.",
    },
  ];
  return examples.filter((example): example is HelperExample => example !== null);
}
