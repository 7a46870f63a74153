/**
 * Starts a built bot: long polling, or a webhook server when WEBHOOK_URL is set. Registers the command
 * menu in Arabic and English (a failure there is logged, not fatal) and stops cleanly.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramError, type Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Config, WebhookConfig } from '../config.ts';
import { COMMANDS } from '../views/commands.ts';
import { describeError } from './client.ts';
import { UpdateDispatcher } from './dispatch.ts';
import type { Logger } from './logger.ts';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query', 'my_chat_member'] as const;

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
  const running = config.webhook === null
    ? startPolling(bot, username, logger)
    : await startWebhook(bot, username, config.webhook, logger);
  logger.info({ username, mode: running.mode, port: running.port, apiRoot: config.telegramApiRoot }, 'bot started');
  return {
    ...running,
    stop: async (reason) => {
      await running.stop(reason);
      await commandsRegistered;
    },
  };
}

/** How long stopping waits for updates still being handled (a 429 wait can be long). */
export const STOP_GRACE_MS = 10_000;

async function drainWithin(dispatcher: UpdateDispatcher, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_GRACE_MS);
  });
  const timedOut = await Promise.race([dispatcher.drain().then(() => false), gaveUp]);
  clearTimeout(timer);
  if (timedOut) logger.warn({ unfinished: dispatcher.size, graceMs: STOP_GRACE_MS }, 'stopped with updates still being handled');
}

/** Errors that escape telegraf's own handling (bot.catch already logs handler errors). */
const logDispatchError = (logger: Logger) => (update: Update, error: unknown): void => {
  logger.error({ updateId: update.update_id, error: describeError(error) }, 'update failed outside its handler');
};

function startPolling(bot: Telegraf, username: string, logger: Logger): RunningBot {
  // Telegraf's polling loop awaits `bot.handleUpdate` for a whole batch; hand updates to the
  // dispatcher instead so a slow chat never holds the others back.
  const handleUpdate = bot.handleUpdate.bind(bot);
  const dispatcher = new UpdateDispatcher((update) => handleUpdate(update), logDispatchError(logger));
  bot.handleUpdate = (update) => dispatcher.push(update);
  const polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] });
  const done = polling.finally(() => drainWithin(dispatcher, logger));
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
async function startWebhook(bot: Telegraf, username: string, webhook: WebhookConfig, logger: Logger): Promise<RunningBot> {
  const dispatcher = new UpdateDispatcher((update) => bot.handleUpdate(update), logDispatchError(logger));
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], webhook.secret)) {
        logger.warn({ path: req.url, method: req.method }, 'webhook request without the right secret: 403');
        res.writeHead(403).end();
        req.resume();
        return;
      }
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== webhook.path) {
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
      let update: Update;
      try {
        update = JSON.parse(body) as Update;
        if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number') throw new TypeError('not an update');
      } catch {
        res.writeHead(400).end();
        return;
      }
      // Acknowledged once accepted: Telegram need not wait while the answer is paced or retried.
      await dispatcher.push(update);
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
        await drainWithin(dispatcher, logger);
        logger.info({ reason }, 'bot stopped');
        resolveDone();
      })();
      return stopping;
    },
  };
}
