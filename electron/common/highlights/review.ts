import type { Highlight, ReviewState } from '../model';

/**
 * The daily review: a few highlights a day, chosen by spaced repetition. A highlight never
 * reviewed is due at once; "Keep" shows it again after an interval that grows each time (1, 3,
 * 8, 21… days), "Dismiss" never again. Favorites come back sooner.
 */

export const REVIEW_SIZE = 5;
const FIRST_INTERVAL_DAYS = 1;
const GROWTH = 2.5;
const FAVORITE_GROWTH = 1.5;
const MAX_INTERVAL_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Today's review at `now`: due highlights (never reviewed counts as due), the most overdue first,
 * ties broken by the oldest highlight, dismissed ones left out; `size` a day in all, so those
 * already answered today (UTC) leave fewer.
 */
export function dueHighlights(
  highlights: readonly Highlight[],
  now: Date,
  size = REVIEW_SIZE,
): Highlight[] {
  const today = now.toISOString().slice(0, 10);
  const answeredToday = highlights.filter((h) => h.review?.reviewedAt?.startsWith(today)).length;
  const dueAt = (h: Highlight): number => (h.review ? Date.parse(h.review.due) : 0);
  return highlights
    .filter((h) => !h.review?.dismissed && dueAt(h) <= now.getTime())
    .sort((a, b) => dueAt(a) - dueAt(b) || a.createdAt.localeCompare(b.createdAt))
    .slice(0, Math.max(0, size - answeredToday));
}

export type ReviewAction = 'keep' | 'favorite' | 'dismiss';

/** The review state after the user's answer at `now`. */
export function nextReview(
  highlight: Pick<Highlight, 'review' | 'favorite'>,
  action: ReviewAction,
  now: Date,
): ReviewState {
  const previous = highlight.review?.intervalDays;
  const reviewedAt = now.toISOString();
  if (action === 'dismiss') {
    return { due: reviewedAt, intervalDays: previous ?? 0, dismissed: true, reviewedAt };
  }
  const favorite = action === 'favorite' || highlight.favorite === true;
  const grown =
    previous === undefined || previous <= 0
      ? FIRST_INTERVAL_DAYS
      : Math.ceil(previous * (favorite ? FAVORITE_GROWTH : GROWTH));
  const intervalDays = Math.min(MAX_INTERVAL_DAYS, grown);
  const due = new Date(now.getTime() + intervalDays * DAY_MS).toISOString();
  return { due, intervalDays, reviewedAt };
}
