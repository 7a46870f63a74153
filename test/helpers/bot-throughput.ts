/**
 * Bot throughput for `npm run bench` (run as a child process by src/cli/bench.ts): updates handled per second by the real bot (createBot + long
 * polling, the engine answering every question) through the loopback fake Bot API. Telegram's own
 * pacing limits are lifted here so the number measures the bot's handling, not the rate limiter.
 */
import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/answer/create-engine.ts';
import type { Engine } from '../../src/answer/types.ts';
import { startBotHarness } from './bot-harness.ts';

export interface BotThroughputOptions {
  engine?: Engine;
  /** Questions sent (one update each). */
  updates?: number;
  /** Distinct users they come from, each in their own private chat. */
  users?: number;
  corpusDir?: string;
  questions?: readonly string[];
}

export interface BotThroughput {
  updates: number;
  seconds: number;
  perSecond: number;
}

const DEFAULT_QUESTIONS = [
  'من يسيطر على مطار القامشلي؟',
  'Who controls the airport?',
  'هل هناك حركة نزوح؟',
  'What happened on 17 April?',
  'ما دور روسيا؟',
  'What is the weather in Paris?',
];

/** Sends `updates` questions at once and times until every one has been answered. */
export async function measureBotThroughput(options: BotThroughputOptions = {}): Promise<BotThroughput> {
  const engine = options.engine ?? await createEngine({
    corpusDir: options.corpusDir ?? 'corpus',
    cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-bench-bot-')),
  });
  const updates = options.updates ?? 500;
  const users = Math.max(1, Math.min(options.users ?? 100, updates));
  const questions = options.questions ?? DEFAULT_QUESTIONS;
  const harness = await startBotHarness({
    engine,
    env: {
      LOG_LEVEL: 'warn',
      RATE_PRIVATE_CHAT_PER_SECOND: '1000',
      RATE_GLOBAL_PER_SECOND: '1000',
      RATE_USER_QUESTIONS_PER_SECOND: '1000',
      RATE_USER_QUESTION_BURST: '1000',
    },
  });
  try {
    // Warm up: the first answer pays for lazy initialisation on both sides.
    harness.api.sendPrivate(questions[0] ?? 'ping', { userId: 1 });
    await harness.api.waitForMessages(1, 1, 30_000);

    const perUser = new Map<number, number>();
    const started = performance.now();
    for (let i = 0; i < updates; i += 1) {
      const userId = 1_000 + (i % users);
      perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
      harness.api.sendPrivate(questions[i % questions.length] ?? 'ping', { userId });
    }
    await Promise.all([...perUser].map(([userId, count]) => harness.api.waitForMessages(userId, count, 300_000)));
    const seconds = (performance.now() - started) / 1000;
    return { updates, seconds, perSecond: updates / seconds };
  } finally {
    await harness.stop();
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  try {
    return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const { values } = parseArgs({ options: { updates: { type: 'string', default: '500' }, users: { type: 'string', default: '100' }, corpus: { type: 'string', default: 'corpus' } } });
  measureBotThroughput({ updates: Number(values.updates), users: Number(values.users), corpusDir: values.corpus }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
