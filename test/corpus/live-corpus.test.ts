/**
 * The live `corpus/` is data that changes as articles arrive, so tests never answer from it; they only
 * check the invariants every article must keep: it loads, ids are unique, every sentence is addressable.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';

const LIVE_CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

describe('the live corpus', () => {
  const corpus = loadCorpus(LIVE_CORPUS);

  it('loads at least one article, each with a headline and text', () => {
    expect(corpus.articles.length).toBeGreaterThan(0);
    for (const article of corpus.articles) {
      expect(article.title.trim()).not.toBe('');
      expect(article.sentences.length).toBeGreaterThan(0);
    }
  });

  it('has unique article and sentence ids', () => {
    const articleIds = corpus.articles.map((a) => a.id);
    expect(new Set(articleIds).size).toBe(articleIds.length);
    const sentenceIds = corpus.sentences.map((s) => s.id);
    expect(new Set(sentenceIds).size).toBe(sentenceIds.length);
  });

  it('addresses every sentence by its id and article', () => {
    const byArticle = new Map(corpus.articles.map((a) => [a.id, a]));
    for (const sentence of corpus.sentences) {
      expect(sentence.id).toBe(`${sentence.articleId}#${sentence.number}`);
      expect(byArticle.get(sentence.articleId)?.sentences[sentence.number]).toBe(sentence);
      expect(sentence.text.trim()).not.toBe('');
    }
  });
});
