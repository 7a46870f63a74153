/**
 * The analysis of one article — its sentences, each sentence's analysed terms, entities and flags,
 * and its dated events — computed once when the article first appears, in a compact JSON form that
 * src/answer/analysis-store.ts persists. Every analysis step is per article already (the evidence
 * context and the timeline's continuation rules never cross an article), so analysing articles
 * one by one gives the same evidence as analysing the corpus at once; only the merging of events
 * from several articles is corpus-wide, and it is cheap (`mergeArticleTimelines`).
 */
import type { Article, ArticleMeta, Corpus, Sentence } from '../corpus/article.ts';
import { parseArticle } from '../corpus/load.ts';
import { buildTimeline, type TimelineDeps } from '../events/timeline.ts';
import type { DatedSpan } from '../events/event-calendar.ts';
import type { TimelineEvent } from '../events/types.ts';
import type { CountedStatistics, EvidenceSource, SentenceFacts } from './engine.ts';
import { buildEvidence, type EvidenceDeps, type SentenceEvidence } from './evidence.ts';

/** What analysing needs: the same functions createEngine hands the evidence and the timeline. */
export interface AnalysisDeps extends EvidenceDeps {
  entityById: NonNullable<TimelineDeps['entityById']>;
  words(text: string): string[];
}

/** One sentence's evidence with terms as indices into the article's term table. */
export interface CompactEvidence {
  /** Terms. */
  t: number[];
  /** Entities, landmark-only entities, context entities. */
  e: string[];
  l?: string[];
  c?: string[];
  /** Flags: 1 actor, 2 place, 4 number, 8 time. */
  f: number;
  /** Places the sentence names (landmarks included), when they differ from its entities' places. */
  s?: string[];
  /** Word positions of quantities. */
  q?: number[];
  /** Positions: each word's term indices and entity ids. */
  p: [number[], string[]?][];
  /** Indices into the article's events. */
  v?: number[];
}

/** The persisted form of one article's analysis. */
export interface ArticleAnalysis {
  meta: ArticleMeta;
  /** Sentences without corpus positions (refs are given at load, in corpus order). */
  sentences: Omit<Sentence, 'ref'>[];
  title: string;
  titleEn: string | null;
  events: TimelineEvent[];
  terms: string[];
  /** Places of the headline and lead: where a sentence naming no place happens. */
  leadPlaces: string[];
  evidence: CompactEvidence[];
}

/** One sentence's evidence as a start needs it: entities, flags and events, no terms or positions. */
type CompactFacts = Omit<CompactEvidence, 't' | 'p' | 'q'>;

/**
 * What a start needs of an article: no sentence text, terms or word positions (a candidate's article
 * analysis has them), and of its events only their days (the timeline reads them whole when first
 * asked for, see `storedEvents`).
 */
export interface ArticleSummary extends Omit<ArticleAnalysis, 'terms' | 'evidence' | 'sentences' | 'events'> {
  /** Each sentence's stable key and paragraph, in order: a sentence's number is its position here. */
  keys: string[];
  paragraphs: number[];
  /** Each event's first and last day (ISO), by its index in the analysis's events. */
  eventDays: [string, string][];
  evidence: CompactFacts[];
}

export function summariseAnalysis(analysis: ArticleAnalysis): ArticleSummary {
  const { terms: _terms, evidence, sentences, events, ...rest } = analysis;
  return {
    ...rest,
    keys: sentences.map((s) => s.key),
    paragraphs: sentences.map((s) => s.paragraph),
    eventDays: events.map((event) => [event.start, event.end]),
    evidence: evidence.map(({ t: _t, p: _p, q: _q, ...facts }) => facts),
  };
}

/** An article's events as stored beside the pack: the text of its own sentences cited is left out. */
export function storedEvents(analysis: ArticleAnalysis): TimelineEvent[] {
  return analysis.events.map((event) => ({ ...event, citations: event.citations.map((c) => (c.articleId === analysis.meta.id ? { ...c, text: '' } : c)) }));
}

/**
 * Stored events with their citations' text back from the article's own sentences, read when a
 * citation is first shown (the sentences' text itself is read when first needed).
 */
export function eventsOf(events: readonly TimelineEvent[], article: Article): TimelineEvent[] {
  const sentenceOf = new Map(article.sentences.map((s) => [s.id, s]));
  return events.map((event) => ({
    ...event,
    citations: event.citations.map((c) => {
      const sentence = c.text === '' ? sentenceOf.get(c.sentenceId) : undefined;
      if (!sentence) return c;
      const { text: _text, ...rest } = c;
      return Object.defineProperty(rest, 'text', { get: () => sentence.text, enumerable: true }) as typeof c;
    }),
  }));
}

const FLAG = { actor: 1, place: 2, number: 4, time: 8 } as const;

