// Console > Feature flags > one flag: its default and kill switch, the ordered rules editor, the
// per-hotel overrides, and what refers to it. flags.read looks; flags.write changes.
import { ArrowLeft, Pencil } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteFlagButton } from "@/components/flags/delete-flag-button";
import { FlagDialog } from "@/components/flags/flag-dialog";
import { KillSwitch } from "@/components/flags/kill-switch";
import type { MultiSelectOption } from "@/components/flags/multi-select";
import { OverridesPanel } from "@/components/flags/overrides-panel";
import { RulesEditor } from "@/components/flags/rules-editor";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import {
  getFlag,
  getFlagReferences,
  getTenantNames,
  listFlagOverrides,
  listPlanChoices,
} from "@/lib/flags/queries";
import { flagKeySchema } from "@/lib/flags/schemas";
import { summarizeRules } from "@/lib/flags/summary";
import { listTenants } from "@/lib/tenants/queries";

const TENANT_PICKER_LIMIT = 500;

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }) {
  return { title: `Flag ${(await params).key}` };
}

export default async function FlagPage({ params }: { params: Promise<{ key: string }> }) {
  const ctx = await requirePlatformRole("flags.read");
  const canWrite = platformCan(ctx.platformRole, "flags.write");
  const parsedKey = flagKeySchema.safeParse((await params).key);
  if (!parsedKey.success) notFound();
  const db = await getDb();
  const flag = await getFlag(db, parsedKey.data);
  if (!flag) notFound();

  const [overrides, references, plans, tenantList] = await Promise.all([
    listFlagOverrides(db, { flagId: flag.id }),
    getFlagReferences(db, flag.key),
    listPlanChoices(db),
    listTenants(db, { sort: { id: "name", desc: false }, limit: TENANT_PICKER_LIMIT, offset: 0 }),
  ]);
  // Hotels the rules name may be beyond the picker's first page (or deleted): fetch their names too.
  const listed = new Set(tenantList.rows.map((t) => t.id));
  const named = flag.rules.flatMap((r) => (r.type === "tenants" ? r.tenantIds : []));
  const extra = await getTenantNames(
    db,
    named.filter((id) => !listed.has(id)),
  );
  const tenantOptions: MultiSelectOption[] = [
    ...tenantList.rows.map((t) => ({ value: t.id, label: t.name, hint: t.slug })),
    ...extra.map((t) => ({
      value: t.id,
      label: t.name,
      hint: t.status === "deleted" ? `${t.slug} · deleted` : t.slug,
    })),
  ];
  const planOptions: MultiSelectOption[] = plans.map((p) => ({
    value: p.code,
    label: p.name,
    hint: p.isActive ? p.code : `${p.code} · archived`,
  }));
  const usedBy = [
    ...references.plans.map((p) => `Plan ${p.name} (${p.code})`),
    ...references.navItems.map((n) => `${n.scope === "console" ? "Console" : "Portal"} menu: ${n.label}`),
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/platform/flags" className="inline-flex items-center gap-1 hover:text-zinc-900">
            <ArrowLeft className="size-3.5" aria-hidden /> Feature flags
          </Link>
        }
        title={<span className="font-mono">{flag.key}</span>}
        description={flag.description || undefined}
        actions={
          <>
            <KillSwitch flagKey={flag.key} killed={flag.killed} canWrite={canWrite} />
            {canWrite ? (
              <>
                <FlagDialog
                  flag={{ key: flag.key, description: flag.description, defaultEnabled: flag.defaultEnabled }}
                  trigger={
                    <Button variant="outline">
                      <Pencil aria-hidden /> Edit
                    </Button>
                  }
                />
                <DeleteFlagButton
                  flagKey={flag.key}
                  overrides={overrides.length}
                  redirectTo="/platform/flags"
                />
              </>
            ) : null}
          </>
        }
      >
        <Badge variant={flag.defaultEnabled ? "success" : "neutral"}>
          Default {flag.defaultEnabled ? "on" : "off"}
        </Badge>
        <Badge variant="outline">{summarizeRules(flag.rules)}</Badge>
        {flag.killed ? <Badge variant="danger">Killed: off for everyone</Badge> : null}
        {usedBy.map((u) => (
          <Badge key={u} variant="info">
            {u}
          </Badge>
        ))}
      </PageHeader>

      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Rules</CardTitle>
            <CardDescription>
              Checked in order for each hotel without an override; the first that matches decides. Hotels no
              rule matches get the default.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RulesEditor
              // Remount after a save so the editor shows what was stored.
              key={JSON.stringify(flag.rules)}
              flagKey={flag.key}
              rules={flag.rules}
              tenants={tenantOptions}
              plans={planOptions}
              canWrite={canWrite}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Overrides</CardTitle>
            <CardDescription>
              Force the flag on or off for one hotel, whatever the rules say. Only the kill switch beats an
              override.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <OverridesPanel
              flagKey={flag.key}
              overrides={overrides.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() }))}
              tenants={tenantList.rows.map((t) => ({ value: t.id, label: `${t.name} (${t.slug})` }))}
              canWrite={canWrite}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
