export type * from './ast';
export { parseDateRange, type DateRange } from './dates';
export { DEFAULT_SORT, FILTER_NAMES, parseQuery, type ParseOptions } from './parse';
