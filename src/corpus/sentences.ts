import type { Language } from './article.ts';

/**
 * Splits a paragraph into sentences with `Intl.Segmenter`, keeping each sentence's text exactly as
 * published (only the surrounding white space is trimmed).
 */
export function splitSentences(paragraph: string, language: Language): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const sentence = segment.trim();
    if (/[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
  }
  return sentences;
}
