// Console > Messaging > Templates: the platform's default templates per event, channel and locale,
// which every hotel uses unless it saves its own. Messaging readers look and preview; editing,
// switching off and test sends need messaging.write. `?event=&channel=&locale=` picks the template.
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
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { helperExamples } from "@/lib/messaging/templates/preview";
import { getEditableTemplate, listTemplates } from "@/lib/messaging/templates/queries";
import { isTemplateEvent, templateVariables } from "@/lib/messaging/templates/schemas";
import {
  previewPlatformTemplateAction,
  savePlatformTemplateAction,
  setPlatformTemplateActiveAction,
  testSendPlatformTemplateAction,
} from "./actions";

export const metadata = { title: "Templates" };

const BASE_PATH = "/platform/messaging/templates";

const actions: EditorActions = {
  preview: previewPlatformTemplateAction,
  save: savePlatformTemplateAction,
  setActive: setPlatformTemplateActiveAction,
  testSend: testSendPlatformTemplateAction,
};

export default async function PlatformTemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePlatformRole("messaging.read");
  const canWrite = platformCan(ctx.platformRole, "messaging.write");
  const db = await getDb();
  const groups = await listTemplates(db, { tenantId: null });
  const selected = selectTemplate(groups, await searchParams);
  const editable =
    selected && isTemplateEvent(selected.event)
      ? { event: selected.event, data: await getEditableTemplate(db, { tenantId: null, ...selected }) }
      : null;
  const selector = selected ? selectorData("platform", groups, selected) : null;
  const template = editable ? editorTemplate(editable.data) : null;
  const variables = editable ? templateVariables(editable.event) : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title="Message templates"
        description="The platform's default messages for every event, channel and language. Hotels use these unless they save their own version; previews use a sample guest and booking."
      />
      {selected && selector && template ? (
        <Card>
          <CardContent className="space-y-5">
            <TemplateSelector events={selector.events} locales={selector.locales} selected={selected} />
            <TemplateEditor
              key={`${selected.event}:${selected.channel}:${selected.locale}:${template.updatedAt ?? "new"}`}
              scope="platform"
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
      <TemplateList rows={toListRows("platform", groups)} basePath={BASE_PATH} selected={selected} />
    </div>
  );
}
