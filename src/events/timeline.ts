/**
 * Dated events from the articles: every sentence's date expressions become events, undated sentences
 * that continue an event become extra citations of it, and events about the same day and place from
 * several articles are merged.
 *
 * Rules (general, not keyed to any article):
 * - A sentence makes one event per date expression it holds, except expressions that only qualify
 *   another date in the same sentence: a vague offset from it ("تموز 2016 ... هدأت بعد أيام" is the
 *   July 2016 event's aftermath, not an event of its own) and durations ("بعد أكثر من أسبوع من تصاعد
 *   التوتر"). Relative expressions resolve against the event just told ("قبل هذه الحادثة بنحو أسبوع").
 * - A sentence with no date attaches to the nearest previous event of the same article when
 *   (a) it refers back to it — حينها، آنذاك، وقتها، البيان، المصادر، المذكور، الحادثة، "تلك/هذه
 *   الاشتباكات", or opens with a reporting verb (وقال، وأضاف، وأوضح، وأشار) — and at most one sentence
 *   lies between them; or
 *   (b) it directly follows a sentence of that event, names one of its actors or places (or a place
 *   inside one), and the event is the article's current story (it ended at most `RECENT_DAYS` before
 *   publication): news leads tell today's events over several sentences, while background paragraphs
 *   about old events are followed by general context that must not be dated ("ويفرض النظام السوري
 *   سيطرته ..." after July 2016), and a general remark ("ويعيش في الحي نحو 2000 شخص") names no one.
 * - Actors and places come from the entity lexicon on every cited sentence; "الطرفين/الطرفان" adds the
 *   article's two sides: the two actors of the headline (else the two most mentioned), each replaced by
 *   its sub-organisation when that is the one the body names more often (SDF → Asayish).
 * - Two events merge when they have the same date and precision and their places agree: one has no
 *   place, or the most specific places of one equal or contain (through the lexicon's parents) those of
 *   the other. Merged events keep every citation and the first article's summary.
 */
import type { EventCitation, TimelineEvent } from './types.ts';
import type { Article, Corpus, Sentence } from '../corpus/article.ts';
import { entityById as lexiconEntityById } from '../nlu/entities.ts';
import { analyze } from '../text/analyze.ts';
import { detectLanguage } from '../text/language.ts';
import { addDays } from './calendar.ts';
import { type DateAnchor, type DateMention, extractDateMentions } from './dates.ts';
import { parseQuestionDate, questionDateMatches } from './question-dates.ts';
import { arabicSummary, englishTemplate } from './summary.ts';
import { dateTokens, wordForms } from './tokens.ts';

/** An entity found in text (the shape of `matchEntities` in src/nlu/entities.ts). */
export interface EntityMention {
  id: string;
  kind: 'actor' | 'place';
  start: number;
  end: number;
}

export interface EntityInfo {
  nameAr: string;
  nameEn: string;
  parent?: string;
}

export interface TimelineDeps {
  matchEntities(text: string): readonly EntityMention[];
  /** Names and parents of entities; defaults to the project lexicon. */
  entityById?(id: string): EntityInfo | undefined;
}

export interface TimelineFilterDeps extends TimelineDeps {
  /** "Now" for relative filters ("last week"); defaults to the latest event's end. */
  now?: string;
}

/** Undated sentences continue an event by adjacency only while it is this recent (days before publication). */
export const RECENT_DAYS = 14;

