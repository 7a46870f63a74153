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

/**
 * English nouns whose plural the suffix rules cannot make (person / people), singular → plural: read
 * both ways, by the lemmas of English questions and by the derivation of Arabic broken plurals.
 */
export const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  person: 'people', child: 'children', man: 'men', woman: 'women', foot: 'feet', tooth: 'teeth',
  mouse: 'mice', goose: 'geese', ox: 'oxen', criterion: 'criteria', phenomenon: 'phenomena',
  knife: 'knives', wife: 'wives', life: 'lives', leaf: 'leaves', thief: 'thieves', wolf: 'wolves',
  shelf: 'shelves', half: 'halves', loaf: 'loaves', calf: 'calves', self: 'selves', sheaf: 'sheaves',
  brother: 'brethren', medium: 'media', datum: 'data', bacterium: 'bacteria',
};
