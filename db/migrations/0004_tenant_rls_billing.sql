-- Row-level security on the tenant-scoped billing tables, as on tenant_members (0001_security).
ALTER TABLE platform_plan_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_plan_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON platform_plan_changes TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE platform_billing_adjustments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_billing_adjustments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON platform_billing_adjustments TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY platform_path ON platform_plan_changes TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY platform_path ON platform_billing_adjustments TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
