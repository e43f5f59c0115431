-- 0011 gave tenants one FOR ALL policy on templates whose USING admits platform rows, and DELETE
-- is checked against USING only: a tenant session could delete platform defaults. Split it: read
-- own + platform rows; insert, update and delete only own rows.
DROP POLICY tenant_isolation ON platform_message_templates;
--> statement-breakpoint
CREATE POLICY tenant_read ON platform_message_templates FOR SELECT TO hearth_app
  USING (tenant_id IS NULL OR tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY tenant_insert ON platform_message_templates FOR INSERT TO hearth_app
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY tenant_update ON platform_message_templates FOR UPDATE TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY tenant_delete ON platform_message_templates FOR DELETE TO hearth_app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
