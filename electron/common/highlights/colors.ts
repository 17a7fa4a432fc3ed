import {
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type LibraryDocument,
  type LibrarySettings,
} from '../model';

/** What each color means until the user says otherwise. */
export const DEFAULT_COLOR_MEANINGS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'key idea',
  green: 'agree',
  blue: 'to look up',
  pink: 'question',
};

/** A color's meaning is a short label: it becomes a tag in export. */
export const MAX_MEANING_LENGTH = 60;

/** The library's settings, with defaults for anything it does not set. */
export function librarySettings(doc: Pick<LibraryDocument, 'settings'>): LibrarySettings {
  const stored = doc.settings?.colorMeanings ?? {};
  const colorMeanings = { ...DEFAULT_COLOR_MEANINGS };
  for (const color of HIGHLIGHT_COLORS) {
    const meaning = (stored as Partial<Record<HighlightColor, string>>)[color];
    if (typeof meaning === 'string') colorMeanings[color] = meaning;
  }
  return { colorMeanings };
}
