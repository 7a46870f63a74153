/**
 * A BM25 sentence index (lunr) over the project's own Arabic/English analysis pipeline.
 *
 * Documents are tokenised with our tokenizer and go through registered lunr pipeline functions
 * (analysis, phrases, answer-type markers), so a serialised index names those functions and loads
 * back with identical results. Questions never reach lunr's query parser: they are analysed by the
 * same pipeline and turned into term clauses with `index.query`.
 *
 * Fields: `text` (the Arabic sentence), `english` (its English rendering, when there is one) and
 * `grams` (character 3-grams of the Arabic words, low weight, for typos and derivations).
 */
import lunr from 'lunr';
import { analyzeToken, analyzeWithSurface } from '../text/analyze.ts';
import { tokenize } from '../text/tokenize.ts';
import { answerTypeMarkers } from './answer-type.ts';
import {
  DEFAULT_QUERY_WEIGHTS,
  EXACT_PREFIX,
  PHRASE_JOINER,
  charGrams,
  exactTerm,
  isPlainTerm,
  queryClauses,
  type QueryField,
  type QueryWeights,
} from './index-terms.ts';
import type { SentenceSearchIndex } from './types.ts';

/** One sentence to index: its numeric reference, Arabic text and optional English rendering. */
export interface SentenceDoc {
  ref: number;
  text: string;
  english?: string | null;
}

/** Build-time tuning. Defaults are the values measured best on the ARCD training half. */
export interface SentenceIndexOptions {
  /** BM25 term-frequency saturation (lunr default 1.2). */
  k1?: number;
  /**
   * BM25 length normalisation (lunr default 0.75). 0 measures best: answer sentences are often
   * long, and normalising by length hands the win to short sentences sharing one word.
   */
  b?: number;
  /** Field weights, each > 0 (defaults: text 1, english 1, grams 0.15). */
  fieldBoosts?: Partial<Record<Field, number>>;
}

export interface SearchOptions {
  /** Maximum number of hits (default 10). */
  limit?: number;
  /** Extra multiplicative boosts for analysed terms (e.g. entity or glossary terms). */
  boosts?: Record<string, number>;
  /** Extra words or phrases to add to the query; they are analysed like the question. */
  extraTerms?: string[];
  /** Relative weights of the clause kinds (defaults: DEFAULT_QUERY_WEIGHTS). */
  weights?: Partial<QueryWeights>;
  /**
   * Share of a hit's score that depends on how many of the query's analysed terms it holds
   * (0: plain BM25; 1: score × matched share; default DEFAULT_COVERAGE).
   */
  coverage?: number;
  /**
   * In how many sentences an analysed term occurs, when the caller knows (the engine's statistics):
   * lets a persisted index skip its own look-ups. lunr does not need it.
   */
  documentFrequency?: (term: string) => number;
}

export interface SentenceHit {
  ref: number;
  score: number;
  /** The analysed index terms that matched in this sentence (fuzzy expansions included). */
  matchedTerms: string[];
}

export class SentenceIndexLoadError extends Error {
  override readonly name = 'SentenceIndexLoadError';
}

export type Field = 'text' | 'english' | 'grams';
const WORD_FIELDS: readonly Field[] = ['text', 'english'];
const DEFAULT_FIELD_BOOSTS: Readonly<Record<Field, number>> = { text: 1, english: 1, grams: 0.15 };
// Low saturation: a question word repeated in a sentence adds little (measured: 0.25–0.35 a plateau on XQuAD and ARCD).
const DEFAULT_K1 = 0.3;
const DEFAULT_B = 0;
/** Measured on XQuAD/ARCD: lifts global top-1, paragraph top-1 level; larger values start to cost. */
export const DEFAULT_COVERAGE = 0.3;

/** Serialised form: a format tag and version around lunr's own JSON, so stale files are refused. */
const FORMAT = 'qamishli-sentence-index';
const VERSION = 1;
interface SerialisedIndex {
  format: typeof FORMAT;
  version: number;
  lunr: object;
}

interface FieldMetadata {
  fields?: string[];
}

function fieldOf(token: lunr.Token): string | undefined {
  return ((token as unknown as { metadata: FieldMetadata }).metadata.fields ?? [])[0];
}

/**
 * Pipeline step 1. Word fields: surface token → analysed term plus its exact form (or dropped when
 * it is a function word). Grams field: surface token → its character 3-grams.
 */
