/**
 * Reading FreeDict dictionaries in dictd format (the `.index` and the uncompressed `.dict` text),
 * for the English–Arabic lexicon build (scripts/build-en-ar.ts). Pure functions over strings and
 * buffers: the script does the file reading, so the parsing rules can be tested on small samples.
 *
 * An index line is `headword<TAB>offset<TAB>length`, the numbers in dictd's base64 (most
 * significant digit first), counting bytes of the uncompressed `.dict`. An entry is a first line
 * `Headword /ipa/` followed by its senses, one a line, numbered `1. …` when there are several.
 */

export class DictdFormatError extends Error {
  override readonly name = 'DictdFormatError';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a dictd base64 number (not RFC 4648: a plain base-64 positional numeral). */
export function decodeDictdNumber(digits: string): number {
  if (digits.length === 0) throw new DictdFormatError('empty dictd number');
  let value = 0;
  for (const digit of digits) {
    const d = B64.indexOf(digit);
    if (d < 0) throw new DictdFormatError(`not a dictd base64 digit: "${digit}"`);
    value = value * 64 + d;
  }
  return value;
}

export interface DictdIndexEntry {
  headword: string;
  offset: number;
  length: number;
}

/** Parses a `.index` file; the `00database…` header entries are left out. */
export function parseDictdIndex(text: string): DictdIndexEntry[] {
  const entries: DictdIndexEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const fields = line.split('\t');
    if (fields.length !== 3) throw new DictdFormatError(`index line without three fields: "${line.slice(0, 80)}"`);
    const [headword, offset, length] = fields as [string, string, string];
    if (headword.startsWith('00database')) continue;
    entries.push({ headword, offset: decodeDictdNumber(offset), length: decodeDictdNumber(length) });
  }
  return entries;
}

export interface DictdEntry {
  /** The headword as written on the entry's first line (case kept, pronunciation removed). */
  headword: string;
  /** The sense lines in order, numbering removed. */
  senses: string[];
}

const PRONUNCIATION = /\s+\/[^/]*\/\s*$/;
const SENSE_NUMBER = /^\s*\d+\.\s*/;

/** Splits one entry's text into its headword and sense lines. */
export function parseDictdEntry(text: string): DictdEntry {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const headword = first.replace(PRONUNCIATION, '').trim();
  if (headword.length === 0) throw new DictdFormatError(`entry without a headword: "${text.slice(0, 80)}"`);
  const senses = lines
    .slice(1)
    .map((line) => line.replace(SENSE_NUMBER, '').trim())
    .filter((line) => line.length > 0);
  return { headword, senses };
}

/** Reads every entry of a dictionary: the index and the uncompressed `.dict` bytes. */
export function readDictd(indexText: string, dict: Buffer): DictdEntry[] {
  return parseDictdIndex(indexText).map(({ offset, length }) => {
    if (offset + length > dict.length) throw new DictdFormatError(`entry at ${offset}+${length} lies past the end of the .dict`);
    return parseDictdEntry(dict.subarray(offset, offset + length).toString('utf8'));
  });
}

/** Harakat, tanween, shadda, sukun, superscript alef, Quranic marks, and tatweel. */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;
/** A parenthesised or bracketed note, closed or running to the end of a (truncated) line. */
const NOTE = /\([^)]*(?:\)|$)|\[[^\]]*(?:\]|$)|«[^»]*(?:»|$)/g;
/** Alternatives are separated by commas and semicolons, Arabic or Latin. */
const ALTERNATIVE_SEPARATOR = /[،,؛;]/;
/** "آرهس - مدينة في الدنمارك": the translation comes before a spaced dash, a gloss after it. */
const GLOSS_DASH = /\s+[-–—]\s+/;
/** Longer Arabic "alternatives" are explanations (حرف يسبق الكلمة ويعني …), not translations. */
export const MAX_ARABIC_WORDS = 4;

/**
 * The Arabic translations in one sense line: tashkeel removed, notes in brackets dropped, the
 * gloss after a spaced dash dropped, split at commas, and only short all-Arabic alternatives kept.
 */
