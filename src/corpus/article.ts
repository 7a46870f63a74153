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
  /** Id of the first article of the same story from another publisher (set by ingest). */
  story?: string;
  /** When and from where the article was ingested (set by ingest). */
  ingestedAt?: string;
  source?: string;
}

export interface Sentence {
  /** Stable id: `<articleId>#<number>`. */
  id: string;
  articleId: string;
  /** 0 for the headline, then 1, 2, ... in reading order. */
  number: number;
  /** Stable short key (`sentenceKey`): what buttons and stored references carry. */
  key: string;
  /**
   * Position of this sentence in the loaded corpus. Changes whenever an article is added (a backdated
   * one shifts every later position): for indexing inside one engine only, never stored or sent.
   */
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
  /** Story group: the id of the first article reporting the same story (itself when alone). */
  story?: string;
  sentences: Sentence[];
}

export interface Corpus {
  articles: Article[];
  /** Every sentence of every article, indexed by `ref`. */
  sentences: Sentence[];
}