const analyzeStep: lunr.PipelineFunction = (token) => {
  const surface = token.toString();
  const term = analyzeToken(surface);
  if (term === null) return null;
  if (fieldOf(token) === 'grams') return charGrams(surface).map((gram) => token.clone(() => gram));
  return [token.clone(() => term), token.clone(() => exactTerm(surface))];
};

/** Pipeline step 2 (word fields): each analysed term also yields the phrase it forms with the next. */
const phraseStep: lunr.PipelineFunction = (token, i, tokens) => {
  const term = token.toString();
  if (fieldOf(token) === 'grams' || term.startsWith(EXACT_PREFIX)) return token;
  let next = tokens[i + 1];
  if (next?.toString().startsWith(EXACT_PREFIX)) next = tokens[i + 2];
  if (!next) return token;
  return [token, token.clone(() => term + PHRASE_JOINER + next.toString())];
};

/** Pipeline step 3 (word fields): dates and numbers also yield answer-type marker terms. */
const answerTypeStep: lunr.PipelineFunction = (token) => {
  const term = token.toString();
  if (fieldOf(token) === 'grams' || !isPlainTerm(term)) return token;
  const markers = answerTypeMarkers(term);
  return markers.length === 0 ? token : [token, ...markers.map((marker) => token.clone(() => marker))];
};

const PIPELINE: readonly (readonly [lunr.PipelineFunction, string])[] = [
  [analyzeStep, 'qamishli-analyze-v1'],
  [phraseStep, 'qamishli-phrases-v1'],
  [answerTypeStep, 'qamishli-answer-types-v1'],
];

let registered = false;
/** Registers the pipeline functions with lunr once, on first build or load (not at import). */
function ensureRegistered(): void {
  if (registered) return;
  for (const [fn, label] of PIPELINE) lunr.Pipeline.registerFunction(fn, label);
  registered = true;
}

/** Surface tokens as lunr tokens, carrying position and field so the pipeline can tell fields apart. */
function lunrTokenizer(value: unknown, metadata?: FieldMetadata): lunr.Token[] {
  if (typeof value !== 'string' || value.length === 0) return [];
  return tokenize(value).map((word, index) => new lunr.Token(word, { index, fields: metadata?.fields }));
}

function isSerialisedIndex(value: unknown): value is SerialisedIndex {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SerialisedIndex>;
  return candidate.format === FORMAT && typeof candidate.lunr === 'object' && candidate.lunr !== null;
}

export class SentenceIndex implements SentenceSearchIndex {
  readonly kind = 'lunr';
  /** The documents, kept only by indexes built here, so add() can rebuild (lunr indexes are immutable). */
  private docs: SentenceDoc[] | null = null;
  private refs: Set<number> | null = null;
  private options: SentenceIndexOptions = {};

  private constructor(private index: lunr.Index) {}

  get size(): number {
    return this.refs?.size ?? Object.keys((this.index as unknown as { documentVectors?: object }).documentVectors ?? {}).length;
  }

  has(ref: number): boolean {
    return this.refs ? this.refs.has(ref) : (this.index as unknown as { documentVectors?: Record<string, unknown> }).documentVectors?.[String(ref)] !== undefined;
  }

  /**
   * lunr cannot add to a built index: this rebuilds over the kept documents plus the new ones, which is
   * why the persisted FTS5 index takes over beyond small corpora (see README "Scale").
   */
  add(docs: readonly SentenceDoc[]): void {
    if (!this.docs) throw new SentenceIndexLoadError('a loaded lunr index cannot be added to: rebuild it from the corpus');
    const fresh = docs.filter((doc) => !this.refs?.has(doc.ref));
    if (fresh.length === 0) return;
    const rebuilt = SentenceIndex.build([...this.docs, ...fresh], this.options);
    this.index = rebuilt.index;
    this.docs = rebuilt.docs;
    this.refs = rebuilt.refs;
  }

  close(): void {}

