import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadQaSet, runQaSet, scoreQa, type QaScores } from '../../src/eval/qa-eval.ts';
import { seedEngine, sharedEngine } from '../helpers/engine.ts';

// Floors a little under what the engine measures (see README "Measured" and `npm run bench`), so a
// regression fails while noise in one question does not.
const SETS = [
  // Written first and used for tuning. Measured: Arabic 0.922, English 0.971, unanswerable abstained 0.906, wrongly abstained 0.008.
  { file: 'qa.jsonl', minQuestions: 100, arabicTop1: 0.87, englishTop1: 0.92, unanswerableAbstained: 0.8, wronglyAbstainedAtMost: 0.04 },
  // Written later by another author; its failures were studied. Measured: Arabic 0.927, English 1.0, unanswerable abstained 0.867, wrongly abstained 0.027.
  { file: 'qa-blind.jsonl', minQuestions: 90, arabicTop1: 0.88, englishTop1: 0.95, unanswerableAbstained: 0.8, wronglyAbstainedAtMost: 0.06 },
  // Written last by a third author and never read by the developer: only its scores were looked at.
  // Measured: Arabic 0.855, English 0.833, unanswerable abstained 1.000, wrongly abstained 0.087 (0.903 / 0.889 / 0.950 / 0.063
  // before the concept lexicon and gazetteer replaced the seed's own lists).
  { file: 'qa-heldout.jsonl', minQuestions: 100, arabicTop1: 0.82, englishTop1: 0.8, unanswerableAbstained: 0.9, wronglyAbstainedAtMost: 0.1 },
  // Multi-article sets over the whole test corpus (nine articles of the seed's region on other topics, five more unread).
  // Never read, by a third author. Measured: Arabic 0.578, English 0.421, unanswerable abstained 0.704, wrongly abstained 0.229.
  { file: 'qa-heldout-multi.jsonl', minQuestions: 100, arabicTop1: 0.55, englishTop1: 0.38, unanswerableAbstained: 0.65, wronglyAbstainedAtMost: 0.28 },
  // Scored blind first (0.676 / 0.423 / 0.450 / 0.167), then studied. Measured: 0.676 / 0.538 / 0.500 / 0.083.
  { file: 'qa-blind-multi.jsonl', minQuestions: 80, arabicTop1: 0.62, englishTop1: 0.48, unanswerableAbstained: 0.45, wronglyAbstainedAtMost: 0.13 },
  // Written for development by another author and used for tuning. Measured: 0.723 / 0.628 / 0.500 / 0.144.
  { file: 'qa-dev-multi.jsonl', minQuestions: 120, arabicTop1: 0.67, englishTop1: 0.57, unanswerableAbstained: 0.45, wronglyAbstainedAtMost: 0.19 },
];

describe.each(SETS)('the question set test/eval/$file', (set) => {
  let scores: QaScores;
  beforeAll(async () => {
    // The seed's sets were written for the seed alone: a test article on bread prices rightly answers
    // what they call unanswerable. The multi-article sets are asked of the whole test corpus.
    const engine = set.file.includes('-multi') ? await sharedEngine() : await seedEngine();
    scores = scoreQa(await runQaSet(engine, loadQaSet(join(import.meta.dirname, set.file))));
  });

  it('is large enough to mean something', () => {
    expect(scores.questions).toBeGreaterThanOrEqual(set.minQuestions);
  });
  it('answers Arabic questions with a gold sentence first', () => {
    expect(scores.arabicTop1).toBeGreaterThanOrEqual(set.arabicTop1);
  });
  it('answers English questions with a gold sentence first', () => {
    expect(scores.englishTop1).toBeGreaterThanOrEqual(set.englishTop1);
  });
  it('abstains on questions the article cannot answer', () => {
    expect(scores.unanswerableAbstained).toBeGreaterThanOrEqual(set.unanswerableAbstained);
  });
  it('rarely abstains on answerable questions', () => {
    expect(scores.answerableWronglyAbstained).toBeLessThanOrEqual(set.wronglyAbstainedAtMost);
  });
});
