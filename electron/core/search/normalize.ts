// The tokenizer is pure and shared with the renderer; the index keeps importing it from here.
export { foldText } from '../../common/text/fold';
export { foldTerm, tokenEndAt, tokenize, type Token } from '../../common/text/tokenize';
