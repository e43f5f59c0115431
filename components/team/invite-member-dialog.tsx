"use client";

import { MailPlus } from "lucide-react";
import Link from "next/link";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { actionErrorMessage } from "@/lib/action-errors";
import { inviteMemberAction } from "@/lib/team/actions";
import {
  INVITATION_TTL_DAYS,
  inviteMemberSchema,
  roleDescriptions,
  roleLabels,
  tenantRoleSchema,
} from "@/lib/team/schemas";
import type { TenantRole } from "@/lib/tenants/queries";
import { CopyField } from "./copy-field";

type Sent = { email: string; role: TenantRole; acceptUrl: string };

const roleOptions = tenantRoleSchema.options.map((r) => ({ value: r, label: roleLabels[r] }));

/**
 * The owner invites someone by email and role. After sending, the dialog shows the link: it is
 * also in the queued email, but embedded installs send no real email, so the owner can hand it over.
 */
export function InviteMemberDialog({ hotelName }: { hotelName: string }) {
  const [open, setOpen] = React.useState(false);
  const [email, setEmail] = React.useState("");
  const [role, setRole] = React.useState<TenantRole>("staff");
  const [error, setError] = React.useState<{ message: string; field?: "email" } | null>(null);
  const [sent, setSent] = React.useState<Sent | null>(null);
  const [pending, startTransition] = React.useTransition();

  const reset = () => {
    setEmail("");
    setRole("staff");
    setError(null);
    setSent(null);
  };
  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) reset();
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = inviteMemberSchema.safeParse({ email, role });
    if (!parsed.success) {
      setError({ message: parsed.error.issues[0]?.message ?? "Check the form.", field: "email" });
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await inviteMemberAction(parsed.data);
      const message = actionErrorMessage(result);
      if (message || !result?.data) {
        setError({
          message: message ?? "No answer from the server.",
          field: /already a member/i.test(message ?? "") ? "email" : undefined,
        });
        return;
      }
      setSent(result.data);
      toast.success(`Invitation sent to ${result.data.email}.`);
    });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <MailPlus aria-hidden />
          Invite member
        </Button>
      </DialogTrigger>
      <DialogContent hideClose={pending}>
        {sent ? (
          <>
            <DialogHeader>
              <DialogTitle>Invitation sent</DialogTitle>
              <DialogDescription>
                {sent.email} can join {hotelName} as {roleLabels[sent.role].toLowerCase()} with the link
                below.
              </DialogDescription>
            </DialogHeader>
            <CopyField
              id="invite-link"
              label="Invitation link"
              value={sent.acceptUrl}
              hint={`It works once and expires in ${INVITATION_TTL_DAYS} days. The same link is in the invitation email.`}
            />
            <DialogFooter>
              <Button variant="outline" onClick={reset}>
                Invite another
              </Button>
              <Button onClick={() => setOpen(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={submit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Invite member</DialogTitle>
              <DialogDescription>
                They get an email with a link to join {hotelName} and choose a password.
              </DialogDescription>
            </DialogHeader>
            <FormField
              id="invite-email"
              label="Email"
              error={error?.field === "email" ? error.message : null}
              required
            >
              <Input
                name="email"
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                placeholder="name@example.com"
                autoFocus
              />
            </FormField>
            <FormField id="invite-role" label="Role" hint={roleDescriptions[role]}>
              <NativeSelect
                name="role"
                value={role}
                onChange={(e) => setRole(tenantRoleSchema.parse(e.target.value))}
                options={roleOptions}
              />
            </FormField>
            {error && error.field !== "email" ? (
              <FormError>
                {error.message}
                {/upgrade/i.test(error.message) ? (
                  <>
                    {" "}
                    <Link href="/plan" className="font-medium underline underline-offset-2">
                      See plans
                    </Link>
                  </>
                ) : null}
              </FormError>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Send invitation
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
