import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import type { ExplainableEngine } from '../../src/answer/engine.ts';
import { tempCorpus, writeArticle } from '../helpers/corpus-dir.ts';
import { seedEngine } from '../helpers/engine.ts';

describe('the units a question is read into', () => {
  it('reads "how long" as asking for a number, not for the word "long"', async () => {
    const engine = (await seedEngine()) as ExplainableEngine;
    const asked = await engine.explain('How long did the clashes last?');
    expect(asked.units.map((u) => u.label)).not.toContain('long');
    expect(asked.units).toContainEqual(expect.objectContaining({ kind: 'answer-type', label: 'number' }));
    // Anywhere else "long" is a word like any other.
    expect((await engine.explain('Why were the queues at the bakery so long?')).units.map((u) => u.label)).toContain('long');
  });
});

describe('an unknown word one typo away from a name', () => {
  it('is that name when it is no word of the language, and stays a word when it is one', async () => {
    const corpusDir = tempCorpus();
    // Written for this test: the articles name Iran and never use the word for aviation (طيران).
    writeArticle(corpusDir, 'iran-2021-04-26', '2021-04-26', ['زيارة وفد من إيران إلى القامشلي', 'وصل وفد من إيران إلى القامشلي أمس.']);
    const engine = await createEngine({ corpusDir, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-cache-')) });
    const aviation = await engine.explain('هل شارك طيران النظام في المعارك؟');
    expect(aviation.units).toContainEqual(expect.objectContaining({ kind: 'term', label: 'طيران' }));
    expect(aviation.units.filter((u) => u.kind === 'entity').map((u) => u.label)).not.toContain('طيران');
    // A misspelt name is still the name.
    const typo = await engine.explain('ما هي الاسياش؟');
    expect(typo.units).toContainEqual(expect.objectContaining({ kind: 'entity', label: 'الاسياش' }));
  });
});

describe('a question for how long', () => {
  it('is answered by an amount of time, not by another number of its topic', async () => {
    const corpusDir = tempCorpus();
    // Written for this test.
    writeArticle(corpusDir, 'clash-2021-05-02', '2021-05-02', [
      'اشتباكات في حي الطي بالقامشلي',
      'قتل أربعة مدنيين وأصيب تسعة آخرون في اشتباكات اندلعت ظهر اليوم في حي الطي.',
      'وقال سكان إن الاشتباكات استمرت قرابة ثلاث ساعات قبل أن يتوقف إطلاق النار.',
    ]);
    const engine = await createEngine({ corpusDir, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-cache-')) });
    for (const question of ['قديش طوّلت الاشتباكات بحي الطي؟', 'كم ساعة استمرت الاشتباكات في حي الطي؟']) {
      const answer = await engine.ask(question);
      expect(answer.citations[0]?.sentenceId, question).toBe('clash-2021-05-02#2');
    }
  });
});

describe('a question for a price', () => {
  it('is answered by a sum of money, not by a count of the thing priced', async () => {
    const corpusDir = tempCorpus();
    // Written for this test.
    writeArticle(corpusDir, 'water-2021-05-03', '2021-05-03', [
      'أزمة مياه في الحسكة',
      'وتوزع مديرية المياه يوميًا المياه على الأحياء عبر 60 صهريجًا في مدينة الحسكة.',
      'ووصل سعر الصهريج في الحسكة إلى 30 ألف ليرة سورية بحسب السكان.',
    ]);
    const engine = await createEngine({ corpusDir, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-cache-')) });
    for (const question of ['قديش حق الصهريج بالحسكة؟', 'How much does a water tanker cost in Hasakah?']) {
      const answer = await engine.ask(question);
      expect(answer.citations[0]?.sentenceId, question).toBe('water-2021-05-03#2');
    }
  });
});
