import { describe, expect, it } from 'vitest';
import { latestView, SOURCES_PAGE_SIZE, sourcesPageView } from '../../src/views/sources-view.ts';
import { renderPlain } from '../../src/views/format.ts';
import type { Article } from '../../src/corpus/article.ts';

const article = (n: number, published: string): Article => ({
  id: `a-${n}`, title: `عنوان ${n}`, titleEn: null, language: 'ar', published, publisher: n % 2 ? 'عنب بلدي' : null, url: null,
  sentences: [
    { id: `a-${n}#0`, key: `k${n}0`, articleId: `a-${n}`, number: 0, ref: 0, paragraph: 0, text: `عنوان ${n}`, english: null },
    { id: `a-${n}#1`, key: `k${n}1`, articleId: `a-${n}`, number: 1, ref: 1, paragraph: 1, text: `الجملة الأولى ${n}`, english: null },
  ],
});

describe('/sources', () => {
  const articles = Array.from({ length: SOURCES_PAGE_SIZE + 3 }, (_, i) => article(i, `2026-11-${String(i + 1).padStart(2, '0')}`));

  it('pages through the articles newest first with date, publisher and title', () => {
    const first = sourcesPageView('en', articles, 0);
    const text = renderPlain(first);
    expect(text).toContain(`The articles I answer from:\n${articles.length} articles, newest first — page 1 of 2`);
    expect(text.indexOf(`عنوان ${articles.length - 1}`)).toBeLessThan(text.indexOf(`عنوان ${articles.length - 2}`));
    expect(text).toContain('11 November 2026 · publisher unknown');
    expect(text).toContain('10 November 2026 · عنب بلدي');
    expect(text).not.toContain('عنوان 0\n');
    expect(first.buttons.map((b) => b.action)).toEqual([{ kind: 'sources', lang: 'en', page: 1 }]);
    const second = sourcesPageView('en', articles, 1);
    expect(renderPlain(second)).toContain('عنوان 0');
    expect(second.buttons.map((b) => [b.role, b.action])).toEqual([['previous', { kind: 'sources', lang: 'en', page: 0 }]]);
    expect(sourcesPageView('ar', articles, 99).buttons.map((b) => b.role)).toEqual(['previous']); // clamped
  });

  it('/latest shows the newest article and its opening', () => {
    const text = renderPlain(latestView('ar', articles));
    expect(text).toContain(`عنوان ${articles.length - 1}`);
    expect(text).toContain(`الجملة الأولى ${articles.length - 1}`);
    expect(renderPlain(latestView('en', []))).toContain('no articles');
  });
});
