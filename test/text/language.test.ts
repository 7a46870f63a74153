import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.ts';

describe('detectLanguage', () => {
  it('detects Arabic (MSA and Levantine) and English', () => {
    expect(detectLanguage('من يسيطر على مطار القامشلي؟')).toBe('ar');
    expect(detectLanguage('شو صار عالمطار')).toBe('ar');
    expect(detectLanguage('Who controls the airport in Qamishli?')).toBe('en');
  });

  it('lets Arabic win in mixed questions', () => {
    expect(detectLanguage('What happened in القامشلي?')).toBe('ar');
    expect(detectLanguage('شو هي SDF؟')).toBe('ar');
  });

  it('defaults to Arabic, the corpus language, without letters', () => {
    expect(detectLanguage('')).toBe('ar');
    expect(detectLanguage('2021 👋 ?!')).toBe('ar');
  });
});
