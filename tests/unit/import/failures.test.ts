import { describe, expect, it } from 'vitest';
import { MarginError } from '../../../electron/common/errors';
import { parseImport, parsePastedText } from '../../../electron/core/import/index';
import { bytesOf } from './corpus';

function failure(run: () => unknown): MarginError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MarginError);
    const marginError = error as MarginError;
    expect(marginError.code).toBe('import-failed');
    expect(marginError.message).not.toContain('\n');
    return marginError;
  }
  throw new Error('expected the import to fail');
}

function importFailure(name: string, bytes: Uint8Array): string {
  const { message } = failure(() => parseImport({ name, bytes }));
  expect(message).toContain(name);
  return message;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('imports that fail, with a reason for the user', () => {
  it('an empty file', () => {
    expect(importFailure('notes.txt', new Uint8Array())).toBe('notes.txt is empty');
  });

  it('a whitespace-only file', () => {
    expect(importFailure('blank.md', bytesOf(' \n\t\r\n  '))).toMatch(/^blank\.md is empty/);
  });

  it('HTML that is only an unclosed comment (found by the fuzz test)', () => {
    expect(importFailure('odd.html', bytesOf('<!--<body><html>'))).toBe(
      'odd.html has no readable article text',
    );
  });

  it('PNG bytes named .html', () => {
    expect(importFailure('photo.html', PNG)).toBe(
      'photo.html is not a text file (it looks binary)',
    );
  });

  it('other binary formats by their magic numbers', () => {
    importFailure('doc.txt', bytesOf('%PDF-1.7\nsome text'));
    importFailure('archive.md', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]));
    importFailure('pic.htm', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x41]));
    importFailure('anim.txt', bytesOf('GIF89a and more'));
  });

  it('NUL bytes in a .txt', () => {
    const bytes = bytesOf('Hello\u0000world, this is text');
    expect(importFailure('nul.txt', bytes)).toMatch(/looks binary/);
  });

  it('an unsupported extension', () => {
    expect(importFailure('x.pdf', bytesOf('text'))).toBe(
      'x.pdf: Margin imports .txt, .md, .html, .htm, .mhtml and .mht files',
    );
    importFailure('README', bytesOf('text'));
  });

  it('text that is not UTF-8', () => {
    // Latin-1 "é" throughout: every one is an invalid UTF-8 sequence.
    const latin1 = new Uint8Array(
      Array.from('café résumé naïve déjà vu '.repeat(20), (c) => c.charCodeAt(0)),
    );
    expect(importFailure('latin.txt', latin1)).toBe(
      'latin.txt is not UTF-8 text (save it as UTF-8 and try again)',
    );
  });

  it('a page with no readable text', () => {
    const page = bytesOf(
      '<html><head><title>T</title><script>alert(1)</script></head><body><img src="x.png"></body></html>',
    );
    expect(importFailure('page.html', page)).toBe('page.html has no readable article text');
  });

  it('empty pasted text', () => {
    expect(failure(() => parsePastedText('  \n ')).message).toBe('The pasted text is empty');
  });

  it('names only the file, not its folder', () => {
    const { message } = failure(() =>
      parseImport({ name: '/home/someone/Documents/notes.txt', bytes: new Uint8Array() }),
    );
    expect(message).toBe('notes.txt is empty');
  });
});

describe('text decoding', () => {
  it('tolerates a few invalid bytes', () => {
    const bytes = new Uint8Array([
      ...bytesOf('Title\n\nAlmost all good text '),
      0xff,
      ...bytesOf(' here.'),
    ]);
    const article = parseImport({ name: 'mostly.txt', bytes });
    expect(article.text).toContain('\uFFFD');
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('Title\n\nBody.')]);
    expect(parseImport({ name: 'bom.txt', bytes }).title).toBe('Title');
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const text = 'Überschrift — ok\n\nKörper.';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      le.set([code & 0xff, code >> 8], 2 + i * 2);
      be.set([code >> 8, code & 0xff], 2 + i * 2);
    }
    for (const bytes of [le, be]) {
      const article = parseImport({ name: 'utf16.txt', bytes });
      expect(article.title).toBe('Überschrift — ok');
      expect(article.text).toBe('Körper.');
    }
  });

  it("honours a page's declared legacy charset", () => {
    const head = bytesOf('<html><head><meta charset="windows-1252"><title>Caf');
    const rest = bytesOf('</title></head><body><article><p>Un caf');
    const end = bytesOf(
      " noir, s'il vous pla\u00EEt.</p></article></body></html>".replace('\u00EE', 'i'),
    );
    const bytes = new Uint8Array([...head, 0xe9, ...rest, 0xe9, ...end]);
    const article = parseImport({ name: 'legacy.html', bytes });
    expect(article.title).toBe('Café');
    expect(article.text).toContain('Un café noir');
  });
});
