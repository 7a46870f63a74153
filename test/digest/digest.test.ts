import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import { loadCorpus, parseArticle } from '../../src/corpus/load.ts';
import { buildDigest, leadingClause } from '../../src/digest/digest.ts';
import { compileDigestKnowledge, defaultDigestKnowledge, DigestTopicsError } from '../../src/digest/topics.ts';
import { digestJson, digestView } from '../../src/views/digest-view.ts';
import { fitsOneMessage, plainText } from '../../src/views/format.ts';
import { SEED_DIR as CORPUS_DIR } from '../events/fixtures/load.ts';

const corpus = loadCorpus(CORPUS_DIR);
const knowledge = defaultDigestKnowledge();

function article(id: string, published: string, lines: string[], firstRef = 1000): Article {
  return parseArticle({ id, textFile: `${id}.ar.txt`, language: 'ar', published, publisher: null, url: null }, lines.join('\n'), firstRef);
}

describe('buildDigest', () => {
  it('quotes 3 to 6 corpus sentences verbatim, with citations, dated by the newest article drawn on', () => {
    const digest = buildDigest({ articles: corpus.articles, knowledge, lang: 'ar' });
    expect(digest.asOf).toBe('2021-04-25');
    expect(digest.points.length).toBeGreaterThanOrEqual(3);
    expect(digest.points.length).toBeLessThanOrEqual(6);
    const byId = new Map(corpus.sentences.map((s) => [s.id, s.text]));
    for (const point of digest.points) {
      expect(byId.get(point.citation.sentenceId)).toBe(point.citation.text);
      expect(point.citation.text.startsWith(point.text.replace(/ …$/, ''))).toBe(true);
    }
    expect(new Set(digest.points.map((p) => p.citation.sentenceId)).size).toBe(digest.points.length);
  });

  it('covers the topics the article reports rather than one topic many times', () => {
    const topics = new Set(buildDigest({ articles: corpus.articles, knowledge, lang: 'ar' }).points.flatMap((p) => p.topic ?? []));
    for (const topic of ['fighting', 'control', 'ceasefire']) expect(topics.has(topic)).toBe(true);
  });

  it('prefers today\'s news to the background of earlier years', () => {
    const ids = buildDigest({ articles: corpus.articles, knowledge, lang: 'ar' }).points.map((p) => p.citation.sentenceId);
    expect(ids).toContain('qamishli-2021-04-25#1');
    // Sentences 13 and 14 tell the clashes of 2018 and 2016.
    expect(ids).not.toContain('qamishli-2021-04-25#13');
    expect(ids).not.toContain('qamishli-2021-04-25#14');
  });

  it('leads with what arrived since the last digest, and says so when nothing did', () => {
    const later = article('later-2021-04-26', '2021-04-26', [
      'تجدد الاشتباكات في القامشلي.',
      'تجددت الاشتباكات في حي حلكو بالقامشلي صباح الاثنين بين قوات الأسايش والدفاع الوطني.',
      'ونزحت عشرات العائلات من حي طي نحو أحياء أخرى في المدينة.',
    ]);
    const articles = [...corpus.articles, later];
    const previousPoints = buildDigest({ articles: corpus.articles, knowledge, lang: 'ar' }).points.map((p) => ({ sentenceId: p.citation.sentenceId, text: p.citation.text }));
    const withNew = buildDigest({ articles, knowledge, lang: 'ar', previous: { arrived: new Set([later.id]), points: previousPoints } });
    expect(withNew.newArticles).toBe(1);
    expect(withNew.asOf).toBe('2021-04-26');
    expect(withNew.points[0]?.isNew).toBe(true);
    expect(withNew.points[0]?.citation.articleId).toBe(later.id);
    const text = plainText(digestView(withNew, articles).view.blocks);
    expect(text.indexOf('جديد منذ ملخصكم السابق')).toBeLessThan(text.indexOf('الوضع القائم'));

    const nothing = buildDigest({ articles: corpus.articles, knowledge, lang: 'ar', previous: { arrived: new Set(), points: previousPoints } });
    expect(nothing.newArticles).toBe(0);
    expect(plainText(digestView(nothing, corpus.articles).view.blocks)).toContain('لم تصل أخبار جديدة');
  });

  it('says when a later report contradicts a point of an earlier digest', () => {
    const earlier = article('a-2021-05-01', '2021-05-01', [
      'اتفاق في القامشلي.',
      'وتوصلت قوات الأسايش والدفاع الوطني إلى اتفاق لوقف إطلاق النار في حي طي بالقامشلي بوساطة روسية.',
    ], 0);
    const later = article('b-2021-05-02', '2021-05-02', [
      'انهيار الاتفاق.',
      'انهار اتفاق وقف إطلاق النار بين قوات الأسايش والدفاع الوطني في حي طي بالقامشلي صباح اليوم.',
    ], 10);
    const earlierPoint = { sentenceId: 'a-2021-05-01#1', text: earlier.sentences[1]!.text };
    const digest = buildDigest({ articles: [earlier, later], knowledge, lang: 'en', previous: { arrived: new Set([later.id]), points: [earlierPoint] } });
    expect(digest.contradictions).toEqual([expect.objectContaining({ earlier: earlierPoint, reason: 'reversal' })]);
    expect(digest.contradictions[0]?.later.citation.sentenceId).toBe('b-2021-05-02#1');
    expect(plainText(digestView(digest, [earlier, later]).view.blocks)).toContain('Correction: an earlier digest quoted');

    const unrelated = buildDigest({ articles: [earlier, later], knowledge, lang: 'en', previous: { arrived: new Set([later.id]), points: [{ sentenceId: 'x#1', text: 'ارتفعت أسعار الخبز في الحسكة.' }] } });
    expect(unrelated.contradictions).toEqual([]);
  });

  it('fits one Telegram message, in Arabic and in English', () => {
    for (const lang of ['ar', 'en'] as const) {
      const digest = buildDigest({ articles: corpus.articles, knowledge, lang });
      const { view, points } = digestView(digest, corpus.articles);
      expect(fitsOneMessage(view.blocks)).toBe(true);
      expect(points.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives the summary JSON shape, English point text from the corpus renderings', () => {
    const json = digestJson(buildDigest({ articles: corpus.articles, knowledge, lang: 'en' }), corpus.articles);
    expect(Object.keys(json)).toEqual(['asOf', 'text', 'points']);
    expect(json.points[0]).toEqual({ text: expect.stringMatching(/[A-Za-z]/), citation: { articleId: expect.any(String), sentenceId: expect.any(String), text: expect.stringMatching(/\p{Script=Arabic}/u) } });
  });

  it('an empty corpus gives a polite digest with no points', () => {
    const digest = buildDigest({ articles: [], knowledge, lang: 'ar' });
    expect(digest).toMatchObject({ asOf: null, points: [] });
    expect(plainText(digestView(digest, []).view.blocks)).toContain('لا توجد مقالات');
  });
});

describe('leadingClause', () => {
  it('cuts a long sentence at a clause boundary and marks the cut', () => {
    const text = `${'كلمة '.repeat(30)}، ${'أخرى '.repeat(40)}`;
    const cut = leadingClause(text, 200);
    expect(cut.endsWith(' …')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(202);
    expect(leadingClause('قصيرة.', 200)).toBe('قصيرة.');
  });
});

describe('digest topics', () => {
  it('refuses bad data with a message naming the problem', () => {
    expect(() => compileDigestKnowledge({ topics: [] })).toThrow(DigestTopicsError);
    expect(() => compileDigestKnowledge({ topics: [{ id: 'x', label: { ar: 'x', en: 'x' }, words: ['في'] }], contradiction: { denial: [], reversals: [] } })).toThrow(/stopword/);
  });
});
