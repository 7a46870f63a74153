/**
 * Arabic broken plurals (knowledge/ar-plurals.tsv, built from FreeDict by scripts/build-ar-plurals.ts).
 *
 * The stemmer only strips affixes, so منزل and منازل, طفل and أطفال, سجين and سجناء never meet: a
 * question in the singular misses the sentence in the plural. Pattern rules alone cannot join them,
 * because the plural patterns (أفعال، فعال، مفاعل) are also the shapes of verbal nouns and other
 * singulars (إعلان، اتصال، قتال): the pairs come from a dictionary instead, and a pattern is only the
 * check that a dictionary pair really is singular and broken plural.
 *
 * Pure: `derivePluralPairs` works on an English → Arabic word list, `parsePluralTable` on the file's
 * text; `loadPluralTable` reads the file when the composition root calls it, never at import.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../text/analyze.ts';
import { normalizeArabic, stripClitics } from '../text/arabic.ts';
import { IRREGULAR_PLURALS } from '../text/english.ts';
import { tokenize } from '../text/tokenize.ts';

export class PluralTableError extends Error {
  override readonly name = 'PluralTableError';
}

/** The default place of the table, for the composition root. */
export const PLURAL_TABLE_FILE = new URL('../../knowledge/ar-plurals.tsv', import.meta.url);

/**
 * Broken-plural patterns on normalised words (أ/إ/آ → ا, ة → ه, ى/ئ → ي), each root letter a group.
 * Named by their classical template; the groups are the letters the singular must share.
 */
const L = '(\\p{Script=Arabic})';
const BROKEN_PLURAL_PATTERNS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['أفعال', new RegExp(`^ا${L}${L}ا${L}$`, 'u')], // أطفال، أشخاص، أسعار
  ['أفعلة', new RegExp(`^ا${L}${L}${L}ه$`, 'u')], // أسلحة، أدوية، أغذية
  ['أفعلاء', new RegExp(`^ا${L}${L}${L}اء$`, 'u')], // أصدقاء، أقرباء
  ['أفعل', new RegExp(`^ا${L}${L}${L}$`, 'u')], // أشهر، أنفس
  ['أفاعل', new RegExp(`^ا${L}ا${L}${L}$`, 'u')], // أماكن
  ['أفاعيل', new RegExp(`^ا${L}ا${L}ي${L}$`, 'u')], // أساليب
  ['فعول', new RegExp(`^${L}${L}و${L}$`, 'u')], // بيوت، جنود، دروس
  ['فعال', new RegExp(`^${L}${L}ا${L}$`, 'u')], // خيام، رجال، عمّال
  ['فعلاء', new RegExp(`^${L}${L}${L}اء$`, 'u')], // سجناء، وزراء
  ['فعلى', new RegExp(`^${L}${L}${L}?ي$`, 'u')], // جرحى، أسرى، قرى
  ['فعل', new RegExp(`^${L}${L}${L}$`, 'u')], // مدن، صور، غرف
  ['فعلان', new RegExp(`^${L}${L}${L}ان$`, 'u')], // جيران، قضبان
  ['مفاعل', new RegExp(`^م${L}ا${L}${L}$`, 'u')], // منازل، مدارس، مراكز
  ['مفاعيل', new RegExp(`^م${L}ا${L}ي${L}$`, 'u')], // مشاريع، مواعيد
  ['فواعل', new RegExp(`^${L}وا${L}${L}$`, 'u')], // شوارع، قواعد
  ['فواعيل', new RegExp(`^${L}وا${L}ي${L}$`, 'u')], // دواوين
  ['فعائل', new RegExp(`^${L}${L}اي${L}$`, 'u')], // قبائل، رسائل، وسائل
  ['فعالل', new RegExp(`^${L}${L}ا${L}${L}$`, 'u')], // عناصر، تجارب، فنادق
  ['فعاليل', new RegExp(`^${L}${L}ا${L}ي${L}$`, 'u')], // تقارير، عناوين، صواريخ
  ['فعالى', new RegExp(`^${L}${L}ا${L}ي$`, 'u')], // صحارى، فتاوى
  ['فعايا', new RegExp(`^${L}${L}ايا$`, 'u')], // قضايا، ضحايا (the root's last letter is weak)
];

/*
 * Left out: فعلة (طلبة، قتلة، كتبة), whose index term is the bare root, the term of the verb and its
 * verbal noun too (طلب، قتل، كتب): a question about a request would find students.
 */

/** Verbal nouns of Forms IV, VII, VIII and X: إفعال، انفعال، افتعال (افطعال، ازدعال)، استفعال. */
const VERBAL_NOUN = /^(?:ا\p{Script=Arabic}{2}ا\p{Script=Arabic}|ان\p{Script=Arabic}{2}ا\p{Script=Arabic}|ا\p{Script=Arabic}[تطد]\p{Script=Arabic}ا\p{Script=Arabic}|است\p{Script=Arabic}{2}ا\p{Script=Arabic})$/u;

/** The least number of root letters a singular and its plural must share, in order. */
export const MIN_SHARED_ROOT = 3;

