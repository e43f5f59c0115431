"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { createGuestAction, updateGuestAction } from "@/app/t/[slug]/(portal)/guests/actions";
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
import { FormAlert } from "./form-alert";
import { emptyGuestForm, GuestFields, type GuestFormState, guestFormFields } from "./guest-fields";
import { useActionForm } from "./use-action-form";

export type GuestFormValues = GuestFormState & { id: string };

/**
 * Add a guest or edit one. The phone is stored in international form (E.164); a number typed
 * without a country code is read as one of the hotel's country. A new guest opens on their page.
 */
export function GuestDialog({
  guest,
  phoneHint,
  hotelLanguage,
  trigger,
}: {
  guest?: GuestFormValues;
  phoneHint: string;
  hotelLanguage: string;
  trigger: React.ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState<GuestFormState>(guest ?? emptyGuestForm);
  const { pending, errors, alert, reset, run } = useActionForm(guestFormFields);
  const id = React.useId();
  const editing = guest !== undefined;

  const onOpenChange = (next: boolean) => {
    if (pending) return;
    if (next) {
      setForm(guest ?? emptyGuestForm);
      reset();
    }
    setOpen(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    run(
      () => (guest ? updateGuestAction({ ...form, guestId: guest.id }) : createGuestAction(form)),
      (saved) => {
        setOpen(false);
        if (editing) toast.success(`Saved ${saved.name}`);
        else {
          toast.success(`Added ${saved.name}`);
          router.push(`/guests/${saved.id}`);
        }
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-lg" hideClose={pending}>
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${guest.name}` : "Add a guest"}</DialogTitle>
          <DialogDescription>
            Contact details are used for booking confirmations and messages.
          </DialogDescription>
        </DialogHeader>
        <form
          onSubmit={submit}
          className="grid gap-4"
          noValidate
          aria-label={editing ? "Edit guest" : "Add guest"}
        >
          <FormAlert message={alert?.message ?? null} refusal={alert?.refusal} />
          <GuestFields
            idPrefix={id}
            form={form}
            errors={errors}
            onChange={(field, value) => setForm((f) => ({ ...f, [field]: value }))}
            phoneHint={phoneHint}
            hotelLanguage={hotelLanguage}
          />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {editing ? "Save guest" : "Add guest"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
