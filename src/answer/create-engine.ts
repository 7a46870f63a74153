/** Wires the real language-understanding and events modules into the engine. */
import { createHash, type Hash } from 'node:crypto';
import { accessSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Corpus, Language, Sentence } from '../corpus/article.ts';
import { loadCorpus } from '../corpus/load.ts';
import { buildTimeline, filterTimeline, mergeArticleTimelines } from '../events/timeline.ts';
import { parseQuestionDate, questionDateEvents, questionDateMatches, questionTimeFlags } from '../events/question-dates.ts';
import { EventCalendar, type DatedSpan } from '../events/event-calendar.ts';
import { allEntities, entityById, entityTerms, matchEntities } from '../nlu/entities.ts';
import { defaultConcepts, defaultGlossaryInstance, expandQuery, type CompiledGlossary, type GlossaryStore } from '../nlu/glossary.ts';
import { conceptLabeller, conceptOwners, labellerOf, type ConceptOwners } from '../nlu/concepts.ts';
import { classifyIntent, defaultIntentData, loadOrTrainIntentModel } from '../nlu/intents.ts';
import type { IntentName } from '../nlu/intent-names.ts';
import { BILINGUAL_LEXICON_FILE, corpusNameFinder, loadBilingualLexicon, type ArabicTermStore, type BilingualLexicon } from '../nlu/bilingual.ts';
import { loadPluralTable, PLURAL_TABLE_FILE, type CompiledPluralTable, type PluralTable, type PluralTableStore } from '../nlu/plurals.ts';
import type { SentenceSearchIndex } from '../search/types.ts';
import { analyze } from '../text/analyze.ts';
import { normalizeArabic } from '../text/arabic.ts';
import { tokenize } from '../text/tokenize.ts';
import { loadPackedAnalyses, type PackedCorpus } from './analysis-store.ts';
import { analyseArticle, articleOf, eventsOf, packedEvidence, type AnalysisDeps, type ArticleAnalysis } from './article-analysis.ts';
import { buildEngine, DEFAULT_RANKING, intentProfilesFor, type EngineParts, type ExplainableEngine, type IntentProfiles, type RankingOptions } from './engine.ts';
import type { CountedStatistics, EvidenceSource } from './engine.ts';
import { resolveHomeRegion } from './home-region.ts';
import { keyedCache } from './keyed-cache.ts';
import type { TimelineEvent } from './types.ts';

/** Bumped by hand when the analysis changes in a way the code fingerprint cannot see. */
export const PIPELINE_VERSION = 1;