/** Words that point back at an event already told. */
const BACK_REFERENCES = new Set([
  'حينها', 'حينذاك', 'انذاك', 'وقتها', 'وقتذاك', 'عندها', 'يومها', 'البيان', 'المصادر', 'المصدر', 'المذكور', 'المذكوره',
  'الحادثه', 'الحادث',
]);
/** Reporting verbs that, opening a sentence, continue the previous sentence's report. */
const REPORTING_VERBS = new Set([
  'قال', 'قالت', 'قالوا', 'اضاف', 'اضافت', 'اوضح', 'اوضحت', 'اشار', 'اشارت', 'تابع', 'تابعت', 'اكد', 'اكدت', 'ذكر', 'ذكرت',
  'افاد', 'افادت', 'جاء',
]);
const DEMONSTRATIVES = new Set(['تلك', 'هذه', 'هذا', 'ذلك', 'هذين', 'هاتين']);
/** Nouns that, after a demonstrative, name the event just told: "تلك الاشتباكات", "هذه الحادثة". */
const EVENT_NOUN = /^ال(?:اشتباك|معارك|معركه|مواجه|حادث|هجوم|احداث|تفجير|انفجار|قصف|عمليه|واقعه|اتفاق|هدنه|توتر)/;
/** "The two sides". */
const BOTH_SIDES = new Set(['الطرفين', 'الطرفان', 'الجانبين', 'الجانبان', 'للطرفين']);

interface Draft extends TimelineEvent {
  /** Corpus position of the first citation, to keep reading order among equal dates. */
  order: number;
}

function sentenceWords(text: string): string[] {
  return dateTokens(text).filter((token) => token.type === 'word').map((token) => token.norm);
}

function hasAny(words: string[], set: ReadonlySet<string>): boolean {
  return words.some((word) => wordForms(word).some(({ form }) => set.has(form)));
}

/** The sentence points back at an event told before it (see the module rules). */
export function refersBack(text: string): boolean {
  const words = sentenceWords(text);
  if (hasAny(words, BACK_REFERENCES) || hasAny(words.slice(0, 2), REPORTING_VERBS)) return true;
  for (let i = 0; i + 1 < words.length; i += 1) {
    const current = words[i] ?? '';
    const next = words[i + 1] ?? '';
    if (wordForms(current).some(({ form }) => DEMONSTRATIVES.has(form)) && EVENT_NOUN.test(next)) return true;
  }
  return false;
}

function pushUnique(list: string[], values: Iterable<string>): void {
  for (const value of values) if (!list.includes(value)) list.push(value);
}

/** The article's two sides, for "الطرفين". */
function storySides(article: Article, matches: readonly (readonly EntityMention[])[], entityById: (id: string) => EntityInfo | undefined): string[] {
  const counts = new Map<string, number>();
  matches.forEach((found, index) => {
    if (index === 0) return;
    for (const match of found) if (match.kind === 'actor') counts.set(match.id, (counts.get(match.id) ?? 0) + 1);
  });
  const sides: string[] = [];
  pushUnique(sides, (matches[0] ?? []).filter((match) => match.kind === 'actor').map((match) => match.id));
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  pushUnique(sides, byCount);
  const chosen = sides.slice(0, 2).map((id) => {
    let best = id;
    for (const [other, count] of counts) {
      if (entityById(other)?.parent === id && count > (counts.get(best) ?? 0)) best = other;
    }
    return best;
  });
  return [...new Set(chosen)];
}

function ancestors(id: string, entityById: (id: string) => EntityInfo | undefined): Set<string> {
  const result = new Set<string>();
  let current = entityById(id)?.parent;
  while (current !== undefined && !result.has(current)) {
    result.add(current);
    current = entityById(current)?.parent;
  }
  return result;
}

function mostSpecific(places: string[], entityById: (id: string) => EntityInfo | undefined): string[] {
  const covered = new Set(places.flatMap((place) => [...ancestors(place, entityById)]));
  return places.filter((place) => !covered.has(place));
}

/** The same place, or one inside the other. */
function placesRelated(x: string, y: string, entityById: (id: string) => EntityInfo | undefined): boolean {
  return x === y || ancestors(x, entityById).has(y) || ancestors(y, entityById).has(x);
}

function placesAgree(a: string[], b: string[], entityById: (id: string) => EntityInfo | undefined): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return mostSpecific(a, entityById).some((x) => mostSpecific(b, entityById).some((y) => placesRelated(x, y, entityById)));
}

/** Does this mention date an event of its own? (See the module rules.) */
function datesAnEvent(mention: DateMention): boolean {
  if (!mention.relation) return true;
  if (mention.relation.duration) return false;
  return !(mention.relation.vague && mention.relation.anchorInText);
}

