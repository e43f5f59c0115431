-- Row-level security on the billing and marketplace tables (the pattern of 0011): a tenant session
-- reads its own invoices, lines, payments, refunds, checkouts, purchases, add-ons and usage.
-- Platform-only tables (webhook events, dunning steps, settings, tax rates, the catalogue's writes)
-- are not granted to the tenant role beyond reading the catalogue and tax rates.
REVOKE ALL ON platform_webhook_events, platform_dunning_steps, platform_billing_settings FROM hearth_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON platform_addons, platform_addon_prices, platform_tax_rates FROM hearth_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['platform_invoices', 'platform_invoice_lines', 'platform_payments', 'platform_refunds',
    'platform_checkout_sessions', 'platform_addon_purchases', 'platform_tenant_addons', 'platform_usage',
    'platform_usage_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I TO hearth_app
      USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    EXECUTE format('CREATE POLICY platform_path ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE platform_invoices ADD CONSTRAINT platform_invoices_amounts_check
  CHECK (subtotal_minor >= 0 AND tax_minor >= 0 AND total_minor = subtotal_minor + tax_minor AND amount_paid_minor >= 0);
--> statement-breakpoint
ALTER TABLE platform_payments ADD CONSTRAINT platform_payments_amounts_check
  CHECK (amount_minor > 0 AND refunded_minor >= 0 AND refunded_minor <= amount_minor);
--> statement-breakpoint
ALTER TABLE platform_refunds ADD CONSTRAINT platform_refunds_amount_check CHECK (amount_minor > 0);
--> statement-breakpoint
ALTER TABLE platform_addon_prices ADD CONSTRAINT platform_addon_prices_amount_check CHECK (amount_minor > 0);
--> statement-breakpoint
ALTER TABLE platform_addons ADD CONSTRAINT platform_addons_kind_check
  CHECK ((kind = 'sms_bundle' AND sms_credits > 0) OR (kind = 'feature' AND feature_flag_key IS NOT NULL));
--> statement-breakpoint
ALTER TABLE platform_billing_settings ADD CONSTRAINT platform_billing_settings_singleton CHECK (id = 1);
--> statement-breakpoint
INSERT INTO platform_billing_settings (id) VALUES (1) ON CONFLICT DO NOTHING;
