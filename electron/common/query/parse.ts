import { tokenize } from '../text/tokenize';
import type {
  ParsedQuery,
  Presence,
  QueryNode,
  ReadState,
  SortOrder,
  TextField,
  TextNode,
} from './ast';
import { parseDateRange } from './dates';
import { lex, type Atom, type Lexeme } from './lexer';

export interface ParseOptions {
  /** The moment relative dates (`saved:today`) are taken from; now if not given. */
  now?: Date;
}

const TEXT_FIELDS: Record<string, TextField> = {
  title: 'title',
  author: 'author',
  by: 'author',
  byline: 'author',
  site: 'site',
  domain: 'site',
  tag: 'tag',
  tags: 'tag',
  label: 'tag',
};

const STATES: Record<string, ReadState> = {
  read: 'read',
  unread: 'unread',
  favorite: 'favorite',
  favorites: 'favorite',
  favourite: 'favorite',
  starred: 'favorite',
  archived: 'archived',
  archive: 'archived',
};

const PRESENCES: Record<string, Presence> = {
  highlights: 'highlights',
  highlight: 'highlights',
  notes: 'notes',
  note: 'notes',
};

const SORTS: Record<string, SortOrder> = {
  relevance: { by: 'relevance', descending: true },
  score: { by: 'relevance', descending: true },
  saved: { by: 'saved', descending: true },
  newest: { by: 'saved', descending: true },
  'saved-desc': { by: 'saved', descending: true },
  'saved-asc': { by: 'saved', descending: false },
  oldest: { by: 'saved', descending: false },
  title: { by: 'title', descending: false },
  'title-asc': { by: 'title', descending: false },
  'title-desc': { by: 'title', descending: true },
};

export const FILTER_NAMES = ['title', 'author', 'site', 'tag', 'is', 'has', 'saved', 'sort'];

export const DEFAULT_SORT: SortOrder = { by: 'relevance', descending: true };

/**
 * Parses a query (see docs/search.md). Never throws: a slip (an unknown filter, a quote left
 * open, a stray parenthesis) is searched as plain text or ignored, with a hint saying so.
 */
export function parseQuery(query: string, options: ParseOptions = {}): ParsedQuery {
  const parser = new Parser(lex(query), options.now ?? new Date());
  const root = parser.parseAll();
  return { root, sort: parser.sort, hints: parser.hints };
}

class Parser {
  sort: SortOrder = DEFAULT_SORT;
  readonly hints: string[] = [];
  private at = 0;
  private readonly prefixAtom: Atom | null;

  constructor(
    private readonly lexemes: readonly Lexeme[],
    private readonly now: Date,
  ) {
    // The last word of the query is the one being typed, unless it is closed off by a quote.
    const last = lexemes[lexemes.length - 1];
    this.prefixAtom =
      last?.type === 'atom' && !last.negated && (!last.quoted || last.unclosed) ? last : null;
  }

  parseAll(): QueryNode | null {
    const nodes: QueryNode[] = [];
    while (this.at < this.lexemes.length) {
      if (this.peek()?.type === 'close') {
        this.hint('An unmatched ")" was ignored.');
        this.at += 1;
        continue;
      }
      const node = this.parseOr();
      if (node) nodes.push(node);
    }
    return and(nodes);
  }

  /** Words until ")" or the end: all must match. */
  private parseSequence(): QueryNode | null {
    const nodes: QueryNode[] = [];
    while (this.at < this.lexemes.length && this.peek()?.type !== 'close') {
      const node = this.parseOr();
      if (node) nodes.push(node);
    }
    return and(nodes);
  }

  /** OR binds tighter than the implicit AND: `a b OR c` is a AND (b OR c). */
  private parseOr(): QueryNode | null {
    if (this.peek()?.type === 'or') {
      this.at += 1;
      this.danglingOr();
      return null;
    }
    const nodes: QueryNode[] = [];
    const first = this.parseUnary();
    if (first) nodes.push(first);
    while (this.peek()?.type === 'or') {
      this.at += 1;
      const next = this.peek();
      if (next === undefined || next.type === 'close' || next.type === 'or') {
        this.danglingOr();
        break;
      }
      const node = this.parseUnary();
      if (node) nodes.push(node);
    }
    return nodes.length > 1 ? { kind: 'or', nodes } : (nodes[0] ?? null);
  }

