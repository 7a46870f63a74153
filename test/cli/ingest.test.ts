/**
 * The "done when", as an outside check would run it: ingest a text file and then a loopback
 * feed into a temporary CORPUS_DIR, ask what only the new articles say, find their dated events in
 * `timeline --json`, re-ingest both and find nothing changed, and see an unreachable URL fail clearly.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngestCli } from '../../src/cli/ingest.ts';
import { dirHash, tempCorpus } from '../helpers/corpus-dir.ts';
import { INGEST_FIXTURES, startNewsServer, type NewsServer } from '../helpers/news-server.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const TEXT_FILE = join(INGEST_FIXTURES, 'tayy-displacement.ar.txt');

let server: NewsServer;
let corpusDir: string;
let dataDir: string;

beforeAll(async () => {
  server = await startNewsServer();
  corpusDir = tempCorpus();
  dataDir = tempCorpus(false);
});
afterAll(async () => {
  await server.close();
});

async function ingest(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runIngestCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { CORPUS_DIR: corpusDir } });
  return { code, out, err };
}

/** A CLI in its own process, as `npm run <name>` starts it, reading CORPUS_DIR from the environment. */
async function cli(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', script), ...args], {
    cwd: ROOT, env: { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir }, maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

describe('npm run ingest, then ask and timeline over the grown corpus', () => {
  it('ingests a text file and a feed, then answers from them and dates their events', async () => {
    const file = await ingest(TEXT_FILE, '--published', '2026-11-27', '--publisher', 'نورث برس');
    expect(file.code).toBe(0);
    expect(file.out).toMatch(/^added 2026-11-27-[0-9a-z]{8}: «نزوح عشرات العائلات/);
    const feed = await ingest('--feed', `${server.base}/feeds/rss.xml`);
    expect(feed.code).toBe(0);
    expect(feed.out.match(/^added /gm)).toHaveLength(2);
    expect(feed.out).toContain('same story as');

    const answer = JSON.parse(await cli('ask.ts', '--json', 'كم عدد القتلى المدنيين في اشتباكات حي طي؟')) as {
      kind: string; citations: { text: string; published: string; publisher: string; url: string }[]; disagreement?: unknown;
    };
    expect(answer.kind).toBe('answer');
    expect(answer.citations.map((c) => c.publisher)).toEqual(['نورث برس', 'عنب بلدي']);
    expect(answer.citations.every((c) => c.url.startsWith(server.base))).toBe(true);
    expect(answer.disagreement).toEqual({ fact: 'number', values: ['5', '3'] });

    const timeline = JSON.parse(await cli('timeline.ts', '--json')) as { events: { date: string; citations: { articleId: string; text: string }[] }[] };
    const newEvents = timeline.events.filter((e) => e.date.startsWith('2026-11'));
    expect(newEvents.length).toBeGreaterThan(0);
    expect(newEvents.flatMap((e) => e.citations.map((c) => c.text)).some((t) => t.includes('27 تشرين الثاني'))).toBe(true);
  });

  it('re-ingesting both changes nothing', async () => {
    const before = dirHash(corpusDir);
    const file = await ingest(TEXT_FILE, '--published', '2026-11-27', '--publisher', 'نورث برس');
    expect(file.out).toMatch(/^duplicate of .* \(the same text\): nothing changed/);
    const feed = await ingest('--feed', `${server.base}/feeds/rss.xml`, '--json');
    const lines = feed.out.trim().split('\n').map((line) => JSON.parse(line) as { status: string; reason: string });
    expect(lines.map((l) => [l.status, l.reason])).toEqual([['duplicate', 'url'], ['duplicate', 'url']]);
    expect(dirHash(corpusDir)).toBe(before);
  });

  it('an unreachable URL fails clearly and leaves the corpus unchanged', async () => {
    // A port that was just free: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const before = dirHash(corpusDir);
    const result = await ingest(`http://127.0.0.1:${port}/news/1`);
    expect(result.code).toBe(1);
    expect(result.err).toContain('error (unreachable): cannot reach');
    expect(result.err).toContain('ECONNREFUSED');
    expect(result.err).toContain('is unchanged');
    expect(dirHash(corpusDir)).toBe(before);
  });

  it('explains its usage', async () => {
    expect((await ingest()).code).toBe(2);
    expect((await ingest('a.txt', '--feed', 'http://x')).code).toBe(2);
    expect((await ingest('--bogus')).code).toBe(2);
  });
});