export function arabicAlternatives(sense: string): string[] {
  const withoutNotes = sense.normalize('NFC').replace(TASHKEEL, '').replace(NOTE, ' ');
  const head = withoutNotes.split(GLOSS_DASH)[0] ?? '';
  const result: string[] = [];
  for (const piece of head.split(ALTERNATIVE_SEPARATOR)) {
    const alternative = piece.replace(/[.:!؟?"'“”]/g, ' ').replace(/\s+/g, ' ').trim();
    if (alternative.length < 2 || !ARABIC_LETTER.test(alternative) || LATIN_OR_DIGIT.test(alternative)) continue;
    if (alternative.split(' ').length > MAX_ARABIC_WORDS) continue;
    if (!result.includes(alternative)) result.push(alternative);
  }
  return result;
}

/** A plain English word or phrase of up to four words: letters, inner hyphens and apostrophes. */
const PLAIN_ENGLISH = /^[a-z](?:[a-z'-]*[a-z])?(?: [a-z](?:[a-z'-]*[a-z])?){0,3}$/;

/**
 * An English headword or sense as a lexicon key: lowercased, notes and pronunciation dropped,
 * spaces collapsed; null when it is not a plain word or phrase (abbreviations with dots,
 * prefixes such as "ab-", numbers, symbols).
 */
export function englishKey(text: string): string | null {
  const key = text.normalize('NFC').replace(NOTE, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return PLAIN_ENGLISH.test(key) ? key : null;
}

/** The most Arabic alternatives kept for one English key. */
export const MAX_ALTERNATIVES = 6;

interface Candidate {
  arabic: string;
  score: number;
}

/**
 * Merges the two FreeDict directions into English key → Arabic alternatives, best first.
 *
 * English→Arabic senses come first, in the dictionary's order (its first sense is its main one).
 * The Arabic→English dictionary, read backwards, fills the remaining places: it often holds the
 * everyday word the other direction lacks (capital → عاصمة next to رأسمال). A reversed pair is
 * worth less when the English word is a late sense of a long entry (الإدارة: 18 senses, from
 * "administration" to "twiddling"), so candidates rank by 1 / (position · √senses), and those
 * whose every other sense is far from this one fall below `minReverseScore`.
 */
export function mergeLexicon(
  engAra: readonly DictdEntry[],
  araEng: readonly DictdEntry[],
  options: {
    maxAlternatives?: number;
    minReverseScore?: number;
    reviewed?: ReadonlyMap<string, readonly string[]>;
    /** Base-form guesses for an inflected English word (bilingual.ts lemmaCandidates), most likely first. */
    lemmas?: (key: string) => readonly string[];
    /** True for an irregular inflection (took, held, fled), which no suffix shows. */
    irregular?: (key: string) => boolean;
  } = {},
): Map<string, string[]> {
  const max = options.maxAlternatives ?? MAX_ALTERNATIVES;
  const minReverse = options.minReverseScore ?? 0.2;
  const forward = new Map<string, string[]>();
  for (const entry of engAra) {
    const key = englishKey(entry.headword);
    if (key === null) continue;
    const list = forward.get(key) ?? [];
    for (const sense of entry.senses) {
      for (const alternative of arabicAlternatives(sense)) if (!list.includes(alternative)) list.push(alternative);
    }
    if (list.length > 0) forward.set(key, list);
  }

  const reverse = new Map<string, Candidate[]>();
  for (const entry of araEng) {
    const arabic = arabicAlternatives(entry.headword);
    if (arabic.length === 0) continue;
    const keys: string[] = [];
    for (const sense of entry.senses) {
      for (const piece of sense.split(ALTERNATIVE_SEPARATOR)) {
        const key = englishKey(piece);
        if (key !== null && !keys.includes(key)) keys.push(key);
      }
    }
    keys.forEach((key, position) => {
      const score = 1 / ((position + 1) * Math.sqrt(keys.length));
      if (score < minReverse) return;
      const list = reverse.get(key) ?? [];
      for (const alternative of arabic) list.push({ arabic: alternative, score });
      reverse.set(key, list);
    });
  }

  const merged = new Map<string, string[]>();
  for (const key of new Set([...forward.keys(), ...reverse.keys()])) {
    const list = (forward.get(key) ?? []).slice(0, max);
    const candidates = (reverse.get(key) ?? []).sort((a, b) => b.score - a.score);
    for (const { arabic } of candidates) {
      if (list.length >= max) break;
      if (!list.includes(arabic)) list.push(arabic);
    }
    if (list.length > 0) merged.set(key, list);
  }
  // Reviewed senses (knowledge/en-ar-senses.tsv) come first: they are the news senses the
  // dictionary lacks or ranks late; the dictionary's own fill the places left.
  const reviewed = options.reviewed ?? new Map<string, readonly string[]>();
  const putFirst = (key: string, senses: readonly string[]): void => {
    const list = [...senses];
    for (const arabic of merged.get(key) ?? []) {
      if (list.length >= Math.max(max, senses.length)) break;
      if (!list.includes(arabic)) list.push(arabic);
    }
    merged.set(key, list);
  };
  // An inflected form the dictionary lists on its own often carries another word's sense
  // (holding → الحصة "a holding", holds → العوائق): the reviewed senses of its base form go first.
  // Only plurals, verb forms and irregulars: an -er, -est or -ly word is another word (reporter is
  // not "report", elderly is not "elder"); and only when the most likely base form is the reviewed
  // one (leaves → leaf before leave).
  if (options.lemmas) {
    for (const key of [...merged.keys()]) {
      if (key.includes(' ') || reviewed.has(key) || !/(?:s|ed|ing)$/.test(key) && !options.irregular?.(key)) continue;
      const base = options.lemmas(key).find((lemma) => merged.has(lemma) || reviewed.has(lemma));
      if (base !== undefined && reviewed.has(base)) putFirst(key, reviewed.get(base) ?? []);
    }
  }
  for (const [key, senses] of reviewed) putFirst(key, senses);
  return merged;
}

/** Reads reviewed senses: `english<TAB>arabic|arabic…` lines, `#` comments (knowledge/en-ar-senses.tsv). */
export function parseReviewedSenses(text: string): Map<string, string[]> {
  const senses = new Map<string, string[]>();
  text.split('\n').forEach((line, number) => {
    if (line.trim().length === 0 || line.startsWith('#')) return;
    const [english, arabic, extra] = line.split('\t');
    const key = english === undefined ? null : englishKey(english);
    const alternatives = (arabic ?? '').split('|').map((a) => a.trim()).filter((a) => a.length > 0);
    if (key === null || key !== english || alternatives.length === 0 || extra !== undefined) {
      throw new DictdFormatError(`reviewed senses line ${number + 1}: expected "english<TAB>arabic|arabic…"`);
    }
    if (senses.has(key)) throw new DictdFormatError(`reviewed senses line ${number + 1}: "${key}" is listed twice`);
    senses.set(key, alternatives);
  });
  return senses;
}
