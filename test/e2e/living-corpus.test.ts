/**
 * End to end (issue 8): the running bot, on a live engine over a temporary CORPUS_DIR, picks up
 * articles ingested while it runs — a text file, then a feed — without a restart, and shows them in
 * answers, /latest and /sources.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { LiveEngine } from '../../src/app/live-engine.ts';
import { ingestFile } from '../../src/ingest/sources.ts';
import { FeedFollower } from '../../src/ingest/follow.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { tempCorpus } from '../helpers/corpus-dir.ts';
import { INGEST_FIXTURES, startNewsServer, type NewsServer } from '../helpers/news-server.ts';

let live: LiveEngine;
let h: BotHarness;
let server: NewsServer;
let corpusDir: string;
let user = 80_000;

beforeAll(async () => {
  server = await startNewsServer();
  corpusDir = tempCorpus();
  const cacheDir = mkdtempSync(join(tmpdir(), 'living-cache-'));
  live = await LiveEngine.start({ corpusDir, debounceMs: 100, pollMs: 500, build: (dir) => createEngine({ corpusDir: dir, cacheDir }) });
  h = await startBotHarness({ engine: live, env: { CORPUS_DIR: corpusDir } });
});
afterAll(async () => {
  live?.close();
  await h?.stop();
  await server?.close();
});

async function ask(text: string): Promise<string> {
  user += 1;
  h.api.sendPrivate(text, { userId: user, languageCode: 'ar' });
  const [reply] = await h.api.waitForMessages(user, 1, 15_000);
  return reply!.plain_text;
}

async function command(name: string, args?: string) {
  user += 1;
  h.api.sendCommand(name, args, { chat: 'private', userId: user, languageCode: 'en' });
  return h.api.waitForMessages(user, 1, 15_000);
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a corpus that grows while the bot runs', () => {
  it('answers from an article ingested after the start, without a restart', async () => {
    const question = 'كم عائلة نزحت من حي طي؟';
    expect(await ask(question)).not.toContain('نورث برس');
    ingestFile(corpusDir, join(INGEST_FIXTURES, 'tayy-displacement.ar.txt'), { published: '2026-11-27', publisher: 'نورث برس' }, { now: new Date('2026-12-01T08:00:00Z') });
    await until(() => live.generation === 2);
    const reply = await ask(question);
    expect(reply).toContain('عشرات العائلات');
    expect(reply).toContain('27 تشرين الثاني 2026');
    expect(reply).toContain('نورث برس');
  });

  it('follows a feed: its items reach answers, /latest and /sources', async () => {
    const follower = new FeedFollower({
      feeds: [`${server.base}/feeds/atom.xml`], corpusDir, store: h.store.feeds, intervalMs: 60_000,
      logger: { info: () => undefined, warn: () => undefined }, now: () => new Date('2026-12-01T08:00:00Z'),
    });
    const generation = live.generation;
    const [report] = await follower.pollOnce();
    expect(report?.added).toHaveLength(1);
    await until(() => live.generation > generation);
    expect(await ask('ماذا وصل إلى مطار القامشلي؟')).toContain('طائرتا شحن روسيتان');

    const [latest] = await command('latest');
    expect(latest!.plain_text).toContain('The newest article I have');
    expect(latest!.plain_text).toContain('30 November 2026');
    expect(latest!.plain_text.includes('تعزيزات روسية جديدة تصل إلى مطار القامشلي')).toBe(true);
    expect(latest!.plain_text).toContain('تلفزيون سوريا');

    const [sources] = await command('sources');
    const text = sources!.plain_text;
    // Newest first: the feed's article, the text file, then the seed.
    const order = ['تعزيزات روسية', 'نزوح عشرات العائلات', 'resume clashes in Qamishli'].map((t) => text.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await follower.stop();
  });
});
