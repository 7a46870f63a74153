/**
 * When reports disagree (issue 8). Two articles telling the same event — one story group, or a few
 * days apart naming the same place — may give different values for the fact asked: a death toll
 * (how many), or who holds a place / who started it (who). Then the answer quotes both, side by side
 * with their dates and publishers, instead of picking one.
 *
 * The value a sentence gives is read simply and generally: for "how many", the first quantity it
 * states (dates and years left out); for "who", the actor named nearest the question's own words.
 */
import type { Article, Language } from '../corpus/article.ts';
import { MONTHS, NUMBER_WORDS } from '../events/lexicon.ts';
import { normalizeArabic } from '../text/arabic.ts';
import { tokenize } from '../text/tokenize.ts';
import type { QuestionUnit, SentenceEvidence } from './evidence.ts';
import type { AnswerType } from './question.ts';

/** Reports of one event are at most this many days apart. */
export const SAME_EVENT_DAYS = 3;
/** Positions between an actor and the asked words for it to be what the sentence says. */
const MAX_ACTOR_DISTANCE = 3;
/** How much nearer than any other actor it must be. */
const MIN_ACTOR_MARGIN = 2;
/** Only the best few answerable candidates are compared. */
const CONSIDERED = 8;

export interface DisagreementSide {
  /** The value this report gives: a number, or an actor's entity id. */
  value: string;
  evidence: SentenceEvidence;
}

export interface Disagreement {
  fact: 'number' | 'actor';
  sides: [DisagreementSide, DisagreementSide];
}

export interface DisagreementContext {
  answerType: AnswerType;
  units: readonly QuestionUnit[];
  article(id: string): Article | undefined;
  entityKind(id: string): 'actor' | 'place' | undefined;
}

const ENGLISH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
]);

/** The first quantity a sentence states, skipping day numbers before a month and four-digit years. */
export function firstQuantity(text: string): number | null {
  const words = tokenize(text).map((word) => normalizeArabic(word).toLowerCase());
  for (let i = 0; i < words.length; i += 1) {
    const word = (words[i] as string).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
    if (/^\d+$/.test(word)) {
      const next = words[i + 1] ?? '';
      if (word.length === 4 || MONTHS.has(next) || MONTHS.has(next.replace(/^(?:و|ب|ل|من)/, ''))) continue;
      return Number(word);
    }
    const spelled = NUMBER_WORDS.get(word) ?? NUMBER_WORDS.get(word.replace(/^و/, '')) ?? ENGLISH_NUMBERS.get(word);
    if (spelled !== undefined) return spelled;
  }
  return null;
}

/** The actor named nearest the words of the question (the verb asked about: holds, started...). */
function nearestActor(evidence: SentenceEvidence, units: readonly QuestionUnit[], ctx: DisagreementContext, asked: ReadonlySet<string>): string | null {
  // The question's telling words (the rarest: "started", "roundabout"), not its common ones
  // ("clashes") nor place names, which every actor in the sentence stands near.
  const terms = units.filter((u): u is Extract<QuestionUnit, { kind: 'term' }> => u.kind === 'term');
  const top = Math.max(0, ...terms.map((u) => u.weight));
  const wanted = new Set(terms.filter((u) => u.weight >= 0.75 * top).flatMap((u) => [...u.alternatives, ...u.expanded]));
  const anchors: number[] = [];
  evidence.positions.forEach((position, index) => {
    const place = position.entities.some((id) => ctx.entityKind(id) === 'place');
    if (!place && position.terms.some((term) => wanted.has(term))) anchors.push(index);
  });
  if (anchors.length === 0) return null;
  const distances = new Map<string, number>();
  evidence.positions.forEach((position, index) => {
    for (const id of position.entities) {
      if (ctx.entityKind(id) !== 'actor' || asked.has(id)) continue;
      const distance = Math.min(...anchors.map((anchor) => Math.abs(anchor - index)));
      distances.set(id, Math.min(distance, distances.get(id) ?? Infinity));
    }
  });
  const [best, runnerUp] = [...distances].sort((x, y) => x[1] - y[1]);
  // Conservative on purpose: the actor must stand right by the asked words and clearly nearer than
  // any other ("between the Asayish and the NDF" says nobody in particular). A false disagreement
  // is worse than none.
  if (best === undefined || best[1] > MAX_ACTOR_DISTANCE) return null;
  if (runnerUp !== undefined && runnerUp[1] - best[1] < MIN_ACTOR_MARGIN) return null;
  return best[0];
}

function sameEvent(a: SentenceEvidence, b: SentenceEvidence, ctx: DisagreementContext): boolean {
  const articleA = ctx.article(a.sentence.articleId);
  const articleB = ctx.article(b.sentence.articleId);
  if (!articleA || !articleB || articleA.id === articleB.id) return false;
  if ((articleA.story ?? articleA.id) === (articleB.story ?? articleB.id)) return true;
  const days = Math.abs(Date.parse(articleA.published) - Date.parse(articleB.published)) / 86_400_000;
  if (days > SAME_EVENT_DAYS) return false;
  const placesA = [...a.entities].filter((id) => ctx.entityKind(id) === 'place');
  return placesA.some((id) => b.entities.has(id));
}

/**
 * The first pair of answerable candidates, from two reports of the same event, that give different
 * values for what is asked; null when the reports agree or the question asks for neither kind of fact.
 */
export function findDisagreement(candidates: readonly SentenceEvidence[], ctx: DisagreementContext): Disagreement | null {
  const fact = ctx.answerType === 'number' ? 'number' : ctx.answerType === 'actor' ? 'actor' : null;
  if (fact === null) return null;
  const asked = new Set(ctx.units.flatMap((u) => (u.kind === 'entity' && u.entityKind === 'actor' ? [u.entityId] : [])));
  const valued = candidates.slice(0, CONSIDERED).flatMap((evidence): DisagreementSide[] => {
    const value = fact === 'number' ? firstQuantity(evidence.sentence.text) : nearestActor(evidence, ctx.units, ctx, asked);
    return value === null ? [] : [{ value: String(value), evidence }];
  });
  for (let i = 0; i < valued.length; i += 1) {
    for (let j = i + 1; j < valued.length; j += 1) {
      const a = valued[i] as DisagreementSide;
      const b = valued[j] as DisagreementSide;
      if (a.value !== b.value && sameEvent(a.evidence, b.evidence, ctx)) {
        // Newest report first: it is what people follow; the older one is beside it.
        const newer = (ctx.article(a.evidence.sentence.articleId)?.published ?? '') >= (ctx.article(b.evidence.sentence.articleId)?.published ?? '');
        return { fact, sides: newer ? [a, b] : [b, a] };
      }
    }
  }
  return null;
}

export function disagreementLead(lang: Language): string {
  return lang === 'ar'
    ? 'تختلف التقارير في هذا، وهذا ما يقوله كل منها بتاريخه وناشره:'
    : 'The reports disagree on this. Here is what each says, with its date and publisher:';
}
