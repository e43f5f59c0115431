// Portal > Settings > Templates: the messages this hotel's guests get, per event, channel and
// language, each either the platform's default or the hotel's own version. Owners and managers
// read, preview, customise, reset and test-send. `?event=&channel=&locale=` picks the template.
import { TemplateEditor } from "@/components/messaging/template-editor/template-editor";
import { TemplateList } from "@/components/messaging/template-editor/template-list";
import { TemplateSelector } from "@/components/messaging/template-editor/template-selector";
import type { EditorActions } from "@/components/messaging/template-editor/types";
import {
  editorTemplate,
  selectorData,
  selectTemplate,
  toListRows,
} from "@/components/messaging/template-editor/view";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getCurrentTenant, requireTenantMember } from "@/lib/auth/guards";
import { tenantCan } from "@/lib/auth/permissions";
import { isDomainEventName } from "@/lib/events/schemas";
import { helperExamples } from "@/lib/messaging/templates/preview";
import { getEditableTemplate, listTemplates } from "@/lib/messaging/templates/queries";
import { templateVariables } from "@/lib/messaging/templates/schemas";
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
  const selector = selected ? selectorData("tenant", groups, selected) : null;
  const template = editable ? editorTemplate(editable.data) : null;
  const variables = editable ? templateVariables(editable.event) : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title="Message templates"
        description="What your guests receive by SMS and email. Each message starts as the platform's default; save your own version to change it, or reset it to go back."
      />
      {selected && selector && template ? (
        <Card>
          <CardContent className="space-y-5">
            <TemplateSelector events={selector.events} locales={selector.locales} selected={selected} />
            {template.stored ? null : (
              <p className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-[13px] text-zinc-600">
                This is the platform&apos;s default. Edit it and save to use your own version.
              </p>
            )}
            <TemplateEditor
              key={`${selected.event}:${selected.channel}:${selected.locale}:${template.updatedAt ?? "default"}`}
              scope="tenant"
              templateKey={selected}
              template={template}
              canWrite={canWrite}
              variables={variables}
              helpers={helperExamples(variables)}
              actions={actions}
            />
          </CardContent>
        </Card>
      ) : null}
      <TemplateList rows={toListRows("tenant", groups)} basePath="/settings/templates" selected={selected} />
    </div>
  );
}
