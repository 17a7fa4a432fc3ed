import type { SearchHit } from '../../common/api';
import { packFieldCounts, unpackFieldCounts } from './field-counts';
import { tokenEndAt, tokenize } from './normalize';
import { parseQuery } from './query';
import {
  PREFIX_EXTENSION_WEIGHT,
  QueryMatcher,
  type ResolvedTerm,
  type ResolvedWord,
} from './query-matcher';
import {
  FIELDS,
  FIELD_WEIGHTS,
  inverseDocumentFrequency,
  saturatedFrequency,
  type Field,
} from './ranking';
import { buildSnippet, type MatchSpan, type Snippet } from './snippet';
import { TermDictionary } from './term-dictionary';

/** What the index knows of an article. */
export interface SearchDocument {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The article's text. */
  body: string;
  /** The highlighted passages. */
  highlights: string[];
  /** The highlights' notes and the article's note. */
  notes: string[];
  savedAt: string;
}

export interface SearchOptions {
  /** The most hits to return; DEFAULT_SEARCH_LIMIT if not given. */
  limit?: number;
}

export const DEFAULT_SEARCH_LIMIT = 50;

const BODY = FIELDS.indexOf('body');
const HIGHLIGHTS = FIELDS.indexOf('highlights');
const NOTES = FIELDS.indexOf('notes');

interface IndexedDocument {
  number: number;
  id: string;
  title: string;
  savedAt: number;
  body: string;
  highlights: string[];
  notes: string[];
  /** Per field (in FIELDS order), the text as term ids; entries of a list are separated by 0. */
  fieldTerms: Uint32Array[];
  /** Per field, the number of tokens. */
  fieldLengths: number[];
  /** Where each body token starts in `body` (its end is found again when a snippet needs it). */
  bodyStarts: Uint32Array;
}

interface Candidate {
  document: IndexedDocument;
  score: number;
}

/**
 * An in-memory full-text index of the library. Each term has a posting list (the documents that
 * hold it, with a count per field), which is all ranking reads for most queries; each document
 * also keeps its text as term ids (a forward index), scanned to check phrases ("two-thirds") and
 * to find match offsets for the hits shown. About 8 bytes a body token (term id and offset) plus
 * 16 bytes a distinct term per document.
 */
export class SearchIndex {
  private readonly dictionary = new TermDictionary();
  private readonly documentsById = new Map<string, IndexedDocument>();
  private readonly documentsByNumber: (IndexedDocument | undefined)[] = [];
  private readonly freeNumbers: number[] = [];
  private readonly totalFieldLengths = FIELDS.map(() => 0);

  get size(): number {
    return this.documentsById.size;
  }

  /** Adds a document, or replaces the one with the same id. */
  upsert(document: SearchDocument): void {
    this.remove(document.id);
    const number = this.freeNumbers.pop() ?? this.documentsByNumber.length;
    const fieldTexts: Record<Field, string[]> = {
      title: [document.title],
      byline: document.byline ? [document.byline] : [],
      siteName: document.siteName ? [document.siteName] : [],
      body: [document.body],
      highlights: document.highlights,
      notes: document.notes,
    };
    const bodyTokens = tokenize(document.body);
    const fieldTerms: Uint32Array[] = [];
    const fieldLengths: number[] = [];
    for (const field of FIELDS) {
      const entries =
        field === 'body' ? [bodyTokens] : fieldTexts[field].map((text) => tokenize(text));
      fieldTerms.push(this.internEntries(entries));
      fieldLengths.push(entries.reduce((sum, tokens) => sum + tokens.length, 0));
    }
    const indexed: IndexedDocument = {
      number,
      id: document.id,
      title: document.title,
      savedAt: Date.parse(document.savedAt) || 0,
      body: document.body,
      highlights: [...document.highlights],
      notes: [...document.notes],
      fieldTerms,
      fieldLengths,
      bodyStarts: Uint32Array.from(bodyTokens, (token) => token.start),
    };
    for (const [termId, counts] of countTerms(fieldTerms)) {
      this.dictionary.addPosting(termId, number, packFieldCounts(counts));
    }
    fieldLengths.forEach((length, field) => {
      this.totalFieldLengths[field] = (this.totalFieldLengths[field] ?? 0) + length;
    });
    this.documentsById.set(document.id, indexed);
    this.documentsByNumber[number] = indexed;
  }

  remove(id: string): void {
    const document = this.documentsById.get(id);
    if (!document) return;
    for (const termId of countTerms(document.fieldTerms).keys()) {
      this.dictionary.removePosting(termId, document.number);
    }
    document.fieldLengths.forEach((length, field) => {
      this.totalFieldLengths[field] = (this.totalFieldLengths[field] ?? 0) - length;
    });
    this.documentsById.delete(id);
    this.documentsByNumber[document.number] = undefined;
    this.freeNumbers.push(document.number);
  }

