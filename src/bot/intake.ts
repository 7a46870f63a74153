/**
 * Where every incoming update enters, in polling and webhook mode alike:
 *
 * 1. checked against the shapes the bot reads (update-schema.ts): malformed ones are logged and skipped;
 * 2. written to the durable inbox with its `update_id` BEFORE it is confirmed to Telegram (polling
 *    confirms on the next getUpdates, which telegraf sends only after `accept` returned; a webhook
 *    answers 200 after it); an update_id already in the inbox is not handled again;
 * 3. judged by the flood guard on arrival, then queued fairly (dispatch.ts);
 * 4. handled inside a delivery scope, so each message of its reply is recorded, and marked answered
 *    (or dropped) in the inbox when done.
 *
 * At start, `replay` hands back the updates a crash or a hurried stop left unanswered, if younger than
 * REPLAY_WINDOW_SECONDS, skipping the reply messages already delivered. The one window where an
 * answer can still be sent twice: a message that Telegram accepted but whose response (and so our
 * record of it) was lost to a crash or a dropped connection; it is one message, never a whole reply.
 */
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Config } from '../config.ts';
import { readGroupMessage } from './addressing.ts';
import { describeError } from './client.ts';
import { chooseLanguage, isForBot, parseCommand } from '../views/commands.ts';
import type { BotRuntime } from './create-bot.ts';
import { runInDeliveryScope } from './delivery-scope.ts';
import { orderingKey, UpdateDispatcher, type DispatcherStats } from './dispatch.ts';
import type { Logger } from './logger.ts';
import { FLOOD_NOTICE } from '../views/texts.ts';
import { checkUpdate } from './update-schema.ts';

/** Finished updates are remembered this long, beyond Telegram's 24 hours for unconfirmed ones. */
export const INBOX_KEEP_MS = 48 * 3600_000;

interface MessageLike {
  chat: { id: number; type: string };
  from?: { id: number; is_bot?: boolean; language_code?: string };
  text?: string;
  entities?: { type: string; offset: number; length: number; user?: { id: number } }[];
  reply_to_message?: { from?: { id: number } };
}

/**
 * The user whose request this update is, for the flood guard: anything in a private chat, a button,
 * and in groups only what is meant for the bot (a command for it, a mention, a reply to it). Group
 * chatter is not a request and costs nobody anything.
 */
export function requesterOf(update: Update, bot: { id: number; username: string } | undefined): number | null {
  const u = update as unknown as { callback_query?: { from: { id: number; is_bot?: boolean } }; message?: MessageLike };
  if (u.callback_query !== undefined) return u.callback_query.from.is_bot ? null : u.callback_query.from.id;
  const message = u.message;
  if (message?.from === undefined || message.from.is_bot) return null;
  if (message.chat.type === 'private') return message.from.id;
  if ((message.chat.type !== 'group' && message.chat.type !== 'supergroup') || message.text === undefined || bot === undefined) return null;
  const command = parseCommand(message.text);
  if (command !== null) return isForBot(command, bot.username) ? message.from.id : null;
  return readGroupMessage({ ...message, text: message.text }, bot).addressed ? message.from.id : null;
}

function chatOf(update: Update): { chatId: number; text: string | null; languageCode: string | undefined } | null {
  const u = update as unknown as { message?: MessageLike; callback_query?: { from: { language_code?: string }; message?: { chat: { id: number } } } };
  if (u.message !== undefined) return { chatId: u.message.chat.id, text: u.message.text ?? null, languageCode: u.message.from?.language_code };
  const chatId = u.callback_query?.message?.chat.id;
  return chatId === undefined ? null : { chatId, text: null, languageCode: u.callback_query?.from.language_code };
}

/** Polling mode: a long poll returns at least every 50 s, so a longer silence means polling is stuck. */
export const POLL_STALE_MS = 3 * 60_000;

export interface HealthReport {
  /** `stale`: polling mode and no poll has come back for POLL_STALE_MS. */
  status: 'ok' | 'stale';
  mode: 'polling' | 'webhook';
  uptimeSeconds: number;
  queues: DispatcherStats;
  inboxPending: number | null;
  outbox: number | null;
  outboxDelivered: number;
  lastPollAt: string | null;
  lastUpdateAt: string | null;
  malformedSkipped: number;
  duplicatesSkipped: number;
  corpus: { articles: number; sentences: number } | null;
}

export class UpdateIntake {
  readonly dispatcher: UpdateDispatcher;
  private readonly skips = new Map<number, number>();
  private readonly started = Date.now();
  private malformed = 0;
  private duplicates = 0;

