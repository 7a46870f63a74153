import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR, SEED_ID, seedEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

const corpusTexts = new Set(loadCorpus(CORPUS_DIR).sentences.map((s) => s.text));

describe('engine.ask', () => {
  it('quotes corpus sentences verbatim with a full citation', async () => {
    const answer = await engine.ask('ماذا حدث في حي حلكو؟');
    expect(answer.kind).toBe('answer');
    expect(answer.abstained).toBe(false);
    expect(answer.citations.length).toBeGreaterThanOrEqual(1);
    expect(answer.citations.length).toBeLessThanOrEqual(3);
    for (const citation of answer.citations) {
      expect(corpusTexts.has(citation.text)).toBe(true);
      expect(citation.articleId).toBe(SEED_ID);
      expect(citation.sentenceId).toBe(`${SEED_ID}#${citation.sentenceNumber}`);
      expect(citation.published).toBe('2021-04-25');
      expect(citation.publisher).toBeNull();
      expect(citation.url).toBeNull();
    }
    expect(answer.citations[0]?.text).toContain('حلكو');
  });

  it('answers in the language of the question', async () => {
    const english = await engine.ask('What happened in the Halko neighbourhood?');
    expect(english.lang).toBe('en');
    expect(english.lead).toMatch(/[a-z]/i);
    expect(english.citations[0]?.english).toBeTruthy();
    const arabic = await engine.ask('ماذا حدث في حي حلكو؟');
    expect(arabic.lead).toMatch(/\p{Script=Arabic}/u);
  });

  it.each([
    'what is the weather in Qamishli tomorrow?',
    'tell me a joke',
    'who won the football world cup?',
    'كم عدد سكان القامشلي؟',
    'ما موقف الأمم المتحدة من الاشتباكات؟',
  ])('abstains when the articles do not say: %s', async (question) => {
    const answer = await engine.ask(question);
    expect(answer.abstained).toBe(true);
    expect(answer.kind).toBe('abstain');
    expect(answer.citations).toEqual([]);
  });

  it.each(['', '   ', '😀😀', '\u200f\u200e', 'a'.repeat(10_000)])('answers unusable input %j politely', async (text) => {
    const answer = await engine.ask(text);
    expect(answer.kind).toBe('invalid');
    expect(answer.citations).toEqual([]);
    expect(answer.lead.length).toBeGreaterThan(10);
  });

  it('echoes at most a short excerpt of unusable input', async () => {
    const answer = await engine.ask('ب'.repeat(2_000_000));
    expect(answer.kind).toBe('invalid');
    expect(answer.question.length).toBeLessThanOrEqual(200);
    expect(answer.question.startsWith('ببب')).toBe(true);
  });

  it.each(['the', 'latest^3', 'news[0]', 'a', 'of the'])('gives a stray word or junk %j the polite answer, not the news summary', async (text) => {
    const answer = await engine.ask(text);
    expect(answer.kind).not.toBe('answer');
    expect(answer.citations).toEqual([]);
  });

  it.each(['what is the latest news?', 'latest', 'news', 'ما آخر الأخبار؟', 'شو الأخبار', 'شو عم يصير'])(
    'gives an explicit request for the news %j the summary',
    async (text) => {
      const answer = await engine.ask(text);
      expect(answer.kind).toBe('answer');
      expect(answer.citations.map((c) => c.sentenceId)).toEqual(engine.summary(answer.lang).citations.map((c) => c.sentenceId));
    },
  );

  it.each(['title:المطار', 'المطار~2 +حلكو -قسد *', '<b>من يسيطر</b> على **المطار**', 'foo~a bar^x'])(
    'never passes search syntax to lunr: %j',
    async (text) => {
      await expect(engine.ask(text)).resolves.toMatchObject({ question: expect.any(String) });
    },
  );

  it('replies to greetings and thanks without quoting', async () => {
    for (const text of ['مرحبا', 'hello', 'شكرا جزيلا', 'thanks!']) {
      const answer = await engine.ask(text);
      expect(answer.kind).toBe('smalltalk');
      expect(answer.citations).toEqual([]);
    }
  });

  it('offers next-best sentences that are not already quoted', async () => {
    const answer = await engine.ask('what did Russia do?');
    const quoted = new Set(answer.citations.map((c) => c.key));
    for (const more of answer.more) expect(quoted.has(more.key)).toBe(false);
    expect(engine.cite(answer.more.map((c) => c.key))).toEqual(answer.more);
  });
});

describe('engine views', () => {
  it('summarises the newest article with cited sentences in reading order', () => {
    const summary = engine.summary('en');
    expect(summary.citations.length).toBeGreaterThanOrEqual(2);
    const numbers = summary.citations.map((c) => c.sentenceNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers).toContain(1);
  });

  it('lists its sources', () => {
    expect(engine.sources().map((a) => a.id)).toEqual([SEED_ID]);
  });
});

describe('date-aware answers', () => {
  const firstSentence = async (question: string): Promise<string | undefined> => (await engine.ask(question)).citations[0]?.sentenceId;

  it.each([
    ['what happened in 2018?', 13],
    ['شو صار بأيلول 2018؟', 13],
    ['ماذا حدث في تموز 2016؟', 14],
    ['ماذا حدث في تموز؟', 14],
    ['What happened on 23 April?', 6],
    ['ماذا حدث في 17 نيسان؟', 8],
    ['what happened on April 20?', 7],
  ])('answers %j from the event of that date', async (question, sentence) => {
    expect(await firstSentence(question)).toBe(`${SEED_ID}#${sentence}`);
  });

  it('answers "the first time" with the earliest event, in both languages', async () => {
    expect(await firstSentence('when was the first clash between them?')).toBe(`${SEED_ID}#14`);
    expect(await firstSentence('متى كانت أول مرة اشتبك فيها الطرفان؟')).toBe(`${SEED_ID}#14`);
  });

  it('answers background questions with events before the current fighting', async () => {
    const answer = await engine.ask('ما خلفية هذه الاشتباكات؟');
    expect(answer.kind).toBe('answer');
    const dated = answer.citations.map((c) => c.sentenceNumber);
    expect(dated.some((n) => [8, 11, 13, 14].includes(n))).toBe(true);
  });

  it('abstains on a date the articles say nothing about', async () => {
    expect((await engine.ask('ماذا حدث في آب 2019؟')).abstained).toBe(true);
    expect((await engine.ask('what happened yesterday?')).abstained).toBe(true);
  });

  it('answers "what is the latest?" with the news of the newest article', async () => {
    const answer = await engine.ask('what is the latest?');
    expect(answer.kind).toBe('answer');
    expect(answer.citations[0]?.sentenceNumber).toBe(1);
  });
});

describe('an empty corpus', () => {
  it('abstains politely on any question, a relative date included, in memory and persisted', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createEngine } = await import('../../src/answer/create-engine.ts');
    const corpusDir = mkdtempSync(join(tmpdir(), 'qamishli-empty-'));
    for (const dataDir of [undefined, mkdtempSync(join(tmpdir(), 'qamishli-empty-data-'))]) {
      const empty = await createEngine({ corpusDir, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-cache-')), dataDir });
      for (const question of ['ماذا حدث أمس؟', 'what happened last week?', 'من يسيطر على المطار؟']) {
        const answer = await empty.ask(question);
        expect(answer.abstained, question).toBe(true);
        expect(answer.citations).toEqual([]);
      }
    }
  });
});
