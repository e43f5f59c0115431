"use client";

import { RotateCcw, Save } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { readOutcome } from "@/components/hotel/refusal";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ActiveSwitch } from "./active-switch";
import { TemplateErrors } from "./template-errors";
import { TemplatePreview } from "./template-preview";
import { TestSendForm } from "./test-send-form";
import type { EditorActions, EditorKey, EditorTemplate, HelperExample } from "./types";
import { useLivePreview } from "./use-live-preview";
import { VariablePicker } from "./variable-picker";

type Field = "subject" | "body";

export type TemplateEditorProps = {
  scope: "platform" | "tenant";
  templateKey: EditorKey;
  /** The stored row (own), or for a hotel without one the platform template it starts from. */
  template: EditorTemplate;
  canWrite: boolean;
  variables: readonly string[];
  helpers: readonly HelperExample[];
  actions: EditorActions;
};

/**
 * Edits one template (event × channel × locale): subject (email) and body with a variable picker,
 * a live preview with sample data, line:column errors, save, on/off, test send, and for a hotel
 * "reset to platform default". Remount it (key) when the stored row changes.
 */
export function TemplateEditor({
  scope,
  templateKey,
  template,
  canWrite,
  variables,
  helpers,
  actions,
}: TemplateEditorProps) {
  const router = useRouter();
  const isEmail = templateKey.channel === "email";
  const [subject, setSubject] = React.useState(template.subject ?? "");
  const [body, setBody] = React.useState(template.body);
  const [saveError, setSaveError] = React.useState<string | null>(null);
  const [saving, startSaving] = React.useTransition();
  const subjectRef = React.useRef<HTMLInputElement>(null);
  const bodyRef = React.useRef<HTMLTextAreaElement>(null);
  const focused = React.useRef<Field>("body");
  const ids = {
    subject: React.useId(),
    body: React.useId(),
    subjectErrors: React.useId(),
    bodyErrors: React.useId(),
  };

  const draft = { ...templateKey, subject: isEmail ? subject : null, body };
  const preview = useLivePreview(actions.preview, draft);
  const errorsOf = (field: Field) => preview.errors.filter((e) => e.field === field);
  const dirty = body !== template.body || (isEmail && subject !== (template.subject ?? ""));

  /** Puts the snippet where the cursor is (or over the selection) in the field last focused. */
  const insert = (snippet: string) => {
    const field: Field = isEmail ? focused.current : "body";
    const element = field === "subject" ? subjectRef.current : bodyRef.current;
    const value = field === "subject" ? subject : body;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const next = value.slice(0, start) + snippet + value.slice(end);
    if (field === "subject") setSubject(next);
    else setBody(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const save = () =>
    startSaving(async () => {
      setSaveError(null);
      const outcome = readOutcome(
        await actions.save({ ...draft, active: template.stored ? template.active : true }),
      );
      if (!outcome.ok) {
        setSaveError(outcome.message);
        return;
      }
      toast.success(scope === "tenant" && !template.stored ? "Your version is saved" : "Template saved");
      router.refresh();
    });

  const reset = actions.reset;
  const canReset = scope === "tenant" && canWrite && template.stored && reset !== undefined;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-4">
        {saveError ? <FormError>{saveError}</FormError> : null}
        {isEmail ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.subject}>Subject</Label>
            <Input
              id={ids.subject}
              ref={subjectRef}
              value={subject}
              readOnly={!canWrite}
              onChange={(e) => setSubject(e.target.value)}
              onFocus={() => {
                focused.current = "subject";
              }}
              aria-invalid={errorsOf("subject").length > 0 ? true : undefined}
              aria-describedby={errorsOf("subject").length > 0 ? ids.subjectErrors : undefined}
              className="font-mono text-[13px]"
            />
            <TemplateErrors id={ids.subjectErrors} errors={errorsOf("subject")} />
          </div>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_15rem]">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.body}>{isEmail ? "Body (HTML)" : "Message"}</Label>
            <Textarea
              id={ids.body}
              ref={bodyRef}
              value={body}
              readOnly={!canWrite}
              rows={isEmail ? 16 : 8}
              spellCheck={false}
              onChange={(e) => setBody(e.target.value)}
              onFocus={() => {
                focused.current = "body";
              }}
              aria-invalid={errorsOf("body").length > 0 ? true : undefined}
              aria-describedby={errorsOf("body").length > 0 ? ids.bodyErrors : undefined}
              className="font-mono text-[13px]"
            />
            <TemplateErrors id={ids.bodyErrors} errors={errorsOf("body")} />
            {preview.failure ? <p className="text-[13px] text-red-600">{preview.failure}</p> : null}
          </div>
          <VariablePicker variables={variables} helpers={helpers} disabled={!canWrite} onInsert={insert} />
        </div>

        {canWrite ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" onClick={save} loading={saving} disabled={!dirty && template.stored}>
              <Save aria-hidden /> {scope === "tenant" && !template.stored ? "Save my version" : "Save"}
            </Button>
            {dirty ? <span className="text-[13px] text-amber-700">Unsaved changes</span> : null}
            <ActiveSwitch
              templateKey={templateKey}
              active={template.active}
              stored={template.stored}
              setActive={actions.setActive}
              onChanged={() => router.refresh()}
            />
            {canReset ? (
              <ConfirmDialog
                trigger={
                  <Button type="button" variant="ghost" className="ml-auto">
                    <RotateCcw aria-hidden /> Reset to platform default
                  </Button>
                }
                title="Use the platform's template again?"
                consequences={[
                  "Your version of this template is deleted.",
                  "Guests get the platform's default message in this language from now on.",
                ]}
                confirmLabel="Reset template"
                variant="destructive"
                onConfirm={async () => {
                  const outcome = readOutcome(await reset(templateKey));
                  if (!outcome.ok) throw new Error(outcome.message);
                  toast.success("Back to the platform's template");
                  router.refresh();
                }}
              />
            ) : null}
          </div>
        ) : (
          <p className="text-[13px] text-zinc-500">
            You can read this template; editing needs the messaging permission.
          </p>
        )}

        {canWrite ? (
          <div className="rounded-lg border border-zinc-200 p-4">
            <TestSendForm
              channel={templateKey.channel}
              draft={draft}
              disabled={preview.errors.length > 0}
              testSend={actions.testSend}
            />
          </div>
        ) : null}
      </div>
      <TemplatePreview
        channel={templateKey.channel}
        result={preview.rendered}
        pending={preview.pending}
        stale={preview.errors.length > 0}
      />
    </div>
  );
}
