/**
 * Latin ↔ Arabic consonant skeletons, so a name that no list holds still finds its Arabic
 * spelling: Hassakeh / Hasakah → الحسكة, Qamishlo / Kamishli → القامشلي, Amuda → عامودا.
 *
 * Both scripts map onto one small alphabet of consonant classes, written with Arabic letters
 * (ب ت د ر ل م ن ف ك ج س ه و ي). What spellings disagree on is thrown away: vowels (Latin a e i o
 * u, Arabic ا and the long-vowel و / ي inside a word), ع and hamza, doubled letters, the article
 * (al-, el-, ال), a final -a / -ah / -eh / ة; and letters that one script tells apart and the
 * other does not fall into one class (ت ط / د ض ذ ظ / س ص ش ز / ك ق خ غ / ح ه). A Latin letter
 * with several Arabic readings (g: ج or غ; c: ك or س; ch: ش, ك or تش) gives several skeletons.
 *
 * A skeleton is `core` (consonants, with و / ي kept only word-initially) plus `final`: ي or و
 * when the word ends in an i / o sound (Tai → ت+ي, طي → ت+ي), so short names still compare.
 */
import { normalizeArabic } from './arabic.ts';

export interface Skeleton {
  /** The consonant classes, in order, doubled ones (with no vowel between) collapsed. */
  core: string;
  /** 'ي' or 'و' when the word ends on that vowel or semivowel, else ''. */
  final: string;
  /**
   * Where a vowel is written: `vowels[0]` before the first consonant, `vowels[i]` between
   * consonants i-1 and i. Arabic spells a foreign name's vowels with long-vowel letters, so a
   * vowel letter in the Arabic word needs a vowel in the Latin one at the same place (Bowl / بول,
   * not بلا's... nor بطولة for Italy); the reverse does not hold, short vowels go unwritten.
   */
  vowels: boolean[];
}

/** One step of a spelling: a consonant class or a vowel. */
const VOWEL = 'V';

/** Arabic letter (after normalizeArabic) → class; letters not listed are dropped (ا ع ء). */
const ARABIC_CLASS: Readonly<Record<string, string>> = {
  ب: 'ب', پ: 'ب',
  ت: 'ت', ط: 'ت', ث: 'ت',
  د: 'د', ض: 'د', ذ: 'د', ظ: 'د',
  ر: 'ر', ل: 'ل', م: 'م', ن: 'ن',
  ف: 'ف', ڤ: 'ف',
  ك: 'ك', ق: 'ك', خ: 'ك', غ: 'ك', گ: 'ك',
  ج: 'ج', چ: 'ج',
  س: 'س', ص: 'س', ش: 'س', ز: 'س', ژ: 'س',
  ح: 'ه', ه: 'ه',
  و: 'و', ي: 'ي',
};

/**
 * Latin letter groups → the classes they may stand for, longest group first. The empty string
 * means "a vowel": dropped inside a word. Readings after the first are alternatives.
 */
const LATIN_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['tch', ['ج', 'س']], ['sch', ['س']], ['kh', ['ك']], ['gh', ['ك']], ['sh', ['س']], ['ch', ['س', 'ك', 'ج']],
  ['zh', ['س', 'ج']], ['th', ['ت', 'د']], ['dh', ['د']], ['ph', ['ف']], ['dj', ['ج']], ['ck', ['ك']],
  ['ou', ['']], ['oo', ['']], ['ee', ['']], ['ei', ['']], ['ai', ['']], ['ay', ['']], ['ey', ['']], ['ie', ['']],
  ['qu', ['ك']], ['x', ['كس']],
  ['b', ['ب']], ['p', ['ب']], ['t', ['ت']], ['d', ['د']], ['r', ['ر']], ['l', ['ل']], ['m', ['م']], ['n', ['ن']],
  ['f', ['ف']], ['v', ['ف']], ['k', ['ك']], ['q', ['ك']], ['g', ['ج', 'ك']], ['j', ['ج']], ['c', ['ك', 'س']],
  ['s', ['س']], ['z', ['س']], ['h', ['ه']], ['w', ['و']], ['y', ['ي']],
  ['a', ['']], ['e', ['']], ['i', ['']], ['o', ['']], ['u', ['']],
];

