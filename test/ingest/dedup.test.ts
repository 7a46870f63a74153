import { describe, expect, it } from 'vitest';
import { findDuplicate, findStory, fingerprint, minHash, normalizeUrl, resemblance, textHash } from '../../src/ingest/dedup.ts';

const A = 'قُتل ثلاثة مدنيين، بينهم طفل، في اشتباكات اندلعت مساء الجمعة في حي طي جنوبي مدينة القامشلي بين قوات الأسايش ومجموعات من الدفاع الوطني. وأصيب سبعة أشخاص آخرون نقلوا إلى المشفى الوطني بحسب مصدر طبي في المدينة.';

describe('dedup', () => {
  it('sees one URL in its variants', () => {
    expect(normalizeUrl('http://www.Example.org/a/b/?utm_source=x#top')).toBe(normalizeUrl('https://example.org/a/b'));
    expect(normalizeUrl('https://example.org/a?id=1')).not.toBe(normalizeUrl('https://example.org/a?id=2'));
  });

  it('sees the same text through spacing, punctuation, diacritics and hamza', () => {
    expect(textHash(A)).toBe(textHash(A.replace(/،/g, ' ,').replace(/ُ/g, '').replace(/أ/g, 'ا').replace(/ /g, '  ')));
    expect(textHash(A)).not.toBe(textHash(A.replace('ثلاثة', 'خمسة')));
  });

  it('estimates resemblance: one word changed is near-identical, another report is not', () => {
    const other = 'ارتفع عدد القتلى المدنيين في اشتباكات حي طي إلى خمسة بعد وفاة اثنين من الجرحى، وقالت الأسايش إن الدفاع الوطني بدأ الهجوم على حاجزها.';
    expect(resemblance(minHash(A), minHash(A.replace('ومجموعات', 'وعناصر')))).toBeGreaterThanOrEqual(0.8);
    expect(resemblance(minHash(A), minHash(other))).toBeLessThan(0.3);
  });

  it('reports URL, then text, then near-duplicate, and groups a nearby report of the same events as one story', () => {
    const base = { published: '2026-11-28', publisher: 'عنب بلدي' };
    const existing = [fingerprint({ id: 'a', url: 'https://enab.example/1', ...base }, A)];
    expect(findDuplicate(fingerprint({ id: '', url: 'https://enab.example/1/', ...base }, 'x'), existing)).toMatchObject({ of: 'a', reason: 'url' });
    expect(findDuplicate(fingerprint({ id: '', url: null, ...base }, A), existing)).toMatchObject({ of: 'a', reason: 'text' });
    expect(findDuplicate(fingerprint({ id: '', url: null, ...base }, A.replace('سبعة', 'ثمانية')), existing)).toMatchObject({ of: 'a', reason: 'near-duplicate' });
    const report = 'أفاد مصدر طبي بمقتل خمسة مدنيين في اشتباكات حي طي بمدينة القامشلي بين الأسايش والدفاع الوطني، ونقل الجرحى إلى المشفى الوطني.';
    const probe = fingerprint({ id: '', url: null, published: '2026-11-29', publisher: 'نورث برس' }, report);
    expect(findDuplicate(probe, existing)).toBeNull();
    expect(findStory(probe, existing)).toBe('a');
    expect(findStory({ ...probe, published: '2026-12-20' }, existing)).toBeNull();
  });
});
