/** Reading a question before any search: cleaning, validation, and the kind of answer it expects. */
import type { Language } from '../corpus/article.ts';
import { normalizeArabic, stripClitics } from '../text/arabic.ts';
import { questionAnswerType } from '../search/answer-type.ts';
import { detectLanguage } from '../text/language.ts';
import { tokenize } from '../text/tokenize.ts';
import { asksKind } from './answer-kind.ts';

/** Longest question we analyse; longer text is refused politely rather than truncated silently. */
export const MAX_QUESTION_LENGTH = 600;

export type InvalidReason = 'empty' | 'too_long' | 'no_words';

/** What a question asks for, which the quoted sentence must be able to supply. */
export type AnswerType = 'actor' | 'place' | 'number' | 'date' | 'calendar-date' | 'name' | 'other';

export type ReadQuestion =
  | { valid: true; text: string; lang: Language; words: string[]; answerType: AnswerType }
  | { valid: false; text: string; lang: Language; reason: InvalidReason };

// Bidi marks, zero-width characters and other invisible format characters that users paste in.
const INVISIBLE = /[\p{Cf}\u061C]/gu;
const CONTROL = /[\p{Cc}]/gu;

/** Removes invisible and control characters and collapses white space. */
export function cleanQuestion(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

// Question words, normalised as normalizeArabic writes them.
const WHO_AR = new Set(['من', 'مين', 'لمن', 'ومن', 'فمن', 'منو', 'مينو']);
const WHO_FOLLOWERS_NOT_WHO = new Set(['اين', 'وين', 'فين', 'متي', 'قبل', 'بعد', 'جهه', 'اجل']);
// Asking "how many" or for a quantity noun (population, toll, price) expects a number.
const NUMBER_AR = new Set([
  'عدد', 'اعداد', 'تعداد', 'حصيله', 'سعر', 'اسعار', 'كميه', 'نسبه', 'ثمن', 'تكلفه', 'كلفه', 'تكاليف', 'راتب', 'رواتب',
  'اجر', 'اجور', 'اجره', 'مبلغ', 'قيمه', 'مساحه', 'مسافه', 'حجم',
]);
// Units a quantity is measured in (ليتر البنزين، كيلو اللحمة): the thing measured is what is asked about.
const MEASURE_AR = new Set(['ليتر', 'لتر', 'كيلو', 'كيلوغرام', 'كغ', 'غرام', 'طن', 'متر', 'كيلومتر', 'برميل', 'دونم', 'هكتار']);
const MEASURE_EN = new Set(['litre', 'liter', 'litres', 'liters', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kg', 'gram', 'grams', 'ton', 'tons', 'tonne', 'tonnes', 'metre', 'meter', 'metres', 'meters', 'kilometre', 'kilometer', 'km', 'barrel', 'barrels', 'gallon', 'gallons']);
// Verbs that only link a quantity to what it counts (كم يبلغ سعر...، قديش بيكلف الصهريج), and the Levantine
// "price of" (قديش حق الصهريج). Not وصل: "how many families arrived" counts arrivals.
const QUANTITY_COPULA_AR = new Set(['يبلغ', 'بلغ', 'تبلغ', 'بلغت', 'حق', 'بحق', 'يكلف', 'تكلف', 'كلف', 'كلفت', 'بيكلف', 'بتكلف']);
const DATE_AR = new Set(['ومتي', 'فمتي', 'تاريخ']);
const WHERE_AR = new Set(['اين', 'واين', 'وين', 'فين', 'لوين']);

// Asking for someone's name (what are the names, شو اسمو، أسماء): the answer must name them.
const NAME_AR = new Set(['اسم', 'اسماء', 'اسامي', 'اسمو', 'اسمه', 'اسمها', 'اساميهم', 'اسماءهم', 'اسمايهم']);
const NAME_EN = new Set(['name', 'names', 'named']);
const WHO_EN = new Set(['who', 'whom', 'whose']);
// "Who was the businessman kidnapped", "who were the three men killed": asked who a person or persons
// are (not what group did something), the answer names them, like "what are the names".
const WHO_IS_PERSON_EN = / who (?:is|was|are|were) the (?:\w+ )?(?:man|men|woman|women|person|people|businessman|businessmen|merchant|merchants|trader|traders|victim|victims|dead|member|members|fighter|fighters|soldier|soldiers|civilian|civilians|child|children|boy|boys|girl|girls|worker|workers|farmer|farmers|driver|drivers|doctor|doctors|teacher|teachers|spokesman|spokeswoman|spokesperson|official|officials|commander|commanders|leader|leaders|brothers|two|three|four|five) /;
const ACTOR_NOUNS_EN = new Set(['side', 'sides', 'group', 'groups', 'party', 'parties', 'force', 'forces', 'faction', 'militia', 'army']);
const NUMBER_EN = [
  'number of', 'death toll', 'toll', 'population', 'price', 'prices', 'cost', 'costs', 'percentage', 'amount of', 'count',
  'salary', 'salaries', 'wage', 'wages', 'fare', 'rent', 'fee', 'fees', 'rate', 'distance', 'area of',
];
const WHERE_EN = new Set(['where']);
// "Which towns", "what villages", أي بلدات، ما القرى: a place is asked for, by its kind.
const PLACE_NOUNS_EN = new Set(['town', 'towns', 'village', 'villages', 'city', 'cities', 'area', 'areas', 'neighbourhood', 'neighbourhoods', 'neighborhood', 'neighborhoods', 'district', 'districts', 'region', 'regions', 'province', 'provinces', 'country', 'countries', 'camp', 'camps', 'place', 'places']);
const WHICH_PLACE_AR = /(?:^| )(?:اي|ما|ماهي|ما هي|شو|انو|اية) (?:ال)?(?:بلده|بلدات|قريه|قري|مدينه|مدن|منطقه|مناطق|احياء|حي|مخيم|مخيمات|دول|دوله|محافظه|محافظات|اماكن|مكان|مواقع)(?: |$)/;

// "What time", "الساعة كم", "بأي ساعة": the hour asks when, like متى.
const CLOCK_TIME = /(?:^| )(?:what time|which time|what hour|اي ساعه|باي ساعه|الساعه كم|ع اي ساعه|قديش الساعه)(?: |$)/;
// "Exactly when", "which day": a vague time (recently, since the revolution) will not do.
const EXACT_DATE = /(^| )(بالضبط|تحديدا|بالتحديد|exactly|precisely|exact|specific|which day|what day|what date|which date|اي يوم|اي تاريخ|في اي يوم)( |$)/;

/**
 * True when a question word only frames the quantity asked for (سعر، عدد، ليتر، يبلغ; price, litre):
 * "كم سعر ليتر البنزين" asks about petrol, and a price of diesel does not answer it.
 */
export function framesQuantity(word: string): boolean {
  const normalised = normalizeArabic(word).toLowerCase();
  const bare = stripClitics(normalised);
  // ليتر keeps its ل: it is no preposition there.
  return NUMBER_AR.has(bare) || MEASURE_AR.has(bare) || MEASURE_AR.has(normalised) || QUANTITY_COPULA_AR.has(normalised)
    || NUMBER_EN.includes(normalised) || MEASURE_EN.has(normalised);
}

/** True when a question word asks for a name (names, اسم، أسامي): with the answer type, it is framing. */
export function asksForName(word: string): boolean {
  const normalised = normalizeArabic(word).toLowerCase();
  return NAME_EN.has(normalised) || NAME_AR.has(stripClitics(normalised));
}

/**
 * An imperfect verb with the future سـ (ستبدأ، سيتم، سنعود), normalised; not the nouns and past verbs
 * that open alike (سيارة، سيطرت، سياسة، ستة، سنة، سنوات).
 */
export const FUTURE_VERB = /^[وف]?س(?!يار|يطر|ياس|ياق|يول|يد|ين|تين|ته|تار|نه|نوات|نوي|ند)[يتن]\S{3,}$/;
// A when-question about what is yet to come: متى ستبدأ، إيمتى رح، when will, when is ... expected.
const FUTURE_AR = /(?:^| )(?:متي|امتي|امتا|ايمتي|ايمت|وقتيش) (?:رح|راح|ح|سوف) \S+/;
const FUTURE_EN = /\bwhen (?:will|would|shall)\b|\bwhen (?:is|are|was|were)\b.*\b(?:expected|going to|due|scheduled|planned|set to|supposed to)\b/;

/** True when a question asks when something yet to come will happen (its normalised words). */
export function asksFuture(words: readonly string[]): boolean {
  const joined = words.join(' ');
  const when = words.findIndex((w) => /^(?:متي|امتي|امتا|ايمتي|ايمت|وقتيش)$/.test(w));
  return FUTURE_AR.test(joined) || FUTURE_EN.test(joined) || (when >= 0 && FUTURE_VERB.test(words[when + 1] ?? ''));
}

/** True when a question asks why something happened (its normalised words). */
export function asksWhy(words: readonly string[]): boolean {
  // ليش، لماذا، شو السبب، why, what caused, how did X justify: the cue words are knowledge/answer-cues.json's.
  return asksKind(words, 'reason');
}

/** "من أين"، "من وين": a source, which is as often an agency or a donor as a place (منين is no where-word). */
const ORIGIN_AR = /(?:^| )من (?:اين|وين|فين)(?: |$)/;

/** Infers the type of answer from the question words, in either language. */
export function expectedAnswerType(words: readonly string[], lang: Language): AnswerType {
  const type = basicAnswerType(words, lang);
  return type === 'date' && EXACT_DATE.test(words.join(' ')) ? 'calendar-date' : type;
}

function basicAnswerType(words: readonly string[], lang: Language): AnswerType {
  // When, how many, which year: the same question words the search uses for its date / number hints.
  const hint = questionAnswerType(words.join(' '));
  if (CLOCK_TIME.test(words.join(' '))) return 'date';
  // "Why did they raise the price", "ليش رفعوا سعر الخبز": a cause is asked for, not the price.
  if (hint !== 'number' && asksWhy(words)) return 'other';
  if (lang === 'en') {
    const joined = ` ${words.join(' ')} `;
    if (hint === 'number' || NUMBER_EN.some((phrase) => joined.includes(` ${phrase} `))) return 'number';
    if (hint === 'date') return 'date';
    if (words.some(asksForName) || WHO_IS_PERSON_EN.test(joined)) return 'name';
    // "Where did the doses come from": a source is as often an agency or a donor as a place.
    if (words.some((w) => WHERE_EN.has(w))) return / where\b.* from [?!.]? *$/.test(joined) ? 'other' : 'place';
    if ((words[0] === 'which' || words[0] === 'what') && words.slice(1, 3).some((w) => PLACE_NOUNS_EN.has(w))) return 'place';
    if (words.some((w) => WHO_EN.has(w))) return 'actor';
    if (/ which (\w+ )?(side|sides|group|groups|party|parties|force|forces|faction|militia) /.test(joined)) return 'actor';
    if (words[0] === 'what' && words.slice(1, 3).some((w) => ACTOR_NOUNS_EN.has(w))) return 'actor';
    return 'other';
  }
  if (hint === 'number' || words.some((w) => NUMBER_AR.has(stripClitics(w)))) return 'number';
  if (hint === 'date' || words.some((w) => DATE_AR.has(w))) return 'date';
  if (words.some(asksForName)) return 'name';
  if (words.some((w) => WHERE_AR.has(w))) return ORIGIN_AR.test(words.join(' ')) ? 'other' : 'place';
  if (WHICH_PLACE_AR.test(words.join(' '))) return 'place';
  const first = words.findIndex((w) => WHO_AR.has(w));
  // "من" is also "from": count it as "who" only where a question would start with it.
  if (first >= 0 && first <= 1 && !WHO_FOLLOWERS_NOT_WHO.has(words[first + 1] ?? '')) return 'actor';
  if (/(^| )(اي|ما|ماهي|ما هي) (جهه|طرف|الجهه|الطرف|قوات|القوات|فصيل)( |$)/.test(words.join(' '))) return 'actor';
  return 'other';
}

/**
 * Cleans and checks a question. Invalid input (empty, too long, no words at all) is reported
 * with a reason instead of being searched.
 */
export function readQuestion(raw: string): ReadQuestion {
  const text = cleanQuestion(raw);
  const lang = detectLanguage(text);
  if (text.length === 0) return { valid: false, text, lang, reason: 'empty' };
  if (text.length > MAX_QUESTION_LENGTH) return { valid: false, text, lang, reason: 'too_long' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { valid: false, text, lang, reason: 'no_words' };
  const words = tokenize(text).map((token) => normalizeArabic(token).toLowerCase());
  if (words.length === 0) return { valid: false, text, lang, reason: 'no_words' };
  return { valid: true, text, lang, words, answerType: expectedAnswerType(words, lang) };
}
