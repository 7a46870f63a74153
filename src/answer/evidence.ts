/**
 * What each corpus sentence can support as evidence, and how much of a question it covers.
 *
 * Abstention is judged by coverage, not by the classifier's confidence: a sentence answers a
 * question only when it (with its immediate context) contains most of the question's content —
 * its entities, its key terms weighted by rarity, and the kind of fact asked for.
 */
import type { Corpus, Sentence } from '../corpus/article.ts';
import { normalizeArabic } from '../text/arabic.ts';
import { PHRASE_JOINER } from '../text/analyze.ts';
import { tokenize } from '../text/tokenize.ts';
import { skeletons } from './skeleton.ts';
import { isMonthWord } from '../text/months.ts';
import { cardinalValue, isArabicDual, isQuantityWord, isVagueCount, ordinalValue } from '../text/numbers.ts';
import { TIME_OF_DAY, UNIT_WORDS } from '../events/lexicon.ts';
import type { TimelineEvent } from './types.ts';
import { FUTURE_VERB, type AnswerType } from './question.ts';
import { hasKindCue, type AnswerKind } from './answer-kind.ts';

/** Entity occurrence in a text, as the lexicon reports it. */
export interface EntityMention {
  id: string;
  kind: 'actor' | 'place';
  surface: string;
  start: number;
  end: number;
}

export interface SentenceEvidence {
  sentence: Sentence;
  /** Analysed terms of the Arabic text and of its English rendering, and the Arabic words' skeletons. */
  terms: ReadonlySet<string>;
  entities: ReadonlySet<string>;
  /** Entities named only as a landmark ("من جهة المطار", near X): not what the sentence is about. */
  landmarkOnly: ReadonlySet<string>;
  /** Entities of the previous sentence of the same article, which this one may refer back to. */
  contextEntities: ReadonlySet<string>;
  /** Places of the article's headline and lead, where a sentence naming no place of its own happens. */
  articlePlaces: ReadonlySet<string>;
  /** Names an actor, or a person (a civilian, a member, gunmen): what "who" asks for. */
  actorMentioned: boolean;
  placeMentioned: boolean;
  /** The places the sentence names (landmarks included). */
  places: ReadonlySet<string>;
  hasNumber: boolean;
  /** Word positions (as in `positions`) of the quantities of the Arabic text. */
  quantities: readonly number[];
  /** Says when: a dated event, or a time expression such as منذ بداية الثورة. */
  hasTime: boolean;
  /** Analysed terms by position, with the entity ids mentioned at each position, for proximity. */
  positions: readonly { terms: readonly string[]; entities: readonly string[] }[];
  /** Dated events this sentence is cited for. */
  events: readonly TimelineEvent[];
  /** Every analysed term of the sentence's article (shared by its sentences), when the source keeps them. */
  articleTerms?: ReadonlySet<string>;
}

export interface EvidenceDeps {
  analyze(text: string): string[];
  matchEntities(text: string): EntityMention[];
  /** Parent entity ids (e.g. Asayish belongs to the SDF), used for partial matches. */
  parentOf(id: string): string | undefined;
}

// Durations answer "how long" (كم استمرت): بعد أيام؛ and an ordinal of one ("في يومه الثامن") says how long so far.
const DURATION_WORDS = new Set([
  'ايام', 'اسابيع', 'اسبوع', 'اشهر', 'شهور', 'سنوات', 'ساعات', 'days', 'weeks', 'week', 'months', 'years', 'hours',
]);
const DURATION_NOUN = /^(?:ال)?(?:يوم|اسبوع|شهر|عام|سنه|ساعه|جول|مرحله|دفعه|day|week|month|year|round|wave)(?:ه|ها)?$/;
// Nouns of a kind of place (the station, the camp, the crossing): "المحطة" points back to the last station named
// (محطة علوك) even in a sentence that names another place, as the type tells which.
const TYPED_PLACE_NOUNS = ['محطه', 'مخيم', 'معبر', 'سجن', 'مشفي', 'مستشفي', 'حاجز', 'دوار', 'بلده', 'قريه', 'ناحيه', 'منطقه'];
const TYPED_ANAPHORA = new Set(TYPED_PLACE_NOUNS.map((noun) => `ال${noun}`));
// Definite place nouns that point back to a place named before, and which places they can mean.
const PLACE_ANAPHORA: ReadonlyMap<string, (place: { id: string; surface: string }, parentOf: (id: string) => string | undefined) => boolean> =
  new Map([
    ['الحي', (p) => p.surface.includes('حي')],
    ['الاحياء', (p) => p.surface.includes('حي')],
    ['الشارع', (p) => p.surface.includes('شارع')],
    ['المقر', (p) => p.surface.includes('مقر')],
    ['المدينه', (p, parentOf) => parentOf(p.id) === undefined || p.surface.includes('مدينه')],
    ...TYPED_PLACE_NOUNS.map((noun): [string, (place: { id: string; surface: string }) => boolean] => [`ال${noun}`, (p) => p.surface.includes(noun)]),
  ]);

/** The place a definite noun such as الحي refers back to: the latest named place of its kind. */
function resolvePlaceAnaphor(
  word: string,
  places: readonly { id: string; surface: string }[],
  parentOf: (id: string) => string | undefined,
): string | undefined {
  const fits = PLACE_ANAPHORA.get(word);
  if (!fits) return undefined;
  for (let i = places.length - 1; i >= 0; i -= 1) {
    const place = places[i];
    if (place && fits(place, parentOf)) return place.id;
  }
  return undefined;
}