/** A dictionary word as the table compares it: normalised, without its article. */
export function bareWord(word: string): string {
  const normalised = normalizeArabic(word).trim();
  return normalised.startsWith('ال') && normalised.length >= 5 ? normalised.slice(2) : normalised;
}

/** Length of the longest common subsequence: the root letters two words share in order. */
function sharedInOrder(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = ca === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * The broken-plural pattern `plural` has as a plural of `singular`, or null: the plural fits a
 * pattern and the singular holds at least three of the pattern's root letters in order (all of them
 * for a three-letter root, the weak last letter of فعلى / فعايا counted as the singular writes it).
 */
export function brokenPluralPattern(singular: string, plural: string): string | null {
  const s = bareWord(singular);
  const p = bareWord(plural);
  if (s === p || /\s/.test(s) || /\s/.test(p)) return null;
  // A verb's imperfect (ناقش / يناقش: "discuss / discusses") is no plural, and a verbal noun of the
  // derived forms (إرسال، اتصال، انسحاب، استقبال) has a sound plural, never a broken one: رسائل is not إرسال.
  if (p.startsWith('ي') || VERBAL_NOUN.test(s)) return null;
  for (const [name, pattern] of BROKEN_PLURAL_PATTERNS) {
    const match = pattern.exec(p);
    if (!match) continue;
    // A final ة is the feminine ending, not a fourth root letter (شناعة is no plural of شنعة).
    if (name === 'فعالل' && p.endsWith('ه')) continue;
    // فعول is also the verbal noun of a bare verb written like the singular: صدور، عقود، دروس are "issuing",
    // "contracts" and "lessons" beside صدر، عقد، درس, which news uses as verbs (issued, held, studied).
    if (name === 'فعول' && s.length === 3) continue;
    const root = match.slice(1).filter((g) => g !== undefined).join('');
    // فعلى with a weak root (قرية / قرى، دعوة / دعاوى) and فعايا (قضية / قضايا): the root's third letter is a ي.
    const full = name === 'فعايا' || (name === 'فعلى' && root.length === 2) ? `${root}ي` : root;
    const need = Math.min(full.length, Math.max(MIN_SHARED_ROOT, full.length - 1));
    if (full.length >= MIN_SHARED_ROOT && sharedInOrder(full, s) >= need) return name;
  }
  return null;
}

/** One singular ↔ broken-plural pair and the English pair that gave it. */
export interface PluralPair {
  singular: string;
  plural: string;
  english: string;
}

/** The regular plurals an English noun may have (house → houses, city → cities, box → boxes). */
export function englishPlurals(noun: string): string[] {
  const irregular = IRREGULAR_PLURALS[noun];
  if (irregular) return [irregular];
  if (/[^aeiou]y$/.test(noun)) return [`${noun.slice(0, -1)}ies`];
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return [`${noun}es`];
  if (/man$/.test(noun) && noun.length > 4) return [`${noun.slice(0, -3)}men`, `${noun}s`];
  return [`${noun}s`];
}

const ONE_ARABIC_WORD = /^\p{Script=Arabic}+$/u;

/**
 * Singular ↔ broken-plural pairs from an English → Arabic word list: for each English noun whose
 * plural is also listed, every one-word Arabic rendering of the plural that is a broken plural of a
 * rendering of the singular (see `brokenPluralPattern`) and does not already share its stem.
 * `stem` is the project's analysis, so pairs the stemmer already joins (سيارة / سيارات) are left out.
 */
export function derivePluralPairs(
  lexicon: ReadonlyMap<string, readonly string[]>,
  stem: (word: string) => string | null,
): PluralPair[] {
  const pairs = new Map<string, PluralPair>();
  for (const [noun, singulars] of lexicon) {
    if (!/^[a-z]+$/.test(noun)) continue;
    for (const pluralKey of englishPlurals(noun)) {
      const plurals = lexicon.get(pluralKey);
      if (!plurals) continue;
      for (const s of singulars) {
        const singular = bareWord(s);
        if (!ONE_ARABIC_WORD.test(singular)) continue;
        for (const p of plurals) {
          const plural = bareWord(p);
          if (!ONE_ARABIC_WORD.test(plural) || brokenPluralPattern(singular, plural) === null) continue;
          const a = stem(singular);
          const b = stem(plural);
          if (a === null || b === null || a === b) continue;
          const key = `${singular}\t${plural}`;
          if (!pairs.has(key)) pairs.set(key, { singular, plural, english: `${noun}/${pluralKey}` });
        }
      }
    }
  }
  return [...pairs.values()].sort((x, y) => (x.singular < y.singular ? -1 : x.singular > y.singular ? 1 : x.plural < y.plural ? -1 : x.plural > y.plural ? 1 : 0));
}

/** The table's text: a header of comments, then `singular<TAB>plural<TAB>english` a line. */
export function formatPluralTable(pairs: readonly PluralPair[], header: readonly string[] = []): string {
  return [...header.map((h) => `# ${h}`), ...pairs.map((p) => `${p.singular}\t${p.plural}\t${p.english}`)].join('\n') + '\n';
}

