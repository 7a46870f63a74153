/**
 * Arabic normalisation, clitic stripping and light stemming.
 *
 * The same functions run on corpus sentences and on user questions, so what matters most is that
 * the two sides agree (consistent conflation), not that a stem is the linguistically correct root.
 */
import { createRequire } from 'node:module';
import { boundedMemo } from './memo.ts';

/** Harakat, tanween, shadda, sukun, superscript alef and the Quranic annotation marks. */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
const TANWEEN_ALEF = /(\p{Script=Arabic}{4,})(?:\u064B\u0627|\u0627\u064B)(?!\p{Script=Arabic})/gu;
/** Bidi controls, zero-width characters and the byte-order mark never carry meaning in a word. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g; // آ أ إ ٱ
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/g;
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/g;

/**
 * Normalises Arabic (and incidental Latin) text for matching: NFC, no tashkeel or tatweel,
 * one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, Persian kaf/yeh → Arabic, Eastern digits → ASCII, Latin lowercased,
 * invisible characters removed. Spacing and punctuation are left alone (tokenising is separate).
 */
export function normalizeArabic(text: string): string {
  // Words are normalised again and again (every analysis step of every sentence, the entity
  // matcher): memoising short inputs halves the first analysis of a large corpus (README "Scale").
  return text.length > NORMALIZE_MEMO_MAX_LENGTH ? normalizeArabicText(text) : normalizeShort(text);
}

const NORMALIZE_MEMO_MAX_LENGTH = 32;
const normalizeShort = boundedMemo((text) => normalizeArabicText(text), 200_000);