  /**
   * The documents matching every word of `query`, best first. Ties go to the most recently
   * saved. An empty query finds nothing.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const words = this.resolve(query);
    if (words === null || words.length === 0 || limit <= 0) return [];
    const ranked = this.rank(words);
    if (ranked.length === 0) return [];
    const matcher = new QueryMatcher(words, this.dictionary.size);
    return ranked.slice(0, limit).map((candidate) => this.hit(candidate, matcher));
  }

  /** The query's words as term ids; null when some word cannot match anything. */
  private resolve(query: string): ResolvedWord[] | null {
    const words: ResolvedWord[] = [];
    for (const word of parseQuery(query)) {
      const terms: ResolvedTerm[] = [];
      for (const [index, term] of word.terms.entries()) {
        const exactId = this.dictionary.idOf(term) ?? -1;
        const isPrefix = word.prefix && index === word.terms.length - 1;
        const ids = isPrefix
          ? this.dictionary.idsWithPrefix(term)
          : exactId === -1
            ? []
            : [exactId];
        if (ids.length === 0) return null;
        terms.push({ ids, exactId });
      }
      words.push({ terms });
    }
    return words;
  }

  /**
   * Scores the documents that match every word. Words are taken rarest first, and each word
   * only looks at the documents that matched all the words before it.
   */
  private rank(words: readonly ResolvedWord[]): Candidate[] {
    const capacity = this.documentsByNumber.length;
    const documentCount = this.size;
    const averageLengths = this.totalFieldLengths.map((total) => total / documentCount);
    // wordsMatched[n]: how many words document n has matched so far; scores[n]: its score.
    const wordsMatched = new Uint16Array(capacity);
    const scores = new Float64Array(capacity);
    const frequencies = new Float64Array(capacity * FIELDS.length);
    const byCost = words
      .map((word) => ({ word, cost: this.cost(word) }))
      .sort((a, b) => a.cost - b.cost);
    let matching: number[] = [];
    for (const [round, { word }] of byCost.entries()) {
      const counted =
        word.terms.length === 1
          ? this.countTerm(word, round, wordsMatched, frequencies)
          : this.countPhrase(word, round, wordsMatched, frequencies);
      const idf = Math.max(
        ...word.terms.map((term) =>
          inverseDocumentFrequency(this.documentFrequency(term), documentCount),
        ),
      );
      matching = [];
      for (const number of counted) {
        const lengths = this.documentsByNumber[number]?.fieldLengths ?? [];
        let wordScore = 0;
        FIELDS.forEach((field, index) => {
          const at = number * FIELDS.length + index;
          wordScore +=
            FIELD_WEIGHTS[field] *
            saturatedFrequency(
              frequencies[at] ?? 0,
              lengths[index] ?? 0,
              averageLengths[index] ?? 0,
            );
          frequencies[at] = 0;
        });
        if (wordScore <= 0) continue;
        scores[number] = (scores[number] ?? 0) + idf * wordScore;
        wordsMatched[number] = round + 1;
        matching.push(number);
      }
      if (matching.length === 0) return [];
    }
    const ranked: Candidate[] = [];
    for (const number of matching) {
      const document = this.documentsByNumber[number];
      if (document) ranked.push({ document, score: scores[number] ?? 0 });
    }
    return ranked.sort(
      (a, b) =>
        b.score - a.score ||
        b.document.savedAt - a.document.savedAt ||
        (a.document.id < b.document.id ? -1 : 1),
    );
  }

  /** Roughly how many postings a word's evaluation reads: those of its rarest term. */
  private cost(word: ResolvedWord): number {
    return Math.min(...word.terms.map((term) => this.documentFrequency(term)));
  }

  /** How many documents hold the term (for a prefix, summed over its completions). */
  private documentFrequency(term: ResolvedTerm): number {
    return term.ids.reduce((sum, id) => sum + this.dictionary.documentFrequency(id), 0);
  }

  /**
   * Adds a one-term word's counts per field into `frequencies`, from its postings, for the
   * documents that matched the previous `round` words. Returns those documents.
   */
  private countTerm(
    word: ResolvedWord,
    round: number,
    wordsMatched: Uint16Array,
    frequencies: Float64Array,
  ): number[] {
    const term = word.terms[0];
    if (!term) return [];
    const counted: number[] = [];
    const counts = new Float64Array(FIELDS.length);
    for (const id of term.ids) {
      const weight = id === term.exactId ? 1 : PREFIX_EXTENSION_WEIGHT;
      const postings = this.dictionary.postingsOf(id);
      for (let at = 0; at < postings.length; at += 2) {
        const number = postings[at] ?? 0;
        if (wordsMatched[number] !== round) continue;
        unpackFieldCounts(postings[at + 1] ?? 0, counts);
        const base = number * FIELDS.length;
        // A prefix can reach a document through several terms: count it once in the list.
        if (!hasCounts(frequencies, base)) counted.push(number);
        for (let field = 0; field < FIELDS.length; field += 1) {
          frequencies[base + field] =
            (frequencies[base + field] ?? 0) + weight * (counts[field] ?? 0);
        }
      }
    }
    return counted;
  }