  constructor(
    private readonly bot: Telegraf,
    handleUpdate: (update: Update) => Promise<void>,
    config: Config,
    private readonly logger: Logger,
    private readonly runtime: BotRuntime | undefined,
  ) {
    const inbox = runtime?.store.inbox;
    this.dispatcher = new UpdateDispatcher({
      handle: (update) => {
        const updateId = update.update_id;
        const skip = this.skips.get(updateId) ?? 0;
        this.skips.delete(updateId);
        const scope = {
          updateId,
          skip,
          delivered: () => this.bookkeeping('record a delivered message', () => inbox?.partSent(updateId)),
        };
        return runInDeliveryScope(scope, () => handleUpdate(update));
      },
      onError: (update, error) => {
        logger.error({ updateId: update.update_id, error: describeError(error) }, 'update failed outside its handler');
      },
      admit: (update) => this.admit(update),
      onFinished: (update, outcome) => {
        this.bookkeeping('mark an update finished', () => inbox?.finish(update.update_id, outcome === 'handled' ? 'answered' : 'dropped'));
      },
      onOverflow: (update) => this.overflowNotice(update),
      maxQueuePerChat: config.reliability.chatQueueLimit,
    });
  }

  /** Takes an incoming update (polling or webhook). Synchronous: once it returns, the update is stored. */
  accept(raw: unknown): void {
    const check = checkUpdate(raw);
    if (!check.ok) {
      this.malformed += 1;
      this.logger.warn({ updateId: check.updateId, problems: check.problems }, 'malformed update skipped');
      return;
    }
    const update = raw as Update;
    if (this.runtime !== undefined) this.runtime.health.lastUpdateAt = Date.now();
    const inbox = this.runtime?.store.inbox;
    let fresh = true;
    try {
      fresh = inbox === undefined || inbox.receive(update.update_id, update, orderingKey(update));
    } catch (error) {
      // Answering from memory beats not answering; only crash safety is lost for this update.
      this.logger.error({ updateId: update.update_id, error: describeError(error) }, 'could not store the update; handling it anyway');
    }
    if (!fresh) {
      this.duplicates += 1;
      this.logger.info({ updateId: update.update_id }, 'update already received; not handled twice');
      return;
    }
    this.dispatcher.push(update);
  }

  /** Hands back the updates left unanswered by a crash or a stop, if recent enough; returns how many. */
  replay(windowSeconds: number): number {
    const inbox = this.runtime?.store.inbox;
    if (inbox === undefined) return 0;
    let pending;
    try {
      inbox.prune(INBOX_KEEP_MS);
      pending = inbox.unanswered(windowSeconds * 1000);
    } catch (error) {
      this.logger.error({ error: describeError(error) }, 'could not read the inbox; nothing replayed');
      return 0;
    }
    for (const item of pending) {
      if (!checkUpdate(item.payload).ok) {
        inbox.finish(item.updateId, 'dropped');
        continue;
      }
      if (item.partsSent > 0) this.skips.set(item.updateId, item.partsSent);
      this.dispatcher.push(item.payload as Update);
    }
    if (pending.length > 0) {
      this.logger.info({ count: pending.length, updateIds: pending.slice(0, 20).map((p) => p.updateId) }, 'answering updates received before the restart');
    }
    return pending.length;
  }

  health(mode: 'polling' | 'webhook'): HealthReport {
    const runtime = this.runtime;
    const read = <T>(fn: () => T): T | null => {
      try {
        return fn();
      } catch {
        return null;
      }
    };
    const iso = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());
    const lastPoll = runtime?.health.lastPollAt ?? this.started;
    return {
      status: mode === 'polling' && runtime !== undefined && Date.now() - lastPoll > POLL_STALE_MS ? 'stale' : 'ok',
      mode,
      uptimeSeconds: Math.round((Date.now() - this.started) / 1000),
      queues: this.dispatcher.stats(),
      inboxPending: runtime === undefined ? null : read(() => runtime.store.inbox.pendingCount()),
      outbox: runtime === undefined ? null : read(() => runtime.store.outbox.size()),
      outboxDelivered: runtime?.outboxSender.delivered ?? 0,
      lastPollAt: iso(runtime?.health.lastPollAt),
      lastUpdateAt: iso(runtime?.health.lastUpdateAt),
      malformedSkipped: this.malformed,
      duplicatesSkipped: this.duplicates,
      corpus: runtime?.corpus ?? null,
    };
  }

  /** The flood guard, on arrival: a refused request is dropped before it takes a place in the queue. */
  private admit(update: Update): boolean {
    const flood = this.runtime?.flood;
    if (flood === undefined) return true;
    const userId = requesterOf(update, this.bot.botInfo);
    if (userId === null) return true;
    const verdict = flood.judge(update, userId);
    if (verdict === 'drop') this.logger.info({ updateId: update.update_id, userId }, 'flood guard dropped a request on arrival');
    return verdict !== 'drop';
  }

  /** One polite notice when a chat's queue overflows (its later updates are dropped and counted). */
  private overflowNotice(update: Update): void {
    const chat = chatOf(update);
    this.logger.warn({ updateId: update.update_id, chatId: chat?.chatId }, 'chat queue full; dropping its updates until it drains');
    if (chat === null) return;
    const lang = chooseLanguage(chat.text, chat.languageCode);
    this.bot.telegram.sendMessage(chat.chatId, FLOOD_NOTICE[lang]).catch((error: unknown) => {
      this.logger.warn({ chatId: chat.chatId, error: describeError(error) }, 'could not send the queue-full notice');
    });
  }

  private bookkeeping(what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.logger.error({ error: describeError(error) }, `could not ${what} in the inbox`);
    }
  }
}
