import type { TemplateFieldError } from "@/lib/messaging/templates/preview";

/** Errors of one field, each with its line and column, under the field they are about. */
export function TemplateErrors({ id, errors }: { id: string; errors: readonly TemplateFieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} role="alert" className="space-y-0.5 text-[13px] font-medium text-red-600">
      {errors.map((error) => (
        <li key={`${error.line}:${error.column}:${error.message}`}>
          <span className="text-red-700">
            Line {error.line}, column {error.column}:
          </span>{" "}
          {error.message}
        </li>
      ))}
    </ul>
  );
}
