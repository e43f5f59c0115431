CREATE TYPE "public"."billing_adjustment_kind" AS ENUM('proration_credit', 'proration_charge', 'manual');--> statement-breakpoint
CREATE TYPE "public"."trial_end_action" AS ENUM('activate', 'suspend');--> statement-breakpoint
CREATE TYPE "public"."billing_interval" AS ENUM('monthly', 'yearly');--> statement-breakpoint
CREATE TABLE "platform_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" "platform_role" NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"principal" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" text,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_billing_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" "billing_adjustment_kind" NOT NULL,
	"description" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"plan_change_id" uuid,
	"invoice_id" uuid,
	"invoiced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_plan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"from_plan_id" uuid,
	"to_plan_id" uuid NOT NULL,
	"from_interval" "billing_interval" NOT NULL,
	"to_interval" "billing_interval" NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"credit_minor" integer DEFAULT 0 NOT NULL,
	"charge_minor" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_feature_flag_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flag_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enabled" boolean NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform_feature_flags" ADD COLUMN "rules" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_plans" ADD COLUMN "trial_sms_credits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_plans" ADD COLUMN "trial_end_action" "trial_end_action" DEFAULT 'suspend' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_plans" ADD COLUMN "is_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_tenants" ADD COLUMN "billing_interval" "billing_interval" DEFAULT 'monthly' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_tenants" ADD COLUMN "current_period_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform_tenants" ADD COLUMN "current_period_end" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform_tenants" ADD COLUMN "has_payment_method" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD CONSTRAINT "platform_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_billing_adjustments" ADD CONSTRAINT "platform_billing_adjustments_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_billing_adjustments" ADD CONSTRAINT "platform_billing_adjustments_plan_change_id_platform_plan_changes_id_fk" FOREIGN KEY ("plan_change_id") REFERENCES "public"."platform_plan_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_plan_changes" ADD CONSTRAINT "platform_plan_changes_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_plan_changes" ADD CONSTRAINT "platform_plan_changes_from_plan_id_platform_plans_id_fk" FOREIGN KEY ("from_plan_id") REFERENCES "public"."platform_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_plan_changes" ADD CONSTRAINT "platform_plan_changes_to_plan_id_platform_plans_id_fk" FOREIGN KEY ("to_plan_id") REFERENCES "public"."platform_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_plan_changes" ADD CONSTRAINT "platform_plan_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_feature_flag_overrides" ADD CONSTRAINT "platform_feature_flag_overrides_flag_id_platform_feature_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."platform_feature_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_feature_flag_overrides" ADD CONSTRAINT "platform_feature_flag_overrides_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_api_keys_hash_key" ON "platform_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "platform_api_keys_created_idx" ON "platform_api_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_idempotency_keys_scope_key" ON "platform_idempotency_keys" USING btree ("scope","principal","key");--> statement-breakpoint
CREATE INDEX "platform_billing_adjustments_tenant_idx" ON "platform_billing_adjustments" USING btree ("tenant_id","invoiced_at");--> statement-breakpoint
CREATE INDEX "platform_plan_changes_tenant_idx" ON "platform_plan_changes" USING btree ("tenant_id","effective_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_feature_flag_overrides_flag_tenant" ON "platform_feature_flag_overrides" USING btree ("flag_id","tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_plans_one_default" ON "platform_plans" USING btree ("is_default") WHERE "platform_plans"."is_default";