import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { DEFAULT_FETCH } from '../../src/ingest/fetch.ts';
import { FeedFollower } from '../../src/ingest/follow.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { dirHash, tempCorpus } from '../helpers/corpus-dir.ts';
import { startNewsServer, type NewsServer } from '../helpers/news-server.ts';

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});

function logger() {
  const lines: { level: string; object: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (object: object, message: string) => lines.push({ level: 'info', object: object as Record<string, unknown>, message }),
    warn: (object: object, message: string) => lines.push({ level: 'warn', object: object as Record<string, unknown>, message }),
  };
}

function follower(feeds: string[], store: Store, corpusDir: string, clock: { now: Date }, log = logger()) {
  return {
    log,
    follower: new FeedFollower({
      feeds, corpusDir, store: store.feeds, intervalMs: 60_000, maxBackoffMs: 8 * 60_000, logger: log,
      fetch: { ...DEFAULT_FETCH, timeoutMs: 2000 }, now: () => clock.now,
    }),
  };
}

describe('following feeds', () => {
  it('adds new items, logs each, keeps ETag and seen items in SQLite, and asks again with a conditional GET', async () => {
    const store = openStore(':memory:');
    const corpusDir = tempCorpus();
    const clock = { now: new Date('2026-12-01T08:00:00Z') };
    const { follower: f, log } = follower([`${server.base}/feeds/rss.xml`], store, corpusDir, clock);
    const [report] = await f.pollOnce();
    expect(report?.added).toHaveLength(2);
    expect(log.lines.filter((l) => l.message === 'new article from a feed').map((l) => l.object.publisher)).toEqual(['عنب بلدي', 'نورث برس']);
    const state = store.feeds.get(`${server.base}/feeds/rss.xml`);
    expect(state?.etag).toMatch(/^"/);
    expect(state?.failures).toBe(0);
    expect(store.feeds.seenCount(`${server.base}/feeds/rss.xml`)).toBe(2);
    expect(loadCorpus(corpusDir).articles).toHaveLength(3);

    const before = dirHash(corpusDir);
    const pages = server.requests.filter((p) => p.startsWith('/news/')).length;
    const [second] = await f.pollOnce();
    expect(second).toMatchObject({ added: [], error: null });
    expect(server.requests.filter((p) => p.startsWith('/news/')).length).toBe(pages); // 304: no page fetched again
    expect(dirHash(corpusDir)).toBe(before);
  });

  it('a feed that is down is backed off and does not stop the others', async () => {
    const store = openStore(':memory:');
    const corpusDir = tempCorpus();
    const clock = { now: new Date('2026-12-01T08:00:00Z') };
    const down = `${server.base}/feeds/down.xml`;
    let calls = 0;
    server.route('/feeds/down.xml', (_req, res) => {
      calls += 1;
      res.writeHead(503).end();
    });
    const { follower: f } = follower([down, `${server.base}/feeds/malformed.xml`, `${server.base}/feeds/atom.xml`], store, corpusDir, clock);
    const reports = await f.pollOnce();
    expect(reports.map((r) => r.error === null)).toEqual([false, false, true]);
    expect(reports[2]?.added).toHaveLength(1);
    expect(store.feeds.get(down)).toMatchObject({ failures: 1, lastError: expect.stringContaining('503') });

    // Within the backoff the feed is not asked; after it, it is, and the wait doubles.
    clock.now = new Date(clock.now.getTime() + 30_000);
    expect((await f.pollOnce())[0]?.skipped).toBe('backoff');
    expect(calls).toBe(1);
    clock.now = new Date(clock.now.getTime() + 31_000);
    await f.pollOnce();
    expect(calls).toBe(2);
    const state = store.feeds.get(down)!;
    expect(state.failures).toBe(2);
    expect(Date.parse(state.nextAttempt!) - clock.now.getTime()).toBe(120_000);

    // Back up: the failures are forgotten.
    server.serve('/feeds/down.xml', 'application/rss+xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>');
    clock.now = new Date(clock.now.getTime() + 121_000);
    expect((await f.pollOnce())[0]?.error).toBeNull();
    expect(store.feeds.get(down)?.failures).toBe(0);
  });

  it('an item whose page failed for a passing reason is tried again on the next read; a bad one is not', async () => {
    const store = openStore(':memory:');
    const corpusDir = tempCorpus();
    const clock = { now: new Date('2026-12-01T08:00:00Z') };
    const feed = `${server.base}/feeds/atom.xml`;
    const { follower: f } = follower([feed], store, corpusDir, clock);
    await f.pollOnce();
    expect(store.feeds.seen(feed, 'urn:syria-tv:airport-reinforcements')).toBe(true);
    expect(store.feeds.seen(feed, 'urn:syria-tv:gone')).toBe(false); // 404 may be a page not yet published
  });
});
