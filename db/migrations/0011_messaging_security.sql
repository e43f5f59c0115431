-- Row-level security on the messaging tables (the pattern of 0009_sms_credits_security): a tenant
-- session (role hearth_app, app.tenant_id set) sees its own rows; platform code sees everything.
-- Templates: a tenant also reads the platform defaults (tenant_id null) but writes only its own.
-- Provider tables hold encrypted credentials and are platform-only: the tenant role gets nothing.
REVOKE ALL ON platform_sms_providers, platform_email_providers, message_delivery_events FROM hearth_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['messages', 'dev_sink_messages', 'tenant_provider_assignments', 'tenant_notification_preferences'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I TO hearth_app
      USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    EXECUTE format('CREATE POLICY platform_path ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE platform_message_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_message_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON platform_message_templates TO hearth_app
  USING (tenant_id IS NULL OR tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY platform_path ON platform_message_templates TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
--> statement-breakpoint
ALTER TABLE messages ADD CONSTRAINT messages_counts_check CHECK (segments >= 0 AND credits >= 0 AND cost_minor >= 0 AND attempts >= 0);
