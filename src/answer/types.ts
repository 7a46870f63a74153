/** The typed values the answering engine returns. Adapters (bot, console, CLI) only format these. */
import type { Article, Language } from '../corpus/article.ts';
import type { TimelineEvent } from '../events/types.ts';
import type { IntentName } from '../nlu/intent-names.ts';

export type { DatePrecision, EventCitation, TimelineEvent } from '../events/types.ts';
export type { IntentName } from '../nlu/intent-names.ts';


export interface Citation {
  articleId: string;
  sentenceId: string;
  sentenceNumber: number;
  /** The sentence's stable short key (see corpus/ids.ts): what buttons carry. Never a position. */
  key: string;
  /** The sentence exactly as in the corpus. */
  text: string;
  /** Human English rendering, when the corpus has one. */
  english: string | null;
  /**
   * For English questions over a sentence with no rendering: what was recognised in it (places,
   * actors, numbers, dates, topics) in English. Extracted, not a translation.
   */
  recognisedEn?: string;
  /**
   * Set when the question was read in the home region but this sentence comes from an article about
   * elsewhere: the place it is about (null when no gazetteer place is named), so the reader sees it.
   */
  outsideRegion?: { placeAr: string | null; placeEn: string | null };
  title: string;
  published: string;
  publisher: string | null;
  url: string | null;
}

export type AnswerKind =
  | 'answer'      // quoted, cited sentences
  | 'abstain'     // the articles do not say
  | 'smalltalk'   // greeting, thanks, help: `lead` holds the reply
  | 'invalid';    // empty or unusable input: `lead` holds a polite note

export interface Answer {
  question: string;
  lang: Language;
  intent: IntentName;
  confidence: number;
  kind: AnswerKind;
  abstained: boolean;
  /** A short lead in the question's language. */
  lead: string;
  /** The best 1-3 sentences, verbatim. Empty unless kind is 'answer'. */
  citations: Citation[];
  /** Next-best cited sentences, for a "more" button. */
  more: Citation[];
  /**
   * Set when reports of the same event disagree on the fact asked: `citations` then holds one
   * sentence per side (newest first) and `values` what each says (a number or an actor id).
   */
  disagreement?: { fact: 'number' | 'actor'; values: string[] };
}

export interface Timeline {
  filter: string | null;
  lang: Language;
  events: TimelineEvent[];
}

export interface Summary {
  lang: Language;
  lead: string;
  citations: Citation[];
}

/** What every adapter calls: built once at start by `createEngine`. */
export interface Engine {
  /** Never rejects on bad input: unusable text gives an answer of kind 'invalid'. */
  ask(question: string): Promise<Answer>;
  /**
   * Citations for stable sentence keys or sentence ids (e.g. from a "more" button), in the given
   * order; unknown ones are skipped.
   */
  cite(keys: readonly string[]): Citation[];
  summary(lang?: Language): Summary;
  timeline(filter?: string, lang?: Language): Timeline;
  sources(): readonly Article[];
}
