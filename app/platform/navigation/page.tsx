// Console > Navigation: the console's and the portals' menu items, one tenant's overrides beside its
// effective menu, and import of a JSON definition. Everyone with nav.read looks; super admins change.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NativeSelect } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { defaultNavItems } from "@/lib/nav/defaults";
import { listNavItems, listNavOverrides, toNavOverride } from "@/lib/nav/queries";
import { getTenantPortalMenu } from "@/lib/nav/tenant-menu";
import { getTenantById, listTenants } from "@/lib/tenants/queries";
import { ImportPanel } from "./import-panel";
import { MenuPreview } from "./menu-preview";
import { NavItemsTable } from "./nav-items-table";
import { TenantOverridesEditor } from "./tenant-overrides-editor";
import { toDefinitionEntry, toNavItemView } from "./view";

export const metadata = { title: "Navigation" };

const tabs = ["console", "portal", "overrides", "import"] as const;
const TENANT_PICKER_LIMIT = 500;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function NavigationPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePlatformRole("nav.read");
  const canWrite = platformCan(ctx.platformRole, "nav.write");
  const params = await searchParams;
  const tab = tabs.find((t) => t === first(params.tab)) ?? "console";
  const db = await getDb();

  const [consoleRows, portalRows, tenantList] = await Promise.all([
    listNavItems(db, { scope: "console" }),
    listNavItems(db, { scope: "portal" }),
    listTenants(db, { sort: { id: "name", desc: false }, limit: TENANT_PICKER_LIMIT, offset: 0 }),
  ]);
  const consoleItems = consoleRows.map(toNavItemView);
  const portalItems = portalRows.map(toNavItemView);
  const defaultKeys = defaultNavItems.map((i) => i.key);

  const requested = first(params.tenant);
  const found = requested ? await getTenantById(db, requested) : null;
  const tenant = found && found.status !== "deleted" && !found.deletedAt ? found : null;
  const [menu, overrides] = tenant
    ? await Promise.all([
        getTenantPortalMenu(db, tenant, "owner"),
        listNavOverrides(db, { tenantId: tenant.id }),
      ])
    : [[], []];

  const currentDefinition = JSON.stringify(
    { version: 1, items: [...consoleItems, ...portalItems].map(toDefinitionEntry) },
    null,
    2,
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Navigation"
        description="One source for every menu: the console's sidebar and each hotel's portal. Hotels can hide, rename and reorder portal items."
      />
      <Tabs defaultValue={tab}>
        <TabsList aria-label="Navigation sections">
          <TabsTrigger value="console">Console items</TabsTrigger>
          <TabsTrigger value="portal">Portal items</TabsTrigger>
          <TabsTrigger value="overrides">Tenant overrides</TabsTrigger>
          <TabsTrigger value="import">Import JSON</TabsTrigger>
        </TabsList>

        <TabsContent value="console">
          <NavItemsTable scope="console" items={consoleItems} canWrite={canWrite} defaultKeys={defaultKeys} />
        </TabsContent>

        <TabsContent value="portal">
          <NavItemsTable scope="portal" items={portalItems} canWrite={canWrite} defaultKeys={defaultKeys} />
        </TabsContent>

        <TabsContent value="overrides" className="space-y-4">
          <form method="get" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="tab" value="overrides" />
            <div className="flex w-72 flex-col gap-1.5">
              <label htmlFor="tenant-picker" className="text-sm font-medium text-zinc-800">
                Tenant
              </label>
              <NativeSelect
                id="tenant-picker"
                name="tenant"
                defaultValue={tenant?.id ?? ""}
                placeholder="Choose a hotel…"
                options={tenantList.rows.map((t) => ({ value: t.id, label: `${t.name} (${t.slug})` }))}
              />
            </div>
            <SubmitButton variant="outline">Show</SubmitButton>
            {tenantList.total > TENANT_PICKER_LIMIT ? (
              <p className="text-xs text-zinc-500">
                The first {TENANT_PICKER_LIMIT} hotels by name are listed.
              </p>
            ) : null}
          </form>
          {requested && !tenant ? (
            <p role="alert" className="text-sm text-red-700">
              That hotel does not exist or has been deleted.
            </p>
          ) : null}
          {tenant ? (
            <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
              <Card>
                <CardHeader>
                  <CardTitle>Overrides of {tenant.name}</CardTitle>
                  <CardDescription>
                    Leave a field empty to keep the platform&apos;s value. Hiding a parent hides its items.
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <TenantOverridesEditor
                    tenantId={tenant.id}
                    items={portalItems}
                    overrides={overrides.map(toNavOverride)}
                    canWrite={canWrite}
                  />
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Effective menu</CardTitle>
                  <CardDescription>
                    What the hotel&apos;s owner sees, with its plan, flags and overrides.
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <MenuPreview menu={menu} label={`Effective menu of ${tenant.name}`} />
                </CardContent>
              </Card>
            </div>
          ) : null}
        </TabsContent>

        <TabsContent value="import">
          {canWrite ? (
            <ImportPanel currentDefinition={currentDefinition} />
          ) : (
            <p className="text-sm text-zinc-500">Only super admins can import a navigation definition.</p>
          )}
        </TabsContent>
      </Tabs>
    </div>
  );
}