// People who can answer "who" without being a named actor: "قُتل مدني برصاص مجهولين".
const PERSON_WORDS = new Set([
  'مدني', 'مدنيين', 'مدنيون', 'عنصر', 'عنصرا', 'عناصر', 'شخص', 'اشخاص', 'رجل', 'رجال', 'امراه', 'نساء', 'طفل', 'اطفال',
  'مسلح', 'مسلحين', 'مسلحون', 'مجهول', 'مجهولين', 'مجهولون', 'مقاتل', 'مقاتلين', 'جندي', 'جنود', 'الضحيه', 'ضحيه', 'قائد', 'مسؤول',
  'civilian', 'civilians', 'member', 'members', 'fighter', 'fighters', 'gunman', 'gunmen', 'man', 'men', 'woman', 'women',
  'child', 'children', 'soldier', 'soldiers', 'victim', 'person', 'people', 'commander', 'official',
  // Roles a report names people by (الطبيب جوان حسن، المشرف على الحملة، مدير المحطة): "who" asks for them.
  'طبيب', 'اطباء', 'مدير', 'مديره', 'رئيس', 'رئيسه', 'مشرف', 'ناطق', 'متحدث', 'متحدثه', 'مراسل', 'ناشط', 'ناشطون',
  'ناشطين', 'مزارع', 'مزارعون', 'مزارعين', 'مربي', 'مربون', 'مربين', 'تاجر', 'تجار', 'معلم', 'معلمون', 'معلمين',
  'مهندس', 'شاهد', 'شهود', 'سائق', 'موظف', 'موظفون', 'موظفين', 'عامل', 'عمال', 'مختار', 'وزير', 'محافظ', 'نائب',
  'عضو', 'اعضاء', 'قيادي', 'مسؤولون', 'مسؤولين',
  'doctor', 'director', 'head', 'spokesman', 'spokesperson', 'spokeswoman', 'supervisor', 'activist', 'activists',
  'farmer', 'farmers', 'merchant', 'teacher', 'teachers', 'engineer', 'witness', 'witnesses', 'driver', 'minister',
  'governor', 'officials',
]);
/** A word of PERSON_WORDS with its proclitic and article taken off (والمسؤول → مسؤول). */
const personWord = (word: string): boolean => PERSON_WORDS.has(word.replace(/^[وفبل]/, '')) || PERSON_WORDS.has(word.replace(/^[وفبل]?(?:ال|لل)/, '')) || PERSON_WORDS.has(word.replace(/^the/, ''));

// A place noun in construct with a name (بلدة الشحيل، قرية تل حبش، في بلدات ...، حي غويران): it names a place
// the gazetteer may not know, which still answers "where" or "which towns".
const PLACE_NOUN = /^[وفب]?(?:بلده|بلدات|بلدتي|قريه|قري|قريتي|مدينه|مدينتي|حي|احياء|مخيم|مخيمي|ناحيه|منطقه|مناطق|ريف|محافظه|محافظتي)$/;

/** True when the words name a place by a place noun followed by its name. */
function namesPlaceByNoun(words: readonly string[]): boolean {
  return words.some((w, i) => PLACE_NOUN.test(w) && (words[i + 1] ?? '').length >= 3);
}

// Time expressions other than calendar dates, which answer "since when" (منذ بداية الثورة, مؤخرا).
const TIME_WORDS = new Set([
  'منذ', 'مؤخرا', 'حينها', 'حين', 'عندما', 'بدايه', 'سابقا', 'لاحقا', 'اليوم', 'امس', 'قبل', 'بعد',
  'since', 'recently', 'ago', 'then', 'when', 'beginning', 'start', 'today', 'yesterday', 'earlier', 'later',
]);

/** "عند الساعة السابعة مساء", "فجرًا": the hour of the day, which "what time" asks for. */
function tellsClockTime(words: readonly string[]): boolean {
  return words.some((w, i) => {
    const bare = w.replace(/^[وب]/, '');
    if (TIME_OF_DAY.has(bare) || TIME_OF_DAY.has(bare.replace(/ا$/, ''))) return true;
    const next = words[i + 1] ?? '';
    return bare === 'الساعه' && (/\d/.test(next) || ordinalValue(next) !== undefined || cardinalValue(next) !== undefined);
  });
}

// Words after which a place is a landmark for another subject: "from the side of", "near", "towards".
const LANDMARK_BEFORE = /(?:من جهه|جهه|باتجاه|اتجاه|قرب|بالقرب من|محيط|بمحيط|في محيط|اطراف|باطراف|مقابل|near|towards|next to|close to)\s*$/i;

/** True when the mention is introduced as a landmark in its text. */
export function isLandmarkMention(text: string, mention: EntityMention): boolean {
  return LANDMARK_BEFORE.test(normalizeArabic(text.slice(Math.max(0, mention.start - 24), mention.start)).trimEnd());
}

// Words after which a place is what was closed or opened: "بعد إغلاق معبر سيمالكا", "since the closure of".
const CLOSED_BEFORE = /(?:^|\s)[وب]?(?:اغلاق|فتح|افتتاح|قطع|closure of|closing of|reopening of|opening of|closing|reopening)\s*$/i;

