// Console > Messaging > Templates: the platform's default templates per event, channel and locale,
// which every hotel uses unless it saves its own. Messaging readers look and preview; editing,
// switching off and test sends need messaging.write. `?event=&channel=&locale=` picks the template.
import { TemplateWorkspace } from "@/components/messaging/template-editor/template-workspace";
import type { EditorActions } from "@/components/messaging/template-editor/types";
import { selectTemplate } from "@/components/messaging/template-editor/view";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { platformCan } from "@/lib/auth/permissions";
import { getEditableTemplate, listTemplates } from "@/lib/messaging/templates/queries";
import { isTemplateEvent } from "@/lib/messaging/templates/schemas";
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

  return (
    <div className="space-y-6">
      <PageHeader
        title="Message templates"
        description="The platform's default messages for every event, channel and language. Hotels use these unless they save their own version; previews use a sample guest and booking."
      />
      <TemplateWorkspace
        scope="platform"
        groups={groups}
        selected={selected}
        editable={editable}
        canWrite={canWrite}
        actions={actions}
        basePath={BASE_PATH}
      />
    </div>
  );
}
