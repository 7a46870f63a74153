import { createRequire } from 'node:module';

interface WordStemmer {
  stemWord(word: string): string;
}

let englishStemmer: WordStemmer | undefined;

/** Snowball (Porter2) English stemmer from @nlpjs/lang-en-min, created on first use (no import-time work). */
export function stemEnglish(word: string): string {
  if (!englishStemmer) {
    const require = createRequire(import.meta.url);
    const { StemmerEn } = require('@nlpjs/lang-en-min') as { StemmerEn: new () => WordStemmer };
    englishStemmer = new StemmerEn();
  }
  return englishStemmer.stemWord(word);
}