  /**
   * Like `countTerm` for a word of several terms, which must be adjacent: the documents holding
   * its rarest term are scanned for the whole phrase.
   */
  private countPhrase(
    word: ResolvedWord,
    round: number,
    wordsMatched: Uint16Array,
    frequencies: Float64Array,
  ): number[] {
    const rarest = word.terms.reduce((best, term) =>
      this.documentFrequency(term) < this.documentFrequency(best) ? term : best,
    );
    const matcher = new QueryMatcher([word], this.dictionary.size);
    const seen = new Set<number>();
    for (const id of rarest.ids) {
      const postings = this.dictionary.postingsOf(id);
      for (let at = 0; at < postings.length; at += 2) {
        const number = postings[at] ?? 0;
        if (wordsMatched[number] === round) seen.add(number);
      }
    }
    for (const number of seen) {
      const document = this.documentsByNumber[number];
      const base = number * FIELDS.length;
      document?.fieldTerms.forEach((terms, field) => {
        matcher.forEachMatch(terms, (_word, _position, _length, weight) => {
          frequencies[base + field] = (frequencies[base + field] ?? 0) + weight;
        });
      });
    }
    return [...seen];
  }

  private hit({ document, score }: Candidate, matcher: QueryMatcher): SearchHit {
    const bodySpans = this.bodySpans(document, matcher);
    const firstBodySpan = bodySpans.reduce<MatchSpan | undefined>(
      (first, span) => (!first || span.start < first.start ? span : first),
      undefined,
    );
    const snippet: Snippet = firstBodySpan
      ? buildSnippet(document.body, bodySpans)
      : (this.entrySnippet(document.highlights, HIGHLIGHTS, document, matcher) ??
        this.entrySnippet(document.notes, NOTES, document, matcher) ??
        buildSnippet(document.body, []));
    return {
      id: document.id,
      title: document.title,
      snippet: snippet.snippet,
      marks: snippet.marks,
      score,
      firstMatch: firstBodySpan ? { start: firstBodySpan.start, end: firstBodySpan.end } : null,
    };
  }

  private bodySpans(document: IndexedDocument, matcher: QueryMatcher): MatchSpan[] {
    const spans: MatchSpan[] = [];
    const starts = document.bodyStarts;
    matcher.forEachMatch(
      document.fieldTerms[BODY] ?? new Uint32Array(),
      (word, position, length) => {
        const start = starts[position] ?? 0;
        const end = tokenEndAt(document.body, starts[position + length - 1] ?? start);
        spans.push({ start, end, word });
      },
    );
    return spans;
  }

  /**
   * A snippet from the highlight or note that matches the most query words, for documents whose
   * body does not match; null when none matches.
   */
  private entrySnippet(
    entries: readonly string[],
    field: number,
    document: IndexedDocument,
    matcher: QueryMatcher,
  ): Snippet | null {
    if ((document.fieldTerms[field]?.length ?? 0) === 0) return null;
    let best: { text: string; spans: MatchSpan[]; words: number } | null = null;
    for (const text of entries) {
      const tokens = tokenize(text);
      const terms = Uint32Array.from(
        tokens,
        (token) => this.dictionary.idOf(token.term) ?? TermDictionary.NO_TERM,
      );
      const spans: MatchSpan[] = [];
      matcher.forEachMatch(terms, (word, position, length) => {
        const start = tokens[position]?.start ?? 0;
        spans.push({ start, end: tokens[position + length - 1]?.end ?? start, word });
      });
      const words = new Set(spans.map((span) => span.word)).size;
      if (words > (best?.words ?? 0)) best = { text, spans, words };
    }
    return best ? buildSnippet(best.text, best.spans) : null;
  }

  /** Interns the terms of a field's entries, with a 0 between entries so phrases stay inside one. */
  private internEntries(entries: readonly { term: string }[][]): Uint32Array {
    const length = entries.reduce((sum, tokens) => sum + tokens.length, 0);
    const terms = new Uint32Array(length + Math.max(0, entries.length - 1));
    let at = 0;
    entries.forEach((tokens, index) => {
      if (index > 0) terms[at++] = TermDictionary.NO_TERM;
      for (const token of tokens) terms[at++] = this.dictionary.intern(token.term);
    });
    return terms;
  }
}

/** Per term id in the fields, its count in each field. */
function countTerms(fieldTerms: readonly Uint32Array[]): Map<number, number[]> {
  const counts = new Map<number, number[]>();
  fieldTerms.forEach((terms, field) => {
    for (const id of terms) {
      if (id === TermDictionary.NO_TERM) continue;
      let perField = counts.get(id);
      if (!perField) {
        perField = FIELDS.map(() => 0);
        counts.set(id, perField);
      }
      perField[field] = (perField[field] ?? 0) + 1;
    }
  });
  return counts;
}

function hasCounts(frequencies: Float64Array, base: number): boolean {
  for (let field = 0; field < FIELDS.length; field += 1) {
    if ((frequencies[base + field] ?? 0) !== 0) return true;
  }
  return false;
}
