import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedbackOutput } from '../../src/cli/feedback.ts';
import { summaryOutput, UsageError } from '../../src/cli/summary.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { openStore } from '../../src/store/store.ts';
import { CORPUS_DIR } from '../helpers/engine.ts';

describe('npm run summary', () => {
  it('--json prints asOf, text and 3 to 6 points cited from the corpus', () => {
    const json = JSON.parse(summaryOutput(['--json', '--corpus', CORPUS_DIR])) as { asOf: string; text: string; points: { text: string; citation: { articleId: string; sentenceId: string; text: string } }[] };
    // The newest article of the test corpus is of 7 June 2024.
    expect(json.asOf).toBe('2024-06-07');
    expect(json.text).toContain('7 حزيران 2024');
    expect(json.points.length).toBeGreaterThanOrEqual(3);
    expect(json.points.length).toBeLessThanOrEqual(6);
    const sentences = new Map(loadCorpus(CORPUS_DIR).sentences.map((s) => [s.id, s]));
    for (const point of json.points) {
      expect(sentences.get(point.citation.sentenceId)?.text).toBe(point.citation.text);
      expect(sentences.get(point.citation.sentenceId)?.articleId).toBe(point.citation.articleId);
      expect(json.text).toContain(point.text);
    }
  });

  it('reads in English with --lang en and refuses another language', () => {
    expect(summaryOutput(['--lang', 'en', '--corpus', CORPUS_DIR])).toMatch(/^Qamishli digest — as of 7 June 2024/);
    expect(() => summaryOutput(['--lang', 'fr', '--corpus', CORPUS_DIR])).toThrow(UsageError);
  });
});

describe('npm run feedback', () => {
  it('shows voted answers with question, counts and cited sentence ids', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qamishli-feedback-'));
    try {
      expect(feedbackOutput(['--data-dir', dir])).toContain('No feedback yet');
      const store = openStore(dir);
      const id = store.feedback.recordAnswer({ chatId: 1, question: 'who controls the airport?', lang: 'en', kind: 'answer', sentenceIds: ['a#16'] });
      store.feedback.vote(id, 5, 1);
      store.close();
      const text = feedbackOutput(['--data-dir', dir]);
      expect(text).toContain('1 answer(s) voted on: 1 👍, 0 👎');
      expect(text).toContain('who controls the airport?');
      expect(text).toContain('a#16');
      expect(JSON.parse(feedbackOutput(['--json', '--data-dir', dir]))).toEqual([expect.objectContaining({ up: 1, down: 0, sentenceIds: ['a#16'] })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
