/**
 * Starts a built bot: long polling, or a webhook server when WEBHOOK_URL is set. Registers the command
 * menu in Arabic and English (a failure there is logged, not fatal) and stops cleanly. Every update
 * enters through the intake (validated, stored in the inbox before it is confirmed, queued fairly);
 * updates a crash left unanswered are answered first; the outbox sender delivers what had to wait.
 * Health: GET /healthz in webhook mode, a `health` log line every HEALTH_LOG_SECONDS in polling mode.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramError, type Telegraf } from 'telegraf';
import type { Config, WebhookConfig } from '../config.ts';
import { COMMANDS } from '../views/commands.ts';
import { describeError } from './client.ts';
import { botRuntime, type BotRuntime } from './create-bot.ts';
import { INBOX_KEEP_MS, UpdateIntake } from './intake.ts';
import type { Logger } from './logger.ts';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query', 'my_chat_member'] as const;

/** Webhook mode: the health view's path (queues, outbox, last update, corpus size). */
export const HEALTH_PATH = '/healthz';

/** Largest webhook body accepted; Telegram's updates are far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface RunningBot {
  mode: 'polling' | 'webhook';
  /** The bot's username, as Telegram knows it. */
  username: string;
  /** Webhook mode: the port the server listens on. */
  port?: number;
  /** Settles when the bot has stopped; rejects when polling fails for good (e.g. the token is revoked). */
  done: Promise<void>;
  /** Stops taking updates, waits for the ones being handled, and resolves. Safe to call twice. */
  stop(reason?: string): Promise<void>;
}

export class BotStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BotStartError';
  }
}

/** The command menu, per language; the default (no language) is English. */
export async function registerCommands(bot: Telegraf, logger: Logger): Promise<void> {
  const menu = (lang: 'ar' | 'en') => COMMANDS.filter((c) => c.name !== 'start').map((c) => ({
    command: c.name,
    // Telegram caps descriptions at 256 characters.
    description: c.description[lang].slice(0, 256),
  }));
  const calls: [string, () => Promise<unknown>][] = [
    ['default', () => bot.telegram.setMyCommands(menu('en'))],
    ['ar', () => bot.telegram.setMyCommands(menu('ar'), { language_code: 'ar' })],
    ['en', () => bot.telegram.setMyCommands(menu('en'), { language_code: 'en' })],
  ];
  for (const [language, call] of calls) {
    try {
      await call();
    } catch (error) {
      logger.warn({ language, error: describeError(error) }, 'setMyCommands failed; the bot works without the menu');
    }
  }
}

export async function startBot(bot: Telegraf, config: Config, logger: Logger): Promise<RunningBot> {
  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (error) {
    const hint = error instanceof TelegramError && error.code === 401 ? ' (Telegram rejected BOT_TOKEN: check it with @BotFather)' : '';
    throw new BotStartError(`could not reach the Bot API at ${config.telegramApiRoot}${hint}`, { cause: error });
  }
  const username = bot.botInfo.username;
  const commandsRegistered = registerCommands(bot, logger);
  const runtime = botRuntime(bot);
  const intake = new UpdateIntake(bot, bot.handleUpdate.bind(bot), config, logger, runtime);
  // Before new updates: what a crash left unanswered comes first.
  intake.replay(config.reliability.replayWindowSeconds);
  runtime?.outboxSender.start();
  const running = config.webhook === null
    ? startPolling(bot, username, intake, config, runtime, logger)
    : await startWebhook(bot, username, config.webhook, intake, runtime, logger).catch(async (error: unknown) => {
      await runtime?.outboxSender.stop();
      throw error;
    });
  logger.info({ username, mode: running.mode, port: running.port, apiRoot: config.telegramApiRoot }, 'bot started');
  // Every few minutes: the health line (polling mode's health view) and forgetting old inbox entries.
  const housekeeping = setInterval(() => {
    logger.info(intake.health(running.mode), 'health');
    try {
      runtime?.store.inbox.prune(INBOX_KEEP_MS);
    } catch (error) {
      logger.warn({ error: describeError(error) }, 'could not prune the inbox');
    }
  }, config.reliability.healthLogSeconds * 1000);
  housekeeping.unref();
  const done = running.done.finally(() => clearInterval(housekeeping));
  done.catch(() => undefined);
  return {
    ...running,
    done,
    stop: async (reason) => {
      clearInterval(housekeeping);
      await running.stop(reason);
      await commandsRegistered;
    },
  };
}

