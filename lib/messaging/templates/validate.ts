// Save-time checks for a template: Handlebars syntax errors and variables the event does not carry,
// each with a 1-based line and column for the editor. Walks the parsed AST instead of rendering, so
// a variable inside an `{{#if}}` branch that sample data would skip is still checked.
import Handlebars from "handlebars";
import { z } from "zod";
import { helperNames } from "./helpers";
import type { TemplateChannel } from "./render";

export { variablesFromZodSchema } from "./variables";

export type TemplateError = { message: string; line: number; column: number };
export type ValidationResult = { ok: true } | { ok: false; errors: TemplateError[] };

export type ValidateTemplateInput = {
  source: string;
  channel: TemplateChannel;
  /** Dot paths (see variables.ts for the `items.[]` convention for lists). */
  allowedVariables: readonly string[];
};

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;
/** A resolved variable path, or null when it is not a payload field (`@index`, an `as |item i|` index). */
type Resolved = string[] | null;
type BlockParams = ReadonlyMap<string, Resolved>;

/** The lexer's position of the token that failed to parse; Handlebars puts only the line in the message. */
const lexerState = z.object({
  Parser: z.object({
    lexer: z.object({
      yylloc: z.object({ first_line: z.number(), first_column: z.number() }),
      match: z.string().optional(),
    }),
  }),
});

const positionedError = z.object({ message: z.string(), lineNumber: z.number(), column: z.number() });

function syntaxError(error: unknown): TemplateError {
  const positioned = positionedError.safeParse(error);
  if (positioned.success) {
    const { message, lineNumber, column } = positioned.data;
    return { message: message.replace(/ - \d+:\d+$/, ""), line: lineNumber, column: column + 1 };
  }
  const message = error instanceof Error ? error.message : String(error);
  const got = /got '([^']+)'\s*$/.exec(message)?.[1];
  const friendly =
    got === "EOF"
      ? "Unexpected end of template: a tag or block is not closed"
      : got === "INVALID"
        ? "Invalid character in a tag (check the braces)"
        : `Unexpected ${got ?? "token"} here`;
  const state = lexerState.safeParse(Handlebars);
  if (state.success) {
    const { first_line, first_column } = state.data.Parser.lexer.yylloc;
    return { message: friendly, line: first_line, column: first_column + 1 };
  }
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  return { message: friendly, line, column: 1 };
}

class Walker {
  readonly errors: TemplateError[] = [];
  private readonly allowed = new Set<string>();
  private readonly allowedWithoutItems = new Set<string>();

