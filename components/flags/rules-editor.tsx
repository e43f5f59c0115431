"use client";

import { ArrowDown, ArrowUp, Layers, Percent, Plus, Trash2, Users } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { setFlagRulesAction } from "@/lib/flags/actions";
import { sameRules } from "@/lib/flags/rules";
import type { FlagRule } from "@/lib/flags/types";
import { MultiSelect, type MultiSelectOption } from "./multi-select";

type Draft = { uid: number } & (
  | { type: "tenants"; tenantIds: string[]; enabled: boolean }
  | { type: "plans"; planCodes: string[]; enabled: boolean }
  // Kept as typed, so "2." can be on its way to "2.5"; converted to basis points on save.
  | { type: "percentage"; percent: string }
);

let nextUid = 1;

function toDraft(rule: FlagRule): Draft {
  const uid = nextUid++;
  if (rule.type === "percentage") return { uid, type: "percentage", percent: String(rule.basisPoints / 100) };
  return rule.type === "tenants"
    ? { uid, ...rule, tenantIds: [...rule.tenantIds] }
    : { uid, ...rule, planCodes: [...rule.planCodes] };
}

function toRule(draft: Draft): FlagRule {
  if (draft.type === "percentage") {
    // `save` has checked the text is a number from 0 to 100.
    return { type: "percentage", basisPoints: Math.round(Number(draft.percent) * 100) };
  }
  if (draft.type === "tenants")
    return { type: "tenants", tenantIds: draft.tenantIds, enabled: draft.enabled };
  return { type: "plans", planCodes: draft.planCodes, enabled: draft.enabled };
}

const titles: Record<Draft["type"], string> = {
  tenants: "Hotel list",
  plans: "Plan list",
  percentage: "Percentage rollout",
};

/**
 * The flag's ordered rules: add a hotel list, a plan list or a percentage rollout, reorder, remove,
 * then save the whole list at once (one audit entry). The first rule that matches a hotel decides;
 * hotels outside a rollout go on to the next rule, then to the default.
 */