/**
 * True when a question names a place as the thing closed or opened (a crossing, a road): the closure is
 * felt elsewhere (prices in the markets it supplies), so the place is the cause asked about, not where
 * the answer must be set.
 */
export function isClosedPlaceMention(text: string, mention: EntityMention): boolean {
  return CLOSED_BEFORE.test(normalizeArabic(text.slice(Math.max(0, mention.start - 24), mention.start)).trimEnd());
}

const YEAR_CUES = new Set(['في', 'عام', 'العام', 'سنه', 'منذ', 'مطلع', 'اواخر', 'نهايه', 'بدايه', 'in', 'since', 'year', 'of']);
const isMonth = isMonthWord;

/** A number that writes a date ("25 من نيسان", "April 23", "2018") is not a quantity. */
function isDateNumber(words: readonly string[], i: number): boolean {
  const word = words[i] ?? '';
  // A four-digit number is a year where a year is introduced (في 2018، عام 2014، أيلول 2018), not in "2000 شخص".
  if (/^(?:19|20)\d\d$/.test(word) && (YEAR_CUES.has(words[i - 1] ?? '') || isMonth(words[i - 1]))) return true;
  return isMonth(words[i + 1]) || (words[i + 1] === 'من' && isMonth(words[i + 2])) || isMonth(words[i - 1]);
}

/** Positions of the words that state a quantity (not a date): where a count stands in the sentence. */
function quantityPositions(words: readonly string[]): number[] {
  return words.flatMap((w, i) => (isQuantity(words, w, i) ? [i] : []));
}

function isQuantity(words: readonly string[], w: string, i: number): boolean {
  return (

      (/\d/.test(w) && !isDateNumber(words, i)) ||
      isQuantityWord(w) ||
      isArabicDual(w) ||
      DURATION_WORDS.has(w) ||
      // "اليوم الثامن", "its third week": the ordinal of a time unit counts how long.
      (ordinalValue(w) !== undefined && DURATION_NOUN.test(words[i - 1] ?? '')) ||
      isSeriesOrdinal(words, w, i)
  );
}

/** Words after an ordinal that do not make it count a noun ("ثاني أكبر" ranks; "ثالث من" is partitive). */
const NOT_COUNTED_AFTER_ORDINAL = new Set(['من', 'في', 'على', 'عن', 'اكبر', 'اكثر', 'اعلى', 'اهم']);

/**
 * "ثالث عملية خطف منذ بداية العام", "رابع هجوم هذا الشهر": an article-less ordinal (second to tenth) in
 * construct with the noun after it numbers that noun in a series, so it tells how many there have been.
 * With the article (الثالث من آب، اليوم الثامن) it says which one; أول is left out (أول أمس، أول مرة).
 */
function isSeriesOrdinal(words: readonly string[], w: string, i: number): boolean {
  const value = ordinalValue(w);
  if (value === undefined || value < 2 || w.startsWith('ال')) return false;
  const next = words[i + 1] ?? '';
  return /^\p{Script=Arabic}{3,}$/u.test(next) && !next.startsWith('ال') && !NOT_COUNTED_AFTER_ORDINAL.has(next);
}

function mentionsNumber(words: readonly string[]): boolean {
  return words.some((w, i) => isQuantity(words, w, i));
}

/** Each word of a text with its analysed terms and skeletons, and the entities whose mention covers it. */
function tokenPositions(
  text: string,
  mentions: readonly EntityMention[],
  analyze: (text: string) => string[],
): { terms: string[]; entities: string[] }[] {
  const positions: { terms: string[]; entities: string[] }[] = [];
  let offset = 0;
  for (const word of tokenize(text)) {
    const start = text.indexOf(word, offset);
    const at = start >= 0 ? start : offset;
    offset = at + word.length;
    const entities = mentions.filter((m) => m.start < at + word.length && m.end > at).map((m) => m.id);
    positions.push({ terms: [...analyze(word), ...skeletons(word)], entities });
  }
  return positions;
}

