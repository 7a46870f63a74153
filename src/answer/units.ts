/** Turning a read question into the units a quoted sentence must cover. */
import type { Language } from '../corpus/article.ts';
import type { EntityMention, QuestionUnit } from './evidence.ts';
import type { AnswerType } from './question.ts';

export interface QuestionDate {
  start: string;
  end: string;
}

export interface UnitDeps {
  analyzeWithSurface(text: string): { surface: string; term: string }[];
  tokenize(text: string): string[];
  normalize(word: string): string;
  matchEntities(text: string): EntityMention[];
  /** Extra analysed Arabic terms for one word (glossary, dialect), possibly empty. */
  expandWord(word: string, lang: Language): string[];
}

/** Corpus statistics the weights come from. */
export interface TermStatistics {
  sentenceCount: number;
  /** In how many sentences each analysed term occurs. */
  documentFrequency: ReadonlyMap<string, number>;
  entityFrequency: ReadonlyMap<string, number>;
  /** Analysed terms that ask nothing specific ("situation", "يحدث"): not required in an answer. */
  genericTerms: ReadonlySet<string>;
}

const MONTH_OR_DATE_WORD = /^(\d{1,4}|[٠-٩]{1,4}|\d{1,2}(st|nd|rd|th))$/;

/** Rarity weight: rare terms matter more; a term found nowhere weighs most. */
export function idf(frequency: number, sentenceCount: number): number {
  return Math.log(1 + sentenceCount / (1 + frequency));
}

function levenshteinAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Known terms one edit away from an unknown Arabic term: typos such as الموجهات / المواجهات. */
export function nearTerms(term: string, vocabulary: Iterable<string>): string[] {
  if (term.length < 4 || !/\p{Script=Arabic}/u.test(term)) return [];
  const near: string[] = [];
  for (const known of vocabulary) {
    if (known.length >= 3 && levenshteinAtMostOne(term, known)) near.push(known);
  }
  return near;
}

/**
 * The units of a question: each entity it names, each content word (with its glossary and typo
 * alternatives, weighted by rarity), the expected kind of answer, and the date it asks about.
 * Words inside an entity mention and date words already captured by the date unit are not repeated.
 */
export function questionUnits(
  question: { text: string; lang: Language; answerType: AnswerType; date: QuestionDate | null; dateLabel?: string },
  stats: TermStatistics,
  deps: UnitDeps,
): { units: QuestionUnit[]; entities: EntityMention[]; expansion: string[] } {
  const units: QuestionUnit[] = [];
  const mentions = deps.matchEntities(question.text);
  const entityWords = new Set<string>();
  const seenEntities = new Set<string>();
  for (const mention of mentions) {
    for (const word of deps.tokenize(mention.surface)) entityWords.add(deps.normalize(word));
    if (seenEntities.has(mention.id)) continue;
    seenEntities.add(mention.id);
    const weight = 1.3 * idf(stats.entityFrequency.get(mention.id) ?? 0, stats.sentenceCount);
    units.push({ kind: 'entity', label: mention.surface, entityId: mention.id, weight });
  }

  const expansion: string[] = [];
  const seenTerms = new Set<string>();
  for (const { surface, term } of deps.analyzeWithSurface(question.text)) {
    if (entityWords.has(deps.normalize(surface))) continue;
    if (question.date && MONTH_OR_DATE_WORD.test(surface)) continue;
    const extra = deps.expandWord(surface, question.lang);
    expansion.push(...extra);
    if (stats.genericTerms.has(term) || seenTerms.has(term)) continue;
    seenTerms.add(term);
    const alternatives = new Set([term, ...extra]);
    const known = [...alternatives].filter((t) => stats.documentFrequency.has(t));
    if (known.length === 0) {
      for (const near of nearTerms(term, stats.documentFrequency.keys())) alternatives.add(near);
    }
    // A word that is also a month name or a number is covered by the date unit when there is one.
    const frequencies = [...alternatives].map((t) => stats.documentFrequency.get(t) ?? 0);
    const weight = idf(Math.max(0, ...frequencies), stats.sentenceCount);
    units.push({ kind: 'term', label: surface, alternatives, weight });
  }

  if (question.answerType !== 'other') units.push({ kind: 'answer-type', label: question.answerType, weight: 1 });
  if (question.date) {
    units.push({ kind: 'date', label: question.dateLabel ?? `${question.date.start}/${question.date.end}`, ...question.date, weight: 2 });
  }
  return { units, entities: mentions, expansion };
}
