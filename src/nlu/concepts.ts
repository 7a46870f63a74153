/**
 * The concept lexicon (knowledge/concepts.json): the region's news by concept, each with its MSA
 * forms, dialect forms and English words. All forms of one concept are interchangeable in a
 * question, so a concept becomes glossary entries: its English words and every Arabic form of it
 * expand to its MSA forms, the words the articles write.
 */
import { z } from 'zod';
import type { GlossaryData } from './glossary.ts';

const conceptSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  domain: z.string().min(1),
  ar: z.array(z.string().min(1)).min(1),
  dialect: z.array(z.string().min(1)),
  en: z.array(z.string().min(1)),
  related: z.array(z.string()).optional(),
  note: z.string().optional(),
});

export const conceptLexiconSchema = z.object({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  concepts: z.array(conceptSchema).min(1),
});

export type Concept = z.infer<typeof conceptSchema>;

export class ConceptLexiconError extends Error {
  constructor(message: string, readonly source: string) {
    super(`${source}: ${message}`);
    this.name = 'ConceptLexiconError';
  }
}

/** Validates the parsed JSON of a concept lexicon: schema, unique ids, related ids that exist. */
export function parseConceptLexicon(json: unknown, source = 'concepts.json'): Concept[] {
  const parsed = conceptLexiconSchema.safeParse(json);
  if (!parsed.success) throw new ConceptLexiconError(z.prettifyError(parsed.error), source);
  const ids = new Set<string>();
  for (const concept of parsed.data.concepts) {
    if (ids.has(concept.id)) throw new ConceptLexiconError(`duplicate concept id "${concept.id}"`, source);
    ids.add(concept.id);
  }
  for (const concept of parsed.data.concepts) {
    for (const id of concept.related ?? []) {
      if (!ids.has(id)) throw new ConceptLexiconError(`concept "${concept.id}" relates to unknown "${id}"`, source);
    }
  }
  return parsed.data.concepts;
}

/**
 * The glossary entries of the concepts: English and every Arabic form lead to the MSA forms. A key
 * that is a function word once analysed (كلية → كليه, "entirely") would fire on every question, so
 * only keys for which `isContentKey` holds are kept.
 */
export function conceptGlossaryData(concepts: readonly Concept[], isContentKey: (key: string) => boolean): GlossaryData {
  return {
    english: concepts.map((c) => ({ en: c.en.filter(isContentKey), ar: c.ar })).filter((g) => g.en.length > 0),
    dialect: concepts.map((c) => ({ dialect: [...c.ar, ...c.dialect].filter(isContentKey), msa: c.ar })),
  };
}

/** Analysed one-word MSA forms with the label each leads to; null for a form two concepts share. */
export type ConceptOwners = [term: string, label: string | null][];

/** Each concept's one-word MSA forms, analysed, with its first English word (what a cache keeps). */
export function conceptOwners(concepts: readonly Concept[], analyze: (text: string) => string[]): ConceptOwners {
  const owner = new Map<string, string | null>();
  for (const concept of concepts) {
    const label = concept.en[0] ?? concept.id.replace(/_/g, ' ');
    for (const form of concept.ar) {
      const words = analyze(form);
      if (words.length !== 1) continue;
      const term = words[0] as string;
      const previous = owner.get(term);
      owner.set(term, previous === undefined || previous === label ? label : null);
    }
  }
  return [...owner];
}

/** A labeller of the concepts a sentence expresses, from `conceptOwners`. */
export function labellerOf(owners: ConceptOwners): (terms: ReadonlySet<string>) => string[] {
  const owner = new Map(owners);
  return (terms) => {
    const labels = new Set<string>();
    for (const term of terms) {
      const label = owner.get(term);
      if (label) labels.add(label);
    }
    return [...labels];
  };
}

/**
 * A labeller of the concepts a sentence expresses: each concept's one-word MSA forms, analysed,
 * lead to its first English word. A form shared by two concepts labels neither.
 */
export function conceptLabeller(concepts: readonly Concept[], analyze: (text: string) => string[]): (terms: ReadonlySet<string>) => string[] {
  return labellerOf(conceptOwners(concepts, analyze));
}
