import "server-only";
// Turning what an admin typed (or a file held) into a provider row's sealed credentials and config.
// Validation goes through the per-kind schemas of credentials.ts; errors name the field
// ("credentials.authToken") and never echo a value.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  credentialHint,
  type EmailProviderKind,
  emailConfigSchemas,
  emailCredentialSchemas,
  type SmsProviderKind,
  smsConfigSchemas,
  smsCredentialSchemas,
} from "./credentials";
import { sealSecret } from "./crypto";
import { decryptCredentials, type EmailProviderRow, type SmsProviderRow } from "./factory";

export type KindRef =
  | { channel: "sms"; kind: SmsProviderKind }
  | { channel: "email"; kind: EmailProviderKind };

export type FieldIssue = { field: string; message: string };

export type SealedColumns = {
  credentialsCiphertext: string | null;
  credentialsKeyId: string | null;
  credentialsHint: string | null;
};

function credentialSchema(ref: KindRef): z.ZodType<Record<string, string | undefined>> {
  return ref.channel === "sms" ? smsCredentialSchemas[ref.kind] : emailCredentialSchemas[ref.kind];
}

function configSchema(ref: KindRef): z.ZodType<Record<string, string | undefined>> {
  return ref.channel === "sms" ? smsConfigSchemas[ref.kind] : emailConfigSchemas[ref.kind];
}

/** Drops blank and non-string values: an empty form field means "not given". */
export function nonBlank(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

/** The kind's credentials, or the issues found (field names like `credentials.apiKey`). */
export function checkCredentials(
  ref: KindRef,
  values: Record<string, unknown>,
): { ok: true; credentials: Record<string, string> } | { ok: false; issues: FieldIssue[] } {
  const parsed = credentialSchema(ref).safeParse(nonBlank(values));
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error, "credentials") };
  return { ok: true, credentials: definedOnly(parsed.data) };
}

export function checkConfig(
  ref: KindRef,
  values: Record<string, unknown>,
): { ok: true; config: Record<string, string> } | { ok: false; issues: FieldIssue[] } {
  const parsed = configSchema(ref).safeParse(nonBlank(values));
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error, "config") };
  return { ok: true, config: definedOnly(parsed.data) };
}

/** Throws one INVALID AppError for the first issue, carrying all of them for the form. */
export function refuseIssues(issues: FieldIssue[]): never {
  const [first] = issues;
  throw new AppError("INVALID", first?.message ?? "Some fields are invalid.", {
    field: first?.field,
    details: { issues },
  });
}

/** Seals the credentials; kinds without any (dev-sink) store nulls. */
export function sealCredentials(credentials: Record<string, string>): SealedColumns {
  if (Object.keys(credentials).length === 0) {
    return { credentialsCiphertext: null, credentialsKeyId: null, credentialsHint: null };
  }
  const sealed = sealSecret(JSON.stringify(credentials));
  return {
    credentialsCiphertext: sealed.ciphertext,
    credentialsKeyId: sealed.keyId,
    credentialsHint: credentialHint(credentials),
  };
}

/** The stored credentials, or none when they cannot be opened (unknown key): the admin re-enters them. */
export function storedCredentials(row: SmsProviderRow | EmailProviderRow): Record<string, string> {
  try {
    return decryptCredentials(row);
  } catch {
    return {};
  }
}

/** The field whose value tells two accounts apart (Twilio's account SID, an API key, an access key id). */
export function identifyingCredential(credentials: Record<string, string>): string | null {
  return credentials.accountSid ?? credentials.apiKey ?? credentials.accessKeyId ?? null;
}
