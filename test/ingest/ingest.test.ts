import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { IngestError, type IngestErrorCode } from '../../src/ingest/errors.ts';
import { DEFAULT_FETCH } from '../../src/ingest/fetch.ts';
import { ingestFeed, ingestFile, ingestPage } from '../../src/ingest/sources.ts';
import { dirHash, tempCorpus } from '../helpers/corpus-dir.ts';
import { INGEST_FIXTURES, startNewsServer, type NewsServer } from '../helpers/news-server.ts';

const NOW = new Date('2026-12-01T08:00:00Z');
const fetchOptions = { ...DEFAULT_FETCH, timeoutMs: 1500, maxBytes: 256 * 1024 };
const options = { now: NOW, fetch: fetchOptions };
const TEXT_FILE = join(INGEST_FIXTURES, 'tayy-displacement.ar.txt');

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});

const url = (path: string): string => `${server.base}${path}`;

function added<T extends { status: string }>(result: T): Extract<T, { status: 'added' }> {
  if (result.status !== 'added') throw new Error(`expected an added article, got ${JSON.stringify(result)}`);
  return result as Extract<T, { status: 'added' }>;
}

describe('ingest from a text file', () => {
  it('adds the article with the given metadata, readable by the loader', () => {
    const dir = tempCorpus();
    const result = added(ingestFile(dir, TEXT_FILE, { published: '2026-11-27', publisher: 'نورث برس' }, options));
    expect(result.id).toMatch(/^2026-11-27-[0-9a-z]{8}$/);
    expect(result.language).toBe('ar');
    const article = loadCorpus(dir).articles.find((a) => a.id === result.id)!;
    expect(article.title).toBe('نزوح عشرات العائلات من حي طي في القامشلي بعد ليلة من الاشتباكات');
    expect(article.publisher).toBe('نورث برس');
    expect(article.url).toBeNull();
    expect(article.sentences.some((s) => s.text.includes('أكثر من ستين عائلة'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]); // no temporary file left
  });

  it('takes an English article as English', () => {
    const dir = tempCorpus(false);
    const result = added(ingestFile(dir, join(INGEST_FIXTURES, 'english-report.en.txt'), { published: '2026-11-27', publisher: 'Example News' }, options));
    expect(result.language).toBe('en');
    expect(readdirSync(dir)).toContain(`${result.id}.en.txt`);
    expect(loadCorpus(dir).articles[0]?.language).toBe('en');
  });

  it('reports the same text again as a duplicate and changes nothing', () => {
    const dir = tempCorpus();
    const first = added(ingestFile(dir, TEXT_FILE, { published: '2026-11-27' }, options));
    const before = dirHash(dir);
    const again = ingestFile(dir, TEXT_FILE, { published: '2026-11-28', publisher: 'other' }, options);
    expect(again).toMatchObject({ status: 'duplicate', id: first.id, reason: 'text' });
    expect(dirHash(dir)).toBe(before);
  });
});

describe('ingest from a web page', () => {
  it('extracts the article, not the menus, "most read", comments or footer, and reads the metadata from the page', async () => {
    const dir = tempCorpus();
    const result = added(await ingestPage(dir, url('/news/enab/tayy-clashes'), {}, options));
    expect(result).toMatchObject({ published: '2026-11-28', publisher: 'عنب بلدي', title: 'مقتل ثلاثة مدنيين في اشتباكات حي طي بالقامشلي' });
    const article = loadCorpus(dir).articles.find((a) => a.id === result.id)!;
    expect(article.url).toBe(url('/news/enab/tayy-clashes'));
    const text = readFileSync(join(dir, `${result.id}.ar.txt`), 'utf8');
    expect(text).toContain('قُتل ثلاثة مدنيين، بينهم طفل');
    expect(text).toContain('سيطرت على دوار الوحدة');
    for (const chrome of ['الأكثر قراءة', 'أسعار الخبز', 'حسبنا الله', 'جميع الحقوق', 'الرئيسية', 'عاجل', 'سياسة الخصوصية']) {
      expect(text).not.toContain(chrome);
    }
    expect(text.split('\n')[0]).toBe(result.title);
    expect(text.split('\n').filter((line) => line === result.title)).toHaveLength(1); // the headline is not repeated
  });

  it('reads the date and publisher from JSON-LD and a meta date, the URL from og:url', async () => {
    const dir = tempCorpus(false);
    expect(added(await ingestPage(dir, url('/news/north/tayy-toll'), {}, options))).toMatchObject({ published: '2026-11-29', publisher: 'نورث برس' });
    const airport = added(await ingestPage(dir, url('/news/syria-tv/airport-reinforcements'), {}, options));
    expect(airport).toMatchObject({ published: '2026-11-30', publisher: 'تلفزيون سوريا', title: 'تعزيزات روسية جديدة تصل إلى مطار القامشلي' });
    expect(loadCorpus(dir).articles.find((a) => a.id === airport.id)?.url).toBe(url('/news/syria-tv/airport-reinforcements'));
  });

  it('decodes a windows-1256 page that declares its charset only in a meta tag', async () => {
    const dir = tempCorpus(false);
    const result = added(await ingestPage(dir, url('/news/cp1256'), {}, options));
    expect(result.title).toBe('تعزيزات روسية جديدة تصل إلى مطار القامشلي');
    expect(readFileSync(join(dir, `${result.id}.ar.txt`), 'utf8')).toContain('طائرتا شحن روسيتان');
  });

  it('lets the command line override what the page says', async () => {
    const dir = tempCorpus(false);
    const result = added(await ingestPage(dir, url('/news/undated'), { published: '2026-11-30', publisher: 'TV', title: 'عنوان آخر' }, options));
    expect(result).toMatchObject({ published: '2026-11-30', publisher: 'TV', title: 'عنوان آخر' });
  });
});

describe('duplicates change nothing', () => {
  it('the same URL is not fetched again; a redirect to a stored page and a republished copy are duplicates', async () => {
    const dir = tempCorpus();
    const first = added(await ingestPage(dir, url('/news/enab/tayy-clashes'), {}, options));
    const before = dirHash(dir);
    const fetches = server.requests.length;
    expect(await ingestPage(dir, url('/news/enab/tayy-clashes'), {}, options)).toMatchObject({ status: 'duplicate', id: first.id, reason: 'url' });
    expect(server.requests.length).toBe(fetches);
    expect(await ingestPage(dir, url('/news/redirect'), {}, options)).toMatchObject({ status: 'duplicate', id: first.id, reason: 'url' });
    const copy = await ingestPage(dir, url('/news/mirror/tayy-clashes-copy'), {}, options);
    expect(copy).toMatchObject({ status: 'duplicate', id: first.id, reason: 'near-duplicate' });
    expect(copy.status === 'duplicate' && copy.similarity).toBeGreaterThanOrEqual(0.8);
    expect(dirHash(dir)).toBe(before);
  });

  it('keeps the same story from two publishers as two articles, grouped as one story', async () => {
    const dir = tempCorpus();
    const enab = added(await ingestPage(dir, url('/news/enab/tayy-clashes'), {}, options));
    const north = added(await ingestPage(dir, url('/news/north/tayy-toll'), {}, options));
    expect(north.story).toBe(enab.id);
    const airport = added(await ingestPage(dir, url('/news/syria-tv/airport-reinforcements'), {}, options));
    expect(airport.story).toBeNull();
    expect(loadCorpus(dir).articles.find((a) => a.id === north.id)?.story).toBe(enab.id);
  });
});

describe('ingest from feeds', () => {
  it('reads an RSS feed, adds each item, and on a second read adds nothing', async () => {
    const dir = tempCorpus();
    const outcome = await ingestFeed(dir, url('/feeds/rss.xml'), options);
    expect(outcome.title).toBe('أخبار الجزيرة السورية');
    // Oldest first, so the first report starts the story.
    expect(outcome.items.map((i) => [i.item.url, i.result?.status])).toEqual([
      [url('/news/enab/tayy-clashes'), 'added'],
      [url('/news/north/tayy-toll'), 'added'],
    ]);
    const before = dirHash(dir);
    const again = await ingestFeed(dir, url('/feeds/rss.xml'), options);
    expect(again.items.every((i) => i.result?.status === 'duplicate')).toBe(true);
    // With the validators of the first read the server answers 304 and nothing is parsed.
    const conditional = await ingestFeed(dir, url('/feeds/rss.xml'), { ...options, etag: outcome.etag });
    expect(conditional.notModified).toBe(true);
    expect(dirHash(dir)).toBe(before);
  });

  it('reads an Atom feed; an item whose page is gone is reported and the others still added', async () => {
    const dir = tempCorpus();
    const outcome = await ingestFeed(dir, url('/feeds/atom.xml'), options);
    const gone = outcome.items.find((i) => i.item.url.endsWith('/news/gone'));
    expect(gone?.error?.code).toBe('http');
    const airport = outcome.items.find((i) => i.item.url.endsWith('/airport-reinforcements'));
    expect(airport?.result).toMatchObject({ status: 'added', published: '2026-11-30', publisher: 'تلفزيون سوريا' });
  });
});

describe('bad input gets a clear error and leaves the corpus exactly as it was', () => {
  const cases: [string, IngestErrorCode, (dir: string) => Promise<unknown>][] = [
    ['an unreachable host', 'unreachable', (dir) => ingestPage(dir, 'http://127.0.0.1:9/news', {}, options)],
    ['a page that never finishes', 'timeout', (dir) => ingestPage(dir, url('/news/slow'), {}, { ...options, fetch: { ...fetchOptions, timeoutMs: 300 } })],
    ['HTTP 404', 'http', (dir) => ingestPage(dir, url('/news/missing'), {}, options)],
    ['HTTP 500', 'http', (dir) => ingestPage(dir, url('/news/error'), {}, options)],
    ['a huge page streamed without a length', 'too-large', (dir) => ingestPage(dir, url('/news/huge'), {}, options)],
    ['a huge page that says so', 'too-large', (dir) => ingestPage(dir, url('/news/huge-declared'), {}, options)],
    ['a redirect loop', 'too-many-redirects', (dir) => ingestPage(dir, url('/news/loop'), {}, options)],
    ['JSON instead of HTML', 'wrong-type', (dir) => ingestPage(dir, url('/news/json'), {}, options)],
    ['a feed URL given as a page', 'wrong-type', (dir) => ingestPage(dir, url('/feeds/rss.xml'), {}, options)],
    ['an index page with no article', 'no-text', (dir) => ingestPage(dir, url('/news/index'), {}, options)],
    ['a French article', 'language', (dir) => ingestPage(dir, url('/news/french'), {}, options)],
    ['a page dated in the future', 'future-date', (dir) => ingestPage(dir, url('/news/future'), {}, options)],
    ['a page with no date', 'bad-date', (dir) => ingestPage(dir, url('/news/undated'), {}, options)],
    ['an unparseable date', 'bad-date', async (dir) => ingestFile(dir, TEXT_FILE, { published: 'الأسبوع الماضي' }, options)],
    ['an impossible date', 'bad-date', async (dir) => ingestFile(dir, TEXT_FILE, { published: '2026-02-30' }, options)],
    ['a text file without a date', 'bad-date', async (dir) => ingestFile(dir, TEXT_FILE, {}, options)],
    ['a missing file', 'bad-input', async (dir) => ingestFile(dir, join(INGEST_FIXTURES, 'nope.txt'), { published: '2026-11-27' }, options)],
    ['a malformed feed', 'malformed-feed', (dir) => ingestFeed(dir, url('/feeds/malformed.xml'), options)],
    ['an HTML page given as a feed', 'wrong-type', (dir) => ingestFeed(dir, url('/news/enab/tayy-clashes'), options)],
    ['a feed on an unreachable host', 'unreachable', (dir) => ingestFeed(dir, 'http://127.0.0.1:9/feed.xml', options)],
    ['not a URL', 'bad-input', (dir) => ingestPage(dir, 'ftp://example.org/x', {}, options)],
  ];
  for (const [name, code, run] of cases) {
    it(name, async () => {
      const dir = tempCorpus();
      const before = dirHash(dir);
      const error = await run(dir).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe(code);
      expect((error as IngestError).message.length).toBeGreaterThan(10);
      expect(dirHash(dir)).toBe(before);
    });
  }
});
