/**
 * Edit distances between words: the one home of typo tests. Arabic typing errors are mostly one
 * letter off, two neighbours swapped, or a letter with the wrong dots (same shape); these predicates
 * say which, so callers can trust some more than others.
 */

// Letters that share a shape and differ only by their dots: the commonest Arabic misspelling
// (the article's own تنقيذ for تنفيذ, شارغ for شارع, نزوج for نزوح).
const DOT_CLASSES = ['بتثني', 'جحخ', 'دذ', 'رز', 'سش', 'صض', 'طظ', 'عغ', 'فق'];
const dotClass = new Map([...DOT_CLASSES.entries()].flatMap(([i, letters]) => [...letters].map((l) => [l, i] as const)));

/** True when a and b differ in one letter only, and only by its dots. */
export function isDotSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  if (diff.length !== 1 || diff[0] === undefined) return false;
  const x = dotClass.get(a[diff[0]] ?? '');
  return x !== undefined && x === dotClass.get(b[diff[0]] ?? '');
}

/** True when b is a with two neighbouring letters swapped (حكلو / حلكو): a typo even in short words. */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [first, second] = diff;
  return diff.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first];
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function levenshteinAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (isSwap(a, b)) return true;
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

// Levantine and Iraqi speech (and so the way people type it) turn the interdentals into stops or
// sibilants: ذ → ز or د (استاز، هاد، اخد), ث → ت or س (تلاتة، كتير، مسلا), ظ → ض or ز (ضل، نزام). The articles
// write the classical letter; each dialect letter may stand for these.
const DIALECT_LETTERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ز', ['ذ', 'ظ']],
  ['د', ['ذ']],
  ['ت', ['ث']],
  ['س', ['ث']],
  ['ض', ['ظ']],
]);

/** Most spellings tried for one word (a word full of ت and س would otherwise multiply them). */
const MAX_DIALECT_SPELLINGS = 64;

/**
 * The classical spellings a dialect-spelt word may stand for (استاز → استاذ، تلاته → ثلاثه), the word itself
 * excluded; normalised input, nearest (fewest letters changed) first.
 */
export function classicalSpellings(word: string): string[] {
  let spellings: { text: string; changes: number }[] = [{ text: '', changes: 0 }];
  for (const letter of word) {
    const options = [letter, ...(DIALECT_LETTERS.get(letter) ?? [])];
    const next: { text: string; changes: number }[] = [];
    for (const s of spellings) for (const option of options) next.push({ text: s.text + option, changes: s.changes + (option === letter ? 0 : 1) });
    spellings = next.sort((a, b) => a.changes - b.changes).slice(0, MAX_DIALECT_SPELLINGS);
  }
  return spellings.filter((s) => s.changes > 0).map((s) => s.text);
}
