/** Wires the real language-understanding and events modules into the engine. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Corpus, Language } from '../corpus/article.ts';
import { loadCorpus } from '../corpus/load.ts';
import { buildTimeline, filterTimeline, mergeArticleTimelines } from '../events/timeline.ts';
import { parseQuestionDate, questionDateMatches, questionTimeFlags } from '../events/dates.ts';
import { allEntities, entityById, entityTerms, matchEntities } from '../nlu/entities.ts';
import { defaultConcepts, defaultGlossaryInstance, expandQuery } from '../nlu/glossary.ts';
import { conceptLabeller } from '../nlu/concepts.ts';
import { classifyIntent, defaultIntentData, loadOrTrainIntentModel } from '../nlu/intents.ts';
import { corpusNameFinder, loadBilingualLexicon, type BilingualLexicon } from '../nlu/bilingual.ts';
import type { SentenceSearchIndex } from '../search/types.ts';
import { analyze } from '../text/analyze.ts';
import { normalizeArabic } from '../text/arabic.ts';
import { tokenize } from '../text/tokenize.ts';
import { loadAnalyses } from './analysis-store.ts';
import { analyseArticle, articleOf, storedEvidence, type AnalysisDeps } from './article-analysis.ts';
import { buildEngine, DEFAULT_RANKING, type ExplainableEngine, type RankingOptions } from './engine.ts';
import type { EvidenceSource } from './engine.ts';
import { resolveHomeRegion } from './home-region.ts';
import type { TimelineEvent } from './types.ts';

/** Bumped by hand when the analysis changes in a way the code fingerprint cannot see. */
export const PIPELINE_VERSION = 1;

/** One article as the persisted index needs it: stable sentence keys, current positions, content hash. */
export interface IndexedArticle {
  id: string;
  hash: string;
  sentences: { key: string; ref: number; text: string; english: string | null }[];
}

export interface CreateEngineOptions {
  corpusDir: string;
  /** Where the trained intent model is cached; omitted, the model is trained in memory each time. */
  cacheDir?: string;
  /**
   * DATA_DIR: each article's analysis is persisted here and loaded by later starts. Omitted, every
   * start analyses the corpus in memory (tests, small corpora).
   */
  dataDir?: string;
  ranking?: RankingOptions;
  /**
   * The English–Arabic dictionary; omitted, `knowledge/en-ar.tsv` is read. `null`: none, so English
   * questions match English renderings only.
   */
  bilingual?: BilingualLexicon | null;
  /** HOME_REGION: the places a question that names none is read in (default: no region). */
  homeRegion?: string;
  /**
   * A persisted sentence index brought up to date with the corpus (the adapter's SQLite FTS5, see
   * src/index-store); omitted, a lunr index is built in memory.
   */
  openIndex?(articles: readonly IndexedArticle[]): SentenceSearchIndex;
  /** Progress lines for long work (a first build); nothing is printed when omitted. */
  progress?(line: string): void;
}

function normalizedWords(text: string): string[] {
  return tokenize(text).map((word) => normalizeArabic(word).toLowerCase());
}

/** Hash of the code and knowledge the analysis depends on: any change re-analyses every article. */
function pipelineFingerprint(): string {
  const hash = createHash('sha256').update(`v${PIPELINE_VERSION}`);
  const src = join(import.meta.dirname, '..');
  const files = [
    ...['text', 'events', 'corpus'].flatMap((dir) => readdirSync(join(src, dir)).filter((f) => f.endsWith('.ts')).sort().map((f) => join(src, dir, f))),
    join(src, 'nlu', 'entities.ts'),
    ...['evidence.ts', 'skeleton.ts', 'article-analysis.ts'].map((f) => join(src, 'answer', f)),
  ];
  for (const file of files) if (statSync(file, { throwIfNoEntry: false })) hash.update(readFileSync(file));
  hash.update(JSON.stringify(allEntities()));
  return hash.digest('hex').slice(0, 16);
}

const analysisDeps: AnalysisDeps = {
  analyze,
  matchEntities,
  parentOf: (id) => entityById(id)?.parent,
  entityById,
  words: normalizedWords,
};

interface PreparedCorpus {
  corpus: Corpus;
  timelineEvents: TimelineEvent[];
  evidence?: EvidenceSource;
  indexed: IndexedArticle[];
}

