/**
 * A bounded memo for pure functions of short strings (words, questions): the text pipeline calls the
 * same few thousand words again and again. When full it starts afresh, which costs one recomputation
 * per word and never grows with the corpus. One home for this, used by normalisation, analysis and
 * entity matching.
 */
export function boundedMemo<V>(compute: (key: string) => V, maxEntries: number): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    if (kept.size >= maxEntries) kept.clear();
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}
