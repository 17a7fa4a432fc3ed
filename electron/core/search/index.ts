export { foldTerm, foldText, tokenize, tokenEndAt, type Token } from './normalize';
export {
  DEFAULT_SEARCH_LIMIT,
  SearchIndex,
  type SearchDocument,
  type SearchOptions,
} from './search-index';
