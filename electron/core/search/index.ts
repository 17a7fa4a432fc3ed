export { foldTerm, foldText, tokenize, tokenEndAt, type Token } from './normalize';
export type { MetaPatch, SearchDocument, SearchMeta } from './document';
export {
  catalogEntry,
  catalogFromLibrary,
  documentFromLibrary,
  documentVersion,
  highlightsByArticle,
  type CatalogEntry,
} from './from-library';
export {
  DEFAULT_SEARCH_LIMIT,
  SearchIndex,
  type SearchOptions,
  type SearchResults,
} from './search-index';
export {
  SearchService,
  type OpenReport,
  type SearchServiceOptions,
  type ServiceResults,
} from './search-service';
