"use client";

import * as React from "react";
import { toast } from "sonner";
import { NativeSelect } from "@/components/ui/select";
import { actionErrorMessage } from "@/lib/action-errors";
import { changeMemberRoleAction } from "@/lib/team/actions";
import { roleLabels, tenantRoleSchema } from "@/lib/team/schemas";
import type { TenantRole } from "@/lib/tenants/queries";

const roleOptions = tenantRoleSchema.options.map((r) => ({ value: r, label: roleLabels[r] }));

/** The owner changes a member's role in place; a refusal (e.g. the last owner) puts the old role back. */
export function MemberRoleSelect({ userId, name, role }: { userId: string; name: string; role: TenantRole }) {
  const [value, setValue] = React.useState<TenantRole>(role);
  const [pending, startTransition] = React.useTransition();
  React.useEffect(() => setValue(role), [role]);

  const change = (next: TenantRole) => {
    setValue(next);
    startTransition(async () => {
      const result = await changeMemberRoleAction({ userId, role: next });
      const message = actionErrorMessage(result);
      if (message) {
        setValue(role);
        toast.error(message);
        return;
      }
      toast.success(`${name} is now ${roleLabels[next].toLowerCase()}.`);
    });
  };

  return (
    <NativeSelect
      aria-label={`Role of ${name}`}
      className="w-32"
      value={value}
      disabled={pending}
      onChange={(e) => change(tenantRoleSchema.parse(e.target.value))}
      options={roleOptions}
    />
  );
}
