/**
 * The values of `saved:`: a day, month or year (`2024-01-31`, `2024-01`, `2024`), a comparison
 * (`>2024-01-01`, `<=2024-03`), a range (`2024-01-01..2024-02-15`, `*` for open) or a relative
 * period (`today`, `yesterday`, `last-week`, `last-month`, `last-year`). Days are local days,
 * as the reader sees them.
 */

export interface DateRange {
  /** Inclusive start, ms since the epoch; null is unbounded. */
  from: number | null;
  /** Exclusive end; null is unbounded. */
  to: number | null;
}

const DAY_PATTERN = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** The local calendar period a date string names, or null if it is not a date. */
function period(value: string): DateRange | null {
  const match = DAY_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]) - 1;
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 0 || month > 11)) return null;
  if (month === null) {
    return { from: new Date(year, 0, 1).getTime(), to: new Date(year + 1, 0, 1).getTime() };
  }
  if (day === null) {
    return {
      from: new Date(year, month, 1).getTime(),
      to: new Date(year, month + 1, 1).getTime(),
    };
  }
  const start = new Date(year, month, day);
  // new Date(2024, 1, 31) is March 2nd: a day that does not exist is not a date.
  if (start.getMonth() !== month || start.getDate() !== day) return null;
  return { from: start.getTime(), to: new Date(year, month, day + 1).getTime() };
}

function startOfDay(now: Date, daysAgo = 0): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo).getTime();
}

/** Relative periods end at the end of today, so an article saved a moment ago is in them. */
function relative(value: string, now: Date): DateRange | null {
  const tomorrow = startOfDay(now, -1);
  switch (value.replace(/[-_\s]/g, '')) {
    case 'today':
      return { from: startOfDay(now), to: tomorrow };
    case 'yesterday':
      return { from: startOfDay(now, 1), to: startOfDay(now) };
    case 'lastweek':
      return { from: startOfDay(now, 6), to: tomorrow };
    case 'lastmonth':
      return { from: startOfDay(now, 29), to: tomorrow };
    case 'lastyear':
      return { from: startOfDay(now, 364), to: tomorrow };
    default:
      return null;
  }
}

function named(value: string, now: Date): DateRange | null {
  return period(value) ?? relative(value.toLowerCase(), now);
}

/** The range a `saved:` value names, or null if it is not one. */
export function parseDateRange(value: string, now: Date): DateRange | null {
  const comparison = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (comparison) {
    const range = named(comparison[2] ?? '', now);
    if (!range) return null;
    switch (comparison[1]) {
      case '>':
        return { from: range.to, to: null };
      case '>=':
        return { from: range.from, to: null };
      case '<':
        return { from: null, to: range.from };
      default:
        return { from: null, to: range.to };
    }
  }
  const dots = value.indexOf('..');
  if (dots >= 0) {
    const first = value.slice(0, dots);
    const last = value.slice(dots + 2);
    const from = first === '*' || first === '' ? null : named(first, now);
    const to = last === '*' || last === '' ? null : named(last, now);
    if (from === null && first !== '*' && first !== '') return null;
    if (to === null && last !== '*' && last !== '') return null;
    return { from: from?.from ?? null, to: to?.to ?? null };
  }
  return named(value, now);
}