/** Analyses one article from its metadata and verbatim text. */
export function analyseArticle(meta: ArticleMeta, text: string, deps: AnalysisDeps): ArticleAnalysis {
  const article = parseArticle(meta, text, 0);
  const corpus: Corpus = { articles: [article], sentences: article.sentences };
  const events = buildTimeline(corpus, { matchEntities: deps.matchEntities, entityById: deps.entityById });
  const evidence = buildEvidence(corpus, events, deps, deps.words);
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string): number => {
    let id = termIndex.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
      termIndex.set(term, id);
    }
    return id;
  };
  const eventIndex = new Map(events.map((event, i) => [event, i]));
  const compact = evidence.map((item): CompactEvidence => {
    const out: CompactEvidence = {
      t: [...item.terms].map(idOf),
      e: [...item.entities],
      f: (item.actorMentioned ? FLAG.actor : 0) | (item.placeMentioned ? FLAG.place : 0) | (item.hasNumber ? FLAG.number : 0) | (item.hasTime ? FLAG.time : 0),
      // Word positions only serve proximity to a named entity or a quantity: a sentence with neither
      // keeps none, which is most of a large corpus and most of the stored size.
      p: item.quantities.length > 0 || item.positions.some((position) => position.entities.length > 0)
        ? item.positions.map((position) => (position.entities.length > 0 ? [position.terms.map(idOf), [...position.entities]] : [position.terms.map(idOf)]))
        : [],
    };
    if (item.landmarkOnly.size > 0) out.l = [...item.landmarkOnly];
    if (item.places.size > 0) out.s = [...item.places];
    if (item.quantities.length > 0) out.q = [...item.quantities];
    const context = [...item.contextEntities].filter((id) => !item.entities.has(id));
    if (context.length > 0) out.c = context;
    const own = item.events.flatMap((event) => eventIndex.get(event) ?? []);
    if (own.length > 0) out.v = own;
    return out;
  });
  return {
    meta,
    sentences: article.sentences.map(({ ref: _ref, ...sentence }) => sentence),
    title: article.title,
    titleEn: article.titleEn,
    events,
    terms,
    // Every sentence that names no place has the same article places (evidence.ts): keep them once.
    leadPlaces: [...(evidence.find((item) => item.articlePlaces.size > 0)?.articlePlaces ?? [])],
    evidence: compact,
  };
}

/** An article's sentences as its analysis stores them (text and English rendering, in order). */
export type SentenceTexts = () => readonly { text: string; english: string | null }[];
const NO_TEXTS: SentenceTexts = () => [];

/**
 * The article with its sentences placed at corpus position `firstRef` onwards. From a summary, each
 * sentence's text and English rendering are read through `texts` when first used (`StoredSentence`):
 * a start of a large corpus reads no sentence's text, and a question reads only its candidates'.
 */
export function articleOf(analysis: ArticleAnalysis, firstRef: number): Article;
export function articleOf(analysis: ArticleSummary, firstRef: number, texts: SentenceTexts): Article;
export function articleOf(analysis: ArticleSummary | ArticleAnalysis, firstRef: number, texts?: SentenceTexts): Article {
  const { meta } = analysis;
  return {
    id: meta.id,
    title: analysis.title,
    titleEn: analysis.titleEn,
    language: meta.language,
    published: meta.published,
    publisher: meta.publisher,
    url: meta.url,
    sentences: 'sentences' in analysis
      ? analysis.sentences.map((sentence) => ({ ...sentence, id: `${meta.id}#${sentence.number}`, articleId: meta.id, ref: firstRef + sentence.number }))
      : analysis.keys.map((key, number) => new StoredSentence(`${meta.id}#${number}`, meta.id, number, key, firstRef + number, analysis.paragraphs[number] ?? 0, texts ?? NO_TEXTS)),
  };
}

/**
 * A sentence of a stored article whose text and English rendering are read when first used. Getters
 * on the class, not on each object: a large corpus has hundreds of thousands of sentences, and
 * defining accessors on each costs more than the text they save. A spread (`{ ...s }`) would drop
 * the text, so nothing spreads a sentence; `toJSON` gives the whole sentence.
 */
class StoredSentence implements Sentence {
  readonly #texts: SentenceTexts;
  constructor(
    readonly id: string,
    readonly articleId: string,
    readonly number: number,
    readonly key: string,
    readonly ref: number,
    readonly paragraph: number,
    texts: SentenceTexts,
  ) {
    this.#texts = texts;
  }

  get text(): string {
    return this.#texts()[this.number]?.text ?? '';
  }

  get english(): string | null {
    return this.#texts()[this.number]?.english ?? null;
  }

  toJSON(): Sentence {
    const { id, articleId, number, key, ref, paragraph, text, english } = this;
    return { id, articleId, number, key, ref, paragraph, text, english };
  }
}

