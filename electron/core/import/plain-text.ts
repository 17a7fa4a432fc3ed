/**
 * Plain text to article HTML: the first line is the title, blank lines separate paragraphs,
 * single newlines are kept as line breaks, and a trailing photo caption (as news sites'
 * "save as text" leaves it) becomes a figure caption instead of body text.
 */
import type { ArticleDraft } from './draft';
import { collapseWhitespace, isTitleLine, titleFromLine } from './text-stats';

const MAX_CAPTION_LABEL = 60;

type Block = string[];

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Non-empty lines grouped into blocks; blank (or whitespace-only) lines separate blocks. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    if (line !== '') current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

const LIST_MARKER = /^(?:[-*+•–]|\d+[.)])\s/;
const SENTENCE_END = /[.!?,;:…]["'”’)\]]*$/;

/**
 * A caption is a two-line last block — a short label with no sentence punctuation, then the
 * caption itself — in a text whose paragraphs are otherwise one line each. Requiring the rest
 * to be unwrapped keeps poems and hard-wrapped prose (where two-line blocks are normal) safe.
 */
function isCaptionBlock(block: Block, before: Block[]): boolean {
  if (before.length === 0 || block.length !== 2) return false;
  const [label = '', caption = ''] = block;
  // The label names the picture; the caption after it describes it, so it is the longer line.
  if (label.length >= MAX_CAPTION_LABEL || caption.length <= label.length) return false;
  if (SENTENCE_END.test(label)) return false;
  if (LIST_MARKER.test(label) || LIST_MARKER.test(caption)) return false;
  const singleLine = before.filter((b) => b.length === 1).length;
  return singleLine / before.length >= 0.8;
}

function linesHtml(lines: Block): string {
  return lines.map(escapeHtml).join('<br>\n');
}

/** Splits off the title: the first line, unless it is too long to be one. */
function takeTitle(blocks: Block[]): { title: string; body: Block[] } {
  const [first = [], ...rest] = blocks;
  const [firstLine = '', ...firstRest] = first;
  if (!isTitleLine(firstLine)) return { title: titleFromLine(firstLine), body: blocks };
  const body = firstRest.length > 0 ? [firstRest, ...rest] : rest;
  // A text that is only a title keeps it as its body too: an article needs some text.
  return { title: collapseWhitespace(firstLine), body: body.length > 0 ? body : [[firstLine]] };
}

export function parsePlainText(text: string): ArticleDraft {
  const { title, body } = takeTitle(splitBlocks(text));
  const last = body[body.length - 1];
  const caption = last !== undefined && isCaptionBlock(last, body.slice(0, -1)) ? last : null;
  const paragraphs = caption === null ? body : body.slice(0, -1);
  const parts = paragraphs.map((lines) => `<p>${linesHtml(lines)}</p>`);
  if (caption !== null) {
    parts.push(`<figure><figcaption>${linesHtml(caption)}</figcaption></figure>`);
  }
  return { title, html: parts.join('\n') };
}
