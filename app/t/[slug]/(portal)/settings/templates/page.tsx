// Portal > Settings > Templates: the messages this hotel's guests get, per event, channel and
// language, each either the platform's default or the hotel's own version. Owners and managers
// read, preview, customise, reset and test-send. `?event=&channel=&locale=` picks the template.
import { TemplateWorkspace } from "@/components/messaging/template-editor/template-workspace";
import type { EditorActions } from "@/components/messaging/template-editor/types";
import { selectTemplate } from "@/components/messaging/template-editor/view";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { isDomainEventName } from "@/lib/events/schemas";
import { getEditableTemplate, listTemplates } from "@/lib/messaging/templates/queries";
import {
  previewTenantTemplateAction,
  resetTenantTemplateAction,
  saveTenantTemplateAction,
  setTenantTemplateActiveAction,
  testSendTenantTemplateAction,
} from "./actions";

export const metadata = { title: "Message templates" };

const actions: EditorActions = {
  preview: previewTenantTemplateAction,
  save: saveTenantTemplateAction,
  setActive: setTenantTemplateActiveAction,
  testSend: testSendTenantTemplateAction,
  reset: resetTenantTemplateAction,
};

export default async function TenantTemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const tenant = await getCurrentTenant();
  const ctx = await requireTenantMember(tenant, "messages.read");
  const canWrite = tenantCan(ctx.role, "messaging.write");
  const db = await getDb();
  const groups = await listTemplates(db, { tenantId: tenant.id });
  const selected = selectTemplate(groups, await searchParams, { allowNewLocale: false });
  const editable =
    selected && isDomainEventName(selected.event)
      ? { event: selected.event, data: await getEditableTemplate(db, { tenantId: tenant.id, ...selected }) }
      : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Message templates"
        description="What your guests receive by SMS and email. Each message starts as the platform's default; save your own version to change it, or reset it to go back."
      />
      <TemplateWorkspace
        scope="tenant"
        groups={groups}
        selected={selected}
        editable={editable}
        canWrite={canWrite}
        actions={actions}
        basePath="/settings/templates"
      />
    </div>
  );
}
