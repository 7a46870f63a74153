/**
 * The extra index terms the sentence index adds next to the analysed (stemmed) terms, and the
 * query clauses built from a question. Kept apart from the lunr wiring so they can be unit-tested.
 *
 * - exact form: the normalised word without proclitics, before stemming ("=" prefix). A question
 *   that repeats the sentence's own word form scores above one that only shares the stem.
 * - phrase: two adjacent analysed terms joined by a space, rewarding word order and proximity.
 * - answer-type marker: "#date" / "#number" (see answer-type.ts).
 * - character 3-grams of the exact form, in their own low-weight field: they catch typos and
 *   derivations that stemming splits (استضافة / تستضيف, الموجهات / المواجهات).
 * None of these prefixes or the space can occur inside an analysed term (tokens are letters,
 * marks and digits only), so the kinds never collide.
 */
import { normalizeArabic, stripClitics } from '../text/arabic.ts';
import { analyzeWithSurface, type AnalyzedToken } from '../text/analyze.ts';
import { ANSWER_TYPE_MARKER, questionAnswerType } from './answer-type.ts';

export const EXACT_PREFIX = '=';
export const PHRASE_JOINER = ' ';
const GRAM_SIZE = 3;

/** The exact-form term of a surface word. */
export function exactTerm(surface: string): string {
  return EXACT_PREFIX + stripClitics(normalizeArabic(surface));
}

/** Character 3-grams of a surface word's exact form (the whole form when it is shorter). */
export function charGrams(surface: string): string[] {
  const form = stripClitics(normalizeArabic(surface));
  if (form.length <= GRAM_SIZE) return [form];
  const grams: string[] = [];
  for (let i = 0; i + GRAM_SIZE <= form.length; i++) grams.push(form.slice(i, i + GRAM_SIZE));
  return grams;
}

/** True for the plain analysed terms (not exact forms, phrases or markers). */
export function isPlainTerm(term: string): boolean {
  return !term.startsWith(EXACT_PREFIX) && !term.startsWith('#') && !term.includes(PHRASE_JOINER);
}

/** Relative weights of the clause kinds inside one query. */
export interface QueryWeights {
  /** Edit-distance-1 clauses for long Arabic terms and word forms (typos); 0 turns them off. */
  fuzzy: number;
  /** Exact word form. */
  exact: number;
  /** Adjacent-term phrase. */
  phrase: number;
  /** Answer-type marker for "when" / "how many" questions. */
  answerType: number;
}

export const DEFAULT_QUERY_WEIGHTS: Readonly<QueryWeights> = { fuzzy: 0.3, exact: 0.3, phrase: 0.3, answerType: 1 };

/** Arabic terms at least this long also get the fuzzy clause (shorter ones match too much). */
const FUZZY_MIN_LENGTH = 5;
/**
 * A question's first this-many distinct content words make the query: enough for any real
 * question, and a bound on the work a pasted 10,000-character message can cause.
 */
export const MAX_QUERY_WORDS = 64;
const HAS_ARABIC = /\p{Script=Arabic}/u;

export type QueryField = 'words' | 'grams';

/** The first MAX_QUERY_WORDS tokens with distinct surfaces, in order. */
function distinctPrefix(tokens: readonly AnalyzedToken[]): AnalyzedToken[] {
  const seen = new Set<string>();
  const kept: AnalyzedToken[] = [];
  for (const token of tokens) {
    if (kept.length >= MAX_QUERY_WORDS) break;
    if (seen.has(token.surface)) continue;
    seen.add(token.surface);
    kept.push(token);
  }
  return kept;
}

/** One lunr term clause, with the field group it searches. */
export interface QueryClause {
  term: string;
  field: QueryField;
  boost: number;
  editDistance?: number;
}

/**
 * The clauses for a question: each analysed term (times its extra boost), its exact form, a fuzzy
 * variant for long Arabic terms, adjacent-term phrases of the question, the answer-type marker,
 * and the character 3-grams. `extra` tokens (from extraTerms) join the term list.
 */
export function queryClauses(
  question: string,
  extra: readonly AnalyzedToken[],
  boosts: Readonly<Record<string, number>>,
  weights: Readonly<QueryWeights>,
): QueryClause[] {
  const questionTokens = distinctPrefix(analyzeWithSurface(question));
  const tokens = distinctPrefix([...questionTokens, ...extra]);
  const clauses: QueryClause[] = [];
  for (const { surface, term } of tokens) {
    const boost = boosts[term] ?? 1;
    clauses.push({ term, field: 'words', boost });
    const exact = exactTerm(surface);
    if (weights.exact > 0) clauses.push({ term: exact, field: 'words', boost: boost * weights.exact });
    if (weights.fuzzy > 0 && HAS_ARABIC.test(term)) {
      // One edit on the stem or on the word form: the form catches typos the stemmer then splits
      // further (تنقيذ / تنفيذ), the stem catches typos in inflected words.
      if (term.length >= FUZZY_MIN_LENGTH) clauses.push({ term, field: 'words', boost: boost * weights.fuzzy, editDistance: 1 });
      if (exact.length - EXACT_PREFIX.length >= FUZZY_MIN_LENGTH) {
        clauses.push({ term: exact, field: 'words', boost: boost * weights.fuzzy, editDistance: 1 });
      }
    }
    for (const gram of charGrams(surface)) clauses.push({ term: gram, field: 'grams', boost });
  }
  if (weights.phrase > 0) {
    for (let i = 0; i + 1 < questionTokens.length; i++) {
      const phrase = (questionTokens[i] as AnalyzedToken).term + PHRASE_JOINER + (questionTokens[i + 1] as AnalyzedToken).term;
      clauses.push({ term: phrase, field: 'words', boost: weights.phrase });
    }
  }
  const answerType = questionAnswerType(question);
  if (answerType && weights.answerType > 0) {
    clauses.push({ term: ANSWER_TYPE_MARKER[answerType], field: 'words', boost: weights.answerType });
  }
  return clauses;
}

/** The index terms of one document field, by kind, exactly as the lunr pipeline makes them. */
export interface DocumentTerms {
  /** Analysed terms and the answer-type markers they stand for. */
  words: string[];
  /** Exact forms ("=" prefix). */
  exact: string[];
  /** Adjacent analysed-term phrases (joined by PHRASE_JOINER). */
  phrases: string[];
  /** Character 3-grams of the kept words. */
  grams: string[];
}

/**
 * The terms a document's text yields, for indexes that take pre-analysed terms (SQLite FTS5):
 * the same analysed terms, exact forms, phrases, markers and grams as the lunr pipeline.
 */
export function documentTerms(text: string, markersOf: (term: string) => string[], withGrams = true): DocumentTerms {
  const out: DocumentTerms = { words: [], exact: [], phrases: [], grams: [] };
  const tokens = analyzeWithSurface(text);
  tokens.forEach(({ surface, term }, i) => {
    out.words.push(term, ...markersOf(term));
    out.exact.push(exactTerm(surface));
    const next = tokens[i + 1];
    if (next) out.phrases.push(term + PHRASE_JOINER + next.term);
    if (withGrams) out.grams.push(...charGrams(surface));
  });
  return out;
}
