import {
  decryptCredentials,
  type EmailProviderRow,
  type SmsProviderRow,
} from "@/lib/messaging/providers/factory";

/**
 * One secret of a provider row, for checking a webhook signature; undefined when it is not set or
 * the row's credentials no longer open (a retired encryption key): the callback is then refused.
 */
export function readCredential(row: SmsProviderRow | EmailProviderRow, name: string): string | undefined {
  try {
    const value = decryptCredentials(row)[name];
    return value ? value : undefined;
  } catch {
    return undefined;
  }
}
