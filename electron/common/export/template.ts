/**
 * A small Mustache-like template engine: `{{name}}`, `{{{name}}}` / `{{& name}}` (raw),
 * `{{#name}}…{{/name}}` (a list repeats, any other truthy value shows once),
 * `{{^name}}…{{/name}}` (shows when falsy), `{{! comment }}`, dotted names and `{{.}}`.
 * No partials, lambdas or delimiter changes. A line holding only a section or comment tag leaves
 * no trace in the output (Mustache's "standalone" rule), so templates can be laid out by line.
 *
 * Escaping is the caller's: `render` takes one function for `{{x}}` and one for `{{{x}}}`, so
 * the same engine writes YAML in front matter and Markdown in the body.
 */

export class TemplateError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Template error on line ${line}, column ${column}: ${reason}`);
    this.name = 'TemplateError';
  }
}

/** Values with a meaning of their own (Markdown, links); the escape functions decide. */
export interface TemplateLeafObject {
  readonly kind: string;
}

export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | TemplateLeafObject
  | readonly TemplateValue[]
  | TemplateView;

export interface TemplateView {
  readonly [name: string]: TemplateValue;
}

export type TemplateLeaf = Exclude<TemplateValue, readonly TemplateValue[] | TemplateView>;

interface Position {
  line: number;
  column: number;
}
type Node =
  | { type: 'text'; text: string }
  | ({ type: 'var'; name: string; path: string[]; raw: boolean } & Position)
  | ({
      type: 'section';
      name: string;
      path: string[];
      inverted: boolean;
      children: Node[];
    } & Position);

export interface Template {
  readonly nodes: readonly Node[];
}

export interface RenderOptions {
  /** Writes `{{name}}`. */
  escape(value: TemplateLeaf): string;
  /** Writes `{{{name}}}` and `{{& name}}`. */
  raw(value: TemplateLeaf): string;
  /** Writes a list used as a variable; by default its items, escaped, joined with ", ". */
  list?(values: readonly TemplateValue[], raw: boolean): string;
}

const NAME = /^(?:\.|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;
const TAG = /\{\{(\{)?([#^/!&]?)([^}]*?)\}?\}\}/g;
/** Tags that vanish with their line when alone on it: sections and comments, not variables. */
const STANDALONE_SIGILS = new Set(['#', '^', '/', '!']);

interface Tag extends Position {
  sigil: string;
  name: string;
  raw: boolean;
  start: number;
  end: number;
}

/** Parses a template; `firstLine` numbers its first line (for a part of a bigger file). */
export function parseTemplate(source: string, firstLine = 1): Template {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { type: 'section' }>; children: Node[] }[] = [];
  const out = (): Node[] => stack[stack.length - 1]?.children ?? root;
  const lines = source.replace(/\r\n?/g, '\n').split(/(?<=\n)/);
  lines.forEach((line, index) => {
    const tags = lineTags(line, firstLine + index);
    const [only] = tags;
    const standalone =
      tags.length === 1 &&
      only !== undefined &&
      STANDALONE_SIGILS.has(only.sigil) &&
      line.slice(0, only.start).trim() === '' &&
      line.slice(only.end).trim() === '';
    let cursor = 0;
    for (const tag of tags) {
      if (!standalone && tag.start > cursor) pushText(out(), line.slice(cursor, tag.start));
      cursor = tag.end;
      if (tag.sigil === '!') continue;
      if (tag.sigil === '#' || tag.sigil === '^') {
        const node = {
          type: 'section' as const,
          name: tag.name,
          path: namePath(tag.name),
          inverted: tag.sigil === '^',
          children: [] as Node[],
          line: tag.line,
          column: tag.column,
        };
        out().push(node);
        stack.push({ node, children: node.children });
      } else if (tag.sigil === '/') {
        const open = stack.pop();
        if (!open) throw new TemplateError(`{{/${tag.name}}} closes nothing`, tag.line, tag.column);
        if (open.node.name !== tag.name) {
          throw new TemplateError(
            `{{/${tag.name}}} does not match {{${open.node.inverted ? '^' : '#'}${open.node.name}}} opened on line ${open.node.line}`,
            tag.line,
            tag.column,
          );
        }
      } else {
        out().push({
          type: 'var',
          name: tag.name,
          path: namePath(tag.name),
          raw: tag.raw,
          line: tag.line,
          column: tag.column,
        });
      }
    }
    if (!standalone && cursor < line.length) pushText(out(), line.slice(cursor));
  });
  const unclosed = stack.pop();
  if (unclosed) {
    const { node } = unclosed;
    throw new TemplateError(
      `{{${node.inverted ? '^' : '#'}${node.name}}} is never closed`,
      node.line,
      node.column,
    );
  }
  return { nodes: root };
}

function lineTags(line: string, lineNumber: number): Tag[] {
  const tags: Tag[] = [];
  let searchedTo = 0;
  for (const match of line.matchAll(TAG)) {
    const [whole, triple, sigil = '', body = ''] = match;
    const start = match.index;
    const column = start + 1;
    if (line.slice(searchedTo, start).includes('{{')) {
      throw new TemplateError('"{{" without a matching "}}"', lineNumber, column);
    }
    searchedTo = start + whole.length;
    if (sigil === '!') {
      tags.push({ sigil, name: '', raw: false, start, end: searchedTo, line: lineNumber, column });
      continue;
    }
    const name = body.trim();
    const tripleClosed = whole.endsWith('}}}');
    if (triple && (!tripleClosed || sigil !== '')) {
      throw new TemplateError(`"{{{" must be closed by "}}}" around a name`, lineNumber, column);
    }
    if (!triple && tripleClosed) {
      throw new TemplateError('"}}}" without a matching "{{{"', lineNumber, column);
    }
    if (/^[>=<]/.test(name)) {
      throw new TemplateError(
        'partials and delimiter changes are not supported',
        lineNumber,
        column,
      );
    }
    if (!NAME.test(name)) {
      throw new TemplateError(`"${name}" is not a variable name`, lineNumber, column);
    }
    tags.push({
      sigil,
      name,
      raw: Boolean(triple) || sigil === '&',
      start,
      end: searchedTo,
      line: lineNumber,
      column,
    });
  }
  const rest = line.slice(searchedTo);
  if (rest.includes('{{')) {
    throw new TemplateError(
      '"{{" without a matching "}}"',
      lineNumber,
      searchedTo + rest.indexOf('{{') + 1,
    );
  }
  return tags;
}

/** "a.b" as ["a", "b"]; "." as []. */
function namePath(name: string): string[] {
  return name === '.' ? [] : name.split('.');
}

function pushText(nodes: Node[], text: string): void {
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.text += text;
  else nodes.push({ type: 'text', text });
}

/**
 * Checks every name against `sample`, a view holding every variable (lists with one item), on
 * every branch: so a template that passes cannot fail while rendering.
 */
export function validateTemplate(template: Template, sample: TemplateView): void {
  const walk = (nodes: readonly Node[], stack: readonly TemplateValue[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') continue;
      const found = resolve(stack, node.path);
      if (!found.found) {
        throw new TemplateError(`unknown variable "${node.name}"`, node.line, node.column);
      }
      if (node.type === 'section') {
        const value = found.value;
        const inner = Array.isArray(value) ? (value[0] as TemplateValue) : value;
        walk(node.children, node.inverted ? stack : [...stack, inner]);
      }
    }
  };
  walk(template.nodes, [sample]);
}

/** Renders with `view` as the outermost context. */
export function renderTemplate(
  template: Template,
  view: TemplateView,
  options: RenderOptions,
): string {
  return new Renderer(view, options).render(template.nodes);
}

/** One rendering: a class rather than closures, as it runs for every exported article. */
class Renderer {
  private readonly writer = new Writer();
  private readonly stack: TemplateValue[];

  constructor(
    view: TemplateView,
    private readonly options: RenderOptions,
  ) {
    this.stack = [view];
  }

  render(nodes: readonly Node[]): string {
    this.walk(nodes);
    return this.writer.toString();
  }

  private walk(nodes: readonly Node[]): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        this.writer.text(node.text);
        continue;
      }
      const { value } = resolve(this.stack, node.path);
      if (node.type === 'var') {
        this.write(value, node.raw);
      } else if (node.inverted) {
        if (!truthy(value)) this.walk(node.children);
      } else if (Array.isArray(value)) {
        for (const item of value as readonly TemplateValue[]) this.within(item, node.children);
      } else if (truthy(value)) {
        this.within(value, node.children);
      }
    }
  }

  private within(context: TemplateValue, nodes: readonly Node[]): void {
    this.stack.push(context);
    this.walk(nodes);
    this.stack.pop();
  }

  private write(value: TemplateValue, raw: boolean): void {
    if (!Array.isArray(value)) this.writer.value(this.leaf(value, raw));
    else if (this.options.list) this.writer.value(this.options.list(value, raw));
    else this.writer.value(value.map((item: TemplateValue) => this.leaf(item, raw)).join(', '));
  }

  private leaf(value: TemplateValue, raw: boolean): string {
    if (!isLeaf(value)) return '';
    return raw ? this.options.raw(value) : this.options.escape(value);
  }
}

/** The nodes inside the first section named `name` (e.g. the per-highlight layout), or null. */
export function sectionBody(template: Template, name: string): Template | null {
  const find = (nodes: readonly Node[]): Template | null => {
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      if (node.name === name && !node.inverted) return { nodes: node.children };
      const inner = find(node.children);
      if (inner) return inner;
    }
    return null;
  };
  return find(template.nodes);
}

/** Falsy: false, null, undefined, "" and empty lists. Numbers, 0 included, are truthy. */
function truthy(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== false && value !== null && value !== undefined && value !== '';
}

function isView(value: TemplateValue): value is TemplateView {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

function isLeaf(value: TemplateValue): value is TemplateLeaf {
  return !Array.isArray(value) && !isView(value);
}

function resolve(
  stack: readonly TemplateValue[],
  path: readonly string[],
): { found: boolean; value: TemplateValue } {
  const [head, ...rest] = path;
  if (head === undefined) return { found: true, value: stack[stack.length - 1] };
  for (let index = stack.length - 1; index >= 0; index--) {
    const context = stack[index];
    if (!isView(context) || !Object.hasOwn(context, head)) continue;
    let value: TemplateValue = context[head];
    for (const part of rest) {
      if (!isView(value) || !Object.hasOwn(value, part)) return { found: false, value: undefined };
      value = value[part];
    }
    return { found: true, value };
  }
  return { found: false, value: undefined };
}

/**
 * Output with one rule for values spanning lines: each further line repeats the Markdown
 * container prefix of the line the value started on (`> ` for a quote, spaces under a list
 * item's marker), so a multi-line quote or note stays inside its quote or list item.
 */
class Writer {
  private out = '';

  text(text: string): void {
    this.out += text;
  }

  value(text: string): void {
    if (!text.includes('\n')) {
      this.out += text;
      return;
    }
    const continuation = containerContinuation(this.out.slice(this.out.lastIndexOf('\n') + 1));
    if (continuation === '') {
      this.out += text;
      return;
    }
    const blank = continuation.trimEnd();
    this.out += text
      .split('\n')
      .map((line, index) => (index === 0 ? line : (line === '' ? blank : continuation) + line))
      .join('\n');
  }

  toString(): string {
    return this.out;
  }
}

const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))[ \t]?/y;

/** The prefix continuing `line`'s containers on the next line, or "" if `line` is not just that. */
export function containerContinuation(line: string): string {
  let continuation = '';
  let offset = 0;
  while (offset < line.length) {
    CONTAINER_MARKER.lastIndex = offset;
    const match = CONTAINER_MARKER.exec(line);
    if (!match) break;
    const marker = match[0];
    continuation += marker.trimStart().startsWith('>') ? marker : ' '.repeat(marker.length);
    offset += marker.length;
  }
  const rest = line.slice(offset);
  if (rest.trim() !== '') return '';
  return continuation + rest;
}
