/**
 * The language of an article's text: Arabic or English; anything else is refused. By script for
 * Arabic; for Latin script, by the share of common English function words, since French, Kurdish in
 * Latin letters or Turkish share the alphabet.
 */
import type { Language } from '../corpus/article.ts';
import { IngestError } from './errors.ts';

const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with', 'as', 'by', 'it', 'at', 'from', 'were', 'are', 'have',
  'has', 'had', 'an', 'be', 'this', 'which', 'after', 'their', 'its', 'said', 'who', 'not', 'but', 'they', 'been',
]);

export function detectArticleLanguage(text: string): Language {
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) throw new IngestError('no-text', 'the article has no words');
  if (arabic / letters >= 0.6) return 'ar';
  if (latin / letters >= 0.6) {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const english = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
    if (words.length > 0 && english / words.length >= 0.12) return 'en';
  }
  throw new IngestError('language', 'the article is neither Arabic nor English; only those two are supported');
}
