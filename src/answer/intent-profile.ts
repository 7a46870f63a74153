/**
 * Intent profiles: the words that mark an intent, learnt from the intent training utterances.
 * A sentence fits a question's intent when it uses that intent's words (an "actor" question is best
 * answered by a sentence saying "التابعة لـ", a "displacement" one by a sentence saying "نزوح").
 */
import type { IntentName } from './types.ts';

export interface IntentExampleText {
  intent: string;
  text: string;
}

export interface ProfileOptions {
  /** A term must occur in at least this many of the intent's utterances. */
  minCount: number;
  /** ...and be this many times more frequent in the intent than in the others. */
  minLift: number;
  /** At most this many terms per intent. */
  maxTerms: number;
}

const DEFAULTS: ProfileOptions = { minCount: 2, minLift: 3, maxTerms: 40 };

/**
 * Learns each intent's marker terms. `termsOf` must return the analysed content terms of an
 * utterance with entity names removed, so that a profile holds what is asked, not about whom.
 */
export function buildIntentProfiles(
  examples: readonly IntentExampleText[],
  termsOf: (text: string) => readonly string[],
  options: Partial<ProfileOptions> = {},
): Map<IntentName, ReadonlySet<string>> {
  const { minCount, minLift, maxTerms } = { ...DEFAULTS, ...options };
  const counts = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const example of examples) {
    sizes.set(example.intent, (sizes.get(example.intent) ?? 0) + 1);
    const perIntent = counts.get(example.intent) ?? new Map<string, number>();
    counts.set(example.intent, perIntent);
    for (const term of new Set(termsOf(example.text))) {
      perIntent.set(term, (perIntent.get(term) ?? 0) + 1);
      totals.set(term, (totals.get(term) ?? 0) + 1);
    }
  }
  const profiles = new Map<IntentName, ReadonlySet<string>>();
  for (const [intent, perIntent] of counts) {
    const size = sizes.get(intent) ?? 1;
    const othersSize = Math.max(1, examples.length - size);
    const scored: [string, number][] = [];
    for (const [term, count] of perIntent) {
      if (count < minCount) continue;
      const elsewhere = (totals.get(term) ?? 0) - count;
      const lift = count / size / ((elsewhere + 0.5) / othersSize);
      if (lift >= minLift) scored.push([term, lift * count]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    profiles.set(intent as IntentName, new Set(scored.slice(0, maxTerms).map(([term]) => term)));
  }
  return profiles;
}

/** How well a sentence's terms fit an intent's profile, from 0 to 1 (two marker terms or more give 1). */
export function intentFit(profile: ReadonlySet<string> | undefined, terms: ReadonlySet<string>): number {
  if (!profile) return 0;
  let shared = 0;
  for (const term of profile) if (terms.has(term)) shared += 1;
  return Math.min(1, shared / 2);
}

/** Words either side of an entity mention that count as being about it. */
export const PROXIMITY_WINDOW = 2;

/**
 * Whether the intent's marker words stand right next to one of the entities asked about: "who are
 * the Asayish?" is answered by "الأسايش التابعة لقسد", not by a sentence that mentions the
 * Asayish in one clause and someone's affiliation in another.
 */
export function intentFitNear(
  profile: ReadonlySet<string> | undefined,
  positions: readonly { terms: readonly string[]; entities: readonly string[] }[],
  entityIds: ReadonlySet<string>,
): number {
  if (!profile || entityIds.size === 0) return 0;
  for (let i = 0; i < positions.length; i += 1) {
    if (!positions[i]?.entities.some((id) => entityIds.has(id))) continue;
    const from = Math.max(0, i - PROXIMITY_WINDOW);
    const to = Math.min(positions.length - 1, i + PROXIMITY_WINDOW);
    for (let j = from; j <= to; j += 1) {
      const position = positions[j];
      if (position && position.entities.length === 0 && position.terms.some((t) => profile.has(t))) return 1;
    }
  }
  return 0;
}