/** Builds the evidence table for every sentence of the corpus, once at start. */
export function buildEvidence(
  corpus: Corpus,
  events: readonly TimelineEvent[],
  deps: EvidenceDeps,
  words: (text: string) => string[],
): SentenceEvidence[] {
  const eventsBySentence = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    for (const citation of event.citations) {
      const list = eventsBySentence.get(citation.sentenceId) ?? [];
      list.push(event);
      eventsBySentence.set(citation.sentenceId, list);
    }
  }
  const evidence: SentenceEvidence[] = [];
  let previous: { articleId: string; entities: ReadonlySet<string> } | undefined;
  let placesSoFar: { articleId: string; id: string; surface: string }[] = [];
  const mentionsOf = corpus.sentences.map((sentence) => deps.matchEntities(sentence.text));
  // A report names its place in the headline and the lead, then says "the city" or nothing at all:
  // every later sentence happens there unless it names another place.
  const leadPlaces = new Map<string, Set<string>>();
  corpus.sentences.forEach((sentence, i) => {
    if (sentence.number > LEAD_SENTENCES) return;
    const places = leadPlaces.get(sentence.articleId) ?? new Set<string>();
    for (const m of mentionsOf[i] ?? []) if (m.kind === 'place') places.add(m.id);
    leadPlaces.set(sentence.articleId, places);
  });
  for (const [i, sentence] of corpus.sentences.entries()) {
    const mentions = mentionsOf[i] ?? [];
    const entities = new Set(mentions.map((m) => m.id));
    const landmarkOnly = new Set(
      [...entities].filter((id) => mentions.filter((m) => m.id === id).every((m) => isLandmarkMention(sentence.text, m))),
    );
    const terms = new Set(deps.analyze(sentence.text));
    if (sentence.english) for (const term of deps.analyze(sentence.english)) terms.add(term);
    for (const word of tokenize(sentence.text)) for (const form of skeletons(word)) terms.add(form);
    const positions = tokenPositions(sentence.text, mentions, deps.analyze);
    const sentenceWords = [...words(sentence.text), ...(sentence.english ? words(sentence.english) : [])];
    const contextEntities = new Set(entities);
    if (previous?.articleId === sentence.articleId && sentence.number > 1) {
      for (const id of previous.entities) contextEntities.add(id);
    }
    // "ويعيش في الحي": a definite place noun refers back to the last place of its kind the article named.
    placesSoFar = placesSoFar.filter((p) => p.articleId === sentence.articleId);
    const namesPlace = mentions.some((m) => m.kind === 'place');
    for (const word of words(sentence.text)) {
      const bare = word.replace(/^[وفبل]/, '');
      if (namesPlace && !TYPED_ANAPHORA.has(bare)) continue;
      const referent = resolvePlaceAnaphor(bare, placesSoFar, deps.parentOf);
      if (referent) contextEntities.add(referent);
    }
    for (const m of mentions) if (m.kind === 'place') placesSoFar.push({ articleId: sentence.articleId, id: m.id, surface: normalizeArabic(m.surface) });
    evidence.push({
      sentence,
      terms,
      entities,
      landmarkOnly,
      contextEntities,
      articlePlaces: mentions.some((m) => m.kind === 'place') ? new Set() : (leadPlaces.get(sentence.articleId) ?? new Set()),
      actorMentioned: mentions.some((m) => m.kind === 'actor') || sentenceWords.some(personWord),
      placeMentioned: mentions.some((m) => m.kind === 'place') || namesPlaceByNoun(words(sentence.text)),
      places: new Set(mentions.filter((m) => m.kind === 'place').map((m) => m.id)),
      hasNumber: mentionsNumber(sentenceWords),
      quantities: quantityPositions(words(sentence.text)),
      hasTime: (eventsBySentence.get(sentence.id)?.length ?? 0) > 0 || words(sentence.text).some((w) => TIME_WORDS.has(w.replace(/^و/, ''))) || tellsClockTime(words(sentence.text)),
      positions,
      events: eventsBySentence.get(sentence.id) ?? [],
    });
    previous = { articleId: sentence.articleId, entities };
  }
  const articleTerms = new Map<string, Set<string>>();
  for (const item of evidence) {
    const terms = articleTerms.get(item.sentence.articleId) ?? new Set<string>();
    for (const term of item.terms) terms.add(term);
    articleTerms.set(item.sentence.articleId, terms);
    item.articleTerms = terms;
  }
  return evidence;
}

/** One piece of a question that the answer must cover. */
export type QuestionUnit =
  | {
      kind: 'term';
      label: string;
      /** The word's own analysed forms. */
      alternatives: ReadonlySet<string>;
      /** Its glossary translations and synonyms. */
      expanded: ReadonlySet<string>;
      /** Skeletons, typo corrections and shared stems. */
      fuzzy: ReadonlySet<string>;
      /** Dictionary translations and transliterated names, each with its credit (below a glossary match's). */
      translated?: ReadonlyMap<string, number>;
      weight: number;
      focus?: boolean;
      /**
       * The first word a wh-question asks about, found somewhere in the articles: a sentence whose own
       * article never says it in any form cannot answer (the commander's name, from a report that
       * names Asayish and Qamishli but no commander).
       */
      articleFocus?: boolean;
    }
  | {
      kind: 'entity';
      label: string;
      entityId: string;
      entityKind: 'actor' | 'place';
      weight: number;
      landmark: boolean;
      /** The analysed terms of its names, by which a sentence may name it as an adjective (التركي for Turkey). */
      nameTerms?: readonly string[];
    }
  | {
      kind: 'answer-type';
      label: AnswerType;
      weight: number;
      /**
       * "How many generators", "كم عدد الطلاب": things are counted, so a measure (2000 ليرة، عشر ساعات،
       * أربعة أطنان) does not count them unless the thing asked is itself the unit.
       */
      countsThings?: boolean;
      /** "How long", "كم يومًا", "قديش طوّلت": the number is an amount of time (ثلاث ساعات، 17 يومًا). */
      duration?: boolean;
      /** "كم سعر"، "قديش حق الصهريج"، "how much does it cost": the number is a sum of money (30 ألف ليرة). */
      money?: boolean;
    }
  | { kind: 'date'; label: string; matches(event: { start: string; end: string }): boolean; weight: number };

export type TermUnit = Extract<QuestionUnit, { kind: 'term' }>;

export { PHRASE_JOINER };

