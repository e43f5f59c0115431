/**
 * Reading next-safe-action results in client forms. The default ("formatted") validation errors
 * are a tree mirroring the input, each node with an optional `_errors` list. Client-safe (no
 * server imports), beside lib/safe-action.ts which produces these results.
 */
type ErrorNode = { _errors?: unknown } & Record<string, unknown>;

function isNode(value: unknown): value is ErrorNode {
  return typeof value === "object" && value !== null;
}

/** Every validation message with the dotted path of its field ("" for the form as a whole). */
export function validationMessages(tree: unknown, prefix = ""): Array<{ path: string; message: string }> {
  if (!isNode(tree)) return [];
  const out: Array<{ path: string; message: string }> = [];
  if (Array.isArray(tree._errors)) {
    for (const m of tree._errors) if (typeof m === "string") out.push({ path: prefix, message: m });
  }
  for (const [key, child] of Object.entries(tree)) {
    if (key !== "_errors") out.push(...validationMessages(child, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

/** The one sentence to show for a failed action, or null when it succeeded. */
export function actionErrorMessage(
  result: { serverError?: unknown; validationErrors?: unknown } | undefined,
): string | null {
  if (!result) return "No answer from the server. Please try again.";
  if (typeof result.serverError === "string") return result.serverError;
  if (result.serverError) return "Something went wrong. Please try again.";
  const [first] = validationMessages(result.validationErrors);
  if (first) return first.path ? `${first.path}: ${first.message}` : first.message;
  return null;
}
