/** Turning a read question into the units a quoted sentence must cover. */
import type { Language } from '../corpus/article.ts';
import { isClosedPlaceMention, isLandmarkMention, searchWords, termForms, type EntityMention, type QuestionUnit } from './evidence.ts';
import { asksForName, framesQuantity, type AnswerType } from './question.ts';
import { asksKind } from './answer-kind.ts';
import { skeletons } from './skeleton.ts';
import { HOW_QUANTITY } from '../search/answer-type.ts';
import { PHRASE_JOINER } from '../text/analyze.ts';
import { ENGLISH_LIGHT_PHRASES, PRESENT_PHRASES } from './framing-words.ts';
import { classicalSpellings, isDotSlip, isSwap, levenshteinAtMostOne } from '../text/edit-distance.ts';
import type { EventCalendar } from '../events/event-calendar.ts';

/** The date a question asks about: its words as written, and which event dates it accepts. */
export interface QuestionDate {
  label: string;
  matches(event: { start: string; end: string }): boolean;
  /** The events it matches among these, read by month (see src/events/event-calendar.ts), not one by one. */
  lookup?<E extends { start: string; end: string }>(calendar: EventCalendar<E>): E[];
}

export interface UnitDeps {
  analyzeWithSurface(text: string): { surface: string; term: string }[];
  tokenize(text: string): string[];
  normalize(word: string): string;
  matchEntities(text: string): EntityMention[];
  /** Extra analysed Arabic terms for one word (glossary, dialect), possibly empty. */
  expandWord(word: string, lang: Language): string[];
  /** Glossary entries found in the text: the words as written and the analysed Arabic terms they stand for. */
  glossaryHits(text: string): { key: string; terms: string[] }[];
  /** English words and phrases of the text with the analysed Arabic terms they may be, each with its credit. */
  translate?(text: string): TranslatedPhrase[];
  /**
   * The analysed terms of the articles' words that an unknown Arabic word is probably a typo of,
   * compared as written (البنزبن / البنزين, الدولر / الدولار), commonest first.
   */
  nearWords?(word: string): string[];
  /** Whether a word is a word of the language, whatever the articles say: a word, not a typo of a name. */
  isWord?(word: string): boolean;
}

/** An English word or phrase of a question and what it may be in the Arabic articles. */
export interface TranslatedPhrase {
  /** The words as written. */
  surface: string;
  /** Analysed Arabic term -> credit in (0, 1). */
  terms: ReadonlyMap<string, number>;
}

/** Corpus statistics the weights come from. */
export interface TermStatistics {
  sentenceCount: number;
  /** In how many sentences each analysed term occurs. */
  documentFrequency: ReadonlyMap<string, number>;
  entityFrequency: ReadonlyMap<string, number>;
  /** Analysed terms that ask nothing specific ("situation", "يحدث"): not required in an answer. */
  genericTerms: ReadonlySet<string>;
  /** Candidate look-up for typos and shared stems (src/search/vocabulary.ts); without it, every known term is a candidate. */
  vocabulary?: { candidates(term: string): string[] };
  /**
   * Region statistics: the words of the whole corpus. A word only articles about elsewhere use
   * (طيران) is still a word, never a typo of a name (ايران).
   */
  corpusFrequency?: ReadonlyMap<string, number>;
}