  private danglingOr(): void {
    // While typing "cats OR" the next word is on its way; say nothing yet.
    if (this.at < this.lexemes.length) this.hint('"OR" needs a word on each side; it was ignored.');
  }

  private parseUnary(): QueryNode | null {
    const lexeme = this.peek();
    if (!lexeme) return null;
    this.at += 1;
    switch (lexeme.type) {
      case 'not': {
        const node = this.parseUnary();
        return node ? { kind: 'not', node } : null;
      }
      case 'open': {
        const node = this.parseSequence();
        if (this.peek()?.type === 'close') this.at += 1;
        else this.hint('A "(" was not closed; it is closed at the end.');
        return node;
      }
      case 'atom': {
        const node = this.atom(lexeme);
        return node && lexeme.negated ? { kind: 'not', node } : node;
      }
      default:
        // "close" and "or" are handled by the callers; never reached.
        return null;
    }
  }

  private atom(atom: Atom): QueryNode | null {
    if (atom.unclosed) this.hint('A quote was not closed; the phrase runs to the end.');
    const field = atom.field;
    if (field === null) return this.text(null, atom.value, atom);
    const textField = TEXT_FIELDS[field];
    if (textField) {
      if (atom.value.trim() === '') {
        this.hint(`"${field}:" needs a word after it.`);
        return null;
      }
      return this.text(textField, atom.value, atom);
    }
    const value = atom.value.trim().toLowerCase();
    switch (field) {
      case 'is': {
        const state = STATES[value];
        if (state) return { kind: 'is', state };
        return this.fallback(atom, '"is:" takes unread, read, favorite or archived');
      }
      case 'has': {
        const what = PRESENCES[value];
        if (what) return { kind: 'has', what };
        return this.fallback(atom, '"has:" takes highlights or notes');
      }
      case 'saved': {
        const range = parseDateRange(value, this.now);
        if (range) return { kind: 'saved', from: range.from, to: range.to };
        return this.fallback(
          atom,
          '"saved:" takes a date (2024-01-31), >date, <date, date..date, today, yesterday, ' +
            'last-week, last-month or last-year',
        );
      }
      case 'sort': {
        const sort = SORTS[value];
        if (!sort) return this.fallback(atom, '"sort:" takes relevance, saved or title');
        this.sort = sort;
        return null;
      }
      default:
        // "https://…" is an address, not a filter.
        if (!atom.value.startsWith('//')) {
          this.hint(
            `"${field}:" is not a filter, so it was searched as text. Filters: ` +
              `${FILTER_NAMES.map((name) => `${name}:`).join(' ')}`,
          );
        }
        return this.text(null, `${atom.field ?? field}:${atom.value}`, atom);
    }
  }

  private fallback(atom: Atom, hint: string): QueryNode | null {
    this.hint(`${hint}; "${atom.field ?? ''}:${atom.value}" was searched as text.`);
    return this.text(null, `${atom.field ?? ''}:${atom.value}`, atom);
  }

  private text(field: TextField | null, raw: string, atom: Atom): TextNode | null {
    const terms = tokenize(raw).map((token) => token.term);
    if (terms.length === 0) return null;
    return { kind: 'text', field, raw, terms, prefix: atom === this.prefixAtom };
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.at];
  }

  private hint(text: string): void {
    if (!this.hints.includes(text)) this.hints.push(text);
  }
}

function and(nodes: QueryNode[]): QueryNode | null {
  const flat = nodes.flatMap((node) => (node.kind === 'and' ? node.nodes : [node]));
  return flat.length > 1 ? { kind: 'and', nodes: flat } : (flat[0] ?? null);
}
