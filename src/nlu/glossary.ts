/**
 * Query expansion: English content words and colloquial Arabic mapped to the Arabic terms the
 * articles use, so English and dialect questions can match Arabic sentences. Data: intents/glossary.json.
 */
import type { Language } from '../corpus/article.ts';
import { analyze, PHRASE_JOINER } from '../text/analyze.ts';
import { normalizeArabic, stemArabic } from '../text/arabic.ts';
import { tokenize } from '../text/tokenize.ts';
import glossaryData from '../../intents/glossary.json' with { type: 'json' };
import conceptsData from '../../knowledge/concepts.json' with { type: 'json' };
import { conceptGlossaryData, parseConceptLexicon, type Concept } from './concepts.ts';
import { defaultEntityLexicon, type EntityLexicon } from './entities.ts';
import { stemEnglish } from '../text/english.ts';

export interface GlossaryData {
  /** English words or phrases -> Arabic terms as written in the articles. */
  english: { en: string[]; ar: string[] }[];
  /** Colloquial / variant Arabic words or phrases -> the articles' MSA terms. */
  dialect: { dialect: string[]; msa: string[] }[];
}

export class GlossaryError extends Error {
  constructor(message: string, readonly entry?: string) {
    super(entry ? `${message}: "${entry}"` : message);
    this.name = 'GlossaryError';
  }
}

/** One glossary key found in a text: the words it covered and the analysed Arabic terms it brings. */
export interface GlossaryHit {
  key: string;
  terms: string[];
}

export interface Glossary {
  /** Glossary keys found in the text, longest match first, left to right, without overlaps. */
  lookup(text: string): GlossaryHit[];
  /** See `expandQuery`. */
  expand(text: string, lang: Language): string[];
}


