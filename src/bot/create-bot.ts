/**
 * Builds the Telegram bot: telegraf with every outgoing call routed through the reliable client, the
 * features in order (the catch-all last), and one error handler that logs and keeps the bot running.
 */
import { Telegraf, TelegramError, type Context } from 'telegraf';
import type { Engine } from '../answer/types.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { AdminCache } from './admins.ts';
import { FilterMemo } from './callback-data.ts';
import { chooseLanguage } from '../views/commands.ts';
import { conversation, type Conversation } from '../views/conversation.ts';
import { describeError, ReliableClient, RetriesExhaustedError } from './client.ts';
import { sendView, type Feature, type FeatureDeps } from './context.ts';
import { fitsOneMessage } from '../views/format.ts';
import { aboutFeature } from './features/about.ts';
import { askFeature } from './features/ask.ts';
import { chatsFeature } from './features/chats.ts';
import { helpFeature } from './features/help.ts';
import { ignoreFeature } from './features/ignore.ts';
import { moreFeature } from './features/more.ts';
import { nonTextFeature } from './features/non-text.ts';
import { latestFeature } from './features/latest.ts';
import { sourcesFeature } from './features/sources.ts';
import { startFeature } from './features/start.ts';
import { feedbackFeature } from './features/feedback.ts';
import { subscriptionsFeature } from './features/subscriptions.ts';
import { summaryFeature } from './features/summary.ts';
import { timelineFeature } from './features/timeline.ts';
import { unhandledFeature } from './features/unhandled.ts';
import { FloodGuard, OutgoingPacer, realClock, type Clock } from './limiter.ts';
import type { Logger } from './logger.ts';
import { OutboxSender } from './outbox-sender.ts';
import { SOMETHING_WENT_WRONG } from '../views/texts.ts';
import { textView } from '../views/view.ts';

export interface BotDeps {
  engine: Engine;
  config: Config;
  logger: Logger;
  store: Store;
  /** Time source for pacing, backoff and the flood guard (tests may pass their own). */
  clock?: Clock;
}

/**
 * What startBot needs besides the Telegraf instance (the store's inbox and outbox, the flood guard,
 * the health counters), kept beside the bot so `startBot(bot, config, logger)` keeps its signature.
 */
export interface BotRuntime {
  store: Store;
  flood: FloodGuard;
  outboxSender: OutboxSender;
  health: { lastPollAt: number | null; lastUpdateAt: number | null };
  corpus: { articles: number; sentences: number };
  clock: Clock;
}

const runtimes = new WeakMap<Telegraf, BotRuntime>();

/** The runtime of a bot made by createBot. */
export function botRuntime(bot: Telegraf): BotRuntime | undefined {
  return runtimes.get(bot);
}

export class BotSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotSetupError';
  }
}

/** Order matters: bookkeeping and filters first, commands and questions next, the catch-all last. */
const FEATURES: readonly Feature[] = [
  chatsFeature,
  ignoreFeature,
  startFeature,
  helpFeature,
  askFeature,
  sourcesFeature,
  latestFeature,
  aboutFeature,
  summaryFeature,
  subscriptionsFeature,
  timelineFeature,
  moreFeature,
  feedbackFeature,
  nonTextFeature,
  unhandledFeature,
];

export function createBot(deps: BotDeps): Telegraf {
  const { config, logger, store, engine } = deps;
  if (config.botToken === null) throw new BotSetupError('BOT_TOKEN is required to create the Telegram bot');
  const clock = deps.clock ?? realClock;
  const bot = new Telegraf(config.botToken, {
    // Replies go over HTTP (through the reliable client), never folded into a webhook response.
    telegram: { apiRoot: config.telegramApiRoot, webhookReply: false },
    handlerTimeout: config.handlerTimeoutMs,
  });
  const health: BotRuntime['health'] = { lastPollAt: null, lastUpdateAt: null };
  const client = new ReliableClient({
    pacer: new OutgoingPacer(config.limits, clock),
    retry: config.retry,
    logger,
    clock,
    outbox: store.outbox,
    onPolled: () => {
      health.lastPollAt = clock.now();
    },
    onForbidden: (chatId, description) => {
      logger.warn({ chatId, description }, 'telegram refuses delivery to this chat; recorded');
      if (typeof chatId !== 'number') return;
      try {
        store.chats.markBlocked(chatId, description);
      } catch (error) {
        logger.error({ chatId, err: error }, 'could not record the blocked chat');
      }
    },
  });
  client.install(bot.telegram);
  // Telegraf makes a fresh Telegram object for each update: route its calls through the client too.
  bot.use((ctx, next) => {
    client.install(ctx.telegram);
    return next();
  });

  const flood = new FloodGuard({ perSecond: config.limits.userQuestionsPerSecond, burst: config.limits.userQuestionBurst }, clock);
  const outboxSender = new OutboxSender({
    outbox: store.outbox,
    // Through the client (paced, retried), but never back into the outbox.
    send: (method, payload) => bot.telegram.callApi(method as never, payload as never, { fromOutbox: true } as never),
    logger,
    clock,
    baseDelayMs: Math.max(100, config.retry.baseDelayMs),
  });
  const articles = engine.sources();
  runtimes.set(bot, {
    store,
    flood,
    outboxSender,
    health,
    corpus: { articles: articles.length, sentences: articles.reduce((n, a) => n + a.sentences.length, 0) },
    clock,
  });

  let shared: Conversation | undefined;
  const featureDeps: FeatureDeps = {
    engine,
    config,
    logger,
    store,
    flood,
    memo: new FilterMemo(),
    admins: new AdminCache(),
    conversation: (ctx: Context) => {
      shared ??= conversation(engine, { botUsername: ctx.botInfo?.username, fits: fitsOneMessage });
      return shared;
    },
  };
  for (const feature of FEATURES) feature(bot, featureDeps);

  bot.catch(async (error, ctx) => {
    const updateId = ctx.update.update_id;
    if (error instanceof TelegramError || error instanceof RetriesExhaustedError) {
      logger.warn({ updateId, error: describeError(error) }, 'a Telegram call failed while handling an update');
      return;
    }
    if (error instanceof Error && error.name === 'TimeoutError') {
      logger.warn({ updateId, timeoutMs: config.handlerTimeoutMs }, 'handling an update took too long');
      return;
    }
    logger.error({ updateId, error: describeError(error) }, 'error while handling an update');
    // Tell the person something went wrong rather than leave them waiting (private chats only).
    if (ctx.chat?.type === 'private') {
      const lang = chooseLanguage(null, ctx.from?.language_code);
      await sendView(ctx, featureDeps, textView(lang, SOMETHING_WENT_WRONG[lang])).catch((sendError: unknown) => {
        logger.warn({ updateId, error: describeError(sendError) }, 'could not send the apology');
      });
    }
  });
  return bot;
}