/** Builds the events of one article, in reading order (not yet merged). */
function articleEvents(article: Article, deps: Required<TimelineDeps>): Draft[] {
  const matches = article.sentences.map((sentence) => deps.matchEntities(sentence.text));
  const sides = storySides(article, matches, deps.entityById);
  const entitiesOf = (sentence: Sentence): { actors: string[]; places: string[] } => {
    const found = matches[sentence.number] ?? [];
    const actors: string[] = [];
    const places: string[] = [];
    pushUnique(actors, found.filter((m) => m.kind === 'actor').map((m) => m.id));
    pushUnique(places, found.filter((m) => m.kind === 'place').map((m) => m.id));
    if (hasAny(sentenceWords(sentence.text), BOTH_SIDES)) pushUnique(actors, sides);
    return { actors, places };
  };
  const cite = (sentence: Sentence): EventCitation => ({ articleId: article.id, sentenceId: sentence.id, text: sentence.text });
  const recentFrom = addDays(article.published, -RECENT_DAYS);

  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let lastJoined = -Infinity;
  for (const sentence of article.sentences) {
    const anchor: DateAnchor | null = current ? { start: current.start, end: current.end, precision: current.precision } : null;
    const mentions: DateMention[] = extractDateMentions(sentence.text, { published: article.published, anchor }).filter(datesAnEvent);
    const { actors, places } = entitiesOf(sentence);
    if (mentions.length > 0) {
      for (const mention of mentions) {
        let draft: Draft | undefined = drafts.find((d) => d.date === mention.date && d.precision === mention.precision && placesAgree(d.places, places, deps.entityById));
        if (!draft) {
          const names = (ids: string[]): string[] => ids.map((id) => deps.entityById(id)?.nameEn ?? id);
          draft = {
            date: mention.date, precision: mention.precision, start: mention.start, end: mention.end,
            summary: arabicSummary(sentence.text, mention.from, mention.to),
            summaryEn: sentence.english ?? englishTemplate(sentence.text, names(actors), names(places)),
            actors: [], places: [], citations: [], order: sentence.ref,
          };
          drafts.push(draft);
        }
        if (!draft.citations.some((c) => c.sentenceId === sentence.id)) draft.citations.push(cite(sentence));
        pushUnique(draft.actors, actors);
        pushUnique(draft.places, places);
        current = draft;
      }
      lastJoined = sentence.number;
      continue;
    }
    if (!current || sentence.number === 0) continue;
    const adjacent = sentence.number === lastJoined + 1;
    const event = current;
    const sharesEntity = actors.some((id) => event.actors.includes(id))
      || places.some((id) => event.places.some((own) => placesRelated(own, id, deps.entityById)));
    const continues = (refersBack(sentence.text) && sentence.number <= lastJoined + 2)
      || (adjacent && sharesEntity && current.end >= recentFrom);
    if (!continues) continue;
    current.citations.push(cite(sentence));
    pushUnique(current.actors, actors);
    pushUnique(current.places, places);
    lastJoined = sentence.number;
  }
  return drafts;
}

/**
 * Every dated event of the corpus, sorted by start date (then end, then reading order), with actors
 * and places as lexicon ids, an Arabic and an English one-line summary, and verbatim citations.
 */
export function buildTimeline(corpus: Corpus, deps: TimelineDeps): TimelineEvent[] {
  const full: Required<TimelineDeps> = { matchEntities: deps.matchEntities, entityById: deps.entityById ?? lexiconEntityById };
  const merged: Draft[] = [];
  for (const article of corpus.articles) {
    for (const draft of articleEvents(article, full)) {
      const same = merged.find((event) => event.date === draft.date && event.precision === draft.precision
        && placesAgree(event.places, draft.places, full.entityById));
      if (!same) {
        merged.push(draft);
        continue;
      }
      for (const citation of draft.citations) {
        if (!same.citations.some((c) => c.sentenceId === citation.sentenceId)) same.citations.push(citation);
      }
      pushUnique(same.actors, draft.actors);
      pushUnique(same.places, draft.places);
    }
  }
  merged.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.order - b.order);
  return merged.map(({ order: _order, ...event }) => event);
}

