/**
 * The seam between where a page comes from (a saved file, a fetched URL, another app's export)
 * and how it becomes an article. Sources produce a `PageInput`; `LibraryService.importPage`
 * consumes it.
 */

/** An image's bytes and its media type, e.g. `image/png`. */
export interface FetchedImage {
  bytes: Uint8Array;
  type: string;
}

/**
 * Finds an image the page refers to. `absoluteUrl` is the `src` resolved against the page's
 * address; `null` means "not available" (the importer then shows a placeholder with the alt text).
 */
export type ImageSource = (absoluteUrl: string) => Promise<FetchedImage | null>;

/** An HTML page ready to be imported. */
export interface PageInput {
  /** Decoded text of the page (the character set is already honoured). */
  html: string;
  /** The page's own address, if known: relative links and images resolve against it. */
  url: string | null;
  /** Shown in messages and used as a fallback title. */
  fileName: string;
  /** Where the page's images come from; `null` stores none. */
  images: ImageSource | null;
}

/** What another app knew about an item, carried over on import. */
export interface ImportExtras {
  tags?: string[];
  /** ISO 8601; defaults to now. */
  savedAt?: string;
  read?: boolean;
  archived?: boolean;
  favorite?: boolean;
  /** Highlights to anchor on the imported text by their quote (kept as orphans if not found). */
  highlights?: { quote: string; note?: string; color?: string; createdAt?: string }[];
}
