/**
 * A BM25 sentence index (lunr) over the project's own Arabic/English analysis pipeline.
 *
 * Documents are tokenised with our tokenizer and every token goes through one registered lunr
 * pipeline function, so a serialised index names that function and loads back with identical
 * results. Questions never reach lunr's query parser: they are analysed with the same pipeline
 * and turned into term clauses with `index.query`.
 */
import lunr from 'lunr';
import { analyzeToken, analyzeWithSurface } from '../text/analyze.ts';
import { tokenize } from '../text/tokenize.ts';

/** One sentence to index: its numeric reference, Arabic text and optional English rendering. */
export interface SentenceDoc {
  ref: number;
  text: string;
  english?: string | null;
}

/** Build-time tuning. Defaults are the values measured best on the ARCD training half. */
export interface SentenceIndexOptions {
  /** BM25 term-frequency saturation. */
  k1?: number;
  /** BM25 length normalisation (0 = none, 1 = full). */
  b?: number;
  /** Weight of the Arabic text field. */
  textBoost?: number;
  /** Weight of the English rendering field. */
  englishBoost?: number;
}

export interface SearchOptions {
  /** Maximum number of hits (default 10). */
  limit?: number;
  /** Extra multiplicative boosts for analysed terms (e.g. entity or glossary terms). */
  boosts?: Record<string, number>;
  /** Extra raw words or phrases to add to the query; they are analysed like the question. */
  extraTerms?: string[];
}

export interface SentenceHit {
  ref: number;
  score: number;
  /** The index terms that matched in this sentence. */
  matchedTerms: string[];
}

export class SentenceIndexLoadError extends Error {
  override readonly name = 'SentenceIndexLoadError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const PIPELINE_LABEL = 'qamishli-analyze';
const FIELDS = ['text', 'english'] as const;
const DEFAULTS: Required<SentenceIndexOptions> = { k1: 1.2, b: 0.75, textBoost: 1, englishBoost: 1 };
/** Arabic terms at least this long also get an edit-distance-1 clause, to catch typos. */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_BOOST = 0.3;

/** The lunr pipeline function: one surface token in, its analysed term out (or dropped). */
const analyzePipelineFunction: lunr.PipelineFunction = (token) => {
  const term = analyzeToken(token.toString());
  return term === null ? null : token.update(() => term);
};

let registered = false;
/** Registers the pipeline function with lunr once, on first build or load (not at import). */
function ensureRegistered(): void {
  if (registered) return;
  lunr.Pipeline.registerFunction(analyzePipelineFunction, PIPELINE_LABEL);
  registered = true;
}

/** Surface tokens as lunr tokens, with positions so lunr can report where terms matched. */
function lunrTokenizer(value: unknown): lunr.Token[] {
  if (typeof value !== 'string' || value.length === 0) return [];
  return tokenize(value).map((word, index) => new lunr.Token(word, { index }));
}

const HAS_ARABIC = /\p{Script=Arabic}/u;

export class SentenceIndex {
  private constructor(private readonly index: lunr.Index) {}

  /** Builds an index over sentences; the Arabic text and English rendering are separate fields. */
  static build(docs: readonly SentenceDoc[], options: SentenceIndexOptions = {}): SentenceIndex {
    ensureRegistered();
    const settings = { ...DEFAULTS, ...options };
    const index = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.pipeline.add(analyzePipelineFunction);
      this.searchPipeline.add(analyzePipelineFunction);
      (this as unknown as { tokenizer: typeof lunrTokenizer }).tokenizer = lunrTokenizer;
      this.k1(settings.k1);
      this.b(settings.b);
      this.ref('ref');
      this.field('text', { boost: settings.textBoost });
      this.field('english', { boost: settings.englishBoost });
      this.metadataWhitelist = ['index'];
      for (const doc of docs) {
        this.add({ ref: String(doc.ref), text: doc.text, english: doc.english ?? '' });
      }
    });
    return new SentenceIndex(index);
  }

  /** Loads an index produced by toJSON(). */
  static load(serialised: unknown): SentenceIndex {
    ensureRegistered();
    try {
      return new SentenceIndex(lunr.Index.load(serialised as object));
    } catch (error) {
      throw new SentenceIndexLoadError('cannot load the serialised sentence index', { cause: error });
    }
  }

  /** A JSON-serialisable form of the index. */
  toJSON(): unknown {
    return this.index.toJSON();
  }

  /**
   * Ranks sentences for a question. The question is analysed by the shared pipeline and each term
   * becomes an optional clause; longer Arabic terms add a low-boost edit-distance-1 clause.
   * Never throws on user text.
   */
  search(question: string, options: SearchOptions = {}): SentenceHit[] {
    const limit = options.limit ?? 10;
    const boosts = options.boosts ?? {};
    const terms = analyzeWithSurface(question).map((t) => t.term);
    for (const extra of options.extraTerms ?? []) terms.push(...analyzeWithSurface(extra).map((t) => t.term));
    if (terms.length === 0 || limit <= 0) return [];

    const results = this.index.query((q) => {
      for (const term of terms) {
        const boost = boosts[term] ?? 1;
        q.term(term, { usePipeline: false, boost, presence: lunr.Query.presence.OPTIONAL, fields: [...FIELDS] });
        if (term.length >= FUZZY_MIN_LENGTH && HAS_ARABIC.test(term)) {
          q.term(term, {
            usePipeline: false,
            boost: boost * FUZZY_BOOST,
            editDistance: 1,
            presence: lunr.Query.presence.OPTIONAL,
            fields: ['text'],
          });
        }
      }
    });

    return results.slice(0, limit).map((result) => ({
      ref: Number(result.ref),
      score: result.score,
      matchedTerms: Object.keys(result.matchData.metadata),
    }));
  }
}
