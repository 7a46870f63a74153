/** The dated events the timeline is made of. */

export type DatePrecision = 'day' | 'month' | 'year' | 'approximate';

export interface EventCitation {
  articleId: string;
  sentenceId: string;
  text: string;
}

export interface TimelineEvent {
  /** `2021-04-23`, `2018-09`, `2016`, or a range `2021-04-09/2021-04-11` for approximate dates. */
  date: string;
  precision: DatePrecision;
  /** First and last day the date can mean, ISO `YYYY-MM-DD`, for sorting and filtering. */
  start: string;
  end: string;
  summary: string;
  summaryEn: string;
  /** Entity ids from the lexicon. */
  actors: string[];
  places: string[];
  citations: EventCitation[];
}
