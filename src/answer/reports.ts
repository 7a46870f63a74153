/**
 * Questions about the reports themselves (issue 8): "the latest report", "the first report", "what
 * does <publisher> say", and questions about now, which prefer the newest reporting. The cue words
 * are taken out of the question before it is matched against sentences (they name the report, not
 * what it says), then the ranking is steered by each article's date and publisher.
 */
import type { Article } from '../corpus/article.ts';
import { normalizeArabic } from '../text/arabic.ts';

export interface ReportCues {
  /** The publisher the question names, as the corpus spells it. */
  publisher: string | null;
  latestReport: boolean;
  firstReport: boolean;
  /** The question without the cue words. */
  rest: string;
}

const norm = (text: string): string => normalizeArabic(text).toLowerCase().replace(/\s+/g, ' ').trim();

// Normalised forms (see normalizeArabic): آخر → اخر, أحدث → احدث, أول → اول, الأخبار → الاخبار.
const LATEST = /(?:^|\s)(?:(?:في|حسب|بحسب|وفق)\s+)?(?:(?:اخر|احدث)\s+(?:تقرير|خبر|مقال|مقاله|التقارير|المقالات)|(?:التقرير|الخبر|المقال|المقاله)\s+(?:الاخير|الاحدث))(?=\s|$|[؟?.,،])|\b(?:according to\s+)?the\s+(?:latest|newest|most recent|last)\s+(?:report|article)s?\b/giu;
const FIRST = /(?:^|\s)(?:(?:في|حسب|بحسب|وفق)\s+)?(?:(?:اول|اقدم)\s+(?:تقرير|خبر|مقال|مقاله|التقارير|المقالات)|(?:التقرير|الخبر|المقال|المقاله)\s+(?:الاول|الاقدم))(?=\s|$|[؟?.,،])|\b(?:according to\s+)?the\s+(?:first|earliest|oldest)\s+(?:report|article)s?\b/giu;
// "What does X say", "according to X": the framing around a publisher's name.
const PUBLISHER_FRAME = /(?:^|\s)(?:حسب|بحسب|وفق|وفقا ل|ماذا تقول|ماذا يقول|شو بتقول|شو بيقول|ماذا قالت|ماذا قال)(?=\s|$)|\b(?:according to|what does|what did|say|says|report|reports)\b/giu;

/**
 * What the report cues need of the corpus, worked out once when the engine is built: the publishers
 * (longest name first), each article's publisher and its place in time, the oldest and newest per
 * publisher. Nothing here is recomputed per question.
 */
export interface ReportDesk {
  readonly publishers: readonly string[];
  readonly publisherOf: ReadonlyMap<string, string | null>;
  /** 1 for the newest publication date, 0 for the oldest. */
  readonly recency: ReadonlyMap<string, number>;
  /** In corpus order: publication date, then id. */
  readonly articles: readonly Article[];
}

export function reportDesk(articles: readonly Article[]): ReportDesk {
  return {
    publishers: [...new Set(articles.flatMap((a) => (a.publisher ? [a.publisher] : [])))].sort((a, b) => b.length - a.length),
    publisherOf: new Map(articles.map((a) => [a.id, a.publisher])),
    recency: articleRecency(articles),
    articles: [...articles].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id)),
  };
}

/** Reads the report cues of a question; the desk tells which publishers exist. */
export function readReportCues(question: string, desk: ReportDesk): ReportCues {
  let rest = norm(question);
  const latestReport = LATEST.test(rest);
  LATEST.lastIndex = 0;
  const firstReport = !latestReport && FIRST.test(rest);
  FIRST.lastIndex = 0;
  rest = rest.replace(LATEST, ' ').replace(FIRST, ' ');
  let publisher: string | null = null;
  for (const name of desk.publishers) {
    const wanted = norm(name);
    // With or without a leading article or proclitic: "لنورث برس", "the Enab Baladi".
    const at = new RegExp(`(?:^|\\s)(?:ال|ل|ب|و)?${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$|[؟?.,،])`, 'u').exec(rest);
    if (at) {
      publisher = name;
      rest = `${rest.slice(0, at.index)} ${rest.slice(at.index + at[0].length)}`;
      break;
    }
  }
  if (publisher !== null || latestReport || firstReport) rest = rest.replace(PUBLISHER_FRAME, ' ');
  PUBLISHER_FRAME.lastIndex = 0;
  return { publisher, latestReport, firstReport, rest: rest.replace(/\s+/g, ' ').trim() };
}

export function hasReportCue(cues: ReportCues): boolean {
  return cues.publisher !== null || cues.latestReport || cues.firstReport;
}

/** Each article's place in time: 1 for the newest publication date, 0 for the oldest. */
export function articleRecency(articles: readonly Article[]): Map<string, number> {
  const days = [...new Set(articles.map((a) => a.published))].sort();
  const position = new Map(days.map((day, i) => [day, i]));
  return new Map(articles.map((a) => [a.id, days.length > 1 ? (position.get(a.published) ?? 0) / (days.length - 1) : 1]));
}

/** The article a cue points to when the question asks nothing else: the newest / oldest (of a publisher). */
export function reportArticle(cues: ReportCues, desk: ReportDesk): Article | undefined {
  const own = (a: Article): boolean => cues.publisher === null || a.publisher === cues.publisher;
  return cues.firstReport ? desk.articles.find(own) : desk.articles.findLast(own);
}

export interface Steerable {
  evidence: { sentence: { articleId: string } };
  coverage: number;
  score: number;
}

/** Weight of recency when the question asks for the latest or first report (enough to decide). */
export const REPORT_WEIGHT = 0.6;
/** Weight of recency for questions about now: the newest reporting first among equals. */
export const PRESENT_WEIGHT = 0.15;

/**
 * Steers a ranking by the cues: only the named publisher's sentences (when it has any), the newest
 * or oldest reports first, and, for questions about now, newer reporting ahead of older.
 */
export function steerByReports<T extends Steerable>(ranked: T[], cues: ReportCues, present: boolean, desk: ReportDesk): T[] {
  let out = ranked;
  if (cues.publisher !== null) {
    const own = ranked.filter((r) => desk.publisherOf.get(r.evidence.sentence.articleId) === cues.publisher);
    if (own.length > 0) out = own;
  }
  const { recency } = desk;
  const weight = cues.latestReport || cues.firstReport ? REPORT_WEIGHT : present ? PRESENT_WEIGHT : 0;
  if (weight > 0) {
    for (const r of out) {
      const position = recency.get(r.evidence.sentence.articleId) ?? 0;
      r.score += weight * r.coverage * (cues.firstReport ? 1 - position : position);
    }
  }
  return out;
}