/** The evidence of an article's sentences (already placed in the corpus), as buildEvidence gives it. */
export function evidenceOf(analysis: ArticleAnalysis, article: Article): SentenceEvidence[] {
  return analysis.evidence.map((_, i) => sentenceEvidence(analysis, article, i));
}

/** The evidence of one sentence of an article. */
function sentenceEvidence(analysis: ArticleAnalysis, article: Article, i: number): SentenceEvidence {
  const termOf = (t: number): string => analysis.terms[t] ?? '';
  const item = analysis.evidence[i] as CompactEvidence;
  {
    const entities = new Set(item.e);
    return {
      sentence: article.sentences[i] as Sentence,
      terms: new Set(item.t.map(termOf)),
      entities,
      landmarkOnly: new Set(item.l ?? []),
      contextEntities: new Set([...item.e, ...(item.c ?? [])]),
      articlePlaces: articlePlacesOf(analysis, item),
      actorMentioned: (item.f & FLAG.actor) !== 0,
      placeMentioned: (item.f & FLAG.place) !== 0,
      places: new Set(item.s ?? []),
      hasNumber: (item.f & FLAG.number) !== 0,
      quantities: item.q ?? [],
      hasTime: (item.f & FLAG.time) !== 0,
      positions: item.p.map(([termIds, ids]) => ({ terms: termIds.map(termOf), entities: ids ?? [] })),
      events: (item.v ?? []).flatMap((v) => analysis.events[v] ?? []),
      articleTerms: articleTermsOf(analysis),
    };
  }
}

const NO_EVENTS: readonly DatedSpan[] = [];

// The article's term table, as a set, built when one of its sentences is first a candidate.
const articleTermSets = new WeakMap<ArticleAnalysis, ReadonlySet<string>>();
function articleTermsOf(analysis: ArticleAnalysis): ReadonlySet<string> {
  let terms = articleTermSets.get(analysis);
  if (!terms) articleTermSets.set(analysis, (terms = new Set(analysis.terms)));
  return terms;
}
const NO_PLACES: readonly string[] = [];

function articlePlacesOf(analysis: Pick<ArticleSummary, 'leadPlaces'>, item: CompactFacts): ReadonlySet<string> {
  return new Set((item.f & FLAG.place) !== 0 ? NO_PLACES : (analysis.leadPlaces ?? NO_PLACES));
}

/** Sentences whose full evidence is kept built at once; beyond, the oldest are dropped. */
const MATERIALISED_LIMIT = 20_000;

/**
 * The evidence of a packed corpus (analysis-store.ts `loadPackedAnalyses`): the scan reads the
 * summaries (no terms: term statistics come with the pack), and a sentence's full evidence reads
 * its article's analysis when the sentence is first a candidate.
 */
export function packedEvidence(
  summaries: readonly { hash: string; summary: ArticleSummary }[],
  articles: readonly Article[],
  read: (hash: string) => ArticleAnalysis,
  statistics: (keep?: (articleId: string) => boolean) => CountedStatistics,
): EvidenceSource {
  const total = articles.reduce((n, a) => n + a.sentences.length, 0);
  const articleAt = new Int32Array(total);
  articles.forEach((article, a) => {
    for (const sentence of article.sentences) articleAt[sentence.ref] = a;
  });
  // `read` keeps the recently read analyses parsed (analysis-store.ts).
  const analysisOf = (a: number): ArticleAnalysis => read((summaries[a] as { hash: string }).hash);
  const built = new Map<number, SentenceEvidence>();
  return {
    length: total,
    get(ref) {
      if (!(ref >= 0 && ref < total)) return undefined;
      let evidence = built.get(ref);
      if (evidence) return evidence;
      const a = articleAt[ref] as number;
      const article = articles[a] as Article;
      evidence = sentenceEvidence(analysisOf(a), article, ref - (article.sentences[0]?.ref ?? 0));
      if (built.size >= MATERIALISED_LIMIT) built.delete(built.keys().next().value as number);
      built.set(ref, evidence);
      return evidence;
    },
    scan(visit: (facts: SentenceFacts) => void) {
      articles.forEach((article, a) => {
        const { summary } = summaries[a] as { summary: ArticleSummary };
        // One object per event, shared by the sentences it dates (the engine keys its postings by them).
        const events = summary.eventDays.length === 0 ? NO_EVENTS : summary.eventDays.map(([start, end]) => ({ start, end }));
        summary.evidence.forEach((item, i) => {
          visit({
            ref: (article.sentences[i] as Sentence).ref,
            articleId: article.id,
            terms: NO_PLACES,
            entities: item.e,
            contextEntities: item.c ? [...item.e, ...item.c] : item.e,
            articlePlaces: (item.f & FLAG.place) !== 0 ? NO_PLACES : summary.leadPlaces,
            events: item.v ? item.v.flatMap((v) => events[v] ?? []) : NO_EVENTS,
          });
        });
      });
    },
    termStatistics: statistics,
  };
}