  /** Builds an index over sentences; the Arabic text and English rendering are separate fields. */
  static build(docs: readonly SentenceDoc[], options: SentenceIndexOptions = {}): SentenceIndex {
    ensureRegistered();
    const boosts = { ...DEFAULT_FIELD_BOOSTS, ...options.fieldBoosts };
    for (const [field, boost] of Object.entries(boosts)) {
      // lunr reads a zero boost as "no boost" (1), so a zero would silently mean the opposite.
      if (!(boost > 0)) throw new RangeError(`field boost for "${field}" must be > 0, got ${boost}`);
    }
    const index = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      for (const [fn] of PIPELINE) {
        this.pipeline.add(fn);
        this.searchPipeline.add(fn);
      }
      (this as unknown as { tokenizer: typeof lunrTokenizer }).tokenizer = lunrTokenizer;
      this.k1(options.k1 ?? DEFAULT_K1);
      this.b(options.b ?? DEFAULT_B);
      this.ref('ref');
      this.field('text', { boost: boosts.text });
      this.field('english', { boost: boosts.english });
      this.field('grams', { boost: boosts.grams, extractor: (doc) => (doc as { text: string }).text });
      this.metadataWhitelist = ['index'];
      for (const doc of docs) {
        this.add({ ref: String(doc.ref), text: doc.text, english: doc.english ?? '' });
      }
    });
    const built = new SentenceIndex(index);
    built.docs = [...docs];
    built.refs = new Set(docs.map((doc) => doc.ref));
    built.options = options;
    return built;
  }

  /** Loads an index produced by toJSON(); throws SentenceIndexLoadError for anything else. */
  static load(serialised: unknown): SentenceIndex {
    ensureRegistered();
    if (!isSerialisedIndex(serialised)) {
      throw new SentenceIndexLoadError(`not a serialised sentence index (expected format "${FORMAT}")`);
    }
    if (serialised.version !== VERSION) {
      throw new SentenceIndexLoadError(`sentence index version ${String(serialised.version)} cannot be read (this build reads ${VERSION}); rebuild it`);
    }
    try {
      return new SentenceIndex(lunr.Index.load(serialised.lunr));
    } catch (error) {
      throw new SentenceIndexLoadError('cannot load the serialised sentence index', { cause: error });
    }
  }

  /** A JSON-serialisable form of the index (format tag, version, lunr index). */
  toJSON(): unknown {
    const serialised: SerialisedIndex = { format: FORMAT, version: VERSION, lunr: this.index.toJSON() };
    return serialised;
  }

  /**
   * Ranks sentences for a question: best first, ties to the lower ref (callers number sentences
   * in reading order, so a tie goes to the earlier sentence). Never throws on user text.
   */
  search(question: string, options: SearchOptions = {}): SentenceHit[] {
    const limit = options.limit ?? 10;
    if (limit <= 0) return [];
    const extra = (options.extraTerms ?? []).flatMap((text) => analyzeWithSurface(text));
    const weights = { ...DEFAULT_QUERY_WEIGHTS, ...options.weights };
    const clauses = queryClauses(question, extra, options.boosts ?? {}, weights);
    if (clauses.length === 0) return [];

    const fieldsOf = (field: QueryField): string[] => (field === 'grams' ? ['grams'] : [...WORD_FIELDS]);
    const results = this.index.query((query) => {
      for (const clause of clauses) {
        query.term(clause.term, {
          usePipeline: false,
          fields: fieldsOf(clause.field),
          boost: clause.boost,
          presence: lunr.Query.presence.OPTIONAL,
          ...(clause.editDistance ? { editDistance: clause.editDistance } : {}),
        });
      }
    });

    // Coordination: BM25 sums term scores, so one rare word repeated across a long sentence can beat a
    // sentence holding most of the question's words; scale each score by the share of the query's
    // analysed terms the sentence holds (Lucene's classic coord factor, softened by options.coverage).
    const queryTerms = new Set(clauses.filter((c) => c.field === 'words' && !c.editDistance && isPlainTerm(c.term)).map((c) => c.term));
    const coverage = options.coverage ?? DEFAULT_COVERAGE;
    return results
      .map((result) => {
        const matchedTerms = Object.entries(result.matchData.metadata)
          .filter(([term, byField]) => isPlainTerm(term) && WORD_FIELDS.some((field) => field in byField))
          .map(([term]) => term);
        const share = queryTerms.size === 0 ? 1 : matchedTerms.filter((term) => queryTerms.has(term)).length / queryTerms.size;
        return { ref: Number(result.ref), score: result.score * (1 - coverage + coverage * share), matchedTerms };
      })
      .sort((a, b) => b.score - a.score || a.ref - b.ref)
      .slice(0, limit);
  }
}
