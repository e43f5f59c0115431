CREATE TYPE "public"."sms_credit_reason" AS ENUM('trial_grant', 'plan_allowance', 'purchase', 'send', 'refund', 'manual_adjustment');--> statement-breakpoint
CREATE TABLE "platform_sms_credit_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"reason" "sms_credit_reason" NOT NULL,
	"reference" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_sms_credit_pool" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"low_balance_threshold" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform_sms_credit_ledger" ADD CONSTRAINT "platform_sms_credit_ledger_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_sms_credit_ledger" ADD CONSTRAINT "platform_sms_credit_ledger_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_sms_credit_pool" ADD CONSTRAINT "platform_sms_credit_pool_tenant_id_platform_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."platform_tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_sms_credit_ledger_reference_idx" ON "platform_sms_credit_ledger" USING btree ("tenant_id","reason","reference");--> statement-breakpoint
CREATE INDEX "platform_sms_credit_ledger_tenant_idx" ON "platform_sms_credit_ledger" USING btree ("tenant_id","created_at");