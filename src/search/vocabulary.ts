/**
 * An index of the corpus vocabulary for typo and shared-stem look-ups, so a question's word is
 * compared with a handful of candidates instead of every known term (which grows with the corpus).
 *
 * - Deletion index (symmetric delete, distance 1): every term is filed under itself and under each
 *   form with one letter removed. Two words one substitution, insertion, deletion or swap of
 *   neighbours apart share at least one such key, so the candidates of a word are the terms filed
 *   under its own keys. A dot-slip (تنقيذ / تنفيذ) is a substitution, so it is covered too.
 * - Prefix index: every term under its forms one and two letters shorter, for shared stems that light
 *   stemming left with a suffix letter or two (مروحيا / مروح).
 *
 * Candidates are a superset: the caller's own predicates (src/answer/units.ts `nearTerms`) decide.
 * Look-ups cost O(length of the word) map reads, whatever the size of the corpus.
 */

/** Words longer than this are not filed under their deletions (no real typo look-up needs them). */
const MAX_INDEXED_LENGTH = 24;

function deletions(term: string): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < term.length; i += 1) keys.add(term.slice(0, i) + term.slice(i + 1));
  return [...keys];
}

export class VocabularyIndex {
  private readonly terms = new Set<string>();
  /** Deletion key (or the term itself) → terms. */
  private readonly byDeletion = new Map<string, string[]>();
  /** Prefix one or two letters shorter than a term → terms. */
  private readonly byPrefix = new Map<string, string[]>();

  constructor(terms: Iterable<string> = []) {
    for (const term of terms) this.add(term);
  }

  get size(): number {
    return this.terms.size;
  }

  has(term: string): boolean {
    return this.terms.has(term);
  }

  /** Adds one term (idempotent). */
  add(term: string): void {
    if (this.terms.has(term)) return;
    this.terms.add(term);
    if (term.length > MAX_INDEXED_LENGTH) return;
    file(this.byDeletion, term, term);
    for (const key of deletions(term)) file(this.byDeletion, key, term);
    for (let cut = 1; cut <= 2 && term.length - cut >= 1; cut += 1) file(this.byPrefix, term.slice(0, term.length - cut), term);
  }

  /**
   * Known terms that may be one edit (substitution, insertion, deletion, swap of neighbours) away
   * from `term`, or share a stem with it (one is the other plus one or two letters). Excludes `term`.
   */
  candidates(term: string): string[] {
    const found = new Set<string>();
    const take = (list: readonly string[] | undefined): void => {
      for (const other of list ?? []) if (other !== term) found.add(other);
    };
    take(this.byDeletion.get(term));
    for (const key of deletions(term)) {
      take(this.byDeletion.get(key));
      if (this.terms.has(key) && key !== term) found.add(key);
    }
    // Shared stems: terms that extend this one by one or two letters, and this one's shorter prefixes.
    take(this.byPrefix.get(term));
    for (let cut = 1; cut <= 2 && term.length - cut >= 1; cut += 1) {
      const prefix = term.slice(0, term.length - cut);
      if (this.terms.has(prefix)) found.add(prefix);
    }
    return [...found];
  }
}

function file(map: Map<string, string[]>, key: string, term: string): void {
  const list = map.get(key);
  // Each term is filed once per key (add() is idempotent and deletions() deduplicates).
  if (list) list.push(term);
  else map.set(key, [term]);
}
