import type { ProviderView } from "@/lib/messaging/providers/queries";
import { formatMoney, toMajorString } from "@/lib/money";
import { formatDateTime } from "@/lib/time";

/** A provider as the client table and dialog get it: no secrets, times and money formatted (UTC). */
export type ProviderRowView = {
  id: string;
  channel: "sms" | "email";
  kind: string;
  name: string;
  enabled: boolean;
  isDefault: boolean;
  credentialsHint: string | null;
  config: Record<string, string>;
  /** Sender id (SMS) or From address (email). */
  sender: string | null;
  cost: string;
  /** The cost in major units for the form ("0.04"), with its currency. */
  costMajor: string;
  costCurrency: string;
  throttlePerSecond: number;
  lastTest: { ok: boolean; message: string | null; at: string } | null;
  assignedTenantCount: number;
};

const utc = (d: Date) => `${formatDateTime(d, "UTC")} UTC`;

export function toProviderRowView(view: ProviderView): ProviderRowView {
  return {
    id: view.id,
    channel: view.channel,
    kind: view.kind,
    name: view.name,
    enabled: view.enabled,
    isDefault: view.isDefault,
    credentialsHint: view.credentialsHint,
    config: view.config,
    sender: view.channel === "sms" ? view.senderId : view.fromAddress,
    cost: formatMoney(view.costPerMessageMinor, view.costCurrency),
    costMajor: toMajorString(view.costPerMessageMinor, view.costCurrency),
    costCurrency: view.costCurrency,
    throttlePerSecond: view.throttlePerSecond,
    lastTest:
      view.lastTestedAt && view.lastTestOk !== null
        ? { ok: view.lastTestOk, message: view.lastTestMessage, at: utc(view.lastTestedAt) }
        : null,
    assignedTenantCount: view.assignedTenantCount,
  };
}
