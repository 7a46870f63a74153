import { describe, expect, it } from 'vitest';
import { BenchFormatError, evaluate, goldSentences, parseSquad, reciprocalRank, splitSentences } from '../../src/search/arcd.ts';

describe('splitSentences', () => {
  it('splits after runs of . ؟ ! ? and keeps the delimiter with the sentence', () => {
    const text = 'ولد في مكة. ثم هاجر؟! إلى المدينة?? نعم!';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['ولد في مكة.', 'ثم هاجر؟!', 'إلى المدينة??', 'نعم!']);
  });

  it('splits at newlines and records spans that point back into the paragraph', () => {
    const text = 'السطر الأول\nالسطر الثاني. والثالث';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['السطر الأول', 'السطر الثاني.', 'والثالث']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('drops pieces without a letter or digit', () => {
    expect(splitSentences('... !! \n؟ أهلا. (.) 3.').map((s) => s.text)).toEqual(['أهلا.', ') 3.']);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('goldSentences', () => {
  const paragraph = 'ولد في مكة. تزوج خديجة. توفي في المدينة.';
  const sentences = splitSentences(paragraph);

  it('marks the sentence that contains the answer text', () => {
    expect(goldSentences(sentences, [{ text: 'خديجة', answerStart: 10_000 }])).toEqual(new Set([1]));
  });

  it('marks every sentence the answer span overlaps', () => {
    const start = paragraph.indexOf('مكة');
    expect(goldSentences(sentences, [{ text: 'مكة. تزوج', answerStart: start }])).toEqual(new Set([0, 1]));
  });

  it('finds no gold when neither text nor span matches', () => {
    expect(goldSentences(sentences, [{ text: 'بغداد', answerStart: 10_000 }])).toEqual(new Set());
  });
});

describe('reciprocalRank', () => {
  it('scores the first gold id and honours the cutoff', () => {
    expect(reciprocalRank([5, 3, 1], new Set([3]))).toBe(0.5);
    expect(reciprocalRank([5, 3, 1], new Set([9]))).toBe(0);
    expect(reciprocalRank([0, 1, 2, 3], new Set([3]), 3)).toBe(0);
  });
});

describe('parseSquad and evaluate', () => {
  const file = {
    version: '1.1',
    data: [{
      title: 't',
      paragraphs: [
        { context: 'أ. ب.', qas: [{ id: '1', question: 'q1', answers: [{ text: 'ب', answer_start: 3 }] }] },
        { context: 'ج. د.', qas: [{ id: '2', question: 'q2', answers: [{ text: 'ج', answer_start: 0 }] }] },
      ],
    }],
  };

  it('reads paragraphs, sentences and questions', () => {
    const paragraphs = parseSquad(file);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]?.sentences.map((s) => s.text)).toEqual(['أ.', 'ب.']);
    expect(paragraphs[1]?.questions[0]?.answers[0]).toEqual({ text: 'ج', answerStart: 0 });
  });

  it('rejects a file without data', () => {
    expect(() => parseSquad({})).toThrow(BenchFormatError);
    expect(() => parseSquad(null)).toThrow(BenchFormatError);
  });

  it('computes both tasks for a ranker', () => {
    const paragraphs = parseSquad(file);
    // Always ranks the first candidate first: right for q2 in its paragraph, right for neither globally.
    const result = evaluate(paragraphs, (sentences) => () => sentences.map((_, i) => i));
    expect(result.questions).toBe(2);
    expect(result.paragraphTop1).toBe(0.5);
    expect(result.paragraphMrr).toBe(0.75);
    expect(result.globalTop1).toBe(0);
    expect(result.globalMrr10).toBeCloseTo((1 / 2 + 1 / 3) / 2);
  });

  it('can skip the global task', () => {
    const result = evaluate(parseSquad(file), (sentences) => () => sentences.map((_, i) => i), false);
    expect(result.globalTop1).toBeNull();
  });
});