function normalizeArabicText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    // The alef that only carries an accusative tanween (بياناً، عنصرًا) is not part of the word.
    .replace(TANWEEN_ALEF, '$1')
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(ALEF_VARIANTS, 'ا')
    .replace(/\u0649/g, 'ي') // ى alef maqsura
    .replace(/\u06CC/g, 'ي') // Persian yeh
    .replace(/\u06A9/g, 'ك') // Persian kaf
    .replace(/\u0629/g, 'ه') // ة
    .replace(/\u0624/g, 'و') // ؤ
    .replace(/\u0626/g, 'ي') // ئ
    .replace(/(?<=\p{Script=Arabic})\u0621(?=\p{Script=Arabic})/gu, 'ي') // ء inside a word, a common slip for ئ (الطاءرات)
    .replace(ARABIC_INDIC_DIGIT, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(PERSIAN_DIGIT, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
}

/**
 * Proclitic combinations, longest first, each with the shortest stem that may remain. The article
 * keeps two-letter nouns (الحي → حي, بالحي → حي); after وال / ولل three letters must remain so that
 * والده / والي stay whole; a bare conjunction or preposition needs three letters left so that short
 * words starting with و/ف/ب/ل survive. A bare كـ is not stripped: words starting with ك (كبير، كندا،
 * كيان) are far more common than the comparative prefix.
 */
const PROCLITICS: readonly (readonly [prefix: string, minStem: number])[] = [
  ['وبال', 2], ['فبال', 2], ['وكال', 2], ['فكال', 2],
  ['وال', 3], ['ولل', 3], ['فال', 2], ['بال', 2], ['كال', 2], ['فلل', 2],
  ['لل', 2], ['ال', 2],
  ['وب', 3], ['فب', 3], ['ول', 3], ['فل', 3],
  ['و', 3], ['ف', 3], ['ب', 3], ['ل', 3],
];

/** Levantine "على ال" glued as عالـ (عالمطار = على المطار); the عالم/عالي/عالج/عالق families are real words. */
const LEVANTINE_ALA = 'عال';
const ALA_EXCEPTIONS = /^عال(?:م(?:ي|يه|يا|يين|ين|يون|ه|ا|ان|ون|ات|ها|هم|نا)?|ي|يه|يا|ين|يين|يات|ج.*|ق.*)$/;

/**
 * Removes the conjunction/preposition/article proclitics (و ف ب ل ال and their combinations,
 * plus Levantine عالـ) from a normalised token, longest match first, keeping a minimum stem.
 */
export function stripClitics(token: string): string {
  if (token.startsWith(LEVANTINE_ALA) && token.length - LEVANTINE_ALA.length >= 2 && !ALA_EXCEPTIONS.test(token)) {
    return token.slice(LEVANTINE_ALA.length);
  }
  for (const [prefix, minStem] of PROCLITICS) {
    // والد، والده، والي: when وال leaves too short a stem, its و is part of the word too.
    if (prefix.length === 1 && token.startsWith(`${prefix}ال`)) return token;
    if (token.startsWith(prefix) && token.length - prefix.length >= minStem) {
      return token.slice(prefix.length);
    }
  }
  return token;
}

interface WordStemmer {
  stemWord(word: string): string;
}

let arabicStemmer: WordStemmer | undefined;

/** The Snowball Arabic stemmer from @nlpjs/lang-ar, created on first use (no import-time work). */
function snowballArabic(): WordStemmer {
  if (!arabicStemmer) {
    const require = createRequire(import.meta.url);
    const { StemmerAr } = require('@nlpjs/lang-ar') as { StemmerAr: new () => WordStemmer };
    arabicStemmer = new StemmerAr();
  }
  return arabicStemmer;
}

/** Four letters shaped like a Form VII (نفعل) or Form VIII (فتعل، فطعل، فدعل) stem without its alef. */
const DERIVED_STEM = /^(?:ن\p{Script=Arabic}{3}|\p{Script=Arabic}[تطد]\p{Script=Arabic}{2})$/u;

/** Present-tense person prefixes (يـ تـ نـ) that Snowball leaves on verbs such as يسيطر / تسيطر. */
const IMPERFECT_PREFIX = /^[يتن]/;

/**
 * Stems one Arabic token: normalise, strip proclitics, Snowball-stem (@nlpjs/lang-ar), normalise
 * again, finish a half-removed plural -ات, then conflate present-tense prefixes — long stems lose them (يسيطر، تسيطر → سيطر, meeting
 * سيطرت، سيطرته، سيطره), short ones starting with تـ take يـ (تحد → يحد, تقع → يقع). Both sides of
 * a match go through the same rules, so a noun that happens to start with تـ is changed consistently.
 */
export function stemArabic(token: string): string {
  const bare = stripClitics(normalizeArabic(token));
  // An adverb's accusative alef written without its tanween (يوميا for يوميًا، رسميا) and the -يا
  // spelling of a country (سوريا beside سورية) stem as the word without it; a broken plural in -ايا
  // (ضحايا، قضايا) keeps it.
  const base = bare.length >= 5 && bare.endsWith('يا') && !bare.endsWith('ايا') ? bare.slice(0, -1) : bare;
  let stem = normalizeArabic(snowballArabic().stemWord(base));
  // Snowball takes a bare (article-less) plural in -ات for a verb and removes only the ت.
  // It also takes the س of a plural such as سيارات، سياسات for the future prefix (سيفعل): a word in -ات
  // is no verb, so its stem is the word without the -ات (سيار، as سيارة).
  if (bare.endsWith('ات') && bare.length >= 5 && (stem === bare.slice(0, -1) || (bare.startsWith('س') && stem === bare.slice(1, -1)))) {
    stem = bare.slice(0, -2);
  }
  if (stem.length >= 5 && IMPERFECT_PREFIX.test(stem)) {
    stem = stem.slice(1);
    // Forms VII and VIII open their perfect with an alef the imperfect drops (ينتظر / انتظر، يعتقل / اعتقل،
    // يزدحم / ازدحم): put it back so both tenses meet, as Snowball already does for Form X (يستمر / استمر).
    if (DERIVED_STEM.test(stem)) stem = `ا${stem}`;
  }
  else if (stem.length >= 3 && stem.startsWith('ت')) stem = 'ي' + stem.slice(1);
  // The relative adjective of a noun in -اء writes its hamza on a yaa (كهرباء / كهربائية، غذاء / غذائية،
  // قضاء / قضائي), which normalisation turns into ي: the adjective's stem ends in -اي where the noun's
  // ends in -اء. Give it the noun's ending so the two meet (short stems such as شاي، راي are left alone, and
  // the broken plurals in -ايا such as قضايا، ضحايا are no adjectives: قضايا is not القضاء).
  if (stem.length >= 4 && stem.endsWith('اي') && !bare.endsWith('ايا')) stem = `${stem.slice(0, -1)}ء`;
  return stem.length > 0 ? stem : bare;
}
