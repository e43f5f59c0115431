// Demo add-ons for the embedded mode: two SMS bundles and one recurring feature add-on, priced in
// USD (Grandview) and NGN (Seaside). Idempotent: existing add-ons (by code) and flags are left alone.
import type { Queryable } from "@/db/connect";
import { platformAddonPrices, platformAddons, platformFeatureFlags } from "@/db/schema";
import type { AddonValues } from "./schemas";

/** The flag the demo feature add-on switches on (created off by default if missing). */
export const demoAddonFlag = {
  key: "channel_manager",
  description: "Channel manager sync (sold as an add-on)",
};

export const demoAddons: ReadonlyArray<AddonValues> = [
  {
    code: "sms-500",
    name: "500 SMS credits",
    description: "A top-up of 500 guest SMS credits. Credits never expire.",
    kind: "sms_bundle",
    smsCredits: 500,
    featureFlagKey: null,
    billing: "one_off",
    isActive: true,
    sortOrder: 1,
    prices: [
      { currency: "USD", amountMinor: 1500 },
      { currency: "NGN", amountMinor: 1_000_000 },
    ],
  },
  {
    code: "sms-2000",
    name: "2,000 SMS credits",
    description: "The better-value bundle for busy hotels.",
    kind: "sms_bundle",
    smsCredits: 2000,
    featureFlagKey: null,
    billing: "one_off",
    isActive: true,
    sortOrder: 2,
    prices: [
      { currency: "USD", amountMinor: 5000 },
      { currency: "NGN", amountMinor: 3_500_000 },
    ],
  },
  {
    code: "channel-manager",
    name: "Channel manager",
    description: "Keep availability in sync with booking sites. Billed every period while on.",
    kind: "feature",
    smsCredits: null,
    featureFlagKey: demoAddonFlag.key,
    billing: "recurring",
    isActive: true,
    sortOrder: 3,
    prices: [
      { currency: "USD", amountMinor: 1900 },
      { currency: "NGN", amountMinor: 1_500_000 },
    ],
  },
];

export async function seedDemoAddons(db: Queryable): Promise<void> {
  // Add-on, prices and flag appear together.
  await db.transaction(async (tx) => {
    await tx
      .insert(platformFeatureFlags)
      .values({ key: demoAddonFlag.key, description: demoAddonFlag.description })
      .onConflictDoNothing({ target: platformFeatureFlags.key });
    for (const { prices, ...addon } of demoAddons) {
      const [created] = await tx
        .insert(platformAddons)
        .values(addon)
        .onConflictDoNothing({ target: platformAddons.code })
        .returning({ id: platformAddons.id });
      // Already there: the console may have changed it since; leave it.
      if (!created) continue;
      await tx.insert(platformAddonPrices).values(prices.map((p) => ({ addonId: created.id, ...p })));
    }
  });
}
