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
import type { TimelineEvent } from '../events/types.ts';
import { buildEvidence, type EvidenceDeps, type SentenceEvidence } from './evidence.ts';

/** What analysing needs: the same functions createEngine hands the evidence and the timeline. */
export interface AnalysisDeps extends EvidenceDeps {
  entityById: NonNullable<TimelineDeps['entityById']>;
  words(text: string): string[];
}

/** One sentence's evidence with terms as indices into the article's term table. */
interface CompactEvidence {
  /** Terms. */
  t: number[];
  /** Entities, landmark-only entities, context entities. */
  e: string[];
  l?: string[];
  c?: string[];
  /** Flags: 1 actor, 2 place, 4 number, 8 time. */
  f: number;
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
  evidence: CompactEvidence[];
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
      p: item.positions.map((position) => (position.entities.length > 0 ? [position.terms.map(idOf), [...position.entities]] : [position.terms.map(idOf)])),
    };
    if (item.landmarkOnly.size > 0) out.l = [...item.landmarkOnly];
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
    evidence: compact,
  };
}

/** The article with its sentences placed at corpus position `firstRef` onwards. */
export function articleOf(analysis: ArticleAnalysis, firstRef: number): Article {
  const { meta } = analysis;
  return {
    id: meta.id,
    title: analysis.title,
    titleEn: analysis.titleEn,
    language: meta.language,
    published: meta.published,
    publisher: meta.publisher,
    url: meta.url,
    sentences: analysis.sentences.map((sentence) => ({ ...sentence, ref: firstRef + sentence.number })),
  };
}

/** The evidence of an article's sentences (already placed in the corpus), as buildEvidence gives it. */
export function evidenceOf(analysis: ArticleAnalysis, article: Article): SentenceEvidence[] {
  const termOf = (i: number): string => analysis.terms[i] ?? '';
  return analysis.evidence.map((item, i) => {
    const entities = new Set(item.e);
    return {
      sentence: article.sentences[i] as Sentence,
      terms: new Set(item.t.map(termOf)),
      entities,
      landmarkOnly: new Set(item.l ?? []),
      contextEntities: new Set([...item.e, ...(item.c ?? [])]),
      actorMentioned: (item.f & FLAG.actor) !== 0,
      placeMentioned: (item.f & FLAG.place) !== 0,
      hasNumber: (item.f & FLAG.number) !== 0,
      hasTime: (item.f & FLAG.time) !== 0,
      positions: item.p.map(([termIds, ids]) => ({ terms: termIds.map(termOf), entities: ids ?? [] })),
      events: (item.v ?? []).flatMap((v) => analysis.events[v] ?? []),
    };
  });
}