/** True when a set of analysed terms holds the term, or every word of a joined phrase. */
export function hasTerm(terms: ReadonlySet<string>, term: string): boolean {
  if (!term.includes(PHRASE_JOINER)) return terms.has(term);
  return term.split(PHRASE_JOINER).every((part) => terms.has(part));
}

/** The words a term stands for in a search: itself, or the words of a joined phrase. */
export function searchWords(term: string): string[] {
  return term.split(PHRASE_JOINER);
}

/** Every analysed form a term unit may be found by: its own, glossary, fuzzy and translated. */
export function termForms(unit: TermUnit): string[] {
  return [...unit.alternatives, ...unit.expanded, ...unit.fuzzy, ...(unit.translated?.keys() ?? [])];
}

/** How well one sentence satisfies one unit, from 0 to 1. */
export function unitMatch(unit: QuestionUnit, evidence: SentenceEvidence, parentOf: (id: string) => string | undefined): number {
  switch (unit.kind) {
    case 'term':
      for (const term of unit.alternatives) if (hasTerm(evidence.terms, term)) return 1;
      // A translation or synonym is good evidence, a little less than the word itself.
      for (const term of unit.expanded) if (hasTerm(evidence.terms, term)) return EXPANDED_CREDIT;
      {
        // A dictionary sense may be the wrong one: it earns less, the less likely the sense.
        let best = 0;
        for (const [term, credit] of unit.translated ?? []) if (credit > best && hasTerm(evidence.terms, term)) best = credit;
        // Skeletons, typos and shared stems are likely but not certain matches (مدني / مدينة).
        for (const term of unit.fuzzy) if (hasTerm(evidence.terms, term)) return Math.max(best, FUZZY_CREDIT);
        return best;
      }
    case 'entity': {
      if (evidence.entities.has(unit.entityId)) return evidence.landmarkOnly.has(unit.entityId) && !unit.landmark ? 0.8 : 1;
      if (evidence.contextEntities.has(unit.entityId)) return 0.7;
      if (evidence.articlePlaces.has(unit.entityId)) return ARTICLE_PLACE_CREDIT;
      // A sentence about a part (Halko, the Asayish) partly answers a question about the whole
      // (Qamishli, the SDF). The reverse holds for organisations only: what the SDF does its Asayish
      // does, but a sentence about Qamishli says nothing about one of its neighbourhoods.
      for (const id of evidence.entities) if (parentOf(id) === unit.entityId) return 0.5;
      const parent = parentOf(unit.entityId);
      if (unit.entityKind === 'actor' && parent !== undefined && evidence.entities.has(parent)) return 0.5;
      // "الجانب التركي", "قصف تركي": the name's adjective speaks of the country or group, not of a place in it.
      if (unit.nameTerms?.some((term) => evidence.terms.has(term))) return NAME_ADJECTIVE_CREDIT;
      return 0;
    }
    case 'answer-type':
      switch (unit.label) {
        case 'actor': return evidence.actorMentioned ? 1 : 0;
        case 'place': return evidence.placeMentioned ? 1 : 0;
        case 'number': return evidence.hasNumber && (unit.duration !== true || tellsDuration(evidence)) && (unit.money !== true || tellsSum(evidence)) ? 1 : 0;
        case 'date': return evidence.hasTime ? 1 : 0;
        case 'calendar-date': return evidence.events.length > 0 ? 1 : 0;
        case 'name': return namesSomeone(evidence) ? 1 : 0;
        case 'other': return 1;
      }
      return 0;
    case 'date':
      return evidence.events.some((event) => unit.matches(event)) ? 1 : 0;
  }
}

