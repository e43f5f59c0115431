"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { TriangleAlert, X } from "lucide-react";
import * as React from "react";
import { cn } from "@/lib/utils";
import { Button } from "./button";
import { FormError } from "./form-error";
import { Input } from "./input";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogPortal = DialogPrimitive.Portal;

export function DialogOverlay({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Overlay>) {
  return (
    <DialogPrimitive.Overlay
      data-slot="dialog-overlay"
      className={cn(
        "fixed inset-0 z-50 bg-zinc-950/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in",
        className,
      )}
      {...props}
    />
  );
}

export function DialogContent({
  className,
  children,
  hideClose = false,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Content> & { hideClose?: boolean }) {
  return (
    <DialogPortal>
      <DialogOverlay />
      <DialogPrimitive.Content
        data-slot="dialog-content"
        className={cn(
          "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2",
          "gap-4 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-6 shadow-popover",
          "focus:outline-none data-[state=open]:animate-zoom-in",
          className,
        )}
        {...props}
      >
        {children}
        {hideClose ? null : (
          <DialogPrimitive.Close
            className="absolute top-4 right-4 rounded-md p-1 text-zinc-400 transition-colors hover:bg-zinc-100 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none"
            aria-label="Close"
          >
            <X className="size-4" aria-hidden />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPortal>
  );
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="dialog-header" className={cn("flex flex-col gap-1.5 pr-6", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="dialog-footer"
      className={cn("flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}

export function DialogTitle({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Title>) {
  return (
    <DialogPrimitive.Title
      data-slot="dialog-title"
      className={cn("text-base font-semibold leading-6 text-zinc-900", className)}
      {...props}
    />
  );
}

export function DialogDescription({
  className,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Description>) {
  return (
    <DialogPrimitive.Description
      data-slot="dialog-description"
      className={cn("text-sm text-zinc-600", className)}
      {...props}
    />
  );
}

export type ConfirmDialogProps = {
  /** The element that opens the dialog (rendered with `asChild`, so pass a Button). Omit when controlling `open`. */
  trigger?: React.ReactNode;
  title: string;
  description?: React.ReactNode;
  /** What will happen, one line each ("Members can no longer sign in", "Scheduled messages stop"). */
  consequences?: readonly React.ReactNode[];
  confirmLabel: string;
  cancelLabel?: string;
  variant?: "default" | "destructive";
  /** Ask the user to type this text (e.g. the tenant slug) before the confirm button enables. */
  requireText?: string;
  /** Extra body, e.g. a reason field. */
  children?: React.ReactNode;
  /**
   * Runs on confirm. The dialog shows a spinner while it runs and closes when it resolves. Throw to keep it
   * open: the error's message is shown in the dialog. Return (or resolve) `false` to keep it open silently.
   * A server action can be passed straight from a server component.
   */
  onConfirm: () => unknown;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * A confirmation that names its consequences before anything irreversible happens.
 *
 * @example
 * <ConfirmDialog
 *   trigger={<Button variant="destructive">Suspend</Button>}
 *   title="Suspend Grandview Hotel?"
 *   consequences={["Staff can no longer sign in", "Guests stop receiving messages"]}
 *   confirmLabel="Suspend hotel"
 *   variant="destructive"
 *   onConfirm={async () => { const r = await suspendTenantAction({ id }); if (r?.serverError) throw new Error(r.serverError); }}
 * />
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  consequences,
  confirmLabel,
  cancelLabel = "Cancel",
  variant = "default",
  requireText,
  children,
  onConfirm,
  open: openProp,
  onOpenChange,
}: ConfirmDialogProps) {
  const [openState, setOpenState] = React.useState(false);
  const [pending, startTransition] = React.useTransition();
  const [error, setError] = React.useState<string | null>(null);
  const [typed, setTyped] = React.useState("");
  const typedId = React.useId();
  const open = openProp ?? openState;

  const setOpen = (next: boolean) => {
    if (pending) return;
    if (!next) {
      setError(null);
      setTyped("");
    }
    setOpenState(next);
    onOpenChange?.(next);
  };

  const confirm = () => {
    setError(null);
    startTransition(async () => {
      try {
        const result = await onConfirm();
        if (result === false) return;
        setTyped("");
        setOpenState(false);
        onOpenChange?.(false);
      } catch (e) {
        setError(e instanceof Error && e.message ? e.message : "Something went wrong. Please try again.");
      }
    });
  };

  const blocked = requireText !== undefined && typed.trim() !== requireText;
  const destructive = variant === "destructive";

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent hideClose={pending} role="alertdialog">
        <DialogHeader>
          <div className="flex items-start gap-3">
            {destructive ? (
              <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-red-50 text-red-600">
                <TriangleAlert className="size-4" aria-hidden />
              </span>
            ) : null}
            <div className="flex flex-col gap-1.5">
              <DialogTitle>{title}</DialogTitle>
              {description ? <DialogDescription>{description}</DialogDescription> : null}
            </div>
          </div>
        </DialogHeader>
        {consequences && consequences.length > 0 ? (
          <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3">
            <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">What happens</p>
            <ul className="mt-2 list-disc space-y-1 pl-4 text-sm text-zinc-700 marker:text-zinc-400">
              {consequences.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list that never reorders.
                <li key={i}>{c}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {children}
        {requireText !== undefined ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={typedId} className="text-sm text-zinc-700">
              Type <span className="font-mono font-medium text-zinc-900">{requireText}</span> to confirm
            </label>
            <Input
              id={typedId}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ) : null}
        {error ? <FormError>{error}</FormError> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            {cancelLabel}
          </Button>
          <Button
            variant={destructive ? "destructive" : "default"}
            onClick={confirm}
            loading={pending}
            disabled={blocked}
          >
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