export function RulesEditor({
  flagKey,
  rules,
  tenants,
  plans,
  canWrite,
}: {
  flagKey: string;
  rules: readonly FlagRule[];
  tenants: readonly MultiSelectOption[];
  plans: readonly MultiSelectOption[];
  canWrite: boolean;
}) {
  const [drafts, setDrafts] = React.useState<Draft[]>(() => rules.map(toDraft));
  const [errors, setErrors] = React.useState<Record<number, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const dirty = !sameRules(drafts.map(toRule), rules);

  const update = (uid: number, patch: Partial<Draft>) =>
    setDrafts((list) => list.map((d) => (d.uid === uid ? ({ ...d, ...patch } as Draft) : d)));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  const add = (type: Draft["type"]) =>
    setDrafts((list) => [
      ...list,
      type === "percentage"
        ? { uid: nextUid++, type, percent: "10" }
        : type === "tenants"
          ? { uid: nextUid++, type, tenantIds: [], enabled: true }
          : { uid: nextUid++, type, planCodes: [], enabled: true },
    ]);

  const save = () => {
    // A half-typed percentage is caught here, with a sentence the schema's number check cannot give.
    const local: Record<number, string> = {};
    drafts.forEach((d, i) => {
      const percent = d.type === "percentage" ? Number(d.percent) : 0;
      if (d.type === "percentage" && (d.percent.trim() === "" || !(percent >= 0 && percent <= 100))) {
        local[i] = "Enter a percentage from 0 to 100.";
      }
    });
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFormError("Please correct the rules marked below.");
      return;
    }
    startTransition(async () => {
      const result = await setFlagRulesAction({ key: flagKey, rules: drafts.map(toRule) });
      const byRule: Record<number, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        const [, index] = /^rules\.(\d+)/.exec(m.path) ?? [];
        if (index !== undefined) byRule[Number(index)] ??= m.message;
      }
      setErrors(byRule);
      const message = actionErrorMessage(result);
      setFormError(
        message && Object.keys(byRule).length ? "Please correct the rules marked below." : message,
      );
      if (!message) toast.success(`Saved the rules of "${flagKey}"`);
    });
  };

  return (
    <div className="space-y-4">
      {formError ? <FormError>{formError}</FormError> : null}
      {drafts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500">
          No rules: every hotel without an override gets the default.
        </p>
      ) : (
        <ol className="space-y-3" aria-label={`Rules of ${flagKey}`}>
          {drafts.map((draft, index) => (
            <li key={draft.uid} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs">
              <div className="mb-3 flex items-center justify-between gap-2">
                <div className="flex items-center gap-2">
                  <Badge variant="neutral">Rule {index + 1}</Badge>
                  <span className="text-sm font-medium text-zinc-900">{titles[draft.type]}</span>
                </div>
                {canWrite ? (
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Move rule ${index + 1} up`}
                      disabled={index === 0 || pending}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowUp aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Move rule ${index + 1} down`}
                      disabled={index === drafts.length - 1 || pending}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDown aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Remove rule ${index + 1}`}
                      disabled={pending}
                      onClick={() => setDrafts((list) => list.filter((d) => d.uid !== draft.uid))}
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  </div>
                ) : null}
              </div>
              <RuleBody
                draft={draft}
                index={index}
                tenants={tenants}
                plans={plans}
                disabled={!canWrite || pending}
                invalid={errors[index] !== undefined}
                onChange={(patch) => update(draft.uid, patch)}
              />
              {errors[index] ? (
                <p role="alert" className="mt-2 text-[13px] font-medium text-red-600">
                  {errors[index]}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" onClick={() => add("tenants")} disabled={pending}>
              <Plus aria-hidden /> <Users aria-hidden /> Hotel list
            </Button>
            <Button variant="outline" size="sm" onClick={() => add("plans")} disabled={pending}>
              <Plus aria-hidden /> <Layers aria-hidden /> Plan list
            </Button>
            <Button variant="outline" size="sm" onClick={() => add("percentage")} disabled={pending}>
              <Plus aria-hidden /> <Percent aria-hidden /> Percentage
            </Button>
          </div>
          <div className="flex gap-2">
            <Button
              variant="ghost"
              size="sm"
              disabled={!dirty || pending}
              onClick={() => {
                setDrafts(rules.map(toDraft));
                setErrors({});
                setFormError(null);
              }}
            >
              Discard changes
            </Button>
            <Button size="sm" onClick={save} loading={pending} disabled={!dirty}>
              Save rules
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function RuleBody({
  draft,
  index,
  tenants,
  plans,
  disabled,
  invalid,
  onChange,
}: {
  draft: Draft;
  index: number;
  tenants: readonly MultiSelectOption[];
  plans: readonly MultiSelectOption[];
  disabled: boolean;
  invalid: boolean;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const id = React.useId();
  if (draft.type === "percentage") {
    const value = Number(draft.percent);
    return (
      <div className="grid gap-2">
        <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-700">
          <label htmlFor={`${id}-pct`}>Turn on for</label>
          <Input
            id={`${id}-pct`}
            type="number"
            min={0}
            max={100}
            step={0.01}
            value={draft.percent}
            disabled={disabled}
            aria-invalid={invalid || undefined}
            onChange={(e) => onChange({ percent: e.target.value })}
            className="h-8 w-24"
          />
          <span>% of hotels; the others go on to the next rule.</span>
        </div>
        <input
          type="range"
          min={0}
          max={100}
          step={0.5}
          value={Number.isFinite(value) ? value : 0}
          disabled={disabled}
          aria-label={`Rollout percentage of rule ${index + 1}`}
          onChange={(e) => onChange({ percent: e.target.value })}
          className="w-full accent-brand-600"
        />
        <p className="text-[13px] text-zinc-500">
          Each hotel has a fixed bucket per flag: raising the percentage only adds hotels, never removes one.
        </p>
      </div>
    );
  }
  const outcome = (
    <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-700">
      <span>{draft.type === "tenants" ? "For these hotels," : "For hotels on these plans,"}</span>
      <NativeSelect
        aria-label={`Outcome of rule ${index + 1}`}
        value={draft.enabled ? "on" : "off"}
        disabled={disabled}
        onChange={(e) => onChange({ enabled: e.target.value === "on" })}
        options={[
          { value: "on", label: "turn the flag on" },
          { value: "off", label: "turn the flag off" },
        ]}
        className="w-48"
      />
    </div>
  );
  return (
    <div className="grid gap-3">
      {outcome}
      {draft.type === "tenants" ? (
        <MultiSelect
          label={`Hotels of rule ${index + 1}`}
          options={tenants}
          value={draft.tenantIds}
          onChange={(tenantIds) => onChange({ tenantIds })}
          disabled={disabled}
          invalid={invalid}
          placeholder="Filter hotels by name or subdomain…"
        />
      ) : (
        <MultiSelect
          label={`Plans of rule ${index + 1}`}
          options={plans}
          value={draft.planCodes}
          onChange={(planCodes) => onChange({ planCodes })}
          disabled={disabled}
          invalid={invalid}
          placeholder="Filter plans…"
        />
      )}
    </div>
  );
}
