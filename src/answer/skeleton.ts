/**
 * A second, coarser form of an Arabic word for matching questions to sentences: its consonant
 * skeleton. Light stemming is inconsistent across a word's forms (يتبع / التابعة, تعزيزات /
 * تعزز, the article's typo الموجهات / المواجهات); with proclitics, common suffixes, the
 * present-tense prefix and internal long vowels removed, such forms meet.
 */
import { normalizeArabic, stripClitics } from '../text/arabic.ts';

const ARABIC_WORD = /^\p{Script=Arabic}+$/u;
// Longest first: pronoun, plural, dual and feminine endings, and the past-tense feminine ت.
const SUFFIXES = ['تهما', 'اتها', 'اتهم', 'تها', 'تهم', 'تين', 'تان', 'ات', 'ان', 'ين', 'ون', 'وا', 'ها', 'هم', 'نا', 'ته', 'يه', 'ه', 'ي', 'ت'];
const MIN_SKELETON = 3;

// Endings only nouns take: a word with one of them does not start with a verb prefix (يدويتين).
const NOUN_SUFFIXES = new Set(['اتها', 'اتهم', 'تين', 'تان', 'ات', 'ين', 'ه', 'يه']);

function skeletonOf(form: string, isNoun: boolean): string | null {
  for (const suffix of SUFFIXES) {
    if (form.endsWith(suffix) && form.length - suffix.length >= MIN_SKELETON) {
      form = form.slice(0, -suffix.length);
      if (NOUN_SUFFIXES.has(suffix)) isNoun = true;
      break;
    }
  }
  // يـ / تـ start present-tense verbs; a word that had the article is a noun (التابع keeps its ت).
  if (!isNoun && /^[يت][^ا]/.test(form) && form.length >= 4) form = form.slice(1);
  // Long vowels after the first letter are pattern, not root: تابع → تبع, مواجه → مجه; so is the
  // alef that opens a form-IV verb (اصدرت / صادر).
  if (/^ا/.test(form) && form.length >= 4) form = form.slice(1);
  const core = form[0] + form.slice(1).replace(/[اوي]/g, '');
  return core.length >= MIN_SKELETON ? `~${core}` : null;
}

/**
 * The consonant skeletons of an Arabic word (with and without its proclitics, since a leading
 * و ب ل ف ك may be part of the word: وطني), each prefixed with "~"; empty for other words.
 */
export function skeletons(word: string): string[] {
  const form = normalizeArabic(word);
  if (!ARABIC_WORD.test(form)) return [];
  const stripped = stripClitics(form);
  const hadArticle = /^(?:[وفبكل]?ال|لل)/.test(form) && stripped !== form;
  const forms = new Set<string>();
  const maybeWordInitial = stripped !== form && !hadArticle;
  for (const candidate of [skeletonOf(stripped, hadArticle), maybeWordInitial ? skeletonOf(form, false) : null]) {
    if (candidate) forms.add(candidate);
  }
  return [...forms];
}
