/** What the index is given for an article, and the metadata that filters read. */
export interface SearchDocument {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The article's address; its host is searchable with the site name (`site:nytimes`). */
  url?: string | null;
  /** The article's text (`text.txt`). */
  body: string;
  /** The highlighted passages. */
  highlights: string[];
  /** The highlights' notes and the article's note. */
  notes: string[];
  savedAt: string;
  tags?: string[];
  read?: boolean;
  favorite?: boolean;
  archived?: boolean;
  /** Defaults to the number of `highlights`. */
  highlightCount?: number;
  /** Defaults to whether some note is not blank. */
  hasNotes?: boolean;
  /**
   * Changes whenever the indexed text changes (see `documentVersion`); a persisted index whose
   * version of a document differs from the library's re-indexes it.
   */
  version?: string;
}

/** What can change without the text changing: updated in place, without re-indexing. */
export interface SearchMeta {
  savedAt: string;
  read: boolean;
  favorite: boolean;
  archived: boolean;
  tags: string[];
  highlightCount: number;
  hasNotes: boolean;
}

export type MetaPatch = Partial<SearchMeta>;

export function metaOf(document: SearchDocument): SearchMeta {
  return {
    savedAt: document.savedAt,
    read: document.read ?? false,
    favorite: document.favorite ?? false,
    archived: document.archived ?? false,
    tags: [...(document.tags ?? [])],
    highlightCount: document.highlightCount ?? document.highlights.length,
    hasNotes: document.hasNotes ?? document.notes.some((note) => note.trim() !== ''),
  };
}
