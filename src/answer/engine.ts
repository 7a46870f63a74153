/**
 * The answering engine: built once from a corpus, then a function from a question to a typed,
 * cited answer. Every adapter (bot, console, CLI) calls this same object.
 */
import type { Article, Corpus, Language, Sentence } from '../corpus/article.ts';
import { SentenceIndex } from '../search/sentence-index.ts';
import type { SentenceSearchIndex } from '../search/types.ts';
import { VocabularyIndex } from '../search/vocabulary.ts';
import { analyze, analyzeWithSurface } from '../text/analyze.ts';
import { normalizeArabic, stripClitics } from '../text/arabic.ts';
import { isDotSlip, isSwap, levenshteinAtMostOne } from '../text/edit-distance.ts';
import { tokenize } from '../text/tokenize.ts';
import { EventCalendar, type DatedSpan } from '../events/event-calendar.ts';
import { ANSWER_TYPE_GATE, buildEvidence, countsFocus, countsOnlyVaguely, coverage, type CoverageTrace, EXPANDED_CREDIT, FUZZY_CREDIT, speaksOfFuture, suppliesKind, LEAD_SENTENCES, PHRASE_JOINER, searchWords, termForms, unitMatch, type EntityMention, type QuestionUnit, type SentenceEvidence, type TermUnit } from './evidence.ts';
import { ENGLISH_LIGHT_WORDS, GENERIC_QUESTION_WORDS } from './framing-words.ts';
import { abstainLead, answerLead, invalidLead, smalltalkLead } from './messages.ts';
import { asksFuture, readQuestion, type ReadQuestion } from './question.ts';
import { askedKind } from './answer-kind.ts';
import { summarize } from './summary.ts';
import type { Answer, Citation, Engine, IntentName, Summary, Timeline, TimelineEvent } from './types.ts';
import type { HomeRegion } from './home-region.ts';
import { buildIntentProfiles, intentFit, intentFitNear, type IntentExampleText } from './intent-profile.ts';
import { skeletons } from './skeleton.ts';
import { recognisedInEnglish, type RecognisedDeps } from './recognised.ts';
import { questionUnits, termFrequency, type QuestionDate, type TermStatistics, type TranslatedPhrase } from './units.ts';
// Answering across articles: report cues and disagreements live in their own modules.
import { disagreementLead, findDisagreement } from './disagreement.ts';
import { hasReportCue, readReportCues, reportArticle, reportDesk, steerByReports, type ReportCues } from './reports.ts';

/** Everything the engine needs from the language-understanding and events modules. */
/** Search weight of a question word's broken plural or singular against its own words (see analyse). */
const PLURAL_SEARCH_BOOST = 0.5;

export interface EngineParts {
  classifyIntent(text: string): Promise<{ intent: IntentName; score: number }>;
  matchEntities(text: string): EntityMention[];
  parentOf(entityId: string): string | undefined;
  /** Analysed search terms of an entity's names, to boost it in retrieval. */
  entityTerms(entityId: string): string[];
  /** Extra analysed Arabic terms for a word or question (glossary, dialect). */
  expandQuery(text: string, lang: Language): string[];
  glossaryHits(text: string): { key: string; terms: string[] }[];
  /**
   * Analysed terms of the broken plurals of a text's Arabic singulars and the singulars of its plurals
   * (طفل / أطفال), which the stemmer cannot join. Questions only: intent profiles are learnt without them.
   */
  pluralPartners?(text: string): string[];
  timelineEvents: readonly TimelineEvent[];
  filterTimeline(events: readonly TimelineEvent[], filter: string | null): TimelineEvent[];
  parseQuestionDate(question: string, lang: Language): QuestionDate | null;
  /** Superlative and ordinal words of a question: the biggest, the first, the background, the latest. */
  timeFlags(question: string, lang: Language): TimeFlags;
  /** The intent training utterances, from which each intent's marker words are learnt. */
  intentExamples: readonly IntentExampleText[];
  /** English words and phrases with their weighted Arabic renderings (a bilingual dictionary); omitted, English matches English only. */
  translateEnglish?(text: string): EnglishRendering[];
  /** Whether an Arabic word is a word of the language (a dictionary's), so never a typo of a name (طيران is not ايران). */
  knowsArabicWord?(word: string): boolean;
  /** English names of entities and concepts, for the line recognised in an unrendered sentence. */
  recognised?: RecognisedDeps;
  /** A place's names, for an answer from outside the home region. */
  placeName?(id: string): { ar: string; en: string } | undefined;
  /** Builds, for the articles' words, a finder of the words a Latin name may be (with a weight in (0, 1]). */
  nameFinder?(articleWords: Iterable<string>): (latin: string) => readonly { arabic: string; weight: number }[];
}

/** An English word or phrase and its Arabic renderings, best first, each weighted in (0, 1]. */
export interface EnglishRendering {
  surface: string;
  translations: readonly { arabic: string; terms: readonly string[]; weight: number }[];
  /** Capitalised inside the text: perhaps a name, worth finding by its sound too. */
  capitalised: boolean;
}

/** Shortest written word corrected as a typo: shorter ones are too often other real words. */
const MIN_TYPO_WORD = 4;
/** Readings of a typo kept, commonest in the articles first. */
const MAX_TYPO_READINGS = 2;

/**
 * A typo rather than another word: a letter with the wrong dots, two neighbours swapped, or a long
 * vowel (ا و ي) dropped or added; any other single edit only in words of five letters or more.
 */
