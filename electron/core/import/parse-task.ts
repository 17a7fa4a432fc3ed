/**
 * The pure, CPU-heavy step of an import — bytes or page text in, article (or page draft) out —
 * as a message that can cross to a worker thread (see parse-pool.ts) or run in place. Nothing
 * here writes files or touches the network: storing images and writing the article stay with
 * the library service, the archive's only writer.
 */
import type { ArticleDraft } from './draft';
import { extractPage, finishPage, parseImport, type ParsedArticle } from './index';

export type ParseTask =
  /** A .txt/.md file, parsed in full. */
  | { kind: 'file'; name: string; bytes: Uint8Array }
  /** A page's article picked out; finished too when it has no image to store first. */
  | { kind: 'page'; html: string; url: string | null; label: string }
  /** A page's draft, its images stored, sanitized into the article to keep. */
  | { kind: 'finish'; draft: ArticleDraft; label: string };

export interface ParseResult {
  /** For a 'page' task: the extracted draft (its images still to be stored). */
  draft?: ArticleDraft;
  /** The finished article; null for a 'page' whose images must be stored first. */
  parsed: ParsedArticle | null;
}

/** Whether a draft shows images, which the service stores before the body is sanitized. */
export function hasImages(html: string): boolean {
  return /<img\b/i.test(html);
}

export function runParseTask(task: ParseTask): ParseResult {
  switch (task.kind) {
    case 'file':
      return { parsed: parseImport({ name: task.name, bytes: task.bytes }) };
    case 'page': {
      const draft = extractPage(task.html, task.url);
      return { draft, parsed: hasImages(draft.html) ? null : finishPage(draft, task.label) };
    }
    case 'finish':
      return { parsed: finishPage(task.draft, task.label) };
  }
}
