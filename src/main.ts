/**
 * The composition root: configuration -> corpus and engine -> the Telegram bot when BOT_TOKEN is set,
 * otherwise the console chat. Nothing runs on import; `main()` runs only when this file is the entry point.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { createEngine } from './answer/create-engine.ts';
import { LiveEngine } from './app/live-engine.ts';
import { FeedFollower } from './ingest/follow.ts';
import { HomeRegionError } from './answer/home-region.ts';
import { createBot } from './bot/create-bot.ts';
import { createLogger, type Logger } from './bot/logger.ts';
import { startBot } from './bot/run.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsoleChat } from './console/chat.ts';
import { createDigestScheduler } from './schedule/scheduler.ts';
import { IndexGenerations, openPersistedIndex } from './index-store/persisted-index.ts';
import { openStore } from './store/store.ts';

export const NO_TOKEN_HELP = [
  'No BOT_TOKEN set, so here is the console chat: the same commands and answers as the Telegram bot.',
  'To run the Telegram bot: open @BotFather in Telegram (https://t.me/BotFather), send /newbot, copy the token',
  'it gives you into .env as BOT_TOKEN=<token> (see .env.example), and run `npm start` again.',
  'Type a question in Arabic or English, /help for commands; Ctrl-D or Ctrl-C to quit.',
].join('\n');

export interface MainIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

async function runTelegram(config: Config, engine: LiveEngine, logger: Logger): Promise<number> {
  const store = openStore(config.dataDir);
  const bot = createBot({ engine, config, logger, store });
  // Questions nobody voted on are forgotten after 30 days (see the feedback store).
  store.feedback.prune(30);
  const running = await startBot(bot, config, logger);
  const digests = createDigestScheduler({ telegram: bot.telegram, store, articles: () => engine.sources(), config, logger });
  digests.start();
  // Issue 8: feeds followed while running; their new articles reach the bot through the corpus watcher.
  const follower = config.feeds.urls.length === 0 ? null : new FeedFollower({
    feeds: config.feeds.urls,
    corpusDir: config.corpusDir,
    store: store.feeds,
    intervalMs: config.feeds.intervalMinutes * 60_000,
    logger,
  });
  follower?.start();
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled !== null) return;
    signalled = signal;
    logger.info({ signal }, 'stopping');
    void running.stop(signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await running.done;
    return 0;
  } catch {
    // startBot's polling loop has logged why it stopped (e.g. 401: the token was revoked).
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await digests.stop();
    await follower?.stop();
    store.close();
  }
}

/** Runs the product; resolves to the process exit code. */
export async function main(io: MainIo = { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  loadDotenv({ quiet: true, processEnv: io.env });
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\nSee .env.example for every variable and its meaning.\n`);
    return 2;
  }
  const telegram = config.botToken !== null;
  // In console mode the answers go to stdout; logs must not mix with them.
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.botToken, config.webhook?.secret],
    destination: telegram ? io.stdout : io.stderr,
  });
  const indexes = new IndexGenerations(openPersistedIndex({ dataDir: config.dataDir, progress: (line) => logger.info(line) }));
  let engine: LiveEngine;
  try {
    // The corpus is watched: new or changed articles are picked up without a restart.
    engine = await LiveEngine.start({
      corpusDir: config.corpusDir,
      build: async (corpusDir) => {
        const built = await createEngine({
          corpusDir,
          cacheDir: join(config.dataDir, 'cache'),
          dataDir: config.dataDir,
          homeRegion: config.homeRegion,
          openIndex: (articles) => indexes.open(articles),
          progress: (line) => logger.info(line),
        });
        indexes.retirePrevious();
        return built;
      },
      logger,
    });
  } catch (error) {
    if (error instanceof HomeRegionError) {
      io.stderr.write(`Invalid configuration: HOME_REGION: ${error.message}\nSee .env.example for every variable and its meaning.\n`);
      return 2;
    }
    logger.fatal({ err: error, corpusDir: config.corpusDir }, 'could not build the answering engine');
    return 1;
  }
  if (telegram) {
    try {
      return await runTelegram(config, engine, logger);
    } catch (error) {
      logger.fatal({ err: error }, 'the bot could not start');
      return 1;
    } finally {
      engine.close();
      indexes.closeAll();
    }
  }
  io.stderr.write(`${NO_TOKEN_HELP}\n\n`);
  await runConsoleChat({
    engine,
    input: io.stdin,
    output: io.stdout,
    interactive: io.stdin.isTTY === true && io.stdout.isTTY === true,
    languageCode: io.env.LANG?.slice(0, 2) ?? null,
  });
  engine.close();
  indexes.closeAll();
  return 0;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then(
    (code) => {
      process.exitCode = code;
      // Let stdout drain, but do not hang on a stray keep-alive socket.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