function isLikelyTypo(a: string, b: string): boolean {
  if (isDotSlip(a, b) || isSwap(a, b)) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  if (longer.length === shorter.length + 1) {
    for (let i = 0; i < longer.length; i += 1) {
      if ('اوي'.includes(longer[i] ?? '') && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
    }
  }
  return Math.min(a.length, b.length) >= 5 && levenshteinAtMostOne(a, b);
}

/** Credit of a first dictionary sense; later senses earn less (see `translationCredit`). */
const TRANSLATION_CREDIT = 0.85;
/** Credit of an article word whose consonants match a Latin name no list holds (Hassakeh / الحسكة). */
const NAME_CREDIT = 0.85;
/** Senses of one English word kept as evidence. */
const MAX_SENSES = 6;

/** A sense of weight 1 earns TRANSLATION_CREDIT; weaker senses earn less, never below half of it. */
function translationCredit(weight: number): number {
  return TRANSLATION_CREDIT * (0.5 + 0.5 * weight);
}

/** Tuning of ranking and abstention; the defaults are what the project's own eval measured best. */
export interface RankingOptions {
  /** Least coverage of the question's units for a sentence to be quoted. */
  minCoverage: number;
  /**
   * Least coverage for an English question over Arabic text: a dictionary sense earns less than the
   * word itself, so the same evidence covers less.
   */
  minCoverageEnglish: number;
  /**
   * Extra coverage required when the classifier also calls the question out of scope. The
   * classifier never decides alone (it scores "tell me a joke" 1.0 for a known intent), but
   * when it agrees that a question looks off-topic, weak evidence is not enough.
   */
  outOfScopeMargin: number;
  /** Weight of coverage in the ranking score (the other weights are relative to it). */
  coverageWeight: number;
  /** Weight of the share of candidate-distinguishing units a sentence covers (see `analyse`). */
  distinctiveWeight: number;
  /** Weight of the normalised BM25 score next to coverage. */
  lexicalWeight: number;
  /** Bonus when the sentence uses the marker words of the question's intent. */
  intentWeight: number;
  /** A second or third sentence is quoted when it scores within this margin of the best. */
  companionMargin: number;
  /**
   * Weight of a cue of the asked kind of information (بسبب for why, ستعمل for what will, عبر for how,
   * استمرت for how long, هاجمت for who started) in a sentence, ranking only.
   */
  reasonWeight: number;
  /**
   * An English question's sentence supplying the asked kind is put first in its article only when its
   * coverage is at most this far below the article's best (Arabic questions: no bound).
   */
  supplyingGapEnglish: number;
  /** Taken from a sentence answering "how many" with only a vague count (عشرات، dozens), ranking only. */
  vagueCountPenalty: number;
  /** Weight of the date order when a question asks for the first, latest or background events. */
  timeWeight: number;
  maxCitations: number;
  maxMore: number;
  /** Top-K sentences by BM25. */
  candidates: number;
  /** At most this many of the most recent sentences naming each asked entity join the candidates. */
  entityPostings: number;
  /** At most this many of the most recent sentences dated as asked join the candidates. */
  datePostings: number;
  /** Entity and date postings come from at most this many articles beyond those the search reached. */
  postingArticles: number;
  /**
   * Coverage kept by a sentence from an article about elsewhere when the question names no place
   * (it is read in the home region): such a sentence must cover more of the question to be quoted.
   */
  elsewhereCredit: number;
  /**
   * Taken from the score of a sentence that only tells its article's background (every event it dates
   * ended a month or more before the article) when the question asks for no date, first or background:
   * a question about a report is about what it reports.
   */
  backgroundPenalty: number;
}

/** A question word used by at most this many sentences brings them all into the candidates. */
const RARE_WORD_POSTINGS = 20;

/** An analysed single word (not a joined phrase or a skeleton), searchable alone. */
const isPlainWord = (term: string): boolean => /^[\p{L}\p{N}]+$/u.test(term);

/** How many times the candidates the search returns when it keeps the home region's first. */
const REGION_REACH = 5;

export const DEFAULT_RANKING: RankingOptions = {
  minCoverage: 0.5,
  minCoverageEnglish: 0.45,
  outOfScopeMargin: 0.15,
  coverageWeight: 1.5,
  distinctiveWeight: 0.5,
  lexicalWeight: 0.1,
  intentWeight: 0.2,
  companionMargin: 0.12,
  reasonWeight: 0.4,
  supplyingGapEnglish: 0.25,
  vagueCountPenalty: 0.15,
  timeWeight: 0.3,
  maxCitations: 3,
  maxMore: 4,
  candidates: 60,
  entityPostings: 200,
  datePostings: 100,
  postingArticles: 30,
  elsewhereCredit: 0.6,
  backgroundPenalty: 0.05,
};

/** One sentence's light facts: enough for statistics and postings, read once at start. */
export interface SentenceFacts {
  ref: number;
  articleId: string;
  /** Valid during the visit only (the store reuses one buffer). */
  terms: Iterable<string>;
  entities: Iterable<string>;
  contextEntities: Iterable<string>;
  /** The article's lead places, for a sentence that names no place of its own. */
  articlePlaces: Iterable<string>;
  /** The days of the events the sentence dates (one object per event, shared by its sentences). */
  events: readonly DatedSpan[];
}

/**
 * Evidence the engine reads without holding every sentence's full evidence in memory: the analysis
 * store keeps articles compact and builds a sentence's evidence when it becomes a candidate.
 */
export interface EvidenceSource {
  readonly length: number;
  get(ref: number): SentenceEvidence | undefined;
  scan(visit: (facts: SentenceFacts) => void): void;
  /**
   * Term and entity statistics of the kept articles (all when omitted), for a source that keeps
   * them (a packed corpus); otherwise they are counted by a scan, and the scan's facts need terms.
   */
  termStatistics?(keep?: (articleId: string) => boolean): CountedStatistics;
}

/** The counted part of TermStatistics. */
export type CountedStatistics = Pick<TermStatistics, 'sentenceCount' | 'documentFrequency' | 'entityFrequency'>;

/** An evidence table already in memory as an EvidenceSource. */
export function evidenceArray(evidence: readonly SentenceEvidence[]): EvidenceSource {
  return {
    length: evidence.length,
    get: (ref) => evidence[ref],
    scan: (visit) => {
      for (const item of evidence) {
        visit({ ref: item.sentence.ref, articleId: item.sentence.articleId, terms: item.terms, entities: item.entities, contextEntities: item.contextEntities, articlePlaces: item.articlePlaces, events: item.events });
      }
    },
  };
}

/** What createEngine may hand over ready-made: evidence from the analysis store, a persisted index, the home region. */
export interface PreparedInput {
  evidence?: EvidenceSource;
  index?: SentenceSearchIndex;
  homeRegion?: HomeRegion;
  /** Every Arabic word of the articles as written, with its occurrences (else read from the sentences when first needed). */
  corpusWords?: ReadonlyMap<string, number>;
  /** The intents' characteristic terms, as `intentProfilesFor` gives them (a cache of them). */
  intentProfiles?: IntentProfiles;
}

export type IntentProfiles = ReadonlyMap<IntentName, ReadonlySet<string>>;

/**
 * The terms characteristic of each intent, from its training examples with their named entities left
 * out and their words expanded as questions are: they depend on the examples and the knowledge alone,
 * never on the corpus, so a caller may cache them.
 */
export function intentProfilesFor(parts: Pick<EngineParts, 'intentExamples' | 'matchEntities' | 'expandQuery'>): IntentProfiles {
  return buildIntentProfiles(parts.intentExamples, (text) => {
    let rest = text;
    for (const m of [...parts.matchEntities(text)].sort((a, b) => b.start - a.start)) rest = rest.slice(0, m.start) + ' ' + rest.slice(m.end);
    return [...analyze(rest), ...parts.expandQuery(rest, /\p{Script=Arabic}/u.test(rest) ? 'ar' : 'en')];
  });
}

/** Only these vocabulary terms can be typo or shared-stem candidates (see nearTerms in units.ts). */
const NEAR_CANDIDATE = /^(?:~.{3,}|\p{Script=Arabic}{3,}|[a-z]{4,})$/u;

const PRESENT_CUES = /\b(?:happening|going on|now|currently|at the moment|these days|right now|today)\b|(?:^|\s)(?:يحدث|يجري|عم|هلق|هلا|الان|حاليا|هالايام|اليوم)(?=\s|$)/i;

/**
 * Only an explicit request for the news gets the summary: a word asking for it (news, summary, what's
 * new, the situation; اخبار، ملخص، جديد، الوضع) or a latest / present cue, in plain wording. A stray
 * word the classifier files under "summary" ("the") or junk around a news word ("latest^3") gets the
 * polite "the articles don't say" instead.
 */
const NEWS_WORDS = /\b(?:news|summary|summari[sz]e|headlines?|updates?|new|situation)\b|(?:^|\s)[وفبل]?(?:ال)?(?:اخبار|خبر|ملخص|خلاصه|جديد|مستجدات|وضع|اوضاع)(?=\s|$)/i;
const PLAIN_WORDING = /^[\p{L}\p{M}\s'’"?!.,،؛؟-]+$/u;

function asksExplicitlyForNews(text: string, latestCue: boolean): boolean {
  return PLAIN_WORDING.test(text) && (latestCue || NEWS_WORDS.test(normalizeArabic(text)));
}

/** Longest excerpt of the input an answer repeats back (a 2 MB line must not come back as 2 MB). */
export const QUESTION_ECHO_LIMIT = 200;

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= QUESTION_ECHO_LIMIT ? text : `${chars.slice(0, QUESTION_ECHO_LIMIT - 1).join('')}…`;
}

const SMALLTALK_INTENTS = new Set<IntentName>(['greeting', 'thanks', 'help']);
/** Minimum classifier score to treat a question without topical content as small talk. */
const SMALLTALK_MIN_SCORE = 0.5;
/** Longest greeting or thanks taken as small talk whatever words it shares with the articles. */
const SMALLTALK_MAX_WORDS = 3;

export interface TimeFlags {
  biggest: boolean;
  first: boolean;
  background: boolean;
  latest: boolean;
}

export interface Explanation {
  question: string;
  valid: boolean;
  intent?: IntentName;
  answerType?: string;
  units: { kind: string; label: string; weight: number; alternatives?: string[] }[];
  candidates: { sentenceId: string; coverage: number; score: number; matches: number[]; share?: number; gates?: string[] }[];
}

export interface ExplainableEngine extends Engine {
  explain(question: string, limit?: number): Promise<Explanation>;
}

interface RankedSentence {
  evidence: SentenceEvidence;
  coverage: number;
  score: number;
  /** Coverage with the article's headline and lead standing for the topic the sentence leaves unsaid. */
  topical?: number;
}

type Analysis =
  | { valid: false; read: Extract<ReadQuestion, { valid: false }> }
  | {
      valid: true;
      read: Extract<ReadQuestion, { valid: true }>;
      intent: IntentName;
      confidence: number;
      units: QuestionUnit[];
      topical: boolean;
      ranked: RankedSentence[];
      latest: boolean;
      cues: ReportCues;
      /** The question names no place outside the home region (always false without one). */
      readInRegion: boolean;
    };

function toCitation(sentence: Sentence, article: Article): Citation {
  return {
    articleId: article.id,
    sentenceId: sentence.id,
    sentenceNumber: sentence.number,
    key: sentence.key,
    text: sentence.text,
    english: sentence.english,
    title: article.title,
    published: article.published,
    publisher: article.publisher,
    url: article.url,
  };
}

const BACKGROUND_DAYS = 30;

/** True when every event the sentence dates ended a month or more before its article was published. */
function isBackground(item: SentenceEvidence, article: Article | undefined): boolean {
  if (!article || item.events.length === 0) return false;
  const before = Date.parse(article.published) - BACKGROUND_DAYS * 86_400_000;
  return item.events.every((event) => Date.parse(event.end) < before);
}

/**
 * Orders dated candidates by time when the question asks for it: "the first time" and "background"
 * favour earlier events, "the latest" later ones. Only covered candidates are reordered.
 */
/**
 * Inside one article, a sentence that supplies the asked kind of information (the cause, the plan, the
 * means) comes before the sentences that only restate the question's topic, its lead above all, which
 * repeats the question's words and so covers them best: the article is the right one, the answer is the
 * sentence that adds what was asked. Only a sentence covering enough of the question to be quoted, and at
 * most `maxGap` less of it than the article's best sentence, is lifted, and only to its article's best
 * score: how the article ranks among the others is unchanged.
 */
function preferSupplying(ranked: RankedSentence[], supplies: (r: RankedSentence) => boolean, floor: number, maxGap: number, anaphoric: boolean): void {
  // An article answers the question's topic when one of its sentences covers it. Its sentence that supplies
  // the asked kind often names that topic by a pronoun or a general word (المرض for the cholera, the
  // campaign): there, the topic its headline and lead name counts, and it is quoted in the topic's place.
  // Reasons and plans only (`anaphoric`): a duration or an initiator is told with its event named, and the
  // lift for them cost a never-read answer.
  const answering = new Set(ranked.filter((r) => r.coverage >= floor).map((r) => r.evidence.sentence.articleId));
  const eligible = (r: RankedSentence): boolean =>
    r.coverage >= floor || (anaphoric && answering.has(r.evidence.sentence.articleId) && (r.topical ?? 0) >= floor);
  const best = new Map<string, RankedSentence>();
  for (const r of ranked) {
    const article = r.evidence.sentence.articleId;
    if (supplies(r) && eligible(r) && r.score > (best.get(article)?.score ?? -Infinity)) best.set(article, r);
  }
  for (const [article, r] of best) {
    const others = ranked.filter((o) => o.evidence.sentence.articleId === article && !supplies(o));
    const topCoverage = Math.max(0, ...others.map((o) => o.coverage));
    if (r.coverage < topCoverage - maxGap) continue;
    const articleTop = Math.max(r.score, ...others.map((o) => o.score));
    if (r.score < articleTop) r.score = articleTop + SUPPLYING_LEAD;
    r.coverage = Math.max(r.coverage, floor);
  }
}

/** How far above its article's former best a sentence supplying the asked kind is put: just ahead. */
const SUPPLYING_LEAD = 0.001;

function applyTimeFlags(ranked: RankedSentence[], flags: TimeFlags, weight: number, present: number): void {
  if (!flags.first && !flags.background && !flags.latest) return;
  const dated = ranked.filter((r) => r.evidence.events.length > 0);
  const startOf = (r: RankedSentence): number => Math.min(...r.evidence.events.map((e) => Date.parse(e.start)));
  const starts = [...new Set(dated.map(startOf))].sort((a, b) => a - b);
  for (const r of dated) {
    const start = startOf(r);
    const position = starts.length > 1 ? starts.indexOf(start) / (starts.length - 1) : 0.5; // 0 earliest, 1 latest
    let bonus = 0;
    if (flags.first) bonus = 1 - position;
    else if (flags.latest) bonus = position;
    // Background is whatever happened before the present story, not only the oldest of it.
    if (flags.background && start < present) bonus = Math.max(bonus, 0.7);
    r.score += weight * r.coverage * bonus;
  }
}

function termStatistics(evidence: EvidenceSource, keep?: (articleId: string) => boolean): TermStatistics {
  return {
    ...(evidence.termStatistics?.(keep) ?? countStatistics(evidence, keep)),
    genericTerms: new Set(analyze(`${GENERIC_QUESTION_WORDS} ${ENGLISH_LIGHT_WORDS}`)),
  };
}

/** Sentence frequencies of terms and entities, counted over the sentences of the kept articles. */
function countStatistics(evidence: EvidenceSource, keep: (articleId: string) => boolean = () => true): CountedStatistics {
  const documentFrequency = new Map<string, number>();
  const entityFrequency = new Map<string, number>();
  let sentenceCount = 0;
  evidence.scan((item) => {
    if (!keep(item.articleId)) return;
    sentenceCount += 1;
    for (const term of item.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const id of item.entities) entityFrequency.set(id, (entityFrequency.get(id) ?? 0) + 1);
  });
  return { sentenceCount, documentFrequency, entityFrequency };
}

/** Region statistics look up typos and stems among the region's own words (one shared index, filtered). */
function withRegionVocabulary(stats: TermStatistics, corpus: TermStatistics, vocabulary: VocabularyIndex): TermStatistics {
  return {
    ...stats,
    vocabulary: { candidates: (term) => vocabulary.candidates(term).filter((other) => stats.documentFrequency.has(other)) },
    corpusFrequency: corpus.documentFrequency,
  };
}

function normalizedWords(text: string): string[] {
  return tokenize(text).map((word) => normalizeArabic(word).toLowerCase());
}

/**
 * Builds the engine over a loaded corpus: the sentence index, the evidence table and the
 * per-sentence intents are computed here once, never per question.
 */
export async function buildEngine(
  corpus: Corpus,
  parts: EngineParts,
  ranking: RankingOptions = DEFAULT_RANKING,
  prepared: PreparedInput = {},
): Promise<ExplainableEngine> {
  const articleById = new Map(corpus.articles.map((article) => [article.id, article]));
  const index = prepared.index ?? SentenceIndex.build(corpus.sentences.map((s) => ({ ref: s.ref, text: s.text, english: s.english })));
  const evidence = prepared.evidence
    ?? evidenceArray(buildEvidence(corpus, parts.timelineEvents, { analyze, matchEntities: parts.matchEntities, parentOf: parts.parentOf }, normalizedWords));
  const corpusStats: TermStatistics = termStatistics(evidence);
  const vocabulary = new VocabularyIndex();
  for (const term of corpusStats.documentFrequency.keys()) if (NEAR_CANDIDATE.test(term)) vocabulary.add(term);
  corpusStats.vocabulary = vocabulary;
  // Postings in corpus order (oldest first), so the most recent are the last ones.
  const sentencesByEntity = new Map<string, number[]>();
  // Each distinct event once, with the sentences it dates: a date question tests events, not sentences.
  const datedRefs = new Map<DatedSpan, number[]>();
  let datedCalendar: EventCalendar<DatedSpan> | undefined;
  // Articles about the home region: they name a place it anchors (a configured place, or a town or
  // neighbourhood inside it), or two places inside it. A facility alone ("the airport") is not enough:
  // every city has one.
  const homeArticles = new Set<string>();
  const region = prepared.homeRegion;
  const placesInside = new Map<string, Set<string>>();
  evidence.scan((item) => {
    for (const id of new Set([...item.contextEntities, ...item.articlePlaces])) {
      const list = sentencesByEntity.get(id);
      if (list) list.push(item.ref);
      else sentencesByEntity.set(id, [item.ref]);
    }
    for (const event of item.events) {
      const list = datedRefs.get(event);
      if (list) list.push(item.ref);
      else datedRefs.set(event, [item.ref]);
    }
    if (!region || homeArticles.has(item.articleId)) return;
    for (const id of item.entities) {
      if (!region.contains(id)) continue;
      const found = placesInside.get(item.articleId) ?? new Set<string>();
      found.add(id);
      placesInside.set(item.articleId, found);
      if (region.anchors(id) || found.size >= 2) homeArticles.add(item.articleId);
    }
  });
  // A question read in the home region weighs its words by the region's own articles: a word that only
  // articles about elsewhere use is, for this question, a word the articles never say (so the question's
  // focus is unmentioned, and a sentence that lacks it cannot answer).
  const regionStats: TermStatistics | undefined =
    homeArticles.size > 0 && homeArticles.size < corpus.articles.length
      ? withRegionVocabulary(termStatistics(evidence, (articleId) => homeArticles.has(articleId)), corpusStats, vocabulary)
      : undefined;
  // The present story starts a week before the newest article: earlier events are its background.
  const newest = corpus.articles.reduce((d, a) => (a.published > d ? a.published : d), '');
  const presentStarts = Date.parse(newest) - 7 * 86_400_000;
  const intentProfiles = prepared.intentProfiles ?? intentProfilesFor(parts);
  const desk = reportDesk(corpus.articles);

  // Names no list holds are found by their consonants among the articles' own words; the matcher
  // is built on the first English question, never at start.
  let names: ((latin: string) => readonly { arabic: string; weight: number }[]) | undefined;
  const namesFor = (latin: string): readonly { arabic: string; weight: number }[] => {
    names ??= parts.nameFinder?.(prepared.corpusWords?.keys() ?? corpus.sentences.flatMap((s) => tokenize(s.text))) ?? (() => []);
    return names(latin);
  };
  const translate = parts.translateEnglish
    ? (text: string): TranslatedPhrase[] =>
        (parts.translateEnglish?.(text) ?? []).map((rendering) => {
          const terms = new Map<string, number>();
          const credit = (term: string, value: number): void => {
            if (value > (terms.get(term) ?? 0)) terms.set(term, value);
          };
          for (const sense of rendering.translations.slice(0, MAX_SENSES)) {
            if (sense.terms.length > 0) credit(sense.terms.join(PHRASE_JOINER), translationCredit(sense.weight));
            // Spellings differ (لتر / ليتر, كيلومتر / كيلو متر): a one-word sense also matches by its consonants.
            if (!sense.arabic.includes(' ')) for (const form of skeletons(sense.arabic)) credit(form, FUZZY_CREDIT * translationCredit(sense.weight));
            // The dictionary gives "houses" as البيوت: the articles' منازل / منزل is found through the plural table.
            if (!sense.arabic.includes(' ')) for (const term of parts.pluralPartners?.(sense.arabic) ?? []) credit(term, EXPANDED_CREDIT * translationCredit(sense.weight));
          }
          if (rendering.translations.length === 0 || rendering.capitalised) {
            for (const word of rendering.surface.split(/[\s-]+/)) {
              // A capitalised word no dictionary knows is a name, and Arabic names are words (خالد، أمل):
              // that the Arabic word is also a common word lowers nothing then.
              const surelyName = rendering.capitalised && rendering.translations.length === 0;
              for (const name of namesFor(word)) for (const term of analyze(name.arabic)) credit(term, NAME_CREDIT * (surelyName ? 1 : name.weight));
            }
          }
          return { surface: rendering.surface, terms };
        })
    : undefined;

  // The articles' words as written (clitics stripped), for typos that derail the stemmer. A form's
  // analysed terms are worked out only when it is a candidate.
  let wordIndex: { index: VocabularyIndex; forms: Map<string, { token: string; count: number; terms?: string[] }> } | undefined;
  const nearWords = (word: string): string[] => {
    if (!wordIndex) {
      const built = { index: new VocabularyIndex(), forms: new Map<string, { token: string; count: number; terms?: string[] }>() };
      const addWord = (token: string, count: number): void => {
        const form = stripClitics(normalizeArabic(token));
        if (form.length < MIN_TYPO_WORD || !/^\p{Script=Arabic}+$/u.test(form)) return;
        const entry = built.forms.get(form);
        if (entry) entry.count += count;
        else {
          built.forms.set(form, { token, count });
          built.index.add(form);
        }
      };
      if (prepared.corpusWords) for (const [token, count] of prepared.corpusWords) addWord(token, count);
      else for (const sentence of corpus.sentences) for (const token of tokenize(sentence.text)) addWord(token, 1);
      wordIndex = built;
    }
    const { index: words, forms } = wordIndex;
    const form = stripClitics(normalizeArabic(word));
    if (form.length < MIN_TYPO_WORD || words.has(form)) return [];
    return words
      .candidates(form)
      .filter((other) => isLikelyTypo(form, other))
      .sort((a, b) => (forms.get(b)?.count ?? 0) - (forms.get(a)?.count ?? 0))
      .slice(0, MAX_TYPO_READINGS)
      .flatMap((other) => {
        const entry = forms.get(other);
        if (!entry) return [];
        entry.terms ??= analyze(entry.token);
        return entry.terms;
      });
  };

  // The terms of each article's headline and lead (its first LEAD_SENTENCES + 1 sentences), read when first asked.
  const leads = new Map<string, ReadonlySet<string>>();
  const leadTerms = (article: Article): ReadonlySet<string> => {
    let terms = leads.get(article.id);
    if (!terms) {
      const set = new Set<string>();
      for (const sentence of article.sentences.slice(0, LEAD_SENTENCES + 1)) for (const term of evidence.get(sentence.ref)?.terms ?? []) set.add(term);
      leads.set(article.id, (terms = set));
    }
    return terms;
  };

  const cite = (ref: number): Citation | null => {
    const sentence = corpus.sentences[ref];
    const article = sentence ? articleById.get(sentence.articleId) : undefined;
    return sentence && article ? toCitation(sentence, article) : null;
  };

  // Built at the first button press that names a sentence, not at start.
  let byKey: Map<string, Sentence> | undefined;
  const sentenceByKey = (key: string): Sentence | undefined => {
    if (!byKey) {
      byKey = new Map();
      for (const sentence of corpus.sentences) {
        byKey.set(sentence.key, sentence);
        byKey.set(sentence.id, sentence);
      }
    }
    return byKey.get(key);
  };
  // The place an answer from elsewhere is about: the sentence's own place, else its article's lead.
  const outsidePlace = (item: SentenceEvidence, home: HomeRegion): NonNullable<Citation['outsideRegion']> => {
    const id = [...item.places, ...item.articlePlaces].find((place) => !home.contains(place));
    const names = id === undefined ? undefined : parts.placeName?.(id);
    return { placeAr: names?.ar ?? null, placeEn: names?.en ?? null };
  };

  const citeKey = (key: string): Citation | null => {
    const sentence = sentenceByKey(key);
    return sentence ? cite(sentence.ref) : null;
  };

  const summary = (lang: Language = 'ar'): Summary => {
    // Only the newest articles are summarised: their evidence alone is read.
    const newestDate = corpus.articles.at(-1)?.published ?? '';
    const windowStart = new Date(Date.parse(newestDate) - 2 * 86_400_000).toISOString().slice(0, 10);
    const recent = corpus.articles.filter((a) => a.published >= windowStart).flatMap((a) => a.sentences.flatMap((s) => evidence.get(s.ref) ?? []));
    const refs = summarize(corpus, recent, corpusStats);
    return { lang, lead: answerLead('summary', lang), citations: refs.flatMap((ref) => cite(ref) ?? []) };
  };


  const answer = (base: Omit<Answer, 'citations' | 'more'>, citations: Citation[] = [], more: Citation[] = []): Answer => ({
    ...base,
    citations,
    more,
  });

  /** Everything the engine works out about a question before deciding how to answer. */
  async function analyse(raw: string): Promise<Analysis> {
    const read = readQuestion(raw);
    if (!read.valid) return { valid: false, read };
    const { text: asked, lang } = read;
    // Issue 8: "the latest report", "what does <publisher> say" name a report, not what it says.
    const cues = readReportCues(asked, desk);
    const text = hasReportCue(cues) && cues.rest !== '' ? cues.rest : asked;
    const { intent, score: confidence } = await parts.classifyIntent(text);
    const date = parts.parseQuestionDate(text, lang);
    const timeFlags = parts.timeFlags(text, lang);
    // "What is happening", "شو عم يصير", "currently": the present, so the latest events first.
    const flags = { ...timeFlags, latest: timeFlags.latest || (!timeFlags.first && !timeFlags.background && PRESENT_CUES.test(normalizeArabic(text))) };
    // Read in the home region unless the question names a place outside it.
    const readInRegion = region !== undefined
      && parts.matchEntities(text).every((m) => m.kind !== 'place' || region.contains(m.id));
    const stats = readInRegion && regionStats ? regionStats : corpusStats;
    const { units: readUnits, entities, expansion } = questionUnits(
      { text, lang, answerType: read.answerType, date },
      stats,
      {
        analyzeWithSurface,
        tokenize,
        normalize: (word) => normalizeArabic(word).toLowerCase(),
        matchEntities: parts.matchEntities,
        // A singular also finds its broken plural, and back, credited as an expansion (a little below the word).
        expandWord: (word, l) => [...parts.expandQuery(word, l), ...(parts.pluralPartners?.(word) ?? [])],
        glossaryHits: parts.glossaryHits,
        translate,
        nearWords,
        isWord: parts.knowsArabicWord,
      },
    );
    // A place's one-word name (تركيا، روسيا) is also found as its adjective (التركي), which shares its stem.
    const oneWordName = (id: string): string[] => {
      const name = parts.placeName?.(id)?.ar;
      const terms = name === undefined || /\s/.test(name.trim()) ? [] : analyze(name);
      return terms.length === 1 ? terms : [];
    };
    const units = readUnits.map((unit) => (unit.kind === 'entity' ? { ...unit, nameTerms: oneWordName(unit.entityId) } : unit));
    // Topical: the question names something the articles know about (an entity, a date, a word
    // they use). "hello" or "tell me a joke" is not, whatever else it contains.
    // Any article counts here, elsewhere too: an answer from elsewhere is still an answer (named as such).
    const known = (t: string): boolean => termFrequency(corpusStats, t) > 0;
    const topical = units.some(
      (unit) => unit.kind === 'entity' || unit.kind === 'date' || (unit.kind === 'term' && termForms(unit).some(known)),
    );

    const boosts: Record<string, number> = {};
    for (const mention of entities) for (const term of parts.entityTerms(mention.id)) boosts[term] = 2;
    // A broken plural (or singular) searches at half a word's weight: it widens the pool without outweighing
    // the question's own words (measured on XQuAD-ar: at full weight it pulled in wrong sentences).
    const plurals = parts.pluralPartners?.(text) ?? [];
    for (const term of plurals) boosts[term] ??= PLURAL_SEARCH_BOOST;
    // Typo corrections and shared stems search too: in a large corpus the misspelt word alone
    // (اسلام for سلام) can fill the top-K with sentences about something else.
    const corrections = units.flatMap((u) => (u.kind === 'term' ? [...u.fuzzy].filter((t) => !t.startsWith('~')) : []));
    const searchOptions = { limit: ranking.candidates, boosts, documentFrequency: (term: string) => corpusStats.documentFrequency.get(term) ?? 0 };
    // Read in the home region, the search reaches further and keeps the region's sentences first: in a
    // corpus mostly about elsewhere, the top-K by BM25 alone may hold none of them.
    const regionFirst = readInRegion && homeArticles.size > 0 && homeArticles.size < corpus.articles.length;
    const found = index.search(text, {
      ...searchOptions,
      limit: regionFirst ? ranking.candidates * REGION_REACH : ranking.candidates,
      extraTerms: [...[...expansion, ...parts.expandQuery(text, lang), ...plurals].flatMap(searchWords), ...corrections],
    });
    const fromHome = (ref: number): boolean => homeArticles.has(corpus.sentences[ref]?.articleId ?? '');
    const hits = regionFirst
      ? found
          .map((hit) => ({ hit, weighed: hit.score * (fromHome(hit.ref) ? 1 : ranking.elsewhereCredit) }))
          .sort((a, b) => b.weighed - a.weighed || a.hit.ref - b.hit.ref)
          .slice(0, ranking.candidates)
          .map(({ hit }) => hit)
      : found;
    const maxScore = Math.max(0, ...hits.map((hit) => hit.score));
    const lexical = new Map(hits.map((hit) => [hit.ref, maxScore > 0 ? hit.score / maxScore : 0]));
    // Date and entity questions can be answered by sentences that share no word with the question.
    // Bounded: the BM25 top-K, then the most recent sentences naming each asked entity and dated as asked.
    const pool = new Set(hits.map((hit) => hit.ref));
    // Postings bring sentences from at most `postingArticles` articles the search did not already
    // reach: each new article is a read of its analysis, and in a large corpus an entity as common as
    // a country names sentences in thousands of them.
    const reached = new Set(hits.flatMap((hit) => corpus.sentences[hit.ref]?.articleId ?? []));
    let newArticles = 0;
    const addPosting = (ref: number): void => {
      const articleId = corpus.sentences[ref]?.articleId;
      if (articleId === undefined) return;
      if (!reached.has(articleId)) {
        if (newArticles >= ranking.postingArticles) return;
        reached.add(articleId);
        newArticles += 1;
      }
      pool.add(ref);
    };
    // A word of the question that few sentences use is a strong cue, yet among many articles the BM25
    // top-K may hold none of its sentences (common words' expansions fill it): its sentences join too.
    for (const unit of units) {
      if (unit.kind !== 'term') continue;
      const rare = [...unit.alternatives].some((t) => isPlainWord(t) && (corpusStats.documentFrequency.get(t) ?? 0) > 0 && (corpusStats.documentFrequency.get(t) ?? 0) <= RARE_WORD_POSTINGS);
      if (rare) for (const hit of index.search(unit.label, { limit: RARE_WORD_POSTINGS })) addPosting(hit.ref);
    }
    for (const unit of units) {
      if (unit.kind !== 'entity') continue;
      const postings = sentencesByEntity.get(unit.entityId) ?? [];
      for (let i = postings.length - 1, taken = 0; i >= 0 && taken < ranking.entityPostings; i -= 1, taken += 1) addPosting(postings[i] as number);
    }
    if (date) {
      const dated: number[] = [];
      datedCalendar ??= new EventCalendar(datedRefs.keys());
      const matched = date.lookup ? date.lookup(datedCalendar).filter((event) => date.matches(event)) : [...datedRefs.keys()].filter((event) => date.matches(event));
      for (const event of matched) dated.push(...(datedRefs.get(event) ?? []));
      dated.sort((a, b) => b - a);
      for (const ref of dated.slice(0, ranking.datePostings)) addPosting(ref);
    }

    const askedEntities = new Set(units.flatMap((u) => (u.kind === 'entity' ? [u.entityId] : [])));
    // Why, what will they do, how did they, how long, who started: the kind of information asked beyond the topic.
    const kind = askedKind(read.words);
    const supplies = new Map<number, boolean>();
    // "When will ...": a sentence that tells of nothing yet to come cannot say when it will happen.
    const future = asksFuture(read.words);
    const profile = intentProfiles.get(intent);
    const ranked: RankedSentence[] = [];
    const scored = [...pool].flatMap((ref) => {
      const item = evidence.get(ref);
      return item ? [{ ref, item, matches: units.map((u) => unitMatch(u, item, parts.parentOf)) }] : [];
    });
    // Among the candidates, a unit every one of them matches (the article's topic: water, Hasakah)
    // tells them apart no more than it tells the headline from the answer; the units few of them
    // match (the price, the cause, the towns) do. Ranking only: abstention still reads coverage.
    const localWeights = units.map((unit, u) => {
      if (unit.kind === 'answer-type') return 0;
      const matched = scored.filter((c) => (c.matches[u] ?? 0) > 0).length;
      return matched === 0 ? 0 : Math.log(1 + scored.length / matched);
    });
    const localTotal = localWeights.reduce((a, b) => a + b, 0);
    // "How many": a sentence that only counts vaguely (عشرات) ranks below one that gives the number. When some
    // candidate counts the asked thing itself precisely, a sentence whose count of it is vague gives way too,
    // whatever other numbers it holds. Arabic questions only: an English one finds the asked thing through
    // dictionary senses, which may miss the word the sentence counts it with (measured: it cost one).
    const focusUnit = read.answerType === 'number' && lang === 'ar' ? units.find((u): u is TermUnit => u.kind === 'term' && u.focus === true) : undefined;
    const focusCounts = new Map(focusUnit ? scored.map(({ ref, item }) => [ref, countsFocus(item, focusUnit)] as const) : []);
    const preciseElsewhere = [...focusCounts.values()].includes('precise');
    const vague = (item: SentenceEvidence): boolean =>
      countsOnlyVaguely(item) || (preciseElsewhere && focusCounts.get(item.sentence.ref) === 'vague');
    for (const { ref, item, matches } of scored) {
      const elsewhere = readInRegion && !homeArticles.has(item.sentence.articleId);
      const article = articleById.get(item.sentence.articleId);
      const kept = (elsewhere ? ranking.elsewhereCredit : 1) * (future && !speaksOfFuture(item, article?.published) ? ANSWER_TYPE_GATE : 1);
      const covered = coverage(units, item, parts.parentOf, { published: article?.published, topic: article && leadTerms(article) }) * kept;
      // The topic its article's headline names ranks a sentence that leaves it unsaid; whether the
      // question is answered at all is still judged by what the sentence itself says.
      const topical = coverage(units, item, parts.parentOf, { published: article?.published, lead: article && leadTerms(article) }) * kept;
      const fit = (intentFit(profile, item.terms) + intentFitNear(profile, item.positions, askedEntities)) / 2;
      const distinctive = localTotal === 0 ? 0 : matches.reduce((sum, m, u) => sum + m * (localWeights[u] ?? 0), 0) / localTotal;
      const score =
        ranking.coverageWeight * topical +
        ranking.distinctiveWeight * distinctive * topical +
        ranking.lexicalWeight * (lexical.get(ref) ?? 0) +
        ranking.intentWeight * fit +
        (kind && suppliesKind(kind, item, article?.published) ? ranking.reasonWeight * topical : 0) -
        (read.answerType === 'number' && vague(item) ? ranking.vagueCountPenalty * topical : 0);
      if (kind) supplies.set(ref, suppliesKind(kind, item, article?.published));
      const background = !date && !flags.first && !flags.background && isBackground(item, articleById.get(item.sentence.articleId));
      ranked.push({ evidence: item, coverage: covered, topical, score: score - (background ? ranking.backgroundPenalty : 0) });
    }
    // An English question covers a sentence through dictionary senses, so a sentence covering it much less
    // than its article's best is less surely the same topic with the asked part added: English lifts only a
    // sentence within supplyingGapEnglish of that best (measured: unbounded, the lift for English questions
    // cost one never-read answer for each two it won).
    if (kind) {
      const floor = ranking.minCoverage + (intent === 'out_of_scope' ? ranking.outOfScopeMargin : 0);
      preferSupplying(ranked, (r) => supplies.get(r.evidence.sentence.ref) === true, floor, lang === 'ar' ? Infinity : ranking.supplyingGapEnglish, kind === 'reason' || kind === 'plan');
    }
    applyTimeFlags(ranked, flags, ranking.timeWeight, presentStarts);
    const steered = steerByReports(ranked, cues, flags.latest, desk); // issue 8
    steered.sort((a, b) => b.score - a.score || a.evidence.sentence.ref - b.evidence.sentence.ref);
    return { valid: true, read, intent, confidence, units, topical: topical && (cues.rest !== '' || !hasReportCue(cues)), ranked: steered, latest: flags.latest, cues, readInRegion };
  }

  async function ask(raw: string): Promise<Answer> {
    const analysis = await analyse(raw);
    if (!analysis.valid) {
      const { read } = analysis;
      return answer({
        question: excerpt(read.text), lang: read.lang, intent: 'None', confidence: 0, kind: 'invalid', abstained: false,
        lead: invalidLead(read.reason, read.lang),
      });
    }
    const { read, intent, confidence, topical } = analysis;
    const { lang } = read;
    const base = { question: read.text, lang, intent, confidence };

    // "شكرا جزيلا" stays small talk even when some article happens to use the word شكر: a short
    // greeting or thanks that names nothing is not a question about the news.
    const namesNothing = !analysis.units.some((u) => u.kind === 'entity' || u.kind === 'date');
    const short = tokenize(read.text).length <= SMALLTALK_MAX_WORDS;
    // But "شو سبب الحريق؟" asks about the fire, whatever the classifier says: a short question is small talk
    // only when each word the articles know is one of that small talk's own words (شكرا، مساعدة).
    const profile = intentProfiles.get(intent);
    const chatWords = analysis.units.every((u) => u.kind !== 'term' || !termForms(u).some((t) => termFrequency(corpusStats, t) > 0) || termForms(u).some((t) => profile?.has(t) === true));
    if ((!topical || (namesNothing && short && chatWords)) && SMALLTALK_INTENTS.has(intent) && confidence >= SMALLTALK_MIN_SCORE) {
      return answer({ ...base, kind: 'smalltalk', abstained: false, lead: smalltalkLead(intent as 'greeting' | 'thanks' | 'help', lang) });
    }
    // Issue 8: "the latest report", "what does <publisher> say" and nothing else: that report's opening.
    if (!topical && hasReportCue(analysis.cues)) {
      const article = reportArticle(analysis.cues, desk);
      const opening = article ? article.sentences.slice(0, ranking.maxCitations).flatMap((s) => cite(s.ref) ?? []) : [];
      if (opening.length > 0) return answer({ ...base, kind: 'answer', abstained: false, lead: answerLead('summary', lang) }, opening);
    }
    // "What's the latest?", "what is going on?": nothing specific asked about the news, so the news it is.
    const asksForNews = (intent === 'summary' || intent === 'fighting' || (intent === 'timeline' && analysis.latest))
      && asksExplicitlyForNews(read.text, analysis.latest);
    if (!topical && asksForNews) {
      return answer({ ...base, kind: 'answer', abstained: false, lead: answerLead('summary', lang) }, summary(lang).citations);
    }

    const floor = lang === 'en' ? ranking.minCoverageEnglish : ranking.minCoverage;
    const required = floor + (intent === 'out_of_scope' ? ranking.outOfScopeMargin : 0);
    const answerable = (r: RankedSentence): boolean => r.coverage >= required;
    // Read in the home region, a sentence from an article about it that answers comes before any
    // from elsewhere, whatever their scores: elsewhere answers only when the region's articles do not.
    const fromHome = (r: RankedSentence): boolean => homeArticles.has(r.evidence.sentence.articleId);
    const ranked = analysis.readInRegion && analysis.ranked.some((r) => fromHome(r) && answerable(r))
      ? [...analysis.ranked.filter(fromHome), ...analysis.ranked.filter((r) => !fromHome(r))]
      : analysis.ranked;
    const best = ranked[0];
    if (!topical || !best || !answerable(best)) {
      return answer({ ...base, kind: 'abstain', abstained: true, lead: abstainLead(lang) });
    }
    const quoted = ranked
      .filter((r) => answerable(r) && best.score - r.score <= ranking.companionMargin)
      .slice(0, ranking.maxCitations);
    const quotedRefs = new Set(quoted.map((r) => r.evidence.sentence.ref));
    const more = ranked
      .filter((r) => !quotedRefs.has(r.evidence.sentence.ref) && r.coverage >= ranking.minCoverage / 2)
      .slice(0, ranking.maxMore);
    const toCitations = (list: RankedSentence[]): Citation[] =>
      list.flatMap((r) => {
        const found = cite(r.evidence.sentence.ref);
        if (!found) return [];
        const citation = analysis.readInRegion && region && !fromHome(r) ? { ...found, outsideRegion: outsidePlace(r.evidence, region) } : found;
        if (lang !== 'en' || citation.english !== null || !parts.recognised) return [citation];
        const line = recognisedInEnglish(r.evidence, parts.recognised);
        return [line ? { ...citation, recognisedEn: line } : citation];
      });
    // Two reports of one event giving different values are quoted side by side.
    const split = findDisagreement(ranked.filter(answerable).map((r) => r.evidence), {
      answerType: read.answerType, units: analysis.units, article: (id) => articleById.get(id), entityKind: (id) => parts.recognised?.entity(id)?.kind,
    });
    if (split) {
      const sideRefs = split.sides.map((side) => side.evidence.sentence.ref);
      const sides = sideRefs.flatMap((ref) => ranked.find((r) => r.evidence.sentence.ref === ref) ?? []);
      const rest = ranked.filter((r) => !sideRefs.includes(r.evidence.sentence.ref) && r.coverage >= ranking.minCoverage / 2).slice(0, ranking.maxMore);
      return answer(
        { ...base, kind: 'answer', abstained: false, lead: disagreementLead(lang), disagreement: { fact: split.fact, values: split.sides.map((s) => s.value) } },
        toCitations(sides),
        toCitations(rest),
      );
    }
    return answer(
      { ...base, kind: 'answer', abstained: false, lead: answerLead(intent, lang, confidence) },
      toCitations(quoted),
      toCitations(more),
    );
  }

  /** The reasoning behind an answer, for developers: the question's units and the best candidates. */
  async function explain(raw: string, limit = 5): Promise<Explanation> {
    const analysis = await analyse(raw);
    if (!analysis.valid) return { question: analysis.read.text, valid: false, units: [], candidates: [] };
    return {
      question: analysis.read.text,
      valid: true,
      intent: analysis.intent,
      answerType: analysis.read.answerType,
      units: analysis.units.map((u) => ({ kind: u.kind, label: u.label, weight: Number(u.weight.toFixed(2)), alternatives: u.kind === 'term' ? [...u.alternatives, ...[...u.expanded].map((t) => `${t}+`), ...[...u.fuzzy].map((t) => `${t}?`), ...[...(u.translated ?? [])].map(([t, c]) => `${t}*${c.toFixed(2)}`)] : undefined })),
      candidates: analysis.ranked.slice(0, limit).map((r) => {
        const trace: CoverageTrace = { gates: [] };
        const article = articleById.get(r.evidence.sentence.articleId);
        coverage(analysis.units, r.evidence, parts.parentOf, { published: article?.published, topic: article && leadTerms(article) }, trace);
        return {
          sentenceId: r.evidence.sentence.id,
          coverage: Number(r.coverage.toFixed(3)),
          score: Number(r.score.toFixed(3)),
          matches: analysis.units.map((u) => unitMatch(u, r.evidence, parts.parentOf)),
          share: Number((trace.share ?? 0).toFixed(3)),
          gates: trace.gates,
        };
      }),
    };
  }

  return {
    ask,
    explain,
    cite: (keys) => keys.flatMap((key) => citeKey(key) ?? []),
    summary,
    timeline: (filter, lang = 'ar'): Timeline => {
      const cleaned = filter?.trim() ? filter.trim() : null;
      return { filter: cleaned, lang, events: parts.filterTimeline(parts.timelineEvents, cleaned) };
    },
    sources: () => corpus.articles,
  };
}
