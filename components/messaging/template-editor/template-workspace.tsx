// A templates page's body, console and portal alike: the selected template's editor (under the
// selector that switches event, channel and locale) above the list of every template.
import { Card, CardContent } from "@/components/ui/card";
import { helperExamples } from "@/lib/messaging/templates/preview";
import type { EditableTemplate, TemplateGroup } from "@/lib/messaging/templates/queries";
import { type TemplateEvent, templateVariables } from "@/lib/messaging/templates/schemas";
import { TemplateEditor } from "./template-editor";
import { TemplateList } from "./template-list";
import { TemplateSelector } from "./template-selector";
import type { EditorActions, EditorKey } from "./types";
import { editorTemplate, type Scope, selectorData, toListRows } from "./view";

export function TemplateWorkspace({
  scope,
  groups,
  selected,
  editable,
  canWrite,
  actions,
  basePath,
}: {
  scope: Scope;
  groups: readonly TemplateGroup[];
  selected: EditorKey | null;
  /** The selected template, when its event is one this page edits; without it there is no editor. */
  editable: { event: TemplateEvent; data: EditableTemplate } | null;
  canWrite: boolean;
  actions: EditorActions;
  /** The page's own path: the list's links pick a template with `?event=&channel=&locale=`. */
  basePath: string;
}) {
  const selector = selected ? selectorData(scope, groups, selected) : null;
  const template = editable ? editorTemplate(editable.data) : null;
  const variables = editable ? templateVariables(editable.event) : [];
  return (
    <>
      {selected && selector && template ? (
        <Card>
          <CardContent className="space-y-5">
            <TemplateSelector events={selector.events} locales={selector.locales} selected={selected} />
            {scope === "tenant" && !template.stored ? (
              <p className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-[13px] text-zinc-600">
                This is the platform&apos;s default. Edit it and save to use your own version.
              </p>
            ) : null}
            <TemplateEditor
              key={`${selected.event}:${selected.channel}:${selected.locale}:${template.updatedAt ?? "unsaved"}`}
              scope={scope}
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
      <TemplateList rows={toListRows(scope, groups)} basePath={basePath} selected={selected} />
    </>
  );
}
