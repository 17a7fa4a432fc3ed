/**
 * The search query language as a tree (see docs/search.md). Pure data: the index evaluates it,
 * the renderer can show what a query means.
 */

/** A text field a word can be limited to; null means any field. */
export type TextField = 'title' | 'author' | 'site' | 'tag';

/** Words to find: one word ("ghazni"), a word of several terms ("u.s."), or a quoted phrase. */
export interface TextNode {
  kind: 'text';
  field: TextField | null;
  /** What the user wrote, without quotes. */
  raw: string;
  /** Its folded terms; several must appear in order, next to each other. */
  terms: string[];
  /** Whether the last term may be the start of a longer one: the word being typed. */
  prefix: boolean;
}

export type ReadState = 'read' | 'unread' | 'favorite' | 'archived';
export type Presence = 'highlights' | 'notes';

export interface IsNode {
  kind: 'is';
  state: ReadState;
}

export interface HasNode {
  kind: 'has';
  what: Presence;
}

/** Saved in [from, to), in milliseconds since the epoch; null is unbounded. */
export interface SavedNode {
  kind: 'saved';
  from: number | null;
  to: number | null;
}

export interface NotNode {
  kind: 'not';
  node: QueryNode;
}

export interface AndNode {
  kind: 'and';
  nodes: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  nodes: QueryNode[];
}

export type QueryNode = TextNode | IsNode | HasNode | SavedNode | NotNode | AndNode | OrNode;

export type SortKey = 'relevance' | 'saved' | 'title';

export interface SortOrder {
  by: SortKey;
  /** Relevance and saved date default to descending (best, newest first), title to ascending. */
  descending: boolean;
}

export interface ParsedQuery {
  /** null when the query asks for nothing (empty, or only punctuation). */
  root: QueryNode | null;
  sort: SortOrder;
  /** One sentence per part of the query that was not understood and how it was taken instead. */
  hints: string[];
}