/** At most this many Latin readings are kept (a word full of g / c / ch would multiply). */
const MAX_READINGS = 16;

const LATIN_ARTICLE = /^(?:al|el|ul|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|en)[-'’](?=\p{L}{2})/u;
const ARABIC_ARTICLE = /^(?:ال|وال|بال|لل|فال)(?=\p{Script=Arabic}{2})/u;

/** Skeleton of a sequence of classes and vowels ('' = silent). */
function skeletonOf(steps: readonly string[], final: string): Skeleton {
  let core = '';
  const vowels: boolean[] = [false];
  for (const step of steps) {
    if (step === '') continue;
    if (step === VOWEL) {
      vowels[core.length] = true;
      continue;
    }
    // a doubled consonant (Hassakeh, Allouk) is one, unless a vowel stands between (Bab)
    if (core.endsWith(step) && !vowels[core.length]) continue;
    core += step;
    vowels[core.length] = false;
  }
  return { core, final, vowels };
}

/** The skeleton of an Arabic word (any clitic ال stripped; the word normalised first). */
export function arabicSkeleton(word: string): Skeleton {
  return skeletonOfLetters(normalizeArabic(word).replace(ARABIC_ARTICLE, ''));
}

function skeletonOfLetters(normal: string): Skeleton {
  const letters = [...normal].filter((ch) => /\p{Script=Arabic}/u.test(ch));
  // A final ه is the feminine ending (ة normalised) far more often than a consonant in a name.
  while (letters.length > 1 && (letters[letters.length - 1] === 'ه' || letters[letters.length - 1] === 'ا')) letters.pop();
  const last = letters[letters.length - 1];
  const final = letters.length > 1 && (last === 'ي' || last === 'و') ? last : '';
  // و / ي spell a vowel except at the start; ا ع and hamza stand where Latin writes a vowel.
  const steps = letters.map((ch, i) => (i > 0 && (ch === 'و' || ch === 'ي') ? VOWEL : ARABIC_CLASS[ch] ?? VOWEL));
  if (final !== '') steps.pop();
  return skeletonOf(steps, final);
}

/** A one-letter conjunction or preposition glued to a name (وديريك، بعامودا، لتل): maybe, maybe not. */
const SINGLE_PROCLITIC = /^[وبلف](?=\p{Script=Arabic}{3})/u;

/**
 * Every skeleton the Arabic word may have: with its article stripped (the usual reading), as
 * written (ألان، البرت: names that begin with ال), and without a glued و / ب / ل / ف (وديريك، بعامودا).
 */
export function arabicSkeletons(word: string): Skeleton[] {
  const normal = normalizeArabic(word);
  const variants = [arabicSkeleton(normal)];
  if (ARABIC_ARTICLE.test(normal)) variants.push(skeletonOfLetters(normal));
  if (SINGLE_PROCLITIC.test(normal)) variants.push(arabicSkeleton(normal.slice(1)));
  return variants.filter((v, i) => variants.findIndex((w) => w.core === v.core && w.final === v.final) === i);
}

/** The skeletons of a Latin word, most likely reading first (several when letters are ambiguous). */
export function latinSkeletons(word: string): Skeleton[] {
  let w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(LATIN_ARTICLE, '');
  w = w.replace(/[^a-z]/g, '');
  if (w.length === 0) return [];
  // A final -ah / -eh is the feminine ending (Hasakah, Hassakeh); a final h after a vowel is silent.
  if (w.length > 3) w = w.replace(/[aeiou]h$/, 'a');
  let final = '';
  if (/(?:[^aeiou]y|i|ee|ie|ey|ay|ai|yy)$/.test(w) && w.length > 1) final = 'ي';
  else if (/(?:o|u|ou|oo|ow|w)$/.test(w) && w.length > 1) final = 'و';

  let readings: string[][] = [[]];
  let i = 0;
  while (i < w.length) {
    const group = LATIN_GROUPS.find(([g]) => w.startsWith(g, i));
    const [letters, classes] = group ?? [w[i] as string, ['']];
    // y and w are vowels after a vowel or at the end (Tayy, Tai, Hasakow); consonants before one (Yusuf, Wadi).
    const semivowelAsVowel = (letters === 'y' || letters === 'w') && i > 0;
    const options = semivowelAsVowel ? [VOWEL] : classes.map((c) => (c === '' ? VOWEL : c));
    const next: string[][] = [];
    for (const reading of readings) {
      for (const option of options) {
        if (next.length >= MAX_READINGS) break;
        next.push([...reading, ...[...option]]);
      }
    }
    readings = next;
    i += letters.length;
  }
  const seen = new Set<string>();
  const result: Skeleton[] = [];
  for (const steps of readings) {
    const skeleton = skeletonOf(steps, final);
    const id = skeleton.core + skeleton.vowels.map((v) => (v ? 1 : 0)).join('');
    if (skeleton.core.length === 0 || seen.has(id)) continue;
    seen.add(id);
    result.push(skeleton);
  }
  return result;
}

/**
 * True when a Latin and an Arabic skeleton may be one name: same consonants, a vowel at the start
 * of both or neither, every vowel the Arabic writes inside the word present in the Latin, and for
 * a one-consonant core the same final vowel (Tai / طي; "Ta" alone would match half the dictionary).
 */
export function latinMatchesArabic(latin: Skeleton, arabic: Skeleton): boolean {
  if (latin.core !== arabic.core || latin.core.length === 0) return false;
  // Both begin with a vowel or neither does (Italy / إيطاليا, not بطولة; Allen / ألان, not Luther / الآثار).
  if (Boolean(latin.vowels[0]) !== Boolean(arabic.vowels[0])) return false;
  for (let i = 1; i < latin.core.length; i++) if (arabic.vowels[i] && !latin.vowels[i]) return false;
  return latin.core.length >= 2 || (latin.final !== '' && latin.final === arabic.final);
}

/** True when a Latin word and an Arabic word may be the same name. */
export function sameName(latin: string, arabic: string): boolean {
  const targets = arabicSkeletons(arabic);
  return latinSkeletons(latin).some((s) => targets.some((t) => latinMatchesArabic(s, t)));
}

/** Arabic words of a vocabulary found by their skeleton. */
export interface SkeletonMatcher {
  /** The vocabulary's Arabic words that a Latin word may be written as, in vocabulary order. */
  match(latin: string): string[];
}

/**
 * Indexes Arabic words (a corpus vocabulary) by skeleton core, so Latin names are matched in one
 * lookup per reading. `exclude` leaves out words that are not names (e.g. words a dictionary knows).
 */
export function createSkeletonMatcher(
  arabicWords: Iterable<string>,
  options: { exclude?: (word: string) => boolean } = {},
): SkeletonMatcher {
  const byCore = new Map<string, { word: string; skeleton: Skeleton }[]>();
  const seen = new Set<string>();
  for (const word of arabicWords) {
    if (seen.has(word) || !/\p{Script=Arabic}/u.test(word)) continue;
    seen.add(word);
    if (options.exclude?.(word)) continue;
    for (const skeleton of arabicSkeletons(word)) {
      if (skeleton.core.length === 0) continue;
      const list = byCore.get(skeleton.core) ?? [];
      list.push({ word, skeleton });
      byCore.set(skeleton.core, list);
    }
  }
  return {
    match(latin) {
      const found: string[] = [];
      for (const reading of latinSkeletons(latin)) {
        for (const { word, skeleton } of byCore.get(reading.core) ?? []) {
          if (latinMatchesArabic(reading, skeleton) && !found.includes(word)) found.push(word);
        }
      }
      return found;
    },
  };
}
