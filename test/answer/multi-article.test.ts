import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import type { Engine } from '../../src/answer/types.ts';
import { SECOND_DIR, SEED_DIR } from '../events/fixtures/load.ts';
import { SEED_ID, sharedEngine } from '../helpers/engine.ts';
import { DEFAULT_RANKING } from '../../src/answer/engine.ts';
import { tempCorpus, writeArticle } from '../helpers/corpus-dir.ts';

// The engine over two articles: the seed and a later one it was never tuned on.
const SECOND_ID = 'tayy-2021-05-03';
let engine: Engine;

beforeAll(async () => {
  const corpusDir = mkdtempSync(join(tmpdir(), 'two-articles-'));
  cpSync(SEED_DIR, corpusDir, { recursive: true });
  cpSync(SECOND_DIR, corpusDir, { recursive: true });
  engine = await createEngine({ corpusDir, cacheDir: mkdtempSync(join(tmpdir(), 'two-articles-cache-')) });
});

const first = async (question: string) => (await engine.ask(question)).citations[0];

describe('an engine over several articles', () => {
  it('lists every article as a source, oldest first', () => {
    expect(engine.sources().map((a) => a.id)).toEqual([SEED_ID, SECOND_ID]);
  });

  it('answers from the article that says it, citing that article', async () => {
    const killed = await first('من قُتل في حي طي؟');
    expect(killed?.articleId).toBe(SECOND_ID);
    expect(killed?.published).toBe('2021-05-03');
    expect((await first('كم شخصاً يعيش في حي طي؟'))?.sentenceId).toBe(`${SECOND_ID}#5`);
    expect((await first('متى اعتقلت الأسايش عناصر من الدفاع الوطني؟'))?.sentenceId).toBe(`${SECOND_ID}#3`);
  });

  it('still answers from the first article', async () => {
    expect((await first('who controls the airport?'))?.sentenceId).toBe(`${SEED_ID}#16`);
  });

  it('summarises the newest article', () => {
    const summary = engine.summary('ar');
    expect(summary.citations.length).toBeGreaterThan(0);
    expect(summary.citations.every((c) => c.articleId === SECOND_ID)).toBe(true);
  });

  it('puts both articles on one timeline in date order', () => {
    const events = engine.timeline(undefined, 'en').events;
    const starts = events.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
    expect(events.some((e) => e.date === '2021-04-28' && e.citations.some((c) => c.articleId === SECOND_ID))).toBe(true);
    expect(events.some((e) => e.date === '2021-04-23' && e.citations.some((c) => c.articleId === SEED_ID))).toBe(true);
  });
});

describe('a report and its background', () => {
  // The Washokani report (January 2024) also recalls the floods of January 2023, in the same words.
  const WASHOKANI = 't-hasakah-washokani-storm-2024-01-22';
  it('answers a question that asks for no date from what the report reports, not from its background', async () => {
    const shared = await sharedEngine();
    expect((await shared.ask('كم خيمة غرقت في مخيم واشوكاني؟')).citations[0]?.sentenceId).toBe(`${WASHOKANI}#1`);
    // Asked for the earlier floods, the background is the answer.
    expect((await shared.ask('كم خيمة غرقت في مخيم واشوكاني في كانون الثاني 2023؟')).citations[0]?.sentenceId).toBe(`${WASHOKANI}#12`);
  });
});

describe('a name alone among articles about elsewhere', () => {
  it('abstains when the only sentence naming the asked actor is in an article that says nothing of what is asked', async () => {
    const corpusDir = tempCorpus();
    writeArticle(corpusDir, 'swiss-2019-03-02', '2019-03-02', [
      'سويسرا بلد المنظمات الدولية',
      'سويسرا دولة صغيرة في وسط أوروبا، عاصمتها برن.',
      'سويسرا هي أيضاً مهد للصليب الأحمر؛ وموطن لعدد كبير من المنظمات الدولية؛ بما في ذلك ثاني أكبر مكتب للأمم المتحدة.',
    ]);
    const withSwiss = await createEngine({ corpusDir, cacheDir: mkdtempSync(join(tmpdir(), 'name-alone-cache-')) });
    expect((await withSwiss.ask('هل شاركت الأمم المتحدة في الاشتباكات؟')).abstained).toBe(true);
  });
});

describe('a rare word of the question among many articles', () => {
  it('brings the sentences using it into the candidates when common words fill the top of the search', async () => {
    const corpusDir = tempCorpus();
    writeArticle(corpusDir, 'elsewhere-2021-04-26', '2021-04-26', [
      'مواجهات في المدينة البعيدة',
      ...Array.from({ length: 6 }, (_, i) => `دارت المواجهات في الحي ${i + 1} من المدينة البعيدة وسط المدينة.`),
    ]);
    // A search that returns few candidates, as a large corpus makes the usual sixty.
    const crowded = await createEngine({ corpusDir, cacheDir: mkdtempSync(join(tmpdir(), 'rare-word-cache-')), ranking: { ...DEFAULT_RANKING, candidates: 3 } });
    expect((await crowded.ask('أين دارت أعنف المواجهات في المدينة؟')).citations[0]?.sentenceId).toBe(`${SEED_ID}#2`);
  });
});
