// The variables a template may use, as dot paths, taken from the event's zod payload schema so the
// editor's picker and save-time validation agree with what the event actually carries.
//
// Convention for lists: an array field contributes `<field>.[]` for its items, so a schema with
// `items: [{ name }]` yields `items.[].name`. Inside `{{#each items}}` a bare `{{name}}` resolves
// to `items.[].name`. An allow-list written by hand may also say `items.name`; both are accepted.
import { z } from "zod";

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap());
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodReadonly) return unwrap(schema.unwrap());
  return schema;
}

function collect(schema: z.core.$ZodType, prefix: string[], out: string[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(inner.shape as Record<string, z.core.$ZodType>)) {
      collect(child, [...prefix, key], out);
    }
    return;
  }
  if (inner instanceof z.ZodArray) {
    collect(inner.element, [...prefix, "[]"], out);
    return;
  }
  if (prefix.length > 0) out.push(prefix.join("."));
}

/** Leaf dot paths of an object schema: `guest.name`, `booking.checkIn`, `items.[].name`. */
export function variablesFromZodSchema(schema: z.ZodObject): string[] {
  const out: string[] = [];
  collect(schema, [], out);
  return out;
}
