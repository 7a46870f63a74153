import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { answerLead, TOPICAL_LEAD_MIN_CONFIDENCE } from '../../src/answer/messages.ts';
import { sharedEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
});

describe('what an English reader gets from an Arabic sentence nobody rendered', () => {
  it('adds a line of recognised places, numbers and topics, never a translation', async () => {
    const answer = await engine.ask('How much does subsidised bread cost in Qamishli?');
    const first = answer.citations[0];
    expect(first?.english).toBeNull();
    expect(first?.recognisedEn).toMatch(/numbers: .*\d/);
    expect(first?.recognisedEn).toMatch(/about: .*bread/);
  });

  it('adds nothing for Arabic questions', async () => {
    const answer = await engine.ask('كم سعر ربطة الخبز المدعوم في القامشلي؟');
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) expect(citation.recognisedEn).toBeUndefined();
  });
});

describe('the lead line', () => {
  it('names the topic only when the classifier is sure', () => {
    expect(answerLead('displacement', 'en', 0.95)).toMatch(/displacement/);
    expect(answerLead('displacement', 'en', TOPICAL_LEAD_MIN_CONFIDENCE - 0.1)).toBe('Here is what the articles say:');
    expect(answerLead('displacement', 'ar', 0.2)).toBe('هذا ما ورد في المقالات:');
  });
});