// Words a report introduces names with: هما رامان خليل وعبد الكريم الأحمد، يدعى خالد، أسماء القتلى، named.
// "والتاجر المخطوف هو جوان شيخو": a pronoun of identity names someone too, unless what follows is no name
// ("هو ما", "هي الرابعة", a quotation: a name takes no article).
const NAMING_CUE = /(?:^|[\s(،,:])(?:[وف]?(?:هما|هم|يدعي|تدعي|المدعو|المدعوه|اسمه|اسمها|اسماء|اسماءهم))(?=[\s،,:]|$)|[^\s،,.]\s(?:هو|هي)\s(?!ما\s|من\s|في\s|ان\s|ال)[\u0621-\u064A]|\bnamed\b|\bnames\b/;

/** True when the sentence gives someone's name (as its words introduce one). */
function namesSomeone(evidence: SentenceEvidence): boolean {
  const { text, english } = evidence.sentence;
  return NAMING_CUE.test(normalizeArabic(text)) || (english !== null && english !== undefined && NAMING_CUE.test(english.toLowerCase()));
}

/** True when the sentence gives a cause or purpose: what "why" asks for. */
export function givesReason(evidence: SentenceEvidence): boolean {
  return hasKindCue('reason', evidence.sentence.text, evidence.sentence.english);
}

/**
 * True when the sentence supplies the kind of information asked for (a reason, a plan, a means, a
 * duration, who started it): what a sentence that merely restates the question's topic does not.
 */
export function suppliesKind(kind: AnswerKind, evidence: SentenceEvidence, published?: string): boolean {
  return kind === 'plan' ? speaksOfFuture(evidence, published) : hasKindCue(kind, evidence.sentence.text, evidence.sentence.english);
}

/**
 * True when the sentence tells of what is yet to come: a future word, or an event it dates after its
 * report's day. What "when will" asks for; a report of what already happened does not answer it.
 */
export function speaksOfFuture(evidence: SentenceEvidence, published?: string): boolean {
  const { text, english } = evidence.sentence;
  // سوف، المقبل، من المقرر، تعتزم، وعد; will, expected, next (knowledge/answer-cues.json), or the future سـ (ستبدأ، سيتم).
  if (hasKindCue('plan', text, english) || tokenize(normalizeArabic(text)).some((word) => FUTURE_VERB.test(word))) return true;
  if (published === undefined) return false;
  const day = Date.parse(published.slice(0, 10));
  return evidence.events.some((event) => Date.parse(event.start) > day);
}

/** True when every quantity the sentence states is a vague count (عشرات العائلات): it says no number. */
export function countsOnlyVaguely(evidence: SentenceEvidence): boolean {
  if (evidence.quantities.length === 0) return false;
  const words = tokenize(evidence.sentence.text).map((w) => normalizeArabic(w));
  return evidence.quantities.every((q) => isVagueCount(words[q] ?? ''));
}

/**
 * How the sentence counts the question's focus (كم عدد النازحين): 'precise' when a number stands next to
 * it (16 ألف نازح), 'vague' when only a vague count does (عشرات العائلات النازحة, beside 250 flooded
 * tents), 'none' when no quantity does.
 */
export function countsFocus(evidence: SentenceEvidence, focus: TermUnit): 'precise' | 'vague' | 'none' {
  if (evidence.quantities.length === 0) return 'none';
  // Its own word or the glossary's: a dictionary sense or a typo guess may be the wrong word.
  const forms = [...focus.alternatives, ...focus.expanded];
  const focusAt = evidence.positions.flatMap((p, i) => (p.terms.some((t) => forms.includes(t)) ? [i] : []));
  const counting = evidence.quantities.filter((q) => focusAt.some((i) => Math.abs(q - i) <= FOCUS_COUNT_WINDOW));
  if (counting.length === 0) return 'none';
  const words = tokenize(evidence.sentence.text).map((w) => normalizeArabic(w));
  return counting.every((q) => isVagueCount(words[q] ?? '')) ? 'vague' : 'precise';
}

/** A count this close to the asked thing counts it (عشرات العائلات النازحة، 16 ألف نازح). */
const FOCUS_COUNT_WINDOW = 3;

/** How many words apart a count and the noun it counts may stand (٢٥ ألف ليرة للصهريج، ارتفع عدد القتلى إلى 12). */
const COUNT_WINDOW = 6;

// Units a quantity measures in rather than counting things: money, time, distance, weight, volume, share.
const MEASURE_UNIT = /^(?:[وبل]?(?:ال)?)(?:ليره|ليرات|دولار|دولارا|دولارات|يورو|دينار|ساعه|ساعات|ساعتين|ساعتان|دقيقه|دقايق|يوم|يوما|ايام|يومين|اسبوع|اسابيع|اسبوعين|شهر|اشهر|شهور|شهرين|سنه|سنوات|سنتين|عام|اعوام|عامين|متر|امتار|مترا|كيلومتر|كيلومترات|كيلومترا|كم|طن|اطنان|طنا|طنين|ليتر|ليترات|لتر|لترات|كيلو|كيلوغرام|كيلوغرامات|غرام|غراما|دونم|دونما|دونمات|هكتار|بالمئه|بالماءه|بالميه|درجه|درجات|%|pounds?|dollars?|hours?|days?|weeks?|months?|years?|minutes?|km|kilomet(?:re|er)s?|met(?:re|er)s?|tons?|tonnes?|lit(?:re|er)s?|percent|%)$/;

// Units of time: a quantity in one of them (ثلاث ساعات، 17 يومًا، لليوم التاسع) tells how long something lasted.
// The Arabic units are the date grammar's (events/lexicon.ts), with minutes, which no date is counted in.
const OTHER_TIME_UNIT = /^(?:دقيقه|دقايق|دقيقتين|hours?|days?|weeks?|months?|years?|minutes?)$/;
const isTimeUnit = (word: string): boolean => {
  const bare = word.replace(/^[وبل]?(?:ال|ل)?/, '');
  return UNIT_WORDS.has(bare) || OTHER_TIME_UNIT.test(bare);
};

/** True when a quantity of the sentence is an amount of time: what "how long" asks for. */
function tellsDuration(evidence: SentenceEvidence): boolean {
  return quantityIn(evidence, isTimeUnit, true);
}

// Currencies: a quantity in one of them (30 ألف ليرة، 150 دولارًا، 37 سنتًا) is a price, a wage or a sum.
const CURRENCY = /^(?:[وبل]?(?:ال|ل)?)(?:ليره|ليرات|دولار|دولارا|دولارات|يورو|دينار|دينارا|سنت|سنتا|سنتات|\$|pounds?|dollars?|euros?|cents?|syp|usd)$/;

/** True when a quantity of the sentence is a sum of money: what "how much does it cost" asks for. */
function tellsSum(evidence: SentenceEvidence): boolean {
  return quantityIn(evidence, (word) => CURRENCY.test(word), false);
}

/**
 * True when a quantity of the sentence is in a unit (ثلاث ساعات، 25 ألف ليرة): the unit right after it,
 * past its multiplier, or the quantity a unit itself (ساعتين); an ordinal after one when `ordinal` (لليوم التاسع).
 */
function quantityIn(evidence: SentenceEvidence, isUnit: (word: string) => boolean, ordinal: boolean): boolean {
  const words = tokenize(evidence.sentence.text).map((w) => normalizeArabic(w).toLowerCase());
  return evidence.quantities.some((q) => {
    if (isUnit(words[q] ?? '') || (ordinal && isUnit(words[q - 1] ?? ''))) return true;
    let next = q + 1;
    while (next < words.length && isQuantityWord(words[next] ?? '') && !isUnit(words[next] ?? '')) next += 1;
    return isUnit(words[next] ?? '');
  });
}

/** True when the quantity at a word measures in a unit (25 ألف ليرة، عشر ساعات) rather than counting things. */
function measures(words: readonly string[], at: number): boolean {
  if (MEASURE_UNIT.test(words[at] ?? '')) return true;
  let next = at + 1;
  // "25 ألف ليرة": the multiplier is part of the number.
  while (next < words.length && isQuantityWord(words[next] ?? '') && !MEASURE_UNIT.test(words[next] ?? '')) next += 1;
  return MEASURE_UNIT.test(words[next] ?? '');
}

const unitForms = (unit: TermUnit): string[] => [...unit.alternatives, ...unit.expanded, ...unit.fuzzy, ...(unit.translated?.keys() ?? [])];

/**
 * True when a quantity stands near a word of the focus unit or of another word the question asks
 * about ("ارتفع عدد القتلى المدنيين ... إلى خمسة مدنيين": the count repeats the noun), or when the
 * focus matches only outside the Arabic text's positions (its English rendering), where nearness
 * cannot be told.
 */
function countsNear(focus: TermUnit, terms: readonly TermUnit[], evidence: SentenceEvidence, countsThings: boolean): boolean {
  const positionsOf = (forms: string[]): number[] => evidence.positions.flatMap((p, i) => (p.terms.some((t) => forms.includes(t)) ? [i] : []));
  const focusAt = positionsOf(unitForms(focus));
  if (focusAt.length === 0) return true;
  let quantities = evidence.quantities;
  // Counting things, only a count will do, unless the focus is itself a unit (كم ساعة، how many days).
  if (countsThings) {
    const words = tokenize(evidence.sentence.text).map((w) => normalizeArabic(w));
    if (!focusAt.some((i) => MEASURE_UNIT.test(words[i] ?? ''))) quantities = quantities.filter((q) => !measures(words, q));
  }
  const at = [...focusAt, ...positionsOf(terms.flatMap(unitForms))];
  return at.some((i) => quantities.some((q) => Math.abs(q - i) <= COUNT_WINDOW));
}

/**
 * True when the sentence (or, naming none, its article) is set in places none of which contains or
 * lies within the asked place: Qamishli's bread is not Hasakah's, but Allouk is in Ras al-Ain.
 */
function setElsewhere(asked: string, evidence: SentenceEvidence, parentOf: (id: string) => string | undefined): boolean {
  const places = evidence.places.size > 0 ? evidence.places : evidence.articlePlaces;
  if (places.size === 0) return false;
  const lineage = (id: string): Set<string> => {
    const chain = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !chain.has(at); at = parentOf(at)) chain.add(at);
    return chain;
  };
  const askedLineage = lineage(asked);
  for (const place of places) if (askedLineage.has(place) || lineage(place).has(asked)) return false;
  return true;
}

