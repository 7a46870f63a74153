/**
 * Script-based language detection for the two languages the bot speaks.
 */
export type Language = 'ar' | 'en';

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Returns 'ar' when the text holds any Arabic letter (users mix English names into Arabic
 * questions far more often than the reverse), 'en' when it holds Latin letters only, and 'ar'
 * — the corpus language — when it holds no letters at all.
 */
export function detectLanguage(text: string): Language {
  if (ARABIC_LETTER.test(text)) return 'ar';
  if (LATIN_LETTER.test(text)) return 'en';
  return 'ar';
}