  constructor(
    allowedVariables: readonly string[],
    private readonly channel: TemplateChannel,
  ) {
    // Every prefix is allowed too: `{{#if guest.phone}}` and `{{#each items}}` name a parent.
    for (const variable of allowedVariables) {
      const parts = variable.split(".");
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i);
        this.allowed.add(prefix.join("."));
        this.allowedWithoutItems.add(prefix.filter((part) => part !== "[]").join("."));
      }
    }
  }

  private report(node: Node, message: string): void {
    this.errors.push({ message, line: node.loc.start.line, column: node.loc.start.column + 1 });
  }

  private isAllowed(parts: string[]): boolean {
    const key = parts.join(".");
    if (this.allowed.has(key)) return true;
    return parts.includes("[]") && this.allowedWithoutItems.has(parts.filter((p) => p !== "[]").join("."));
  }

  /** Where a path points in the payload, given the context stack (`../` climbs it) and block params. */
  private resolve(path: Path, contexts: Resolved[], params: BlockParams): Resolved {
    // `items.[0].name` is an item of the list.
    const parts = path.parts.map((part) => (/^\d+$/.test(part) ? "[]" : part));
    if (path.data) {
      const [head, ...rest] = parts;
      return head === "root" ? rest : null;
    }
    const [head] = parts;
    const scoped = /^(this|\.)(\.|\/|$)/.test(path.original);
    if (!scoped && path.depth === 0 && head !== undefined && params.has(head)) {
      const base = params.get(head);
      return base ? [...base, ...parts.slice(1)] : null;
    }
    const base = contexts[contexts.length - 1 - path.depth];
    if (base === undefined) return parts;
    return base ? [...base, ...parts] : null;
  }

  private checkVariable(path: Path, contexts: Resolved[], params: BlockParams): Resolved {
    const resolved = this.resolve(path, contexts, params);
    if (resolved && resolved.length > 0 && !this.isAllowed(resolved)) {
      this.report(path, `Unknown variable "${path.original}"`);
    }
    return resolved;
  }

  private checkHelper(path: Node & { original?: unknown }): void {
    const name = String(path.original);
    if (!helperNames.has(name)) this.report(path, `Unknown helper "${name}"`);
  }

  private expressions(
    nodes: hbs.AST.Expression[],
    hash: hbs.AST.Hash | undefined,
    contexts: Resolved[],
    params: BlockParams,
  ) {
    const all = [...nodes, ...(hash?.pairs.map((pair) => pair.value) ?? [])];
    for (const node of all) this.expression(node, contexts, params);
  }

  private expression(node: hbs.AST.Expression, contexts: Resolved[], params: BlockParams): void {
    if (node.type === "PathExpression") this.checkVariable(node as Path, contexts, params);
    if (node.type === "SubExpression") {
      const sub = node as hbs.AST.SubExpression;
      this.checkHelper(sub.path);
      this.expressions(sub.params, sub.hash, contexts, params);
    }
  }

  program(program: hbs.AST.Program | undefined, contexts: Resolved[], params: BlockParams): void {
    for (const statement of program?.body ?? []) this.statement(statement, contexts, params);
  }

  private statement(node: hbs.AST.Statement, contexts: Resolved[], params: BlockParams): void {
    if (node.type === "MustacheStatement") {
      this.mustache(node as hbs.AST.MustacheStatement, contexts, params);
    } else if (node.type === "BlockStatement") {
      this.block(node as hbs.AST.BlockStatement, contexts, params);
    } else if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") {
      this.report(node, "Partials are not available in message templates");
    } else if (node.type === "Decorator" || node.type === "DecoratorBlock") {
      this.report(node, "Decorators are not available in message templates");
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, contexts: Resolved[], params: BlockParams): void {
    // Guest-entered text must never reach an email as raw HTML.
    if (this.channel === "email" && !node.escaped) {
      this.report(node, "Triple braces output raw HTML; use {{ }} in email templates");
    }
    if (node.path.type !== "PathExpression") return;
    const path = node.path as Path;
    const isCall = node.params.length > 0 || node.hash?.pairs.length > 0;
    if (isCall || (path.parts.length === 1 && !path.data && helperNames.has(path.original))) {
      this.checkHelper(path);
      this.expressions(node.params, node.hash, contexts, params);
      return;
    }
    this.checkVariable(path, contexts, params);
  }

  private block(node: hbs.AST.BlockStatement, contexts: Resolved[], params: BlockParams): void {
    const name = node.path.original;
    // `{{#guest}}…{{/guest}}` (no params, not a helper) is a section: the variable becomes the context.
    if (node.params.length === 0 && !helperNames.has(name)) {
      const target = this.checkVariable(node.path, contexts, params);
      this.program(node.program, [...contexts, target], params);
      this.program(node.inverse, contexts, params);
      return;
    }
    this.checkHelper(node.path);
    this.expressions(node.params, node.hash, contexts, params);
    const [first] = node.params;
    const target = first?.type === "PathExpression" ? this.resolve(first as Path, contexts, params) : null;
    const blockParams = node.program?.blockParams ?? [];
    if (name === "each") {
      const item = target ? [...target, "[]"] : null;
      const inner = new Map(params);
      if (blockParams[0]) inner.set(blockParams[0], item);
      if (blockParams[1]) inner.set(blockParams[1], null);
      this.program(node.program, [...contexts, item], inner);
    } else if (name === "with") {
      const inner = new Map(params);
      if (blockParams[0]) inner.set(blockParams[0], target);
      this.program(node.program, [...contexts, target], inner);
    } else {
      // if / unless keep the context (and `../` does not count them, as in Handlebars 4).
      this.program(node.program, contexts, params);
    }
    this.program(node.inverse, contexts, params);
  }
}

export function validateTemplate({
  source,
  channel,
  allowedVariables,
}: ValidateTemplateInput): ValidationResult {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    return { ok: false, errors: [syntaxError(error)] };
  }
  const walker = new Walker(allowedVariables, channel);
  walker.program(ast, [[]], new Map());
  return walker.errors.length === 0 ? { ok: true } : { ok: false, errors: walker.errors };
}