const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The key form of one word: Arabic words by `stemArabic` (normalised, clitics stripped, stemmed),
 * English words lowercased and Porter2-stemmed (with ’ and ' dropped), anything else as is.
 * Prefixing the script keeps an Arabic and an English key from ever meeting.
 */
function wordKey(word: string): string {
  const normalised = normalizeArabic(word);
  if (ARABIC.test(normalised)) return `ar:${stemArabic(normalised)}`;
  if (LATIN.test(normalised)) return `en:${stemEnglish(normalised.replace(/['’]/g, ''))}`;
  return `x:${normalised}`;
}

/**
 * A verb in the imperfect (بتبلش → يبلش, بيطول → يطول) keyed as its perfect (بلش, طول), which is how
 * dialect lists give verbs: tried only when the word itself is no key.
 */
/** The article, alone or after a conjunction or preposition (التاجر، والتاجر، بالتاجر، للتاجر). */
const DEFINITE = /^(?:[وف]?(?:[بك]?ال|لل))/;

function perfectKey(key: string): string {
  const match = /^ar:[يتنا](\p{Script=Arabic}{3,})$/u.exec(key);
  return match ? `ar:${match[1] as string}` : '';
}

function phraseKeys(phrase: string): string[] {
  return tokenize(phrase.replace(/['’]/g, '')).map(wordKey);
}

/**
 * A compiled glossary as plain data: each key (joined word keys) with its analysed target terms, in
 * the order they were added, and the longest key in words. What a cache keeps between starts.
 */
export interface CompiledGlossary {
  longest: number;
  table: [string, string[]][];
}

/** Where a compiled glossary is kept between starts (the composition root passes one in). */
export interface GlossaryStore {
  load(): CompiledGlossary | undefined;
  save(compiled: CompiledGlossary): void;
}

/** Compiles glossary data. Throws GlossaryError for a key with no words or a one-word key that is a stopword. */
export function compileGlossary(data: GlossaryData): CompiledGlossary {
  // Key (joined word keys) -> analysed target terms; one key may sit in several groups: union.
  const table = new Map<string, Set<string>>();
  let longest = 1;
  const add = (phrase: string, targets: readonly string[]): void => {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) throw new GlossaryError('glossary key has no words', phrase);
    // A one-word key that is a function word (or stems to one: لمين → مين) would fire on every question.
    if (keys.length === 1 && analyze(phrase).length === 0) throw new GlossaryError('one-word glossary key is a stopword', phrase);
    longest = Math.max(longest, keys.length);
    const joined = keys.join(' ');
    let terms = table.get(joined);
    if (!terms) {
      terms = new Set();
      table.set(joined, terms);
    }
    // A target whose every word is a stopword once normalised (آلية → اليه = إليه) adds nothing.
    // A many-word target (وقف إطلاق النار) is one phrase: all its words or nothing.
    for (const target of targets) {
      const words = analyze(target);
      if (words.length > 0) terms.add(words.join(PHRASE_JOINER));
    }
  };
  for (const group of data.english) for (const en of group.en) add(en, group.ar);
  for (const group of data.dialect) for (const d of group.dialect) add(d, group.msa);
  return { longest, table: [...table].map(([key, terms]) => [key, [...terms]]) };
}

/** Compiles glossary data into a glossary. Throws GlossaryError as `compileGlossary` does. */
export function createGlossary(data: GlossaryData, lexicon: EntityLexicon = defaultEntityLexicon()): Glossary {
  return glossaryOf(compileGlossary(data), lexicon);
}

function glossaryOf(compiled: CompiledGlossary, lexicon: EntityLexicon): Glossary {
  const table = new Map(compiled.table);
  const { longest } = compiled;

  function lookup(text: string): GlossaryHit[] {
    const words = tokenize(text.replace(/['’]/g, ''));
    const keys = words.map(wordKey);
    const hits: GlossaryHit[] = [];
    let i = 0;
    while (i < keys.length) {
      let matched = 0;
      for (let n = Math.min(longest, keys.length - i); n >= 1 && matched === 0; n -= 1) {
        // A word with the article is a noun, never an imperfect verb (التاجر is no يأجر).
        const verbal = n === 1 && !DEFINITE.test(normalizeArabic(words[i] as string));
        const terms = table.get(keys.slice(i, i + n).join(' ')) ?? (verbal ? table.get(perfectKey(keys[i] as string)) : undefined);
        if (terms) {
          hits.push({ key: words.slice(i, i + n).join(' '), terms: [...terms] });
          matched = n;
        }
      }
      i += Math.max(matched, 1);
    }
    return hits;
  }

  function expand(text: string, _lang: Language): string[] {
    const present = new Set(analyze(text));
    const extra = new Set<string>();
    for (const hit of lookup(text)) for (const t of hit.terms) extra.add(t);
    for (const m of lexicon.match(text)) for (const t of lexicon.terms(m.id)) extra.add(t);
    return [...extra].filter((t) => !present.has(t));
  }

  return { lookup, expand };
}

let defaultGlossary: Glossary | undefined;
let concepts: Concept[] | undefined;

/** The concept lexicon of knowledge/concepts.json, validated on first use. */
export function defaultConcepts(): readonly Concept[] {
  concepts ??= parseConceptLexicon(conceptsData, 'knowledge/concepts.json');
  return concepts;
}

/** The data of the default glossary: knowledge/concepts.json and intents/glossary.json. */
function defaultGlossaryData(): GlossaryData {
  const fromConcepts = conceptGlossaryData(defaultConcepts(), (key) => analyze(key).length > 0);
  const own = glossaryData as GlossaryData;
  return { english: [...fromConcepts.english, ...own.english], dialect: [...fromConcepts.dialect, ...own.dialect] };
}

/**
 * A glossary whose compiled table comes from the store when it holds one; otherwise `data` is read
 * and compiled (for the default glossary, analysing every key and target: about half a second) and
 * saved. The store trusts what it holds: keeping it in step with the data and code is its key's job.
 */
export function storedGlossary(data: () => GlossaryData, store: GlossaryStore | undefined, lexicon: EntityLexicon = defaultEntityLexicon()): Glossary {
  let compiled = store?.load();
  if (!compiled) {
    compiled = compileGlossary(data());
    store?.save(compiled);
  }
  return glossaryOf(compiled, lexicon);
}

/**
 * The glossary compiled from intents/glossary.json and the concepts with the default entity lexicon,
 * built on first use; a store given to that first call (the engine's cache) keeps the compiled table
 * between starts. Later calls return the same glossary whatever store they pass.
 */
export function defaultGlossaryInstance(store?: GlossaryStore): Glossary {
  defaultGlossary ??= storedGlossary(defaultGlossaryData, store);
  return defaultGlossary;
}

/**
 * Extra Arabic index terms (already passed through `analyze`) for a question: the glossary's
 * translations of its English words and MSA forms of its colloquial Arabic, plus the terms of the
 * lexicon entities it names (so "Qamishlo" or "the airport" reach القامشلي / مطار). Terms the
 * question already yields are left out. Both glossaries apply by script, whatever `lang` says,
 * because questions mix scripts ("مين مسيطر على airport").
 */
export function expandQuery(text: string, lang: Language): string[] {
  return defaultGlossaryInstance().expand(text, lang);
}
