/**
 * A tokeniser for date parsing that keeps offsets into the original text: every token carries its
 * normalised form (see `normalizeArabic`: one alef, ة→ه, Eastern digits → ASCII, no tashkeel) and
 * the span of the original characters it came from, so a match on normalised text can be quoted verbatim.
 */
import { normalizeArabic } from '../text/arabic.ts';

export type TokenType = 'word' | 'num' | 'punct';

export interface DateToken {
  /** Normalised text. Letters and digits form separate tokens: الـ23 → ال, 23; و2018 → و, 2018. */
  norm: string;
  type: TokenType;
  /** Offsets into the original text, end exclusive. */
  from: number;
  to: number;
}

const LETTER = /\p{L}/u;
const DIGIT = /\d/;
const MARK = /\p{M}/u;
const SPACE = /\s/u;

/** Splits text into word, number and punctuation tokens with original offsets. */
export function dateTokens(text: string): DateToken[] {
  const tokens: DateToken[] = [];
  let current: DateToken | undefined;
  let index = 0;
  for (const ch of text) {
    const at = index;
    index += ch.length;
    const norm = normalizeArabic(ch);
    if (norm === '' || (MARK.test(norm) && current?.type === 'word')) {
      // Tashkeel, tatweel and invisible marks belong to the word they sit in.
      if (current && current.type !== 'punct') {
        current.to = index;
        if (norm !== '') current.norm += norm;
      }
      continue;
    }
    if (SPACE.test(norm)) {
      current = undefined;
      continue;
    }
    const first = norm[0] ?? '';
    const type: TokenType = LETTER.test(first) ? 'word' : DIGIT.test(first) ? 'num' : 'punct';
    if (current && current.type === type && type !== 'punct') {
      current.norm += norm;
      current.to = index;
    } else {
      current = { norm, type, from: at, to: index };
      tokens.push(current);
    }
  }
  return tokens;
}

/** Single-letter and combined proclitics that may be glued to a date word: وفي، بنيسان، لعام، وبعد. */
const CLITICS = ['وب', 'فب', 'ول', 'فل', 'وك', 'و', 'ف', 'ب', 'ل', 'ك'] as const;

export interface WordForm {
  form: string;
  clitic: string;
}

/**
 * The forms a word may stand for once a proclitic is removed, the bare word first: بالامس → الامس,
 * لليوم → اليوم. Callers look every form up in their own word lists, so stripping never invents a match.
 */
export function wordForms(norm: string): WordForm[] {
  const forms: WordForm[] = [{ form: norm, clitic: '' }];
  if (norm.startsWith('لل') && norm.length > 3) forms.push({ form: `ال${norm.slice(2)}`, clitic: 'ل' });
  for (const clitic of CLITICS) {
    if (norm.startsWith(clitic) && norm.length - clitic.length >= 2) forms.push({ form: norm.slice(clitic.length), clitic });
  }
  return forms;
}
