/**
 * For an English reader of an Arabic sentence nobody rendered: one line of what was recognised in
 * it (places, actors, numbers, dates, the topics), in English. It is extracted, never a translation,
 * and adapters label it so.
 */
import { normalizeArabic } from '../text/arabic.ts';
import { cardinalValue } from '../text/numbers.ts';
import { tokenize } from '../text/tokenize.ts';
import type { SentenceEvidence } from './evidence.ts';

export interface RecognisedDeps {
  /** The English name of a lexicon entity, and whether it is a place. */
  entity(id: string): { nameEn: string; kind: 'actor' | 'place' } | undefined;
  /** English labels of the concepts a sentence's analysed terms express. */
  concepts(terms: ReadonlySet<string>): string[];
}

/** Most concepts named: the line is a glance, not a summary. */
const MAX_CONCEPTS = 4;

/** The extracted line, or null when nothing was recognised. */
export function recognisedInEnglish(evidence: SentenceEvidence, deps: RecognisedDeps): string | null {
  const places: string[] = [];
  const actors: string[] = [];
  for (const id of evidence.entities) {
    const entity = deps.entity(id);
    if (!entity) continue;
    (entity.kind === 'place' ? places : actors).push(entity.nameEn);
  }
  const numbers: string[] = [];
  for (const word of tokenize(evidence.sentence.text)) {
    const form = normalizeArabic(word);
    if (/^\d[\d.,]*$/.test(form) && !/^(?:19|20)\d\d$/.test(form)) numbers.push(form);
    else {
      const value = cardinalValue(form.replace(/^[وب]/, ''));
      if (value !== undefined) numbers.push(String(value));
    }
  }
  const dates = [...new Set(evidence.events.map((event) => event.date))];
  const topics = deps.concepts(evidence.terms).slice(0, MAX_CONCEPTS);
  const parts = [
    places.length > 0 ? `places: ${[...new Set(places)].join(', ')}` : '',
    actors.length > 0 ? `actors: ${[...new Set(actors)].join(', ')}` : '',
    numbers.length > 0 ? `numbers: ${[...new Set(numbers)].join(', ')}` : '',
    dates.length > 0 ? `dates: ${dates.join(', ')}` : '',
    topics.length > 0 ? `about: ${topics.join(', ')}` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join('; ') : null;
}