/** Words that count a date from the reader's now: this year, last week, هذا الشهر، الماضي، أمس. */
const DEICTIC_DATE = /(?:^|\s)(?:this|last|next|past|coming|current|yesterday|today|ago|هذا|هذه|هالسنه|هالشهر|هالاسبوع|الماضي|الماضيه|الحالي|الحاليه|الجاري|القادم|المقبل|امس|البارحه|مبارح|اليوم)(?=\s|$)/;

/** True when a date is counted from now and writes no year. */
function isDeicticDate(label: string): boolean {
  const words = normalizeArabic(label).toLowerCase();
  return !writesYear(words) && DEICTIC_DATE.test(words);
}

/** What a sentence's article tells about it: the day it was published, the terms of its headline and lead. */
export interface ArticleContext {
  published?: string;
  lead?: ReadonlySet<string>;
  /** The terms of the article's headline and lead, for telling whether the article is about what is asked (never credited). */
  topic?: ReadonlySet<string>;
}

/** Credit for a question word found only in the headline or lead of the sentence's article. */
export const TOPIC_CREDIT = 0.5;

/** True when a date's words give its year (2016, ٢٠١٩), not a relative or yearless date. */
function writesYear(label: string): boolean {
  return /(?:^|\D)(?:19|20)\d\d(?:\D|$)/.test(normalizeArabic(label));
}

/** True when the asked date covers the day a report was published. */
function reportDayMatches(unit: Extract<QuestionUnit, { kind: 'date' }>, published: string): boolean {
  const day = published.slice(0, 10);
  return unit.matches({ start: day, end: day });
}

/** Sentences of an article's lead (after the headline) whose places are the article's. */
export const LEAD_SENTENCES = 1;