/** One article as the persisted index needs it: stable sentence keys, current positions, content hash. */
export interface IndexedArticle {
  id: string;
  hash: string;
  /** The article's sentences (their `id` is the stable key); the text is read only to index one. */
  sentences: readonly Pick<Sentence, 'id' | 'ref' | 'text' | 'english'>[];
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
  /**
   * Arabic singulars and their broken plurals (منزل / منازل); omitted, `knowledge/ar-plurals.tsv` is
   * read. `null`: none, so a question's singular finds only the same stem.
   */
  plurals?: PluralTable | null;
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
let fingerprint: string | undefined;

function pipelineFingerprint(): string {
  // The code on disk does not change under a running process: hashed once.
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

function computeFingerprint(): string {
  const hash = createHash('sha256').update(`v${PIPELINE_VERSION}`);
  // Through the project root: the same folder from the sources and from a bundle (scripts/run.mjs).
  const src = join(import.meta.dirname, '..', '..', 'src');
  const files = [
    ...['text', 'events', 'corpus'].flatMap((dir) => readdirSync(join(src, dir)).filter((f) => f.endsWith('.ts')).sort().map((f) => join(src, dir, f))),
    join(src, 'nlu', 'entities.ts'),
    ...['evidence.ts', 'skeleton.ts', 'article-analysis.ts'].map((f) => join(src, 'answer', f)),
  ];
  // The stemmers and tokenisers come from these packages: an upgrade may stem differently, so their
  // manifests (versions) count too. Other dependencies do not touch the analysis.
  const packages = ['@nlpjs/core', '@nlpjs/lang-ar', '@nlpjs/lang-en-min'].map((name) => join(src, '..', 'node_modules', name, 'package.json'));
  for (const file of [...files, ...packages]) if (statSync(file, { throwIfNoEntry: false })) hash.update(readFileSync(file));
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
  /** Merged when first needed (a timeline): a start of a large corpus skips it. */
  timelineEvents(): TimelineEvent[];
  /** Every event's days (a date question's calendar), without reading the events whole. */
  eventDays(): DatedSpan[];
  evidence?: EvidenceSource;
  indexed: IndexedArticle[];
  corpusWords?: ReadonlyMap<string, number>;
}

/** Articles whose sentences' text is kept read at once (see preparePersisted). */
const TEXTS_KEPT = 256;

/** Corpus, timeline and evidence from the analysis store (computing only new or changed articles). */
function preparePersisted(options: CreateEngineOptions & { dataDir: string }): PreparedCorpus {
  let started = 0;
  const packed = loadPackedAnalyses({
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
  // Sentences' text (for the index's first build and for quotes): a few articles' sentences are kept,
  // not their whole analyses, so a first build does not hold a thousand of them.
  const texts = new Map<string, ArticleAnalysis['sentences']>();
  const textsOf = (hash: string): ArticleAnalysis['sentences'] => {
    let sentences = texts.get(hash);
    if (!sentences) {
      if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value as string);
      sentences = packed.readOnce(hash).sentences;
      texts.set(hash, sentences);
    }
    return sentences;
  };
  const articles: Article[] = [];
  const indexed: IndexedArticle[] = [];
  let ref = 0;
  for (const { hash, summary } of packed.articles) {
    const article = articleOf(summary, ref, () => textsOf(hash));
    ref += article.sentences.length;
    articles.push(article);
    indexed.push({ id: article.id, hash, sentences: article.sentences });
  }
  let merged: TimelineEvent[] | undefined;
  const timelineEvents = (): TimelineEvent[] => {
    if (merged) return merged;
    const stored = packed.events();
    merged = mergeArticleTimelines(packed.articles.map((a, i) => eventsOf(stored.get(a.hash) ?? [], articles[i] as Article)), { entityById });
    return merged;
  };
  const eventDays = (): DatedSpan[] => packed.articles.flatMap((a) => a.summary.eventDays.map(([start, end]) => ({ start, end })));
  const evidence = packedEvidence(packed.articles, articles, packed.read, (keep) => packedStatistics(packed, keep));
  return { corpus: { articles, sentences: articles.flatMap((a) => a.sentences) }, timelineEvents, eventDays, evidence, indexed, corpusWords: packed.words };
}

/**
 * Statistics of a packed corpus without reading every analysis: all articles' term frequencies come
 * with the pack; a subset (the home region's articles) reads the smaller side, the subset or the rest.
 */
function packedStatistics(packed: PackedCorpus, keep?: (articleId: string) => boolean): CountedStatistics {
  const kept = keep ? packed.articles.filter((a) => keep(a.summary.meta.id)) : packed.articles;
  const entityFrequency = new Map<string, number>();
  let sentenceCount = 0;
  for (const { summary } of kept) {
    sentenceCount += summary.evidence.length;
    for (const item of summary.evidence) for (const id of item.e) entityFrequency.set(id, (entityFrequency.get(id) ?? 0) + 1);
  }
  if (kept.length === packed.articles.length) return { sentenceCount, documentFrequency: packed.documentFrequency, entityFrequency };
  const keptIds = new Set(kept.map((a) => a.summary.meta.id));
  const counting = kept.length <= packed.articles.length / 2;
  const documentFrequency = counting ? new Map<string, number>() : new Map(packed.documentFrequency);
  for (const { hash, summary } of packed.articles) {
    if (keptIds.has(summary.meta.id) !== counting) continue;
    const analysis = packed.readOnce(hash);
    for (const item of analysis.evidence) {
      for (const t of item.t) {
        const term = analysis.terms[t] ?? '';
        const n = (documentFrequency.get(term) ?? 0) + (counting ? 1 : -1);
        if (n > 0) documentFrequency.set(term, n);
        else documentFrequency.delete(term);
      }
    }
  }
  return { sentenceCount, documentFrequency, entityFrequency };
}

/** The files the default glossary and the concept labels are computed from, besides the pipeline's (analyze, the stemmers). */
const GLOSSARY_INPUTS = ['src/nlu/glossary.ts', 'src/nlu/concepts.ts', 'knowledge/concepts.json', 'intents/glossary.json'];

/** Adds the content of project files (paths from the root; a missing one adds nothing) to a hash. */
function hashFiles(hash: Hash, files: readonly string[]): void {
  // Through the project root: the same folder from the sources and from a bundle (scripts/run.mjs).
  const root = join(import.meta.dirname, '..', '..');
  for (const file of files) if (statSync(join(root, file), { throwIfNoEntry: false })) hash.update(readFileSync(join(root, file)));
}

/** The key of what is computed from the glossary's and the concepts' sources with this pipeline (hashed once). */
let glossaryFingerprint: string | undefined;

function glossaryKey(): string {
  if (glossaryFingerprint === undefined) {
    const hash = createHash('sha256').update(pipelineFingerprint());
    hashFiles(hash, GLOSSARY_INPUTS);
    glossaryFingerprint = hash.digest('hex').slice(0, 16);
  }
  return glossaryFingerprint;
}

/**
 * The default glossary's compiled table, kept for this pipeline and these glossary sources: compiling
 * it analyses every key and target, about half a second of every start.
 */
function glossaryStore(cacheDir: string): GlossaryStore {
  return keyedCache<CompiledGlossary>(join(cacheDir, 'glossary.json'), glossaryKey());
}

/** The concept labeller, its analysed forms kept like the glossary (about a tenth of a second each start). */
function cachedConceptLabeller(cacheDir: string): (terms: ReadonlySet<string>) => string[] {
  const cache = keyedCache<ConceptOwners>(join(cacheDir, 'concept-labels.json'), glossaryKey());
  let owners = cache.load();
  if (!owners) {
    owners = conceptOwners(defaultConcepts(), analyze);
    cache.save(owners);
  }
  return labellerOf(owners);
}

/** The plural table as built, kept for this pipeline, this table file and the code that builds it. */
function pluralTableStore(cacheDir: string): PluralTableStore {
  const hash = createHash('sha256').update(pipelineFingerprint());
  hashFiles(hash, ['src/nlu/plurals.ts', 'knowledge/ar-plurals.tsv']);
  return keyedCache<CompiledPluralTable>(join(cacheDir, 'plural-table.json'), hash.digest('hex').slice(0, 16));
}

/**
 * Intent profiles from the cache directory when the examples and the knowledge they are read with
 * are unchanged; computed (about a second) and stored otherwise.
 */
function cachedIntentProfiles(cacheDir: string, parts: EngineParts): IntentProfiles {
  const hash = createHash('sha256').update(glossaryKey()).update(JSON.stringify(parts.intentExamples));
  hashFiles(hash, ['src/answer/intent-profile.ts', 'src/answer/engine.ts']);
  const cache = keyedCache<[IntentName, string[]][]>(join(cacheDir, 'intent-profiles.json'), hash.digest('hex').slice(0, 16));
  const cached = cache.load();
  if (cached) return new Map(cached.map(([intent, terms]) => [intent, new Set(terms)]));
  const profiles = intentProfilesFor(parts);
  cache.save([...profiles].map(([intent, terms]) => [intent, [...terms]]));
  return profiles;
}

/** The dictionary's analysed Arabic terms, kept for this pipeline and this dictionary file. */
function dictionaryTermStore(cacheDir: string): ArabicTermStore {
  const file = statSync(BILINGUAL_LEXICON_FILE, { throwIfNoEntry: false });
  const key = `${pipelineFingerprint()}:${file?.size ?? 0}:${file?.mtimeMs ?? 0}`;
  return keyedCache<readonly string[]>(join(cacheDir, 'dictionary-terms.json'), key);
}

function prepareInMemory(options: CreateEngineOptions): PreparedCorpus {
  const corpus = loadCorpus(options.corpusDir);
  const events = buildTimeline(corpus, { matchEntities, entityById });
  const timelineEvents = (): TimelineEvent[] => events;
  const eventDays = (): DatedSpan[] => events;
  const indexed = corpus.articles.map((article) => ({
    id: article.id,
    hash: '',
    sentences: article.sentences,
  }));
  return { corpus, timelineEvents, eventDays, indexed };
}

/** Loads the corpus, loads or trains the intent model, builds the timeline and the engine. */
export async function createEngine(options: CreateEngineOptions): Promise<ExplainableEngine> {
  // The dictionary (86,000 entries) is parsed at the first English question, not at start; a missing
  // file still fails the start.
  if (options.bilingual === undefined) accessSync(BILINGUAL_LEXICON_FILE);
  let parsed: BilingualLexicon | undefined;
  const given = options.bilingual;
  const arabicTerms = options.cacheDir === undefined ? undefined : dictionaryTermStore(options.cacheDir);
  const bilingual = given === null ? null : () => (given ?? (parsed ??= loadBilingualLexicon(BILINGUAL_LEXICON_FILE, { arabicTerms })));
  // The plural table is read at the first question too (its words are analysed then).
  if (options.plurals === undefined) accessSync(PLURAL_TABLE_FILE);
  let pluralTable: PluralTable | undefined;
  const pluralStore = (): PluralTableStore | undefined => (options.cacheDir === undefined ? undefined : pluralTableStore(options.cacheDir));
  const plurals = options.plurals === null ? null : () => (options.plurals ?? (pluralTable ??= loadPluralTable(PLURAL_TABLE_FILE, pluralStore())));
  const { dataDir } = options;
  const { corpus, timelineEvents, eventDays, evidence, indexed, corpusWords } = dataDir === undefined ? prepareInMemory(options) : preparePersisted({ ...options, dataDir });
  // Built here, with its cache, before the intent model (which reads it) or a question can.
  if (options.cacheDir !== undefined) defaultGlossaryInstance(glossaryStore(options.cacheDir));
  const model = await loadOrTrainIntentModel({ cacheFile: options.cacheDir ? join(options.cacheDir, 'intent-model.json') : undefined });
  // "Now" for relative dates is the newest article's day; an empty corpus has none, so today.
  const latest = corpus.articles.reduce<string | undefined>((d, a) => (d === undefined || a.published > d ? a.published : d), undefined);
  const parentOf = (id: string): string | undefined => entityById(id)?.parent;
  const homeRegion = options.homeRegion === undefined ? undefined : resolveHomeRegion(options.homeRegion, { matchEntities, parentOf, placeType: (id) => entityById(id)?.type });
  const index = options.openIndex?.(indexed);
  // Built at the first date question, not at start.
  let calendar: EventCalendar<DatedSpan> | undefined;
  const eventCalendar = (): EventCalendar<DatedSpan> => (calendar ??= new EventCalendar(eventDays()));
  const parts: EngineParts = {
    classifyIntent: async (text) => {
      const result = classifyIntent(model, text);
      return { intent: result.intent, score: result.score };
    },
    matchEntities,
    parentOf,
    entityTerms,
    expandQuery: (text, lang: Language) => expandQuery(text, lang),
    pluralPartners: plurals ? (text) => plurals().expand(text) : undefined,
    glossaryHits: (text) => defaultGlossaryInstance().lookup(text),
    get timelineEvents() {
      return timelineEvents();
    },
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
      concepts: options.cacheDir === undefined ? conceptLabeller(defaultConcepts(), analyze) : cachedConceptLabeller(options.cacheDir),
    },
    translateEnglish: bilingual ? (text) => bilingual().translate(text) : undefined,
    knowsArabicWord: bilingual ? (word) => bilingual().knowsArabic(word) : undefined,
    nameFinder: bilingual ? (words) => { const find = corpusNameFinder(bilingual(), words); return (latin) => find(latin, false); } : undefined,
    timeFlags: (question, lang) => questionTimeFlags(question, { now: latest, lang }),
    parseQuestionDate: (question, lang) => {
      const date = parseQuestionDate(question, { now: latest, lang, calendar: eventCalendar });
      return date && { label: date.label, matches: (event) => questionDateMatches(date, event), lookup: (calendar) => questionDateEvents(date, calendar) };
    },
  };
  const intentProfiles = options.cacheDir ? cachedIntentProfiles(options.cacheDir, parts) : undefined;
  return buildEngine(
    corpus,
    parts,
    options.ranking ?? DEFAULT_RANKING,
    { evidence, index, homeRegion, intentProfiles, corpusWords },
  );
}
