/** What "Update from source" did to an article's highlights. */
export interface ReplaceResult {
  articleId: string;
  title: string;
  /** Highlights placed on the new text (their selectors now point into it). */
  anchored: number;
  /** Highlights kept without a place: their passage is gone or could not be found with confidence. */
  orphaned: number;
}
