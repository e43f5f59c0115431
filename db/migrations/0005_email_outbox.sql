CREATE TABLE "platform_email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"event" text NOT NULL,
	"dedupe_key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform_email_outbox" ADD CONSTRAINT "platform_email_outbox_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_email_outbox_tenant_idx" ON "platform_email_outbox" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_email_outbox_created_idx" ON "platform_email_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_email_outbox_dedupe_key" ON "platform_email_outbox" USING btree ("dedupe_key");