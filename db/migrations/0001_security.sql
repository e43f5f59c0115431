-- Security that drizzle-kit does not emit: the app role, GRANTs, FORCE RLS, tenant policies,
-- and an append-only audit stream.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hearth_app') THEN
    CREATE ROLE hearth_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO hearth_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hearth_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hearth_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hearth_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hearth_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON platform_audit_stream FROM hearth_app;
--> statement-breakpoint
CREATE FUNCTION hearth_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform_audit_stream is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER platform_audit_stream_append_only BEFORE UPDATE OR DELETE ON platform_audit_stream
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER platform_audit_stream_no_truncate BEFORE TRUNCATE ON platform_audit_stream
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_audit_change();
--> statement-breakpoint
-- Tenant-scoped tables: rows are visible and writable only for the tenant set in app.tenant_id
-- (transaction-local). NULLIF: after a transaction the setting reads '' rather than NULL.
ALTER TABLE tenant_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenant_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenant_members TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE tenant_nav_overrides ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenant_nav_overrides FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenant_nav_overrides TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- The role that runs migrations owns the tables and is the platform's own path (no tenant scope).
-- FORCE would otherwise shut it out where it is not a superuser.
DO $$ BEGIN
  EXECUTE format('CREATE POLICY platform_path ON tenant_members TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY platform_path ON tenant_nav_overrides TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
