/**
 * The product as `npm start` runs it: `node scripts/run.mjs main` (the bundled src/main.ts) in a child process, configured only through
 * the environment, against the fake Bot API; and the console chat when there is no token.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.ts';
import { tempCorpus } from '../helpers/corpus-dir.ts';
import { startNewsServer } from '../helpers/news-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dataDir: string;

/** The parent's environment without anything that configures the bot, so a developer's .env or shell cannot leak in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BOT_TOKEN|TELEGRAM_API_ROOT|WEBHOOK_|PORT$|HOST$|DATA_DIR|CORPUS_DIR|LOG_LEVEL|RATE_|RETRY_|HANDLER_TIMEOUT|CHAT_QUEUE|REPLAY_|HEALTH_|FEED_|TIMEZONE$|DIGEST_)/.test(key)) delete env[key];
  }
  // Set, even empty, so dotenv does not fill them from a developer's .env.
  return { ...env, BOT_TOKEN: '', WEBHOOK_URL: '', CORPUS_DIR: join(ROOT, 'test', 'fixtures', 'corpus'), ...extra };
}

function run(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: { stdout: string; stderr: string }; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['scripts/run.mjs', 'main'], { cwd: ROOT, env: cleanEnv(env) });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => { output.stdout += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { output.stderr += chunk.toString('utf8'); });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exit };
}

async function until(check: () => boolean, what: () => string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'qamishli-npm-start-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs the bot against TELEGRAM_API_ROOT, answers, survives 429 and 502, and stops on SIGTERM', async () => {
    const { child, output, exit } = run({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, LOG_LEVEL: 'info', RETRY_BASE_DELAY_MS: '50' });
    try {
      await until(() => output.stdout.includes('"bot started"'), () => `bot start; stdout=${output.stdout} stderr=${output.stderr}`);
      api.failNext('sendMessage', { code: 429, retryAfter: 1 });
      api.failNext('sendMessage', { code: 502 });
      api.sendPrivate('من يسيطر على مطار القامشلي؟', { userId: 4242 });
      const [reply] = await api.waitForMessages(4242, 1, 20_000);
      expect(reply!.entities.some((e) => e.type === 'blockquote')).toBe(true);
      expect(api.calls('sendMessage').map((c) => c.status)).toEqual([429, 502, 200]);
      expect(api.commands('default', 'ar')).toBeDefined();
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(output.stdout).toContain('"bot stopped"');
      expect(output.stdout + output.stderr).not.toContain(api.token);
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);

  // Issue 8: feeds followed while running, their articles answered without a restart.
  it('follows FEED_URLS and answers from the new articles without a restart', async () => {
    const news = await startNewsServer();
    const corpusDir = tempCorpus();
    const feedData = mkdtempSync(join(tmpdir(), 'qamishli-npm-start-feeds-'));
    const { child, output, exit } = run({
      BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: feedData, CORPUS_DIR: corpusDir, LOG_LEVEL: 'info',
      FEED_URLS: `${news.base}/feeds/rss.xml`, FEED_INTERVAL_MINUTES: '60',
    });
    try {
      await until(() => (output.stdout.match(/"new article from a feed"/g) ?? []).length === 2, () => `feed; stdout=${output.stdout} stderr=${output.stderr}`);
      await until(() => output.stdout.includes('"corpus changed: new engine in use"'), () => `swap; stdout=${output.stdout}`);
      await until(() => /"articles":3,/.test(output.stdout), () => `both articles in use; stdout=${output.stdout}`);
      api.sendPrivate('كم عدد القتلى المدنيين في اشتباكات حي طي؟', { userId: 4343 });
      const [reply] = await api.waitForMessages(4343, 1, 20_000);
      expect(reply!.plain_text).toContain('نورث برس');
      expect(reply!.plain_text).toContain('عنب بلدي');
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await news.close();
      rmSync(feedData, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a bad variable with a message naming it', async () => {
    const { output, exit } = run({ BOT_TOKEN: 'nonsense', DATA_DIR: dataDir });
    expect(await exit).toBe(2);
    expect(output.stderr).toContain('BOT_TOKEN');
    expect(output.stderr).not.toContain('nonsense');
  }, 60_000);
});

describe('console chat (no BOT_TOKEN)', () => {
  it('answers a piped question, says how to get a token, and exits', async () => {
    const { child, output, exit } = run({ DATA_DIR: dataDir });
    child.stdin.end('من يسيطر على المطار؟\n');
    expect(await exit).toBe(0);
    expect(output.stderr).toContain('@BotFather');
    expect(output.stdout).toContain('│ ');
    expect(output.stdout).toMatch(/الجملة \d+/);
  }, 90_000);
});