// "How many", "the number of", "كم عدد": things are counted, not measured in money or time.
// "How much water ... and how many tankers": a measure is asked for too.
const MEASURED = /\bhow (?:much|long|far|big|large|high|old)\b/i;
const COUNTS_THINGS = /\bhow many\b|\bnumber of\b|(?:^|\s)(?:[وف]?(?:عدد|اعداد|تعداد))(?=\s|$)/i;
/** A definite relative adjective (الامتحانية، العسكرية، الزراعيين): it says which of a noun's kind are meant. */
const NISBA_ADJECTIVE = /^ال\S{2,}(?:ي|يه|يين|يون|يات)$/;
// "كم يومًا"، "قديش ساعة"، "how many days": the count asked is of a unit of time.
const HOW_MANY_TIME_UNITS = /(?:^| )(?:كم|قديش|اديش|how many) (?:يوم|يوما|ساعه|ساعات|اسبوع|اسبوعا|شهر|شهرا|سنه|عام|عاما|دقيقه|days|hours|weeks|months|years|minutes)(?= |$)/;
// A price, a wage, a fee asked for (كم سعر، قديش حق الصهريج، بكم، how much does it cost): a sum of money answers.
const PRICE_ASKED = /(?:^| )(?:[وبل]?(?:ال)?(?:سعر|اسعار|ثمن|تكلفه|كلفه|تكاليف|اجره|اجور|راتب|رواتب|مبلغ)|حق|بحق|بكم|بقديش|price|prices|cost|costs|salary|salaries|wage|wages|fare|fares|rent|fee|fees)(?= |$)/;
// Asking how much, not when or whether (متى ستدفع ثمن المحصول، will they rethink the price).
const HOW_MUCH_ASKED = /(?:^| )(?:[وف]?(?:كم|قديش|اديش)|بكم|بقديش|how much|(?:ما|ماهو|شو) (?:هو )?(?:[وبل]?(?:ال)?(?:سعر|ثمن|تكلفه|كلفه|اجره|راتب))|what (?:is|was|are|were) the (?:price|cost|fare|rent|fee|salary|wage))(?= |$)/;
const HOW_MUCH_AR = new Set(['كم', 'قديش', 'اديش', 'وقديش', 'وكم']);
const LASTING_VERB = /^[وف]?(?:استمر|استمرت|استمرو|يستمر|تستمر|دام|دامت|يدوم|تدوم|طول|طولت|طولو|بتطول|بيطول|تطول|يطول|امتد|امتدت|يمتد|تمتد|استغرق|استغرقت|يستغرق|تستغرق|ضل|ضلت|ضلو|بيضل|بتضل|ظل|ظلت|بقي|بقيت|بقيو)$/;
const WH_QUESTION = /^(?:و|ف)?(?:ما|ماذا|ماهو|ماهي|من|مين|منو|كم|قديش|اي|اية|شو|what|what's|whats|which|who|whose|how many|how much)(?:\s|$)/i;
/**
 * The particle that ends an English phrasal verb (go up, take over, go after). Not in, on, for: after
 * a light verb they are as often prepositions ("did they take in 2016", "went on Monday").
 */
const PHRASAL_PARTICLE = /^(?:off|up|out|down|over|away|back|after)$/;
/**
 * In, on, for end a phrasal verb when no object follows them: at the end of the question or before
 * another preposition or a date ("what's the dollar going for in Qamishli", "expect to take in this
 * year"), not before a noun or a number ("take in 2016").
 */
const PRICE_QUESTION_EN = /\bhow much (?:is|are|was|were) (?:a|an|one|the) |\bhow much (?:does|do|did|will) .*\bcost\b/i;
const PRICE_WORD_EN = /^(?:price|prices|cost|costs|going for|selling for|sell for)$/i;
// The words a question asks for a kind with: what kind of, which types of, ما نوع، أنواع.
const KIND_WORD = /^(?:kind|kinds|type|types|sort|sorts|نوع|انواع|شو نوع)$/;
const PREPOSITION_PARTICLE = /^(?:in|on|for)$/;
const AFTER_BARE_PARTICLE = /^(?:in|on|at|from|to|by|during|since|this|last|next|these|today|now|so|yet|[?.!,]|)$/;
const DATE_TYPES: ReadonlySet<AnswerType> = new Set(['date', 'calendar-date']);
const DATE_FRAMING = new Set(['تاريخ', 'التاريخ', 'يوم', 'اليوم', 'وقت', 'الوقت', 'date', 'day', 'time', 'year', 'month']);
const MONTH_OR_DATE_WORD = /^(\d{1,4}|[٠-٩]{1,4}|\d{1,2}(st|nd|rd|th))$/;

/** Weight of a word found nowhere, relative to a word found in one sentence. */
const UNKNOWN_WORD_WEIGHT = 1;

/** How many of a word's translations widen the search (all of them still count as evidence). */
const SEARCH_TRANSLATIONS = 4;

/** The best-credited terms of a translation, for the search. */
function strongest(terms: ReadonlyMap<string, number>): string[] {
  return [...terms].sort((a, b) => b[1] - a[1]).slice(0, SEARCH_TRANSLATIONS).map(([term]) => term);
}

/** In how many sentences a term occurs; a joined phrase counts as its rarest word (an upper bound). */
export function termFrequency(stats: TermStatistics, term: string): number {
  return Math.min(...searchWords(term).map((word) => stats.documentFrequency.get(word) ?? 0));
}

/** Rarity weight: rare terms matter more; a term found nowhere weighs most. */
export function idf(frequency: number, sentenceCount: number): number {
  return Math.log(1 + sentenceCount / (1 + frequency));
}

/** Known skeletons one dot-slip away from an unknown one (~نفذ / ~نقذ: نفذت against the article's تنقيذ). */
function nearSkeletons(skeleton: string, vocabulary: Iterable<string>, known: boolean): string[] {
  if (known || skeleton.length < 4) return [];
  const near: string[] = [];
  for (const other of vocabulary) if (other.startsWith('~') && isDotSlip(skeleton, other)) near.push(other);
  return near;
}

/**
 * Known terms that are probably the same Arabic word: one edit away (typos such as الموجهات /
 * المواجهات) when the term itself is unknown, or sharing a stem that light stemming left with
 * a suffix letter or two (مروحيا / مروح, ضربا / ضرب).
 */
export function nearTerms(term: string, vocabulary: Iterable<string>, known: boolean): string[] {
  if (term.startsWith('~')) return nearSkeletons(term, vocabulary, known);
  if (/^[a-z]{5,}$/.test(term)) return known ? [] : [...vocabulary].filter((other) => /^[a-z]+$/.test(other) && levenshteinAtMostOne(term, other));
  if (term.length < 3 || !/^\p{Script=Arabic}+$/u.test(term)) return [];
  const near: string[] = [];
  for (const other of vocabulary) {
    if (other === term || other.length < 3 || other.startsWith('~')) continue;
    const [shorter, longer] = other.length <= term.length ? [other, term] : [term, other];
    const sameStem = (longer.startsWith(shorter) && longer.length - shorter.length <= 2 && shorter.length >= 4) || isNisbaPair(term, other);
    // Four-letter stems one edit apart are often different words (قايد / قاعد): typos need five.
    const typo =
      !known && ((term.length >= 5 && levenshteinAtMostOne(term, other)) || (term.length >= 4 && (isSwap(term, other) || isDotSlip(term, other))));
    if (sameStem || typo) near.push(other);
  }
  return near;
}

/**
 * A noun in -ة and its relative adjective in -ي / -ية share a stem the stemmer leaves both endings on when it
 * is short (صحة / صحية → صحه / صحي، بيئة / بيئية، دولة / دولية): the two endings are one word's.
 */
function isNisbaPair(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  const ends = `${a.at(-1) ?? ''}${b.at(-1) ?? ''}`;
  return (ends === 'هي' || ends === 'يه') && a.slice(0, -1) === b.slice(0, -1);
}

/** In how many sentences a three-letter word must occur to be read for an unknown one a typo away. */
const SHORT_TYPO_MIN_FREQUENCY = 5;

/**
 * Frequent three-letter words the articles use that an unknown one is a typo of: two neighbours swapped
 * or a letter with the wrong dots (قيل for قبل، هلو for هول). Short words lie close to many others, so
 * only a word the articles (and the region's corpus) never use is read this way, and only as a word they
 * use often: a typo of a common word is far likelier than a word nobody wrote.
 */
function shortTypoReadings(term: string, stats: TermStatistics): string[] {
  if (term.length !== 3 || !/^\p{Script=Arabic}+$/u.test(term) || stats.documentFrequency.has(term) || stats.corpusFrequency?.has(term)) return [];
  return (stats.vocabulary?.candidates(term) ?? [...stats.documentFrequency.keys()]).filter(
    (other) => (stats.documentFrequency.get(other) ?? 0) >= SHORT_TYPO_MIN_FREQUENCY && (isSwap(term, other) || isDotSlip(term, other)),
  );
}

/**
 * The classical word a dialect-spelt one stands for (استاز → استاذ), when the articles use it or the lexicon
 * knows it: its analysed term and its lexicon expansions. The spelling with the fewest changed letters wins.
 */
function classicalReading(surface: string, stats: TermStatistics, deps: UnitDeps): { term: string; expanded: string[] } | undefined {
  for (const spelling of classicalSpellings(deps.normalize(surface))) {
    const term = deps.analyzeWithSurface(spelling)[0]?.term;
    if (term === undefined) continue;
    const expanded = deps.expandWord(spelling, 'ar');
    if (stats.documentFrequency.has(term) || expanded.length > 0) return { term, expanded };
  }
  return undefined;
}

/**
 * The units of a question: each entity it names, each content word (with its glossary and typo
 * alternatives, weighted by rarity), the expected kind of answer, and the date it asks about.
 * Words inside an entity mention and date words already captured by the date unit are not repeated.
 */
export function questionUnits(
  question: { text: string; lang: Language; answerType: AnswerType; date: QuestionDate | null },
  stats: TermStatistics,
  deps: UnitDeps,
): { units: QuestionUnit[]; entities: EntityMention[]; expansion: string[] } {
  const units: QuestionUnit[] = [];
  const position = (label: string): number => {
    const at = question.text.indexOf(label);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const mentions = deps.matchEntities(question.text);
  const entityWords = new Set<string>();
  const seenEntities = new Set<string>();
  for (const mention of mentions) {
    for (const word of deps.tokenize(mention.surface)) entityWords.add(deps.normalize(word));
    if (seenEntities.has(mention.id)) continue;
    seenEntities.add(mention.id);
    const weight = 1.3 * idf(stats.entityFrequency.get(mention.id) ?? 0, stats.sentenceCount);
    const landmark = isLandmarkMention(question.text, mention) || isClosedPlaceMention(question.text, mention);
    units.push({ kind: 'entity', label: mention.surface, entityId: mention.id, entityKind: mention.kind, weight, landmark });
  }

  // The date unit stands for the words that wrote the date ("في تموز 2016", "last week"); "these days"
  // only says the question is about now.
  const dateWords = new Set(question.date ? deps.tokenize(question.date.label).map(deps.normalize) : []);
  for (const m of deps.normalize(question.text).matchAll(PRESENT_PHRASES)) for (const w of deps.tokenize(m[0])) dateWords.add(deps.normalize(w));
  // "as well", "at all": framing words, never something a sentence must say.
  for (const m of deps.normalize(question.text).matchAll(ENGLISH_LIGHT_PHRASES)) for (const w of deps.tokenize(m[0])) dateWords.add(deps.normalize(w));
  const expansion: string[] = [];
  const seenTerms = new Set<string>();
  const addTermUnit = (
    label: string,
    alternatives: Set<string>,
    expanded: Set<string>,
    fuzzy: Set<string> = new Set(),
    translated: ReadonlyMap<string, number> = new Map(),
  ): void => {
    for (const own of alternatives) expanded.delete(own);
    for (const known of [...alternatives, ...expanded]) fuzzy.delete(known);
    const frequencies = [...alternatives, ...expanded, ...fuzzy, ...translated.keys()].map((t) => termFrequency(stats, t));
    const best = Math.max(0, ...frequencies);
    // A word no article uses in any known form weighs like a rare word, not more: with dictionaries
    // and dialects, "unknown" is as often a rendering we lack as a fact the articles lack.
    const weight = best === 0 ? Math.min(idf(0, stats.sentenceCount), UNKNOWN_WORD_WEIGHT * idf(1, stats.sentenceCount)) : idf(best, stats.sentenceCount);
    const unit = { kind: 'term', label, alternatives, expanded, fuzzy, weight } as const;
    units.push(translated.size > 0 ? { ...unit, translated } : unit);
  };
  // A glossary phrase ("leave their homes", "شو عم يصير") is one unit: its words mean something together.
  const phraseWords = new Set<string>();
  const translatedPhrases = question.lang === 'en' && deps.translate ? deps.translate(question.text) : [];
  // A longer dictionary phrase holds its words against a shorter glossary one inside it: "go on
  // strike" is a strike, not "going on" (what is happening).
  const longerPhrases = translatedPhrases.map((p) => deps.tokenize(p.surface).map(deps.normalize)).filter((w) => w.length > 2);
  const insideLonger = (words: readonly string[]): boolean =>
    longerPhrases.some((longer) => longer.length > words.length && words.every((w) => longer.includes(w)));
  for (const hit of deps.glossaryHits(question.text)) {
    const words = deps.tokenize(hit.key).map(deps.normalize);
    if (words.length < 2 || words.some((w) => entityWords.has(w)) || insideLonger(words)) continue;
    // "this month", "last week": the date unit already stands for a phrase that writes the date.
    if (words.every((w) => dateWords.has(w))) continue;
    for (const word of words) phraseWords.add(word);
    expansion.push(...hit.terms);
    const own = deps.analyzeWithSurface(hit.key).map((t) => t.term);
    for (const term of own) seenTerms.add(term);
    // "what's going on" asks nothing specific: it still widens the search, but need not be covered.
    if (own.every((term) => stats.genericTerms.has(term))) continue;
    // A phrase is said when all its words are ("حادث سير" is a road accident); one of them alone (a
    // "حادثة", any incident) is likely the same topic but not certain, like a shared stem.
    const whole = own.length > 1 ? new Set([own.join(PHRASE_JOINER)]) : new Set(own);
    addTermUnit(hit.key, whole, new Set(hit.terms), own.length > 1 ? new Set(own) : new Set());
  }
  // "How long", "how old", "how far": the word after "how" asks for a number (the answer type), it is
  // not what the answer must say ("long" is not in "queued for four hours").
  const questionWords = deps.tokenize(question.text).map(deps.normalize);
  const howFramed = new Set(questionWords.flatMap((word, i) => (questionWords[i - 1] === 'how' && HOW_QUANTITY.has(word) ? [word] : [])));
  // "كم استمرت"، "قديش طوّلت"، "how long did it last": the verb of lasting asks for a duration, which the
  // answer gives as an amount of time (ثلاثة أيام) without repeating the verb.
  if (question.answerType === 'number' && questionWords.some((word) => HOW_MUCH_AR.has(word))) {
    for (const word of questionWords) if (LASTING_VERB.test(word)) howFramed.add(word);
  }
  // English over Arabic: dictionary senses and transliterated names. A phrase ("death toll") is one unit.
  const translatedWord = new Map<string, ReadonlyMap<string, number>>();
  const lowered = question.text.toLowerCase();
  const wordAfter = (surface: string): string => {
    const at = lowered.indexOf(surface.toLowerCase());
    if (at < 0) return 'x';
    return /^\s*([^\s?.!,]+|[?.!,]|)/.exec(lowered.slice(at + surface.length))?.[1] ?? '';
  };
  for (const phrase of translatedPhrases) {
    const words = deps.tokenize(phrase.surface).map(deps.normalize);
    if (phrase.terms.size === 0 || words.some((w) => entityWords.has(w) || phraseWords.has(w)) || words.every((w) => howFramed.has(w) || dateWords.has(w))) continue;
    if (words.length === 1) {
      translatedWord.set(words[0] as string, phrase.terms);
      continue;
    }
    for (const word of words) phraseWords.add(word);
    const own = deps.analyzeWithSurface(phrase.surface).map((t) => t.term);
    // A light verb's phrasal verb means what its particle makes of it (go up → ارتفع, take over → سيطر,
    // go after → استهدف): content, though "take" and "go" alone frame a question.
    const particle = words[words.length - 1] as string;
    const phrasal = PHRASAL_PARTICLE.test(particle) || (PREPOSITION_PARTICLE.test(particle) && AFTER_BARE_PARTICLE.test(wordAfter(phrase.surface)));
    if (own.length === 0 || (own.every((term) => stats.genericTerms.has(term)) && !phrasal)) continue;
    for (const term of own) seenTerms.add(term);
    expansion.push(...strongest(phrase.terms));
    addTermUnit(phrase.surface, new Set(own), new Set(), new Set(), phrase.terms);
  }
  for (const { surface, term } of deps.analyzeWithSurface(question.text)) {
    if (entityWords.has(deps.normalize(surface)) || phraseWords.has(deps.normalize(surface)) || howFramed.has(deps.normalize(surface))) continue;
    if (dateWords.has(deps.normalize(surface)) || (question.date && MONTH_OR_DATE_WORD.test(surface))) continue;
    // "منذ أي تاريخ", "on what day": in a question about a date these words frame it.
    if (DATE_TYPES.has(question.answerType) && DATE_FRAMING.has(deps.normalize(surface))) continue;
    // "What are the names of...": the answer type asks for the names.
    if (question.answerType === 'name' && asksForName(surface)) continue;
    const extra = deps.expandWord(surface, question.lang);
    // A dialect spelling (استاز، تلاتة) the articles and the lexicon do not know is read as its classical word.
    const classical = question.lang === 'ar' && extra.length === 0 && !stats.documentFrequency.has(term) ? classicalReading(surface, stats, deps) : undefined;
    if (classical) extra.push(...classical.expanded);
    expansion.push(...extra);
    if (stats.genericTerms.has(term) || seenTerms.has(term)) continue;
    seenTerms.add(term);
    // An unknown word one typo away from an entity's name is that entity (حكلو, الاسياش), unless it is
    // a word of the language the articles happen not to use (طيران, not ايران).
    if (!stats.documentFrequency.has(term) && !stats.corpusFrequency?.has(term)) {
      const corrected = nearTerms(term, stats.vocabulary?.candidates(term) ?? stats.documentFrequency.keys(), false).flatMap((near) => deps.matchEntities(near));
      const entity = corrected[0];
      // The dictionary is asked last: its word list is built on first use.
      if (entity && !seenEntities.has(entity.id) && deps.isWord?.(surface) !== true) {
        seenEntities.add(entity.id);
        const weight = 1.3 * idf(stats.entityFrequency.get(entity.id) ?? 0, stats.sentenceCount);
        units.push({ kind: 'entity', label: surface, entityId: entity.id, entityKind: entity.kind, weight, landmark: false });
        continue;
      }
    }
    const alternatives = new Set([term, ...(classical ? [classical.term] : [])]);
    const expanded = new Set(extra);
    const fuzzy = new Set(skeletons(surface));
    for (const alternative of [term, ...extra, ...fuzzy]) {
      const known = stats.documentFrequency.has(alternative);
      for (const near of nearTerms(alternative, stats.vocabulary?.candidates(alternative) ?? stats.documentFrequency.keys(), known)) fuzzy.add(near);
    }
    for (const near of shortTypoReadings(term, stats)) fuzzy.add(near);
    // A typo can make the stemmer cut a word wrongly (البنزبن → نزب): compare the word as written too.
    if (!stats.documentFrequency.has(term) && deps.nearWords) for (const near of deps.nearWords(surface)) fuzzy.add(near);
    const translated = translatedWord.get(deps.normalize(surface)) ?? new Map<string, number>();
    expansion.push(...strongest(translated));
    addTermUnit(surface, alternatives, expanded, fuzzy, translated);
  }
  // "How much is a water tanker", "how much does a bundle cost": asked of a thing, "how much" asks its
  // price, which the answer states as such (سعر الصهريج) as often as it gives the sum.
  if (question.lang === 'en' && deps.translate && PRICE_QUESTION_EN.test(question.text) && !units.some((u) => u.kind === 'term' && PRICE_WORD_EN.test(u.label))) {
    const price = deps.translate('price').find((p) => p.terms.size > 0);
    const own = deps.analyzeWithSurface('price').map((t) => t.term);
    if (price && own.length > 0) addTermUnit('price', new Set(own), new Set(), new Set(), price.terms);
  }

  // The focus is the first content word the question asks about, in reading order. When the
  // articles never mention it in any form (a name, a commander, the weather), nothing can answer.
  // Only wh-questions name a focus: a yes/no question opens on its verb (هل نفذت، did they...).
  // In a question for a number, the words that frame the quantity (سعر ليتر، the price of) are passed over.
  // "What kind of weapons", "ما نوع الأسلحة": the answer names kinds of the noun, so it says the noun.
  const asksKindOf = (label: string): boolean => {
    const words = deps.tokenize(question.text).map((w) => deps.normalize(w).toLowerCase());
    const at = words.indexOf(deps.normalize(label).toLowerCase());
    const before = at > 0 ? words.slice(Math.max(0, at - 2), at) : [];
    return before.some((w) => KIND_WORD.test(w)) && (before[before.length - 1] === 'of' || KIND_WORD.test(before[before.length - 1] ?? ''));
  };
  const termsInOrder = units.filter((u) => u.kind === 'term').sort((a, b) => position(a.label) - position(b.label));
  const framing = (label: string): boolean => deps.tokenize(label).every(framesQuantity);
  const firstTerm = (question.answerType === 'number' ? termsInOrder.find((u) => !framing(u.label)) : undefined) ?? termsInOrder[0];
  if (firstTerm?.kind === 'term' && WH_QUESTION.test(deps.normalize(question.text))) {
    const mentioned = termForms(firstTerm).some((t) => termFrequency(stats, t) > 0);
    // "How many X": the count must be of X (كم عدد الجرحى is not answered by "18 killed").
    if (!mentioned || question.answerType === 'number' || asksKindOf(firstTerm.label)) firstTerm.focus = true;
    else firstTerm.articleFocus = true;
    // "كم عدد المراكز الامتحانية": a relative adjective right after the counted noun says which ones are
    // counted, and must be said too: purchasing centres are not exam centres.
    if (question.answerType === 'number' && firstTerm.focus === true && question.lang === 'ar') {
      const words = deps.tokenize(question.text);
      const at = words.indexOf(firstTerm.label);
      const next = at >= 0 ? words[at + 1] : undefined;
      const qualifier = next !== undefined && NISBA_ADJECTIVE.test(deps.normalize(next)) ? termsInOrder.find((u) => u.label === next) : undefined;
      if (qualifier?.kind === 'term' && !framing(qualifier.label)) qualifier.focus = true;
    }
  }

  const counted = COUNTS_THINGS.test(deps.normalize(question.text)) && !MEASURED.test(deps.normalize(question.text));
  // "How long did it last", "كم يومًا استغرقت": an amount of time answers, not a count of the dead.
  if (question.answerType === 'number' && (asksKind(questionWords, 'duration') || HOW_MANY_TIME_UNITS.test(questionWords.join(' ')))) {
    units.push({ kind: 'answer-type', label: 'number', weight: 1, duration: true });
  } else if (question.answerType === 'number' && PRICE_ASKED.test(questionWords.join(' ')) && HOW_MUCH_ASKED.test(questionWords.join(' '))) {
    units.push({ kind: 'answer-type', label: 'number', weight: 1, money: true });
  } else if (question.answerType === 'number' && counted && !termsInOrder.some((u) => framing(u.label))) {
    units.push({ kind: 'answer-type', label: 'number', weight: 1, countsThings: true });
  } else if (question.answerType !== 'other') units.push({ kind: 'answer-type', label: question.answerType, weight: 1 });
  if (question.date) {
    units.push({ kind: 'date', label: question.date.label, matches: question.date.matches, weight: 2 });
  }
  return { units, entities: mentions, expansion };
}
