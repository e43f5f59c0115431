-- Row-level security on the SMS credit tables, as on the billing tables (0004_tenant_rls_billing),
-- and the checks drizzle-kit does not emit: a pool never goes below zero, a ledger row always moves it.
ALTER TABLE platform_sms_credit_pool ADD CONSTRAINT platform_sms_credit_pool_balance_check CHECK (balance >= 0);
--> statement-breakpoint
ALTER TABLE platform_sms_credit_ledger ADD CONSTRAINT platform_sms_credit_ledger_delta_check CHECK (delta <> 0);
--> statement-breakpoint
ALTER TABLE platform_sms_credit_pool ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_sms_credit_pool FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON platform_sms_credit_pool TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE platform_sms_credit_ledger ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_sms_credit_ledger FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON platform_sms_credit_ledger TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY platform_path ON platform_sms_credit_pool TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY platform_path ON platform_sms_credit_ledger TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