/** Corpus, timeline and evidence from the analysis store (computing only new or changed articles). */
function preparePersisted(options: CreateEngineOptions & { dataDir: string }): PreparedCorpus {
  let started = 0;
  const stored = loadAnalyses({
    corpusDir: options.corpusDir,
    dataDir: options.dataDir,
    fingerprint: pipelineFingerprint(),
    analyse: (meta, text) => analyseArticle(meta, text, analysisDeps),
    progress: (done, total) => {
      started ||= performance.now();
      if (done === total || done % 100 === 0) {
        const seconds = (performance.now() - started) / 1000;
        options.progress?.(`analysing articles: ${done}/${total} (${seconds.toFixed(0)} s, about ${((seconds / done) * (total - done)).toFixed(0)} s left)`);
      }
    },
  });
  const articles: Article[] = [];
  const indexed: IndexedArticle[] = [];
  let ref = 0;
  for (const { hash, analysis } of stored) {
    const article = articleOf(analysis, ref);
    ref += article.sentences.length;
    articles.push(article);
    indexed.push({ id: article.id, hash, sentences: article.sentences.map((s) => ({ key: s.id, ref: s.ref, text: s.text, english: s.english })) });
  }
  const timelineEvents = mergeArticleTimelines(stored.map((s) => s.analysis.events), { entityById });
  const evidence = storedEvidence(stored.map((s) => s.analysis), articles);
  return { corpus: { articles, sentences: articles.flatMap((a) => a.sentences) }, timelineEvents, evidence, indexed };
}

function prepareInMemory(options: CreateEngineOptions): PreparedCorpus {
  const corpus = loadCorpus(options.corpusDir);
  const timelineEvents = buildTimeline(corpus, { matchEntities, entityById });
  const indexed = corpus.articles.map((article) => ({
    id: article.id,
    hash: '',
    sentences: article.sentences.map((s) => ({ key: s.id, ref: s.ref, text: s.text, english: s.english })),
  }));
  return { corpus, timelineEvents, indexed };
}

/** Loads the corpus, loads or trains the intent model, builds the timeline and the engine. */
export async function createEngine(options: CreateEngineOptions): Promise<ExplainableEngine> {
  const bilingual = options.bilingual === undefined ? loadBilingualLexicon() : options.bilingual;
  const { dataDir } = options;
  const { corpus, timelineEvents, evidence, indexed } = dataDir === undefined ? prepareInMemory(options) : preparePersisted({ ...options, dataDir });
  const model = await loadOrTrainIntentModel({ cacheFile: options.cacheDir ? join(options.cacheDir, 'intent-model.json') : undefined });
  const latest = corpus.articles.reduce((d, a) => (a.published > d ? a.published : d), '');
  const parentOf = (id: string): string | undefined => entityById(id)?.parent;
  const homeRegion = options.homeRegion === undefined ? undefined : resolveHomeRegion(options.homeRegion, { matchEntities, parentOf, placeType: (id) => entityById(id)?.type });
  const index = options.openIndex?.(indexed);
  return buildEngine(
    corpus,
    {
      classifyIntent: async (text) => {
        const result = classifyIntent(model, text);
        return { intent: result.intent, score: result.score };
      },
      matchEntities,
      parentOf,
      entityTerms,
      expandQuery: (text, lang: Language) => expandQuery(text, lang),
      glossaryHits: (text) => defaultGlossaryInstance().lookup(text),
      timelineEvents,
      filterTimeline: (events, filter) => filterTimeline(events, filter, { matchEntities, entityById }),
      intentExamples: defaultIntentData().examples,
      placeName: (id) => {
        const entity = entityById(id);
        return entity && { ar: entity.nameAr, en: entity.nameEn };
      },
      recognised: {
        entity: (id) => {
          const entity = entityById(id);
          return entity && { nameEn: entity.nameEn, kind: entity.kind };
        },
        concepts: conceptLabeller(defaultConcepts(), analyze),
      },
      translateEnglish: bilingual ? (text) => bilingual.translate(text) : undefined,
      nameFinder: bilingual ? (words) => { const find = corpusNameFinder(bilingual, words); return (latin) => find(latin, false); } : undefined,
      timeFlags: (question, lang) => questionTimeFlags(question, { now: latest, lang }),
      parseQuestionDate: (question, lang) => {
        const date = parseQuestionDate(question, { now: latest, lang, events: timelineEvents });
        return date && { label: date.label, matches: (event) => questionDateMatches(date, event) };
      },
    },
    options.ranking ?? DEFAULT_RANKING,
    { evidence, index, homeRegion },
  );
}