/** Filter words that ask for the timeline itself, not a topic (analysed on first use). */
let genericFilterTerms: ReadonlySet<string> | undefined;
function isGenericFilterTerm(term: string): boolean {
  genericFilterTerms ??= new Set(analyze('events event timeline happened أحداث الأحداث حدث جدول زمني ماذا شو صار'));
  return genericFilterTerms.has(term);
}

function eventTerms(event: TimelineEvent): Set<string> {
  return new Set(analyze([event.summary, event.summaryEn, ...event.citations.map((c) => c.text)].join(' ')));
}

/**
 * Narrows a timeline: by a date ("2018", "٢٠١٨", "نيسان 2021", "April 2021", "تموز" = July of any year,
 * "last week"), by a place or actor in Arabic or English (found with `matchEntities`; a place also
 * matches the places inside it, an actor its sub-organisations), and by free words (every remaining
 * content word must occur in the event's summaries or cited sentences). Parts combine with AND; an empty
 * or null filter keeps everything.
 */
export function filterTimeline(events: readonly TimelineEvent[], filter: string | null, deps: TimelineFilterDeps): TimelineEvent[] {
  const text = (filter ?? '').trim();
  if (text === '') return [...events];
  const entityById = deps.entityById ?? lexiconEntityById;
  const now = deps.now ?? events.reduce((max, event) => (event.end > max ? event.end : max), '1970-01-01');
  const date = parseQuestionDate(text, { now, lang: detectLanguage(text), events });
  let rest = text;
  if (date) rest = rest.replace(date.label, ' ');
  const entities = deps.matchEntities(rest);
  let words = rest;
  for (const entity of [...entities].sort((a, b) => b.start - a.start)) words = words.slice(0, entity.start) + ' ' + words.slice(entity.end);
  const terms = analyze(words).filter((term) => !isGenericFilterTerm(term) && !/^\d+$/.test(term));
  const wanted = [...new Set(entities.map((entity) => entity.id))];
  const matchesEntity = (event: TimelineEvent, id: string): boolean =>
    [...event.actors, ...event.places].some((own) => own === id || ancestors(own, entityById).has(id));
  return events.filter((event) => {
    if (date && !questionDateMatches(date, event)) return false;
    if (!wanted.every((id) => matchesEntity(event, id))) return false;
    if (terms.length > 0) {
      const own = eventTerms(event);
      if (!terms.every((term) => own.has(term))) return false;
    }
    return true;
  });
}

/**
 * Merges events built article by article (each list as `buildTimeline` made it for a one-article
 * corpus, in corpus order) into one timeline, by the same rules as `buildTimeline`. Events are
 * bucketed by date and precision, so the work grows with the number of events, not its square.
 * Used when each article's analysis is persisted (src/answer/analysis-store.ts).
 */
export function mergeArticleTimelines(perArticle: readonly (readonly TimelineEvent[])[], deps: Pick<TimelineDeps, 'entityById'> = {}): TimelineEvent[] {
  const entityById = deps.entityById ?? lexiconEntityById;
  const buckets = new Map<string, Draft[]>();
  const merged: Draft[] = [];
  let order = 0;
  for (const events of perArticle) {
    for (const event of events) {
      const key = `${event.date}|${event.precision}`;
      const bucket = buckets.get(key) ?? [];
      const same = bucket.find((e) => placesAgree(e.places, event.places, entityById));
      if (!same) {
        const draft: Draft = { ...event, actors: [...event.actors], places: [...event.places], citations: [...event.citations], order: order++ };
        bucket.push(draft);
        buckets.set(key, bucket);
        merged.push(draft);
        continue;
      }
      for (const citation of event.citations) {
        if (!same.citations.some((c) => c.sentenceId === citation.sentenceId)) same.citations.push(citation);
      }
      pushUnique(same.actors, event.actors);
      pushUnique(same.places, event.places);
    }
  }
  merged.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.order - b.order);
  return merged.map(({ order: _order, ...event }) => event);
}
