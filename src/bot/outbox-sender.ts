/**
 * Delivers the durable outbox (src/store/outbox.ts): the oldest entry of each chat once it is due,
 * through the reliable client (so paced within Telegram's limits), then the next. A 429 or a network
 * failure reschedules the entry (the chat's later entries wait behind it); 403 drops the chat's
 * entries (the client has recorded the chat as blocked); any other refusal drops that entry, logged.
 * Entries older than `maxAgeMs` are dropped unsent: news that late would mislead.
 */
import { TelegramError } from 'telegraf';
import type { Outbox, OutboxEntry } from '../store/outbox.ts';
import { describeError, isTooManyRequests, RetriesExhaustedError } from './client.ts';
import { realClock, type Clock } from './limiter.ts';
import type { Logger } from './logger.ts';

export type OutboxSend = (method: string, payload: Record<string, unknown>) => Promise<unknown>;

export interface OutboxSenderOptions {
  outbox: Outbox;
  /** Sends one call; must bypass the outbox (the client's `fromOutbox`). */
  send: OutboxSend;
  logger: Logger;
  clock?: Clock;
  maxAgeMs?: number;
  /** Backoff after a failure other than 429, doubled per attempt. */
  baseDelayMs?: number;
}

export const OUTBOX_MAX_AGE_MS = 24 * 3600_000;
/** Longest sleep between looks at the outbox (entries may be added by another process). */
const IDLE_CHECK_MS = 30_000;
const MAX_BACKOFF_MS = 10 * 60_000;

export class OutboxSender {
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;
  private sent = 0;

  constructor(private readonly options: OutboxSenderOptions) {
    this.clock = options.clock ?? realClock;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.options.outbox.onEnqueue(() => this.wake());
    this.wake();
  }

  /** Stops looking; resolves once a round in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.running;
  }

  /** Messages delivered from the outbox since start. */
  get delivered(): number {
    return this.sent;
  }

  /** Runs a round now (or right after the one in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.schedule();
      }
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    const next = this.options.outbox.nextDueAt();
    const delay = next === null ? IDLE_CHECK_MS : Math.min(IDLE_CHECK_MS, Math.max(0, next - this.clock.now()));
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      let due: OutboxEntry[];
      try {
        due = this.options.outbox.due(50);
      } catch (error) {
        this.options.logger.error({ error: describeError(error) }, 'could not read the outbox');
        return;
      }
      if (due.length === 0) return;
      // One entry per chat at a time; chats in parallel (the client paces them).
      await Promise.all(due.map((entry) => this.deliver(entry)));
    }
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const { outbox, logger } = this.options;
    const now = this.clock.now();
    if (now - entry.createdAt > (this.options.maxAgeMs ?? OUTBOX_MAX_AGE_MS)) {
      outbox.done(entry.id);
      logger.warn({ chatId: entry.chatId, method: entry.method, createdAt: new Date(entry.createdAt).toISOString() }, 'outbox message too old; dropped unsent');
      return;
    }
    try {
      await this.options.send(entry.method, { ...entry.params, chat_id: entry.chatId });
      outbox.done(entry.id);
      this.sent += 1;
      logger.info({ chatId: entry.chatId, method: entry.method, attempts: entry.attempts + 1 }, 'outbox message delivered');
    } catch (error) {
      const cause = error instanceof RetriesExhaustedError ? error.cause : error;
      if (isTooManyRequests(cause)) {
        const until = this.clock.now() + Math.max(1, cause.parameters?.retry_after ?? 1) * 1000;
        outbox.retryAt(entry.id, until);
        outbox.holdChat(entry.chatId, until);
        logger.info({ chatId: entry.chatId, until: new Date(until).toISOString() }, 'outbox message must wait longer (429)');
      } else if (cause instanceof TelegramError && cause.code === 403) {
        const dropped = outbox.dropChat(entry.chatId);
        logger.warn({ chatId: entry.chatId, dropped }, 'chat refuses the bot; its outbox messages dropped');
      } else if (cause instanceof TelegramError && cause.code >= 400 && cause.code < 500) {
        outbox.done(entry.id);
        logger.error({ chatId: entry.chatId, method: entry.method, error: describeError(cause) }, 'outbox message refused by Telegram; dropped');
      } else {
        const delay = Math.min(MAX_BACKOFF_MS, (this.options.baseDelayMs ?? 1000) * 2 ** Math.min(entry.attempts, 20));
        outbox.retryAt(entry.id, this.clock.now() + delay);
        logger.warn({ chatId: entry.chatId, delayMs: delay, error: describeError(error) }, 'outbox message not delivered; will retry');
      }
    }
  }
}
