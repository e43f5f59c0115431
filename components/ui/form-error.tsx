import { cn } from "@/lib/utils";

/** The error at the top of a form or dialog: what went wrong as a whole, read out by screen readers. */
export function FormError({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p
      role="alert"
      className={cn("rounded-md bg-red-50 px-3 py-2 text-sm text-red-700", className)}
      {...props}
    />
  );
}