/** Credit for a place known only from the article's headline and lead. */
export const ARTICLE_PLACE_CREDIT = 0.6;

/** Credit for an entity named only by a word of its name's stem (التركي for Turkey). */
export const NAME_ADJECTIVE_CREDIT = 0.6;

/** Credit for a match through the glossary rather than the word itself. */
export const EXPANDED_CREDIT = 0.9;

/** Credit for a match through a word's skeleton, a typo or a shared stem rather than the word itself. */
export const FUZZY_CREDIT = 0.75;

/** How much of its coverage a sentence keeps when it cannot supply the kind of answer asked for. */
export const ANSWER_TYPE_GATE = 0.45;

/** Why a sentence kept only part of its coverage: the gate that closed on it. */
export type GateReason =
  | `no-${AnswerType}`
  | 'count-not-near'
  | 'focus-missing'
  | 'focus-not-in-article'
  | 'other-date'
  | 'report-day'
  | 'elsewhere'
  | 'future'
  | 'names-only';

/** What `coverage` may report for an explanation: the share covered before any gate, and the gates that closed. */
export interface CoverageTrace {
  share?: number;
  gates: GateReason[];
}

/**
 * Weighted share of the question's units that a sentence covers, from 0 to 1 (1 when there are
 * none). Its article's date stands for the date of a sentence that dates nothing, and its headline and lead
 * for the topic a sentence leaves unsaid. A sentence with no number cannot say "how many", one with no actor cannot say "who":
 * missing the expected answer type scales the whole coverage down, not just one unit's share.
 */
export function coverage(
  units: readonly QuestionUnit[],
  evidence: SentenceEvidence,
  parentOf: (id: string) => string | undefined,
  article: ArticleContext = {},
  trace?: CoverageTrace,
): number {
  const { published, lead } = article;
  let total = 0;
  let covered = 0;
  let gate = 1;
  const close = (reason: GateReason): void => {
    gate = ANSWER_TYPE_GATE;
    trace?.gates.push(reason);
  };
  const focus = units.find((u): u is TermUnit => u.kind === 'term' && u.focus === true);
  const termUnits = units.filter((u): u is TermUnit => u.kind === 'term');
  let termSaid = false;
  let dateSaid = false;
  for (const unit of units) {
    const own = unitMatch(unit, evidence, parentOf);
    // A report names its topic in the headline and lead, then leaves it out ("the outbreak", nothing).
    const match = unit.kind === 'term' && own < TOPIC_CREDIT && lead && termForms(unit).some((form) => hasTerm(lead, form)) ? TOPIC_CREDIT : own;
    if (unit.kind === 'answer-type') {
      if (match === 0) close(`no-${unit.label}`);
      // "How many residents": a number elsewhere in the sentence does not count them.
      else if (unit.label === 'number' && focus && !countsNear(focus, termUnits, evidence, unit.countsThings === true)) close('count-not-near');
      continue;
    }
    // The question's focus (the name, the commander, the civilians asked about) cannot be left out;
    // nor its date, when the sentence is dated otherwise.
    // The sentence itself must say it: a focus only its headline names is not answered by it.
    if (unit.kind === 'term' && unit.focus && own === 0) close('focus-missing');
    if (unit.kind === 'term' && unit.articleFocus && match === 0 && evidence.articleTerms) {
      const { articleTerms } = evidence;
      if (!termForms(unit).some((form) => hasTerm(articleTerms, form))) close('focus-not-in-article');
    }
    // Not for a date counted from now (this year, هذا الشهر): asked of older reports, it is their year.
    if (unit.kind === 'date' && match === 0 && evidence.events.length > 0 && !isDeicticDate(unit.label)) close('other-date');
    // A sentence that dates nothing tells of its report's day: a report of 2023 does not answer for 2016.
    // Only a date written with its year: "this July" counts from the reader's now, which may be the report's.
    if (unit.kind === 'date' && match === 0 && evidence.events.length === 0 && published !== undefined && writesYear(unit.label) && !reportDayMatches(unit, published)) {
      close('report-day');
    }
    // Bread prices in Qamishli do not answer for Hasakah: a sentence set in another place cannot
    // answer about the asked one (a place it does not name at all may still be implied).
    if (unit.kind === 'entity' && unit.entityKind === 'place' && !unit.landmark && match === 0 && setElsewhere(unit.entityId, evidence, parentOf)) {
      close('elsewhere');
    }
    if (unit.kind === 'term' && match > 0) termSaid = true;
    if (unit.kind === 'date' && match > 0) dateSaid = true;
    total += unit.weight;
    covered += unit.weight * match;
  }
  // A sentence that names the asked actor or place, in an article whose headline and lead say none of the
  // words of what is asked of it ("what did the UN say about the fighting": a line on the UN's offices),
  // does not answer: among many articles, a name alone is found in sentences about anything. Its article's
  // lead saying them is enough (a report names its topic once, then tells of it by its actors and places),
  // and so is the asked date.
  const about = article.topic ?? article.lead;
  if (termUnits.length > 0 && !termSaid && !dateSaid && about && !termUnits.some((u) => termForms(u).some((form) => hasTerm(about, form)))) close('names-only');
  if (trace) trace.share = total === 0 ? 1 : covered / total;
  return total === 0 ? gate : (covered / total) * gate;
}
