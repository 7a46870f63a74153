/**
 * Starts the real bot (createBot + startBot, the same code `npm start` runs) against the fake Bot API
 * on loopback, with its own data directory and captured logs, for end-to-end tests and the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Telegraf } from 'telegraf';
import type { Engine } from '../../src/answer/types.ts';
import { createBot } from '../../src/bot/create-bot.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { startBot, type RunningBot } from '../../src/bot/run.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createDigestScheduler, type DigestScheduler, type SchedulerOptions } from '../../src/schedule/scheduler.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { startFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from './fake-bot-api.ts';

export interface BotHarness {
  api: FakeBotApi;
  bot: Telegraf;
  running: RunningBot;
  digests: DigestScheduler | null;
  store: Store;
  config: Config;
  dataDir: string;
  /** Every log line the bot wrote (JSON strings), already scrubbed of secrets. */
  logs: string[];
  /** Parsed log records. */
  records(): Record<string, unknown>[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  engine: Engine;
  /** Extra or overriding environment variables (BOT_TOKEN, TELEGRAM_API_ROOT and DATA_DIR are set). */
  env?: Record<string, string>;
  fake?: FakeBotApiOptions;
  /** An already running fake to reuse. */
  api?: FakeBotApi;
  /** A data directory to use and keep (a restart reuses it); by default a fresh one, removed at stop. */
  dataDir?: string;
  /** Runs the daily digest scheduler as `npm start` does, with these overrides. */
  digests?: Partial<SchedulerOptions>;
}

/**
 * Test defaults keep the real limits' shape but loosen them so tests do not wait on pacing, and make
 * retry backoff short; tests about pacing and floods set their own values.
 */
export const FAST_ENV: Record<string, string> = {
  LOG_LEVEL: 'debug',
  RETRY_BASE_DELAY_MS: '20',
  RATE_PRIVATE_CHAT_PER_SECOND: '100',
  RATE_GROUP_CHAT_PER_MINUTE: '6000',
  RATE_GLOBAL_PER_SECOND: '1000',
  RATE_USER_QUESTIONS_PER_SECOND: '100',
  RATE_USER_QUESTION_BURST: '100',
  HANDLER_TIMEOUT_MS: '20000',
};

export async function startBotHarness(options: HarnessOptions): Promise<BotHarness> {
  const api = options.api ?? await startFakeBotApi(options.fake);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qamishli-bot-e2e-'));
  const config = loadConfig({
    ...FAST_ENV,
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATA_DIR: dataDir,
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.botToken, config.webhook?.secret],
    destination: { write: (line: string) => logs.push(line) },
  });
  const store = openStore(config.dataDir);
  const bot = createBot({ engine: options.engine, config, logger, store });
  const running = await startBot(bot, config, logger);
  const digests = options.digests === undefined ? null
    : createDigestScheduler({ telegram: bot.telegram, store, articles: () => options.engine.sources(), config, logger }, options.digests);
  digests?.start();
  let stopped = false;
  return {
    api,
    bot,
    running,
    digests,
    store,
    config,
    dataDir,
    logs,
    records: () => logs.map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await digests?.stop();
      await running.stop('test over');
      store.close();
      if (options.api === undefined) await api.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
