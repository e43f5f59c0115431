"use client";

import * as React from "react";
import { toast } from "sonner";
import { resolveNavIcon } from "@/components/shell/icons";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { actionErrorMessage, validationMessages } from "@/lib/action-errors";
import { platformRoles, tenantRoles } from "@/lib/auth/permissions";
import { navIconNames } from "@/lib/nav/icons";
import type { NavScope } from "@/lib/nav/types";
import { createNavItemAction, updateNavItemAction } from "./actions";
import type { NavItemView } from "./view";

const rolesByScope: Record<NavScope, readonly string[]> = { console: platformRoles, portal: tenantRoles };
const roleLabel = (role: string) => role.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

type FormState = {
  key: string;
  label: string;
  href: string;
  icon: string;
  parentKey: string;
  sortOrder: string;
  roles: string[];
  featureFlag: string;
  planFeature: string;
  isActive: boolean;
};

function initialState(scope: NavScope, item: NavItemView | undefined): FormState {
  return {
    key: item?.key ?? "",
    label: item?.label ?? "",
    href: item?.href ?? (scope === "console" ? "/platform/" : "/"),
    icon: item?.icon ?? "circle",
    parentKey: item?.parentKey ?? "",
    sortOrder: String(item?.sortOrder ?? 0),
    roles: item?.roles ?? [],
    featureFlag: item?.featureFlag ?? "",
    planFeature: item?.planFeature ?? "",
    isActive: item?.isActive ?? true,
  };
}

/**
 * Add or edit a platform menu item. The key is fixed once created: tenants' overrides refer to it.
 * Parents offered are the scope's top-level items (menus have one level of children).
 */
export function NavItemDialog({
  scope,
  item,
  items,
  trigger,
}: {
  scope: NavScope;
  item?: NavItemView;
  items: readonly NavItemView[];
  trigger: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState(() => initialState(scope, item));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const id = React.useId();
  const editing = item !== undefined;
  const parents = items.filter((i) => i.parentKey === null && i.key !== item?.key);
  const Icon = resolveNavIcon(form.icon);

  const set = <K extends keyof FormState>(field: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [field]: value }));

  const submit = () => {
    const input = {
      scope,
      key: form.key.trim(),
      label: form.label,
      href: form.href,
      icon: form.icon as (typeof navIconNames)[number],
      parentKey: form.parentKey || null,
      sortOrder: form.sortOrder.trim() === "" ? 0 : Number(form.sortOrder),
      roles: form.roles,
      featureFlag: form.featureFlag.trim() || null,
      planFeature: form.planFeature.trim() || null,
      isActive: form.isActive,
    };
    startTransition(async () => {
      const result = editing ? await updateNavItemAction(input) : await createNavItemAction(input);
      const fieldErrors: Record<string, string> = {};
      for (const m of validationMessages(result?.validationErrors)) {
        const field = m.path.split(".")[0] ?? "";
        fieldErrors[field] ??= m.message;
      }
      setErrors(fieldErrors);
      const message = actionErrorMessage(result);
      if (message) {
        setFormError(Object.keys(fieldErrors).length ? "Please correct the fields marked below." : message);
        return;
      }
      toast.success(editing ? `Saved "${input.label.trim()}"` : `Added "${input.label.trim()}"`);
      setOpen(false);
    });
  };

  const field = (name: keyof FormState) => `${id}-${name}`;

  return (
    <FormDialog
      trigger={trigger}
      title={editing ? `Edit "${item.label}"` : `Add a ${scope} menu item`}
      description={
        scope === "console"
          ? "Shown in the platform console's sidebar to the roles you choose."
          : "Shown in every hotel's portal, unless a hotel hides it. Paths are on the hotel's own address."
      }
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setForm(initialState(scope, item));
        setErrors({});
        setFormError(null);
      }}
      pending={pending}
      message={formError}
      submitLabel={editing ? "Save item" : "Add item"}
      onSubmit={submit}
      className="max-w-xl"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={field("label")} label="Label" error={errors.label} required>
          <Input value={form.label} onChange={(e) => set("label", e.target.value)} maxLength={60} />
        </FormField>
        <FormField
          id={field("key")}
          label="Key"
          error={errors.key}
          hint={editing ? "Fixed: overrides refer to it" : "e.g. front-desk"}
          required
        >
          <Input
            value={form.key}
            onChange={(e) => set("key", e.target.value)}
            readOnly={editing}
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
          />
        </FormField>
      </div>
      <FormField id={field("href")} label="Path" error={errors.href} hint="Starts with /" required>
        <Input
          value={form.href}
          onChange={(e) => set("href", e.target.value)}
          className="font-mono"
          spellCheck={false}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id={field("icon")} label="Icon" error={errors.icon}>
          <NativeSelect
            value={form.icon}
            onChange={(e) => set("icon", e.target.value)}
            options={navIconNames.map((n) => ({ value: n, label: n }))}
          />
        </FormField>
        <FormField id={field("parentKey")} label="Inside" error={errors.parentKey}>
          <NativeSelect
            value={form.parentKey}
            onChange={(e) => set("parentKey", e.target.value)}
            placeholder="Top level"
            options={parents.map((p) => ({ value: p.key, label: p.label }))}
          />
        </FormField>
        <FormField id={field("sortOrder")} label="Order" error={errors.sortOrder} hint="Lower comes first">
          <Input
            type="number"
            step={1}
            value={form.sortOrder}
            onChange={(e) => set("sortOrder", e.target.value)}
          />
        </FormField>
      </div>
      <div className="flex items-center gap-2 text-sm text-zinc-500">
        <Icon className="size-4" aria-hidden /> Preview of the icon
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800">Visible to</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {rolesByScope[scope].map((role) => (
            <label key={role} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={form.roles.includes(role)}
                onChange={(e) =>
                  set(
                    "roles",
                    e.target.checked ? [...form.roles, role] : form.roles.filter((r) => r !== role),
                  )
                }
              />
              {roleLabel(role)}
            </label>
          ))}
        </div>
        <p className="text-[13px] text-zinc-500">
          {errors.roles ?? "Tick none to show the item to everyone."}
        </p>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id={field("featureFlag")}
          label="Feature flag"
          error={errors.featureFlag}
          labelAside="Optional"
          hint="Shown only while this flag is on"
        >
          <Input
            value={form.featureFlag}
            onChange={(e) => set("featureFlag", e.target.value)}
            className="font-mono"
          />
        </FormField>
        <FormField
          id={field("planFeature")}
          label="Plan feature"
          error={errors.planFeature}
          labelAside="Optional"
          hint="Shown only to hotels whose plan has it"
        >
          <Input
            value={form.planFeature}
            onChange={(e) => set("planFeature", e.target.value)}
            className="font-mono"
          />
        </FormField>
      </div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-brand-600"
          checked={form.isActive}
          onChange={(e) => set("isActive", e.target.checked)}
        />
        Active (inactive items are kept but shown to no one)
      </label>
    </FormDialog>
  );
}
