import { describe, expect, it } from 'vitest';
import { decodePage, decodeText, encodingFor } from '../../../electron/core/import/url/charset';

describe('charset decoding (issue 18)', () => {
  it('defect 6: malformed EUC-KR bytes decode to U+FFFD as WHATWG says, not silently dropped', () => {
    expect(decodeText(new Uint8Array([0x93, 0x80, 0x41]), 'euc-kr')).toBe('\uFFFDA');
    const page = decodePage(new Uint8Array([0x93, 0x80, 0x41]), 'text/html; charset=euc-kr');
    expect(page).toEqual({ text: '\uFFFDA', encoding: 'euc-kr' });
  });

  it('defect 6: x-user-defined is known, and maps high bytes to U+F780…U+F7FF', () => {
    expect(encodingFor('x-user-defined')).toBe('x-user-defined');
    const text = decodeText(new Uint8Array([0x41, 0x80, 0xff]), 'x-user-defined');
    expect([...text].map((c) => c.codePointAt(0))).toEqual([0x41, 0xf780, 0xf7ff]);
  });

  it('defect 6: windows-1252 gives € and curly quotes for 0x80–0x9F', () => {
    expect(decodeText(new Uint8Array([0x80, 0x93, 0x94, 0x97]), 'windows-1252')).toBe('€“”—');
  });
});
