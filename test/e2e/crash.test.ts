/**
 * Crash safety, as `npm start` runs the bot (`tsx src/main.ts` in a child process): `kill -9` while
 * answers wait out a 429 (in memory, or in the outbox), restart on the same DATA_DIR, and every
 * question is answered exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi, type SentMessage } from '../helpers/fake-bot-api.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const QUESTION = 'من يسيطر على مطار القامشلي؟';

interface Child {
  output: { stdout: string; stderr: string };
  kill(signal: NodeJS.Signals): void;
  exit: Promise<number | null>;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BOT_TOKEN|TELEGRAM_API_ROOT|WEBHOOK_|PORT$|HOST$|DATA_DIR|CORPUS_DIR|LOG_LEVEL|RATE_|RETRY_|HANDLER_TIMEOUT|CHAT_QUEUE|REPLAY_|HEALTH_)/.test(key)) delete env[key];
  }
  return { ...env, WEBHOOK_URL: '', CORPUS_DIR: join(ROOT, 'test', 'fixtures', 'corpus'), ...extra };
}

function startBotProcess(api: FakeBotApi, dataDir: string, env: Record<string, string> = {}): Child {
  // node itself with tsx as a loader, not the tsx CLI: the CLI runs the bot in a child process, which a
  // SIGKILL to the CLI would leave running (signals it cannot catch are not relayed).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: cleanEnv({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env }),
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => { output.stdout += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { output.stderr += chunk.toString('utf8'); });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output, kill: (signal) => child.kill(signal), exit };
}

async function until(check: () => boolean, what: () => string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function count(output: string, msg: string): number {
  return output.split('\n').filter((line) => line.includes(`"msg":"${msg}"`)).length;
}

const texts = (messages: SentMessage[]) => messages.map((m) => m.plain_text);

let dataDir: string;
let api: FakeBotApi;
beforeAll(async () => {
  api = await startFakeBotApi();
});
afterAll(async () => {
  await api?.close();
});

describe('kill -9 and restart on the same DATA_DIR', () => {
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'qamishli-crash-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  let reference: string[] = [];

  it('answers once normally (the reference answer, and a warm intent-model cache)', async () => {
    const bot = startBotProcess(api, dataDir);
    try {
      await until(() => bot.output.stdout.includes('"bot started"'), () => bot.output.stdout + bot.output.stderr);
      api.sendPrivate(QUESTION, { userId: 5000 });
      await api.waitForMessages(5000, 1, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // every part of the answer
      reference = texts(api.sentMessages(5000));
      expect(reference.length).toBeGreaterThan(0);
      bot.kill('SIGTERM');
      expect(await bot.exit).toBe(0);
    } finally {
      bot.kill('SIGKILL');
    }
  }, 90_000);

  it('three answers waiting out a 429 in memory: killed, restarted, three of three answered once', async () => {
    const users = [5101, 5102, 5103];
    const first = startBotProcess(api, dataDir);
    try {
      await until(() => first.output.stdout.includes('"bot started"'), () => first.output.stdout + first.output.stderr);
      api.failNext('sendMessage', { code: 429, retryAfter: 30 }, 3);
      for (const user of users) api.sendPrivate(QUESTION, { userId: user });
      await until(() => api.calls('sendMessage').filter((c) => c.status === 429).length >= 3, () => first.output.stdout);
      // They were received, and confirmed to Telegram by the next poll: only the inbox still has them.
      await until(() => api.pendingUpdates().length === 0, () => 'confirmation');
      first.kill('SIGKILL');
      await first.exit;
    } finally {
      first.kill('SIGKILL');
    }
    expect(users.map((u) => api.sentMessages(u).length)).toEqual([0, 0, 0]);

    const second = startBotProcess(api, dataDir);
    try {
      await until(() => users.every((u) => api.sentMessages(u).length >= reference.length), () => second.output.stdout + second.output.stderr, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (const user of users) expect(texts(api.sentMessages(user))).toEqual(reference);
      expect(second.output.stdout).toContain('"answering updates received before the restart"');
      // Alive: a new question is answered too.
      api.sendPrivate(QUESTION, { userId: 5104 });
      await api.waitForMessages(5104, 1, 20_000);
      second.kill('SIGTERM');
      expect(await second.exit).toBe(0);
    } finally {
      second.kill('SIGKILL');
    }
  }, 120_000);

  it('three answers waiting in the outbox: killed, restarted, three of three answered once', async () => {
    const users = [5201, 5202, 5203];
    const env = { RETRY_MAX_WAIT_SECONDS: '1' };
    const first = startBotProcess(api, dataDir, env);
    try {
      await until(() => first.output.stdout.includes('"bot started"'), () => first.output.stdout + first.output.stderr);
      api.failNext('sendMessage', { code: 429, retryAfter: 4 }, 3);
      for (const user of users) api.sendPrivate(QUESTION, { userId: user });
      await until(() => count(first.output.stdout, 'message queued in the outbox') >= 3 * reference.length, () => first.output.stdout);
      first.kill('SIGKILL');
      await first.exit;
    } finally {
      first.kill('SIGKILL');
    }
    expect(users.map((u) => api.sentMessages(u).length)).toEqual([0, 0, 0]);

    const second = startBotProcess(api, dataDir, env);
    try {
      await until(() => users.every((u) => api.sentMessages(u).length >= reference.length), () => second.output.stdout + second.output.stderr, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (const user of users) expect(texts(api.sentMessages(user))).toEqual(reference);
      expect(count(second.output.stdout, 'outbox message delivered')).toBe(3 * reference.length);
      second.kill('SIGTERM');
      expect(await second.exit).toBe(0);
    } finally {
      second.kill('SIGKILL');
    }
  }, 120_000);
});
