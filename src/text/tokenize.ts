/**
 * Unicode-aware word tokeniser shared by Arabic and English text.
 */

/** Bidi controls, zero-width characters, the BOM and tatweel: removed before splitting. */
const INVISIBLE_OR_TATWEEL = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD\u0640]/g;
/** A word is a run of letters, combining marks (tashkeel) and digits; everything else separates. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Splits text into surface words. Every punctuation mark and symbol separates words — including
 * “ ” « » ، ؛ ؟ and glued forms such as لـ”الدفاع — and invisible marks and tatweel are removed first.
 * Tokens keep their original letters (normalisation is a separate step).
 */
export function tokenize(text: string): string[] {
  return text.replace(INVISIBLE_OR_TATWEEL, '').match(WORD) ?? [];
}
