/** What a format parser hands on: a title and an unsanitized body, plus what the source said. */
export interface ArticleDraft {
  title: string;
  html: string;
  byline?: string | null;
  siteName?: string | null;
  url?: string | null;
  lang?: string | null;
  dir?: 'ltr' | 'rtl' | null;
  excerpt?: string | null;
  publishedTime?: string | null;
}
