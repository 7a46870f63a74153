/**
 * The one analysis pipeline used for corpus sentences and for questions alike.
 */
import { normalizeArabic, stemArabic, stripClitics } from './arabic.ts';
import { isArabicStopword, isEnglishStopword } from './stopwords.ts';
import { tokenize } from './tokenize.ts';
import { stemEnglish } from './english.ts';
import { boundedMemo } from './memo.ts';

/** One analysed word: its surface form in the text and the index term it became. */
export interface AnalyzedToken {
  surface: string;
  term: string;
}

const HAS_ARABIC = /\p{Script=Arabic}/u;
const HAS_LATIN = /\p{Script=Latin}/u;
/** Single-letter proclitics that may hide a function word behind them (وهو، فهذا، بذلك). */
const SINGLE_PROCLITIC = /^[وفبكل]/;


function isArabicFunctionWord(normalised: string): boolean {
  if (isArabicStopword(normalised)) return true;
  if (SINGLE_PROCLITIC.test(normalised) && isArabicStopword(normalised.slice(1))) return true;
  return isArabicStopword(stripClitics(normalised));
}

/**
 * Longer "words" are glued junk (repeated letters, base64, URLs without punctuation): no real
 * Arabic or English word comes near, and a giant term would make fuzzy matching explode.
 */
export const MAX_WORD_LENGTH = 40;

/**
 * Joins the analysed words of a many-word rendering (وقف إطلاق النار → وقف&اطلاق&نار) into one term
 * that matches a sentence only when every word is there, never one word alone. Never produced by
 * analysis itself, so it cannot collide with a word.
 */
export const PHRASE_JOINER = '&';

/** One surface token's index term, or null when it carries no content (kept: words repeat, the stemmer is slow). */
export const analyzeToken: (surface: string) => string | null = boundedMemo(analyzeTokenNow, 200_000);

/** Analyses one surface token into its index term, or null when it carries no content. */
function analyzeTokenNow(surface: string): string | null {
  if (surface.length > MAX_WORD_LENGTH) return null;
  const normalised = normalizeArabic(surface);
  if (normalised.length === 0) return null;
  if (HAS_ARABIC.test(normalised)) {
    if (normalised.length < 2 || isArabicFunctionWord(normalised)) return null;
    const stem = stemArabic(surface);
    return stem.length > 0 ? stem : null;
  }
  if (HAS_LATIN.test(normalised)) {
    if (normalised.length < 2 || isEnglishStopword(normalised)) return null;
    return stemEnglish(normalised);
  }
  return normalised; // numbers and other scripts are kept as they are
}

/** Analyses text into surface/term pairs, in order, dropping function words. */
export function analyzeWithSurface(text: string): AnalyzedToken[] {
  const result: AnalyzedToken[] = [];
  for (const surface of tokenize(text)) {
    const term = analyzeToken(surface);
    if (term !== null) result.push({ surface, term });
  }
  return result;
}

/**
 * Analyses text into index terms: normalise, tokenise, drop stopwords (Arabic, Levantine and
 * English), stem Arabic words with clitic stripping + Snowball, English words with Porter2.
 */
export function analyze(text: string): string[] {
  return analyzeWithSurface(text).map((t) => t.term);
}