/** Singulars and broken plurals that stand for each other in a question. */
export interface PluralTable {
  /** How many pairs the table holds. */
  readonly size: number;
  /** The analysed terms of the words paired with this word as written (its plurals or its singulars), possibly none. */
  partners(word: string): readonly string[];
  /** For a question: the partners of its words that the question's own terms do not already hold. */
  expand(text: string): string[];
}

/** Attached pronouns a question word may carry (منازلهم، مدرستها); not ي, which would take مدني for مدن + ي. */
const PRONOUN_SUFFIX = /(?:هما|كما|هم|هن|كم|ها|نا|ه)$/;

/**
 * The table forms a question word may be: as written without its proclitics, and without an attached
 * pronoun (a feminine noun's construct ت back to ة: مدرستها → مدرسة).
 */
function wordForms(word: string): string[] {
  const bare = stripClitics(normalizeArabic(word));
  const forms = [bare];
  // The accusative's alef written without its tanween (شخصا، عنصرا، سجينا).
  if (bare.length >= 4 && bare.endsWith('ا') && !bare.endsWith('اا')) forms.push(bare.slice(0, -1));
  const stem = bare.replace(PRONOUN_SUFFIX, '');
  if (stem !== bare && stem.length >= 3) forms.push(stem, ...(stem.endsWith('ت') ? [`${stem.slice(0, -1)}ه`] : []));
  return forms;
}

/** A built table as plain data: each word with its partners' terms, and the pairs it holds (what a cache keeps). */
export interface CompiledPluralTable {
  size: number;
  partners: [word: string, terms: string[]][];
}

/** Where a built table is kept between starts (the composition root passes one in). */
export interface PluralTableStore {
  load(): CompiledPluralTable | undefined;
  save(compiled: CompiledPluralTable): void;
}

/**
 * Builds the table: each word (as the table writes it) → the analysed terms of its partners, the
 * terms sentences are indexed by. Words are looked up as written, not by their stems: a stem stands
 * for more than the word (مدني, "civil", stems like مدن, "cities"; قتل, "killing", like قتلة, "killers").
 */
export function compilePluralTable(pairs: readonly Pick<PluralPair, 'singular' | 'plural'>[]): CompiledPluralTable {
  const partners = new Map<string, Set<string>>();
  const link = (word: string, term: string): void => {
    let set = partners.get(word);
    if (!set) partners.set(word, (set = new Set()));
    set.add(term);
  };
  let size = 0;
  for (const { singular, plural } of pairs) {
    // A word the analysis drops (a function word) or splits gives no one term: nothing to pair.
    const [a, ...restA] = analyze(singular);
    const [b, ...restB] = analyze(plural);
    if (a === undefined || b === undefined || restA.length > 0 || restB.length > 0 || a === b) continue;
    link(bareWord(singular), b);
    link(bareWord(plural), a);
    size += 1;
  }
  return { size, partners: [...partners].map(([word, terms]) => [word, [...terms]]) };
}

/** The table of `pairs` (see `compilePluralTable`). */
export function createPluralTable(pairs: readonly Pick<PluralPair, 'singular' | 'plural'>[]): PluralTable {
  return pluralTableOf(compilePluralTable(pairs));
}

function pluralTableOf(compiled: CompiledPluralTable): PluralTable {
  const partners = new Map(compiled.partners);
  const partnersOf = (word: string): string[] => [...new Set(wordForms(word).flatMap((form) => [...(partners.get(form) ?? [])]))];
  return {
    size: compiled.size,
    partners: partnersOf,
    expand(text) {
      const present = new Set(analyze(text));
      const extra = new Set<string>();
      for (const word of tokenize(text)) for (const term of partnersOf(word)) if (!present.has(term)) extra.add(term);
      return [...extra];
    },
  };
}

/** Parses the table's text (see `formatPluralTable`) into its pairs; lines starting with # are comments. */
function parsePluralPairs(text: string): PluralPair[] {
  const pairs: PluralPair[] = [];
  text.split('\n').forEach((raw, number) => {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('#')) return;
    const [singular, plural, english = ''] = line.split('\t');
    if (!singular || !plural) throw new PluralTableError(`line ${number + 1}: expected "singular<TAB>plural<TAB>english"`);
    pairs.push({ singular, plural, english });
  });
  return pairs;
}

/** Parses the table's text (see `formatPluralTable`); lines starting with # are comments. */
export function parsePluralTable(text: string): PluralTable {
  return createPluralTable(parsePluralPairs(text));
}

/**
 * Reads and parses the table (called by the composition root, never at import). A store's table is
 * used instead when it holds one (building analyses every word, a tenth of a second or more); a
 * table built is saved to it. Keeping the store in step with the file and the code is its key's job.
 */
export function loadPluralTable(path: string | URL = PLURAL_TABLE_FILE, store?: PluralTableStore): PluralTable {
  const stored = store?.load();
  if (stored) return pluralTableOf(stored);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PluralTableError(`cannot read the Arabic plural table at ${String(path)}`, { cause: error });
  }
  const compiled = compilePluralTable(parsePluralPairs(text));
  store?.save(compiled);
  return pluralTableOf(compiled);
}
