import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import type { ExplainableEngine } from '../../src/answer/engine.ts';
import { CORPUS_DIR, SEED_ID } from '../helpers/engine.ts';

/** The seed beside an article about elsewhere (written for this test) that names no place of the region. */
function corpusWithElsewhere(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qamishli-elsewhere-'));
  cpSync(CORPUS_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'elsewhere-2021-04-26.ar.txt'), [
    'هدنة في مدينة بعيدة',
    'أعلن الطرفان وقف إطلاق النار في المدينة البعيدة بعد أسبوع من القتال.',
    'وقال مسؤول إن وقف إطلاق النار صامد حتى الآن.',
  ].join('\n'));
  writeFileSync(join(dir, 'elsewhere-2021-04-26.json'), JSON.stringify({
    id: 'elsewhere-2021-04-26', textFile: 'elsewhere-2021-04-26.ar.txt', language: 'ar', published: '2021-04-26', publisher: null, url: null,
  }));
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

  it('changes nothing for a question about a place in the region', async () => {
    const question = 'من يسيطر على مطار القامشلي؟';
    expect((await inRegion.ask(question)).citations.map((c) => c.sentenceId)).toEqual((await noRegion.ask(question)).citations.map((c) => c.sentenceId));
  });
});
