CREATE TYPE "public"."checkout_status" AS ENUM('open', 'completed', 'failed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."invoice_kind" AS ENUM('cycle', 'manual');--> statement-breakpoint
CREATE TYPE "public"."invoice_line_kind" AS ENUM('plan', 'sms_overage', 'addon', 'proration', 'adjustment', 'manual');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'open', 'paid', 'void', 'uncollectible');--> statement-breakpoint
CREATE TYPE "public"."payment_provider" AS ENUM('stripe', 'paystack', 'manual', 'test');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('pending', 'succeeded', 'failed', 'refunded', 'partially_refunded');--> statement-breakpoint
CREATE TYPE "public"."usage_metric" AS ENUM('sms_segments', 'emails', 'active_staff', 'rooms', 'storage_mb');--> statement-breakpoint
CREATE TYPE "public"."addon_billing" AS ENUM('one_off', 'recurring');--> statement-breakpoint
CREATE TYPE "public"."addon_kind" AS ENUM('sms_bundle', 'feature');--> statement-breakpoint
CREATE TYPE "public"."purchase_status" AS ENUM('pending', 'fulfilled', 'failed', 'cancelled', 'refunded');--> statement-breakpoint
CREATE SEQUENCE "public"."platform_invoice_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "platform_billing_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"draft_grace_hours" integer DEFAULT 24 NOT NULL,
	"payment_terms_days" integer DEFAULT 14 NOT NULL,
	"reminder_days" integer[] DEFAULT '{1,3,7}' NOT NULL,
	"past_due_after_days" integer DEFAULT 1 NOT NULL,
	"suspend_after_days" integer DEFAULT 14 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_checkout_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"purpose" text NOT NULL,
	"invoice_id" uuid,
	"purchase_id" uuid,
	"provider_session_id" text,
	"url" text,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "checkout_status" DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_dunning_steps" (
	"invoice_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"step" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_dunning_steps_invoice_id_step_pk" PRIMARY KEY("invoice_id","step")
);
--> statement-breakpoint
CREATE TABLE "platform_invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" "invoice_line_kind" NOT NULL,
	"description" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit_amount_minor" integer NOT NULL,
	"amount_minor" integer NOT NULL,
	"source_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_invoice_lines_source_key" UNIQUE("invoice_id","source_key")
);
--> statement-breakpoint
CREATE TABLE "platform_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" "invoice_kind" DEFAULT 'cycle' NOT NULL,
	"status" "invoice_status" DEFAULT 'draft' NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" integer DEFAULT 0 NOT NULL,
	"tax_rate_bps" integer DEFAULT 0 NOT NULL,
	"tax_minor" integer DEFAULT 0 NOT NULL,
	"total_minor" integer DEFAULT 0 NOT NULL,
	"amount_paid_minor" integer DEFAULT 0 NOT NULL,
	"finalize_after" timestamp with time zone NOT NULL,
	"due_date" date,
	"issued_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"memo" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid,
	"purchase_id" uuid,
	"provider" "payment_provider" NOT NULL,
	"provider_reference" text NOT NULL,
	"status" "payment_status" DEFAULT 'pending' NOT NULL,
	"amount_minor" integer NOT NULL,
	"refunded_minor" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"method" text,
	"received_at" timestamp with time zone,
	"recorded_by_user_id" uuid,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"amount_minor" integer NOT NULL,
	"reason" text,
	"reference" text NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_tax_rates" (
	"country" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"rate_bps" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_usage" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"quantity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_usage_tenant_id_day_metric_pk" PRIMARY KEY("tenant_id","day","metric")
);
--> statement-breakpoint
CREATE TABLE "platform_usage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"quantity" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"is_adjustment" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "platform_addon_prices" (
	"addon_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" integer NOT NULL,
	CONSTRAINT "platform_addon_prices_addon_id_currency_pk" PRIMARY KEY("addon_id","currency")
);
--> statement-breakpoint
CREATE TABLE "platform_addon_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"addon_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "purchase_status" DEFAULT 'pending' NOT NULL,
	"on_account" boolean DEFAULT false NOT NULL,
	"payment_provider" "payment_provider",
	"invoice_id" uuid,
	"fulfilled_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_addons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "addon_kind" NOT NULL,
	"sms_credits" integer,
	"feature_flag_key" text,
	"billing" "addon_billing" DEFAULT 'one_off' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_tenant_addons" (
	"tenant_id" uuid NOT NULL,
	"addon_id" uuid NOT NULL,
	"purchase_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "platform_tenant_addons_tenant_id_addon_id_pk" PRIMARY KEY("tenant_id","addon_id")
);
--> statement-breakpoint
ALTER TABLE "platform_tenants" ADD COLUMN "payment_provider" text;--> statement-breakpoint
ALTER TABLE "platform_checkout_sessions" ADD CONSTRAINT "platform_checkout_sessions_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_checkout_sessions" ADD CONSTRAINT "platform_checkout_sessions_invoice_id_platform_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."platform_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_checkout_sessions" ADD CONSTRAINT "platform_checkout_sessions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_dunning_steps" ADD CONSTRAINT "platform_dunning_steps_invoice_id_platform_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."platform_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_dunning_steps" ADD CONSTRAINT "platform_dunning_steps_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_invoice_lines" ADD CONSTRAINT "platform_invoice_lines_invoice_id_platform_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."platform_invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_invoice_lines" ADD CONSTRAINT "platform_invoice_lines_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_invoices" ADD CONSTRAINT "platform_invoices_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_invoices" ADD CONSTRAINT "platform_invoices_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_payments" ADD CONSTRAINT "platform_payments_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_payments" ADD CONSTRAINT "platform_payments_invoice_id_platform_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."platform_invoices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_payments" ADD CONSTRAINT "platform_payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_refunds" ADD CONSTRAINT "platform_refunds_payment_id_platform_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."platform_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_refunds" ADD CONSTRAINT "platform_refunds_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_refunds" ADD CONSTRAINT "platform_refunds_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_usage" ADD CONSTRAINT "platform_usage_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_usage_events" ADD CONSTRAINT "platform_usage_events_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_addon_prices" ADD CONSTRAINT "platform_addon_prices_addon_id_platform_addons_id_fk" FOREIGN KEY ("addon_id") REFERENCES "public"."platform_addons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_addon_purchases" ADD CONSTRAINT "platform_addon_purchases_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_addon_purchases" ADD CONSTRAINT "platform_addon_purchases_addon_id_platform_addons_id_fk" FOREIGN KEY ("addon_id") REFERENCES "public"."platform_addons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_addon_purchases" ADD CONSTRAINT "platform_addon_purchases_invoice_id_platform_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."platform_invoices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_addon_purchases" ADD CONSTRAINT "platform_addon_purchases_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tenant_addons" ADD CONSTRAINT "platform_tenant_addons_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tenant_addons" ADD CONSTRAINT "platform_tenant_addons_addon_id_platform_addons_id_fk" FOREIGN KEY ("addon_id") REFERENCES "public"."platform_addons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tenant_addons" ADD CONSTRAINT "platform_tenant_addons_purchase_id_platform_addon_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."platform_addon_purchases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_checkout_sessions_provider_session_key" ON "platform_checkout_sessions" USING btree ("provider","provider_session_id");--> statement-breakpoint
CREATE INDEX "platform_checkout_sessions_tenant_idx" ON "platform_checkout_sessions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_invoices_number_key" ON "platform_invoices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_invoices_tenant_period_key" ON "platform_invoices" USING btree ("tenant_id","period_start") WHERE "platform_invoices"."kind" = 'cycle';--> statement-breakpoint
CREATE INDEX "platform_invoices_tenant_idx" ON "platform_invoices" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_invoices_status_idx" ON "platform_invoices" USING btree ("status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_payments_provider_reference_key" ON "platform_payments" USING btree ("provider","provider_reference");--> statement-breakpoint
CREATE INDEX "platform_payments_tenant_idx" ON "platform_payments" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_payments_invoice_idx" ON "platform_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_refunds_reference_key" ON "platform_refunds" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_usage_events_key" ON "platform_usage_events" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "platform_usage_events_tenant_idx" ON "platform_usage_events" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "platform_usage_events_created_idx" ON "platform_usage_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_webhook_events_key" ON "platform_webhook_events" USING btree ("provider","event_id");--> statement-breakpoint
CREATE INDEX "platform_addon_purchases_tenant_idx" ON "platform_addon_purchases" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_addons_code_key" ON "platform_addons" USING btree ("code");