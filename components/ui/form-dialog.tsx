"use client";

import * as React from "react";
import { Button } from "./button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./dialog";
import { FormError } from "./form-error";

export type FormDialogProps = {
  /** The element that opens the dialog (rendered with `asChild`, so pass a Button). Omit when controlling `open`. */
  trigger?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Control the open state (e.g. to close the dialog once the action succeeds); uncontrolled when omitted. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Runs each time the dialog opens: put the fields back to their starting values and clear old errors. */
  onOpen?: () => void;
  /** While the action runs, the dialog cannot be closed and the submit button shows a spinner. */
  pending?: boolean;
  /** The form-level error, shown at the top of the form. */
  message?: string | null;
  /** A ready-made alert to show instead of `message` (e.g. FormAlert with its upgrade prompt). */
  alert?: React.ReactNode;
  /** The form's accessible name. */
  formLabel?: string;
  submitLabel: React.ReactNode;
  submitVariant?: "default" | "destructive";
  cancelLabel?: string;
  /** Called on submit; the browser's own submission is already prevented. */
  onSubmit: () => void;
  /** Classes for the dialog's panel, e.g. its width ("max-w-md", "max-w-2xl"). */
  className?: string;
  children: React.ReactNode;
};

/**
 * The scaffold every create/edit dialog shares: trigger, title and description, a form with its
 * error at the top, and Cancel + submit in the footer. It cannot be closed while `pending`, so a
 * running action never loses its dialog.
 *
 * @example
 * const [open, setOpen] = React.useState(false);
 * <FormDialog
 *   trigger={<Button>Add rate</Button>}
 *   title="Add a tax rate"
 *   open={open}
 *   onOpenChange={setOpen}
 *   onOpen={() => { setRate(""); reset(); }}
 *   pending={pending}
 *   message={message}
 *   formLabel="Tax rate"
 *   submitLabel="Save rate"
 *   onSubmit={() => run(() => saveTaxRateAction({ rate }), () => setOpen(false))}
 * >
 *   <FormField …/>
 * </FormDialog>
 */
export function FormDialog({
  trigger,
  title,
  description,
  open: openProp,
  onOpenChange,
  onOpen,
  pending = false,
  message,
  alert,
  formLabel,
  submitLabel,
  submitVariant = "default",
  cancelLabel = "Cancel",
  onSubmit,
  className,
  children,
}: FormDialogProps) {
  const [openState, setOpenState] = React.useState(false);
  const open = openProp ?? openState;

  const setOpen = (next: boolean) => {
    if (pending) return;
    if (next) onOpen?.();
    setOpenState(next);
    onOpenChange?.(next);
  };

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent className={className} hideClose={pending}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label={formLabel}>
          {alert ?? (message ? <FormError>{message}</FormError> : null)}
          {children}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              {cancelLabel}
            </Button>
            <Button type="submit" variant={submitVariant} loading={pending}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
