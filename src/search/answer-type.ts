/**
 * Answer-type hints: a "when" question wants a sentence with a date, a "how many" question one
 * with a number. Sentences get marker terms for the dates and numbers they hold, and a question
 * whose wording asks for one adds that marker as a query term. Markers start with '#', which the
 * analysis pipeline never produces, so they cannot collide with words.
 */
import { normalizeArabic, stemArabic } from '../text/arabic.ts';
import { tokenize } from '../text/tokenize.ts';
import { ENGLISH_MONTH_NAMES, MONTH_PAIRS, MONTHS } from '../text/months.ts';
import { ARABIC_CARDINALS, ARABIC_COLLECTIVES, ENGLISH_CARDINALS } from '../text/numbers.ts';

export type AnswerType = 'date' | 'number';
export const ANSWER_TYPE_MARKER: Readonly<Record<AnswerType, string>> = { date: '#date', number: '#number' };

const YEAR = /^(?:1\d{3}|20\d{2})(?:م|ه)?$/;
const HAS_DIGIT = /\p{N}/u;

let monthTerms: ReadonlySet<string> | undefined;
let numberTerms: ReadonlySet<string> | undefined;

function termsOf(words: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const word of words) {
    set.add(stemArabic(word));
    set.add(normalizeArabic(word));
  }
  return set;
}

/** Marker terms an analysed document term stands for (a year or month is a date; digits are a number). */
export function answerTypeMarkers(term: string): string[] {
  monthTerms ??= termsOf([...MONTHS.keys(), ...MONTH_PAIRS.keys(), ...ENGLISH_MONTH_NAMES]);
  numberTerms ??= termsOf([...ARABIC_CARDINALS.keys(), ...ARABIC_COLLECTIVES, ...ENGLISH_CARDINALS.keys()]);
  const markers: string[] = [];
  if (YEAR.test(term) || monthTerms.has(term)) markers.push(ANSWER_TYPE_MARKER.date);
  if (HAS_DIGIT.test(term) || numberTerms.has(term)) markers.push(ANSWER_TYPE_MARKER.number);
  return markers;
}

const WHEN = /^(?:متي|امتي|امتا|وقتيش|ايمتي|ايمت|when)$/;
const WHICH = /^(?:اي|ايه|باي|في|what|which)$/;
const TIME_NOUN = /^(?:عام|العام|سنه|السنه|تاريخ|يوم|شهر|قرن|القرن|year|date|day|month|century)$/;
const HOW_MANY = /^(?:كم|بكم|وكم|فكم|قديش|اديش)$/;
/** English words that, right after "how", ask for a number (how many, how long). */
export const HOW_QUANTITY: ReadonlySet<string> = new Set(['many', 'much', 'long', 'old', 'far', 'big', 'large', 'often', 'high', 'deep', 'tall', 'wide', 'heavy']);

/** The answer type a question's wording asks for, if any (Arabic, Levantine or English). */
export function questionAnswerType(question: string): AnswerType | null {
  const words = tokenize(question).map(normalizeArabic);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1] ?? '';
    if (WHEN.test(word)) return 'date';
    if (WHICH.test(word) && TIME_NOUN.test(next)) return 'date';
    if (HOW_MANY.test(word)) return 'number';
    if (word === 'how' && HOW_QUANTITY.has(next)) return 'number';
  }
  return null;
}
