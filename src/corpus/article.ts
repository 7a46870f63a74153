/** The corpus format: one `<id>.json` metadata file per article beside its verbatim text file. */

export type Language = 'ar' | 'en';

/** Metadata as stored in `corpus/<id>.json`. Unknown publisher or URL is `null`, never invented. */
export interface ArticleMeta {
  id: string;
  /** Text file beside the metadata: first line the headline, every later non-empty line one paragraph. */
  textFile: string;
  language: Language;
  /** ISO date of publication, `YYYY-MM-DD`. */
  published: string;
  publisher: string | null;
  url: string | null;
  /** Human English rendering of the headline, when written. */
  titleEn?: string;
  /** Human English renderings keyed by sentence number (0 is the headline). */
  english?: Record<string, string>;
}

export interface Sentence {
  /** Stable id: `<articleId>#<number>`. */
  id: string;
  articleId: string;
  /** 0 for the headline, then 1, 2, ... in reading order. */
  number: number;
  /** Position of this sentence in the whole corpus; small and stable for a given corpus (used in callback data). */
  ref: number;
  paragraph: number;
  /** Exactly as published, typos included. */
  text: string;
  english: string | null;
}

export interface Article {
  id: string;
  title: string;
  titleEn: string | null;
  language: Language;
  published: string;
  publisher: string | null;
  url: string | null;
  sentences: Sentence[];
}

export interface Corpus {
  articles: Article[];
  /** Every sentence of every article, indexed by `ref`. */
  sentences: Sentence[];
}
