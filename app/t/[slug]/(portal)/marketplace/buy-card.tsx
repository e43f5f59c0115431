"use client";

import { Check, MessageSquareText, Sparkles } from "lucide-react";
import * as React from "react";
import { readOutcome } from "@/components/hotel/refusal";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { MarketplaceItem } from "@/lib/marketplace/queries";
import { MAX_BUNDLE_QUANTITY } from "@/lib/marketplace/schemas";
import { formatMoney } from "@/lib/money";
import { buyAddonAction } from "./actions";

/**
 * One add-on of the catalogue: what it gives, its price in the hotel's currency and, for those
 * who may buy, "Buy now" (with a quantity for SMS bundles). A successful buy redirects to checkout.
 */
export function BuyCard({
  item,
  locale,
  canBuy,
}: {
  item: MarketplaceItem;
  locale: string;
  canBuy: boolean;
}) {
  const [quantity, setQuantity] = React.useState("1");
  const [error, setError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();
  const bundle = item.kind === "sms_bundle";
  const qty = /^\d+$/.test(quantity.trim()) ? Number(quantity) : Number.NaN;
  const validQty = Number.isInteger(qty) && qty >= 1 && qty <= MAX_BUNDLE_QUANTITY;
  const total = validQty ? item.amountMinor * qty : item.amountMinor;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!validQty) {
      setError(`Choose a quantity from 1 to ${MAX_BUNDLE_QUANTITY}.`);
      return;
    }
    setError(null);
    startTransition(async () => {
      // On success the action redirects to the checkout; only a refusal comes back.
      const outcome = readOutcome(await buyAddonAction({ addonId: item.id, quantity: bundle ? qty : 1 }));
      if (!outcome.ok) setError(outcome.message);
    });
  };

  return (
    <Card className="flex flex-col">
      <CardHeader>
        <div className="flex items-start justify-between gap-2">
          <CardTitle className="flex items-center gap-2">
            {bundle ? (
              <MessageSquareText className="size-4 text-brand-600" aria-hidden />
            ) : (
              <Sparkles className="size-4 text-brand-600" aria-hidden />
            )}
            {item.name}
          </CardTitle>
          {item.billing === "recurring" ? <Badge variant="outline">Every period</Badge> : null}
        </div>
        <CardDescription>
          {item.description ||
            (bundle
              ? `${(item.smsCredits ?? 0).toLocaleString(locale)} SMS credits`
              : "A feature for your hotel")}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex-1 space-y-1">
        <p className="text-2xl font-semibold tracking-tight tabular-nums">
          {formatMoney(item.amountMinor, item.currency, locale)}
          {item.billing === "recurring" ? (
            <span className="text-sm font-normal text-zinc-500"> / period</span>
          ) : null}
        </p>
        {bundle ? (
          <p className="text-sm text-zinc-500">
            {(item.smsCredits ?? 0).toLocaleString(locale)} credits per bundle
          </p>
        ) : null}
      </CardContent>
      <CardFooter className="block space-y-3">
        {item.held ? (
          <p className="inline-flex items-center gap-1 text-sm font-medium text-emerald-700">
            <Check className="size-4" aria-hidden /> Active for your hotel
          </p>
        ) : canBuy ? (
          <form onSubmit={submit} className="flex flex-wrap items-end gap-2" noValidate>
            {bundle ? (
              <FormField id={`${id}-qty`} label="Quantity" className="w-24">
                <Input
                  inputMode="numeric"
                  value={quantity}
                  onChange={(e) => setQuantity(e.target.value)}
                  aria-label={`Quantity of ${item.name}`}
                />
              </FormField>
            ) : null}
            <Button type="submit" loading={pending} aria-label={`Buy ${item.name}`}>
              Buy now{bundle && validQty && qty > 1 ? ` · ${formatMoney(total, item.currency, locale)}` : ""}
            </Button>
          </form>
        ) : (
          <p className="text-sm text-zinc-500">Ask an owner or manager to buy this.</p>
        )}
        {error ? <FormError>{error}</FormError> : null}
      </CardFooter>
    </Card>
  );
}
