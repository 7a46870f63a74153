import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { DEFAULT_RANKING, type ExplainableEngine } from '../../src/answer/engine.ts';
import { answerView } from '../../src/views/view.ts';
import { tempCorpus, writeArticle } from '../helpers/corpus-dir.ts';
import { SEED_ID } from '../helpers/engine.ts';

/** The seed beside two articles about elsewhere (written for this test): one names no place, one Damascus. */
function corpusWithElsewhere(): string {
  const dir = tempCorpus();
  writeArticle(dir, 'elsewhere-2021-04-26', '2021-04-26', [
    'هدنة في مدينة بعيدة',
    'أعلن الطرفان وقف إطلاق النار في المدينة البعيدة بعد أسبوع من القتال.',
    'وقال مسؤول إن وقف إطلاق النار صامد حتى الآن.',
  ]);
  // A report about Damascus, on a topic the seed does not touch.
  writeArticle(dir, 'damascus-2021-04-27', '2021-04-27', [
    'انقطاع المياه عن أحياء في دمشق',
    'انقطعت مياه الشرب عن أحياء واسعة في دمشق لليوم الثالث بسبب عطل في محطة الضخ.',
    'وقالت مؤسسة المياه إن الإصلاح سيستغرق يومين.',
  ]);
  return dir;
}

describe('the home region (HOME_REGION)', () => {
  let inRegion: ExplainableEngine;
  let noRegion: ExplainableEngine;
  beforeAll(async () => {
    const corpusDir = corpusWithElsewhere();
    const cacheDir = mkdtempSync(join(tmpdir(), 'qamishli-cache-'));
    noRegion = await createEngine({ corpusDir, cacheDir });
    inRegion = await createEngine({ corpusDir, cacheDir, homeRegion: 'القامشلي، الحسكة' });
  });

  it('reads a question that names no place in the region: the region first, elsewhere below', async () => {
    for (const question of ['هل وقف إطلاق النار صامد؟', 'ماذا قال المسؤول عن وقف إطلاق النار؟']) {
      const without = await noRegion.ask(question);
      expect(without.citations[0]?.articleId).toBe('elsewhere-2021-04-26'); // the other article wins on words alone
      const within = await inRegion.ask(question);
      expect(within.citations[0]?.articleId ?? SEED_ID).toBe(SEED_ID);
    }
  });

  it('answers from elsewhere when the region\'s articles do not say, and names the place', async () => {
    const answer = await inRegion.ask('لماذا انقطعت مياه الشرب؟');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.articleId).toBe('damascus-2021-04-27');
    expect(answer.citations[0]?.outsideRegion).toEqual({ placeAr: 'دمشق', placeEn: 'Damascus' });
    const view = answerView(answer, []);
    expect(JSON.stringify(view.blocks)).toContain('من خارج المنطقة التي أتابعها: دمشق');
    // Asked about Damascus by name, it is not read in the region: no note.
    const named = await inRegion.ask('لماذا انقطعت مياه الشرب في دمشق؟');
    expect(named.citations[0]?.articleId).toBe('damascus-2021-04-27');
    expect(named.citations[0]?.outsideRegion).toBeUndefined();
    // Without a home region nothing is outside it.
    expect((await noRegion.ask('لماذا انقطعت مياه الشرب؟')).citations[0]?.outsideRegion).toBeUndefined();
  });

  it('changes nothing for a question about a place in the region', async () => {
    const question = 'من يسيطر على مطار القامشلي؟';
    expect((await inRegion.ask(question)).citations.map((c) => c.sentenceId)).toEqual((await noRegion.ask(question)).citations.map((c) => c.sentenceId));
  });

  it('searches further for the region\'s sentences when articles about elsewhere fill the top of the search', async () => {
    const corpusDir = tempCorpus();
    // Many sentences about a truce elsewhere, each closer to the question's words than the seed's.
    writeArticle(corpusDir, 'elsewhere-2021-04-26', '2021-04-26', [
      'وقف إطلاق النار صامد في المدينة البعيدة',
      ...Array.from({ length: 6 }, (_, i) => `وقف إطلاق النار صامد في الحي ${i + 1} من المدينة البعيدة.`),
    ]);
    const cacheDir = mkdtempSync(join(tmpdir(), 'qamishli-cache-'));
    // A search that returns few candidates, as a large corpus makes the usual sixty.
    const ranking = { ...DEFAULT_RANKING, candidates: 3 };
    const crowded = await createEngine({ corpusDir, cacheDir, ranking, homeRegion: 'القامشلي، الحسكة' });
    const answer = await crowded.ask('هل وقف إطلاق النار صامد؟');
    expect(answer.citations[0]?.articleId).toBe(SEED_ID);
  });
});
