import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.ts';

describe('tokenize', () => {
  it('splits the article headline on curly quotes glued to words', () => {
    expect(tokenize('“قسد” و”الدفاع الوطني” يستأنفان الاشتباكات في القامشلي وحركة نزوح جديدة.')).toEqual([
      'قسد', 'و', 'الدفاع', 'الوطني', 'يستأنفان', 'الاشتباكات', 'في', 'القامشلي', 'وحركة', 'نزوح', 'جديدة',
    ]);
  });

  it('separates a tatweel-glued preposition from a quoted name (لـ”الدفاع)', () => {
    expect(tokenize('ومقر لـ”الدفاع الوطني” (مقر الليلو)')).toEqual(['ومقر', 'ل', 'الدفاع', 'الوطني', 'مقر', 'الليلو']);
  });

  it('splits on Arabic and Latin punctuation and guillemets', () => {
    expect(tokenize('«صلى الله عليه وسلم»، ثم؛ لماذا؟ نعم! a,b;c:d')).toEqual([
      'صلى', 'الله', 'عليه', 'وسلم', 'ثم', 'لماذا', 'نعم', 'a', 'b', 'c', 'd',
    ]);
  });

  it('keeps tashkeel inside words and numbers whole', () => {
    expect(tokenize('قُتِلَ 18 عنصرًا في 2018')).toEqual(['قُتِلَ', '18', 'عنصرًا', 'في', '2018']);
    expect(tokenize('٢٥ نيسان')).toEqual(['٢٥', 'نيسان']);
  });

  it('removes RTL/LTR marks, zero-width characters and tatweel', () => {
    expect(tokenize('\u200Fقسد\u200E \u200Bالمطار\u2067 قـــسد\uFEFF')).toEqual(['قسد', 'المطار', 'قسد']);
  });

  it('drops emoji and symbols, returns [] for empty or symbol-only input', () => {
    expect(tokenize('👋 المطار 🔥🔥')).toEqual(['المطار']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('؟!… ***')).toEqual([]);
  });

  it('handles 10,000 characters of mixed input', () => {
    const text = 'حي حلكو، مطار القامشلي! '.repeat(400).slice(0, 10_000);
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(1000);
    expect(tokens.every((t) => /^[\p{L}\p{M}\p{N}]+$/u.test(t))).toBe(true);
  });
});
