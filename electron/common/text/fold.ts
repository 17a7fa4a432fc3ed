/**
 * Folds text for matching, so that a search or a comparison ignores what readers ignore: case
 * ("Ghazni" = "ghazni"), accents ("café" = "cafe"), width and compatibility forms ("Ｔａｌｉｂａｎ"
 * = "taliban", "ﬁ" = "fi"). Pure, so the search index (Node) and the reader (browser) fold alike.
 */

// Diacritics are only stripped from scripts where readers treat them as optional: Latin, Greek,
// Cyrillic, and the vowel points of Arabic and Hebrew. In Indic scripts, for example, the
// combining signs are vowels, and dropping them would merge unrelated words.
const OPTIONAL_MARKS =
  /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}])\p{M}+/gu;

// Letters that NFKD does not decompose but that readers type without their stroke or ligature.
const LETTER_SPELLINGS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  þ: 'th',
  ς: 'σ',
};
const SPELLED_LETTERS = new RegExp(`[${Object.keys(LETTER_SPELLINGS).join('')}]`, 'gu');

// Arabic tatweel (a stretching stroke) and invisible format characters (bidi marks, zero-width
// joiners, soft hyphens) change how a word looks, never what it says.
const IGNORABLE = /[\u0640\p{Cf}]/gu;

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(IGNORABLE, '')
    .replace(OPTIONAL_MARKS, '$1')
    .toLowerCase()
    .replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter] ?? letter)
    .normalize('NFC');
}