/** How long stopping waits for updates still being handled (a 429 wait can be long). */
export const STOP_GRACE_MS = 10_000;

/**
 * Waits for the updates being handled, then stops the outbox sender. What is still unfinished after
 * the grace period stays pending in the inbox and is answered at the next start.
 */
async function drainWithin(intake: UpdateIntake, runtime: BotRuntime | undefined, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_GRACE_MS);
  });
  const timedOut = await Promise.race([intake.dispatcher.drain().then(() => false), gaveUp]);
  clearTimeout(timer);
  if (timedOut) logger.warn({ unfinished: intake.dispatcher.size, graceMs: STOP_GRACE_MS }, 'stopped with updates still being handled; they are answered at the next start');
  await runtime?.outboxSender.stop();
}

function startPolling(bot: Telegraf, username: string, intake: UpdateIntake, config: Config, runtime: BotRuntime | undefined, logger: Logger): RunningBot {
  // Telegraf's polling loop awaits `bot.handleUpdate` for a whole batch, then confirms the batch with
  // its next getUpdates. `accept` stores the update and queues it without waiting, so a slow chat
  // never holds the others back and nothing is confirmed before it is stored.
  bot.handleUpdate = (update) => {
    intake.accept(update);
    return Promise.resolve();
  };
  const polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] });
  const done = polling.finally(() => drainWithin(intake, runtime, logger));
  let stopped = false;
  done.catch((error: unknown) => {
    logger.fatal({ error: describeError(error) }, 'polling stopped');
  });
  return {
    mode: 'polling',
    username,
    done,
    stop: async (reason = 'stop') => {
      if (!stopped) {
        stopped = true;
        try {
          bot.stop(reason);
        } catch {
          // Polling already ended (it failed); nothing to stop.
        }
      }
      await done.catch(() => undefined);
      logger.info({ reason }, 'bot stopped');
    },
  };
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Our own HTTP server rather than telegraf's: telegraf rewrites the webhook URL to https, and answers
 * only after handling, which makes Telegram wait (and redeliver) while a reply is paced or retried.
 * Here every request must carry the secret (403 otherwise); updates are acknowledged, then handled.
 */
async function startWebhook(bot: Telegraf, username: string, webhook: WebhookConfig, intake: UpdateIntake, runtime: BotRuntime | undefined, logger: Logger): Promise<RunningBot> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // For operators and load balancers: no secret needed, and nothing private in it.
      if (url.pathname === HEALTH_PATH && req.method === 'GET' && webhook.path !== HEALTH_PATH) {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(intake.health('webhook')));
        req.resume();
        return;
      }
      if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], webhook.secret)) {
        logger.warn({ path: req.url, method: req.method }, 'webhook request without the right secret: 403');
        res.writeHead(403).end();
        req.resume();
        return;
      }
      if (url.pathname !== webhook.path) {
        res.writeHead(404).end();
        req.resume();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        req.resume();
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        res.writeHead(413).end();
        return;
      }
      let update: unknown;
      try {
        update = JSON.parse(body);
        if (typeof update !== 'object' || update === null || typeof (update as { update_id?: unknown }).update_id !== 'number') throw new TypeError('not an update');
      } catch {
        res.writeHead(400).end();
        return;
      }
      // Acknowledged once stored: Telegram need not wait while the answer is paced or retried. A
      // malformed update is acknowledged too (skipped and logged), or Telegram would resend it forever.
      intake.accept(update);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    })().catch((error: unknown) => {
      logger.error({ error: describeError(error) }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, webhook.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  try {
    await bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    server.close();
    throw new BotStartError(`setWebhook failed for ${webhook.url}`, { cause: error });
  }

  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  let stopping: Promise<void> | undefined;
  return {
    mode: 'webhook',
    username,
    port,
    done,
    stop: (reason = 'stop') => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await drainWithin(intake, runtime, logger);
        logger.info({ reason }, 'bot stopped');
        resolveDone();
      })();
      return stopping;
    },
  };
}
