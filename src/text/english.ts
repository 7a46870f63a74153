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

/** British endings and their American spelling. */
const BRITISH_ENDINGS: readonly [RegExp, string][] = [
  [/is(e|ed|es|ing|er|ers|ation|ations)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/our(s|ed|ing|ite|ites|able)?$/, 'or$1'],
  [/([^aeiou])tre(s|d)?$/, '$1ter$2'],
  [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
  [/ence(s)?$/, 'ense$1'],
  [/ogue(s)?$/, 'og$1'],
];

/**
 * American spellings of a British-spelt word (subsidised → subsidized, mobilisation → mobilization,
 * labour → labor, centre → center, travelled → traveled, defence → defense), for a dictionary that lists
 * one spelling only. Empty when the word has no British ending.
 */
export function americanSpellings(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  for (const [pattern, replacement] of BRITISH_ENDINGS) {
    if (pattern.test(w)) {
      const variant = w.replace(pattern, replacement);
      if (variant !== w && !out.includes(variant)) out.push(variant);
    }
  }
  return out;
}
