/**
 * The engine over a corpus grown by ingest (issue 8): the seed article, a text file, two reports of one
 * story from two publishers that disagree, and a later report; then a backdated article arrives.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import type { Engine } from '../../src/answer/types.ts';
import { decodeAction, encodeAction, FilterMemo } from '../../src/bot/callback-data.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { ingestFile, ingestPage } from '../../src/ingest/sources.ts';
import { tempCorpus } from '../helpers/corpus-dir.ts';
import { SEED_ID } from '../helpers/engine.ts';
import { INGEST_FIXTURES, startNewsServer, type NewsServer } from '../helpers/news-server.ts';

const NOW = { now: new Date('2026-12-01T08:00:00Z') };
let server: NewsServer;
let corpusDir: string;
let cacheDir: string;
let engine: Engine;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startNewsServer();
  corpusDir = tempCorpus();
  cacheDir = mkdtempSync(join(tmpdir(), 'across-cache-'));
  const file = ingestFile(corpusDir, join(INGEST_FIXTURES, 'tayy-displacement.ar.txt'), { published: '2026-11-27', publisher: 'نورث برس' }, NOW);
  ids.file = file.id;
  for (const [name, path] of [['enab', '/news/enab/tayy-clashes'], ['north', '/news/north/tayy-toll'], ['airport', '/news/syria-tv/airport-reinforcements']] as const) {
    ids[name] = (await ingestPage(corpusDir, `${server.base}${path}`, {}, NOW)).id;
  }
  engine = await createEngine({ corpusDir, cacheDir });
});
afterAll(async () => {
  await server.close();
});

describe('when reports disagree', () => {
  it('quotes both death tolls side by side, newest first, with dates and publishers', async () => {
    const answer = await engine.ask('كم عدد القتلى المدنيين في اشتباكات حي طي؟');
    expect(answer.kind).toBe('answer');
    expect(answer.disagreement).toEqual({ fact: 'number', values: ['5', '3'] });
    expect(answer.lead).toContain('تختلف التقارير');
    expect(answer.citations.map((c) => [c.articleId, c.published, c.publisher])).toEqual([
      [ids.north, '2026-11-29', 'نورث برس'],
      [ids.enab, '2026-11-28', 'عنب بلدي'],
    ]);
    expect(answer.citations[0]?.text).toContain('خمسة مدنيين');
    expect(answer.citations[1]?.text).toContain('ثلاثة مدنيين');
  });

  it('quotes both sides on who holds a place', async () => {
    const answer = await engine.ask('من يسيطر على دوار الوحدة؟');
    expect(answer.disagreement).toEqual({ fact: 'actor', values: ['ndf', 'asayish'] });
    expect(new Set(answer.citations.map((c) => c.publisher))).toEqual(new Set(['نورث برس', 'عنب بلدي']));
  });

  it('does not invent a disagreement where the reports agree or only one speaks', async () => {
    for (const question of ['من يسيطر على المطار؟', 'كم عائلة نزحت من حي طي؟', 'من بدأ الاشتباكات في حي طي؟']) {
      const answer = await engine.ask(question);
      expect(answer.disagreement, question).toBeUndefined();
    }
  });
});

describe('reports by date and publisher', () => {
  it('"the latest report" is the newest article, "the first report" the oldest', async () => {
    const latest = await engine.ask('ماذا يقول آخر تقرير؟');
    expect(latest.kind).toBe('answer');
    expect(latest.citations.every((c) => c.articleId === ids.airport)).toBe(true);
    const first = await engine.ask('what did the first report say?');
    expect(first.citations.every((c) => c.articleId === SEED_ID)).toBe(true);
  });

  it('a question naming a publisher is answered from that publisher', async () => {
    const answer = await engine.ask('ماذا تقول عنب بلدي عن حي طي؟');
    expect(answer.kind).toBe('answer');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => c.publisher === 'عنب بلدي')).toBe(true);
  });

  it('questions about now prefer the newest reporting and carry its date', async () => {
    const answer = await engine.ask('ما الذي يحدث الآن في حي طي؟');
    expect(answer.kind).toBe('answer');
    // The two newest reports that speak of Tayy: the toll (29th) and the airport report's mention (30th);
    // the file of the 27th and the seed of 2021 are older news.
    expect(['2026-11-29', '2026-11-30']).toContain(answer.citations[0]?.published);
  });

  it('answers from the new articles, quoted and cited', async () => {
    const answer = await engine.ask('ماذا وصل إلى مطار القامشلي؟');
    expect(answer.citations[0]).toMatchObject({ articleId: ids.airport, published: '2026-11-30', publisher: 'تلفزيون سوريا', url: `${server.base}/news/syria-tv/airport-reinforcements` });
    expect(answer.citations[0]?.text).toContain('طائرتا شحن روسيتان');
  });

  it('answers a question about a date from the article that reports it', async () => {
    const answer = await engine.ask('ماذا حدث يوم 27 تشرين الثاني 2026؟');
    expect(answer.kind).toBe('answer');
    expect(answer.citations[0]?.articleId).toBe(ids.file);
    // Every quote comes from an article that reports that day (a later sentence may go on about its events).
    const reporting = new Set(engine.sources().filter((a) => a.sentences.some((s) => s.text.includes('27 تشرين الثاني'))).map((a) => a.id));
    expect(answer.citations.every((c) => reporting.has(c.articleId))).toBe(true);
    expect(reporting.has(SEED_ID)).toBe(false);
  });

  it('merges the dated events of every article into one timeline, each with its citations', () => {
    const events = engine.timeline(undefined, 'ar').events;
    expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort());
    const articlesOn = (date: string): string[] => events.filter((e) => e.date === date).flatMap((e) => e.citations.map((c) => c.articleId));
    expect(articlesOn('2026-11-27')).toEqual(expect.arrayContaining([ids.file, ids.enab]));
    expect(articlesOn('2021-04-23')).toContain(SEED_ID);
  });
});

describe('stable ids', () => {
  it('an old "more" button quotes the same sentences after a backdated article arrives', async () => {
    const answer = await engine.ask('من يسيطر على المطار؟');
    const shown = [...answer.citations, ...answer.more];
    expect(shown.length).toBeGreaterThan(1);
    const memo = new FilterMemo();
    const data = encodeAction({ kind: 'more', lang: 'ar', keys: shown.map((c) => c.key) }, memo);
    const before = loadCorpus(corpusDir);

    const backdated = ingestFile(corpusDir, join(INGEST_FIXTURES, 'backdated-2019.ar.txt'), { published: '2019-05-08', publisher: 'عنب بلدي' }, NOW);
    expect(backdated.status).toBe('added');
    const after = loadCorpus(corpusDir);
    // Positions did move (the old scheme would now quote other sentences); ids and keys did not.
    const seedSentence = (corpus: typeof before) => corpus.sentences.find((s) => s.id === `${SEED_ID}#16`)!;
    expect(seedSentence(after).ref).not.toBe(seedSentence(before).ref);
    expect(seedSentence(after).key).toBe(seedSentence(before).key);
    for (const article of before.articles) expect(after.articles.find((a) => a.id === article.id)?.sentences.map((s) => s.key)).toEqual(article.sentences.map((s) => s.key));

    const rebuilt = await createEngine({ corpusDir, cacheDir });
    const decoded = decodeAction(data, memo);
    if (!decoded.ok || decoded.action.kind !== 'more') throw new Error('button data did not decode');
    const quoted = rebuilt.cite(decoded.action.keys);
    expect(quoted.map((c) => [c.sentenceId, c.text])).toEqual(shown.slice(0, decoded.action.keys.length).map((c) => [c.sentenceId, c.text]));
  });
});
