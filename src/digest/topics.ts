/**
 * The digest's knowledge as data (intents/digest-topics.json): the topics a digest tries to cover and
 * the cues of a report contradicting an earlier one, compiled through the same analysis pipeline as
 * the sentences they are matched against.
 */
import { z } from 'zod';
import topicsData from '../../intents/digest-topics.json' with { type: 'json' };
import type { Language } from '../corpus/article.ts';
import { analyze } from '../text/analyze.ts';

const schema = z.object({
  topics: z.array(z.object({
    id: z.string().min(1),
    label: z.object({ ar: z.string().min(1), en: z.string().min(1) }),
    words: z.array(z.string().min(1)).min(1),
  })).min(1),
  contradiction: z.object({
    denial: z.array(z.string().min(1)),
    reversals: z.array(z.object({ was: z.array(z.string().min(1)).min(1), now: z.array(z.string().min(1)).min(1) })),
  }),
});

export type DigestTopicsData = z.input<typeof schema>;

export interface Topic {
  id: string;
  label: Record<Language, string>;
  /** Analysed terms; a multi-word cue counts when all its terms are present. */
  cues: string[][];
}

export interface DigestKnowledge {
  topics: Topic[];
  denial: string[][];
  reversals: { was: string[][]; now: string[][] }[];
}

export class DigestTopicsError extends Error {
  constructor(message: string) {
    super(`digest topics: ${message}`);
    this.name = 'DigestTopicsError';
  }
}

function cues(words: readonly string[], where: string): string[][] {
  return words.map((word) => {
    const terms = analyze(word);
    if (terms.length === 0) throw new DigestTopicsError(`"${word}" in ${where} is a stopword after analysis`);
    return terms;
  });
}

export function compileDigestKnowledge(data: unknown): DigestKnowledge {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new DigestTopicsError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { topics, contradiction } = parsed.data;
  return {
    topics: topics.map((t) => ({ id: t.id, label: t.label, cues: cues(t.words, `topic ${t.id}`) })),
    denial: cues(contradiction.denial, 'denial'),
    reversals: contradiction.reversals.map((r, i) => ({ was: cues(r.was, `reversal ${i}`), now: cues(r.now, `reversal ${i}`) })),
  };
}

let compiled: DigestKnowledge | undefined;

/** The knowledge of intents/digest-topics.json, compiled on first use. */
export function defaultDigestKnowledge(): DigestKnowledge {
  compiled ??= compileDigestKnowledge(topicsData);
  return compiled;
}

/** Whether any cue (all of its terms) occurs in a sentence's terms. */
export function hasCue(terms: ReadonlySet<string>, cueList: readonly string[][]): boolean {
  return cueList.some((cue) => cue.every((term) => terms.has(term)));
}
