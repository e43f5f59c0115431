CREATE TYPE "public"."email_provider_kind" AS ENUM('resend', 'sendgrid', 'ses', 'mailgun', 'dev-sink');--> statement-breakpoint
CREATE TYPE "public"."message_channel" AS ENUM('sms', 'email');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('queued', 'sent', 'delivered', 'failed', 'undelivered');--> statement-breakpoint
CREATE TYPE "public"."sms_provider_kind" AS ENUM('twilio', 'termii', 'dev-sink');--> statement-breakpoint
CREATE TABLE "dev_sink_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"channel" "message_channel" NOT NULL,
	"to" text NOT NULL,
	"from" text,
	"subject" text,
	"body" text NOT NULL,
	"html" text,
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_delivery_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_kind" text NOT NULL,
	"provider_message_id" text,
	"message_id" uuid,
	"status" text,
	"outcome" text NOT NULL,
	"reason" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"event" text NOT NULL,
	"channel" "message_channel" NOT NULL,
	"template_id" uuid,
	"locale" text,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"html" text,
	"provider_kind" text,
	"provider_id" uuid,
	"provider_message_id" text,
	"status" "message_status" DEFAULT 'queued' NOT NULL,
	"error" text,
	"segments" integer DEFAULT 0 NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	"cost_minor" integer DEFAULT 0 NOT NULL,
	"cost_currency" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text NOT NULL,
	"credit_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_email_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"credentials_ciphertext" text,
	"credentials_key_id" text,
	"credentials_hint" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost_per_message_minor" integer DEFAULT 0 NOT NULL,
	"cost_currency" text DEFAULT 'USD' NOT NULL,
	"throttle_per_second" integer DEFAULT 10 NOT NULL,
	"last_tested_at" timestamp with time zone,
	"last_test_ok" boolean,
	"last_test_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "email_provider_kind" NOT NULL,
	"from_address" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"event" text NOT NULL,
	"channel" "message_channel" NOT NULL,
	"locale" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_message_templates_key" UNIQUE NULLS NOT DISTINCT("tenant_id","event","channel","locale")
);
--> statement-breakpoint
CREATE TABLE "platform_sms_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"credentials_ciphertext" text,
	"credentials_key_id" text,
	"credentials_hint" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost_per_message_minor" integer DEFAULT 0 NOT NULL,
	"cost_currency" text DEFAULT 'USD' NOT NULL,
	"throttle_per_second" integer DEFAULT 10 NOT NULL,
	"last_tested_at" timestamp with time zone,
	"last_test_ok" boolean,
	"last_test_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "sms_provider_kind" NOT NULL,
	"sender_id" text
);
--> statement-breakpoint
CREATE TABLE "tenant_notification_preferences" (
	"tenant_id" uuid NOT NULL,
	"event" text NOT NULL,
	"channel" "message_channel" NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_notification_preferences_tenant_id_event_channel_pk" PRIMARY KEY("tenant_id","event","channel")
);
--> statement-breakpoint
CREATE TABLE "tenant_provider_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"channel" "message_channel" NOT NULL,
	"sms_provider_id" uuid,
	"email_provider_id" uuid,
	"priority" integer DEFAULT 1 NOT NULL,
	"sender" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_provider_assignments_priority_key" UNIQUE("tenant_id","channel","priority"),
	CONSTRAINT "tenant_provider_assignments_provider_check" CHECK (("tenant_provider_assignments"."channel" = 'sms' AND "tenant_provider_assignments"."sms_provider_id" IS NOT NULL AND "tenant_provider_assignments"."email_provider_id" IS NULL)
       OR ("tenant_provider_assignments"."channel" = 'email' AND "tenant_provider_assignments"."email_provider_id" IS NOT NULL AND "tenant_provider_assignments"."sms_provider_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "dev_sink_messages" ADD CONSTRAINT "dev_sink_messages_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_delivery_events" ADD CONSTRAINT "message_delivery_events_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_template_id_platform_message_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."platform_message_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_message_templates" ADD CONSTRAINT "platform_message_templates_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_message_templates" ADD CONSTRAINT "platform_message_templates_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_notification_preferences" ADD CONSTRAINT "tenant_notification_preferences_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_provider_assignments" ADD CONSTRAINT "tenant_provider_assignments_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_provider_assignments" ADD CONSTRAINT "tenant_provider_assignments_sms_provider_id_platform_sms_providers_id_fk" FOREIGN KEY ("sms_provider_id") REFERENCES "public"."platform_sms_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_provider_assignments" ADD CONSTRAINT "tenant_provider_assignments_email_provider_id_platform_email_providers_id_fk" FOREIGN KEY ("email_provider_id") REFERENCES "public"."platform_email_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dev_sink_messages_tenant_idx" ON "dev_sink_messages" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "dev_sink_messages_created_idx" ON "dev_sink_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "message_delivery_events_message_idx" ON "message_delivery_events" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "message_delivery_events_received_idx" ON "message_delivery_events" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency_key" ON "messages" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "messages_tenant_created_idx" ON "messages" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_status_idx" ON "messages" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "messages_provider_message_idx" ON "messages" USING btree ("provider_kind","provider_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_email_providers_default_idx" ON "platform_email_providers" USING btree ("is_default") WHERE "platform_email_providers"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "platform_sms_providers_default_idx" ON "platform_sms_providers" USING btree ("is_default") WHERE "platform_sms_providers"."is_default";