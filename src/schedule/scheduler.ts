/**
 * Daily digests, exactly once per chat per local day. A croner job checks every minute which chats
 * are due: the chat's local time (in its time zone) has passed today's subscribed HH:MM, no more than
 * the catch-up window ago, and the subscription is older than that moment. Each due (chat, local date)
 * is claimed in a transaction (DeliveryStore), sent through the DigestSender seam, then marked.
 *
 * - Restart: a digest due earlier and not sent goes out once while the catch-up window lasts (a claim
 *   left by a dead process is taken over when its lease runs out).
 * - 429 / 5xx / network: retried at the next check after the wait Telegram asked for, up to
 *   `maxAttempts` in all, within the catch-up window.
 * - 403: given up, the subscription deactivated and the chat recorded as blocked.
 * - Pacing: sends start at most `sendsPerSecond` a second (below Telegram's 30 overall, leaving room
 *   for answers); each chat gets one message a day, far below 20 a minute per group.
 */
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Telegram } from 'telegraf';
import type { Config } from '../config.ts';
import type { Article } from '../corpus/article.ts';
import type { Store } from '../store/store.ts';
import { renderMessages } from '../views/format.ts';
import { chatDigest } from './digests.ts';
import { telegramDigestSender, type DigestSender, type SendResult } from './sender.ts';
import { addDays, localDate, zonedInstant } from './time.ts';

export interface SchedulerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  store: Store;
  sender: DigestSender;
  /** The corpus as it is now (the living corpus grows). */
  articles: () => readonly Article[];
  defaultTimezone: string;
  logger: SchedulerLogger;
  /** How long after its time a missed digest still goes out (default 3 hours). */
  catchUpMs?: number;
  /** How long a claim protects a digest being sent (default 5 minutes). */
  leaseMs?: number;
  maxAttempts?: number;
  sendsPerSecond?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** croner pattern of the check (default every minute). */
  pattern?: string;
  now?: () => Date;
  /** Identifies this process in claims. */
  owner?: string;
}

export interface TickReport {
  due: number;
  sent: number;
  retry: number;
  forbidden: number;
  failed: number;
  skipped: number;
}

export const DEFAULT_CATCH_UP_MS = 3 * 3_600_000;

interface Due {
  chatId: number;
  localDate: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class DigestScheduler {
  private job: Cron | null = null;
  private running: Promise<TickReport> | null = null;
  private readonly owner: string;
  private readonly now: () => Date;

  constructor(private readonly options: SchedulerOptions) {
    this.owner = options.owner ?? `${process.pid}-${randomUUID()}`;
    this.now = options.now ?? (() => new Date());
  }

  /** Starts the every-minute check (and runs one at once, to catch up after a restart). */
  start(): void {
    if (this.job !== null) return;
    this.job = new Cron(this.options.pattern ?? '* * * * *', { protect: true, name: 'digests' }, async () => {
      await this.tick();
    });
    void this.tick();
  }

  /** Stops checking and waits for a check in progress. */
  async stop(): Promise<void> {
    this.job?.stop();
    this.job = null;
    await this.running?.catch(() => undefined);
  }

  /** One check: record arrivals, find due chats, claim and send each. Never overlaps itself. */
  tick(): Promise<TickReport> {
    if (this.running !== null) return this.running;
    this.running = this.check().catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'digest check failed');
      return { due: 0, sent: 0, retry: 0, forbidden: 0, failed: 0, skipped: 0 };
    }).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The (chat, local date) digests due at `now`. */
  dueAt(now: Date): Due[] {
    const { store } = this.options;
    const catchUp = this.options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
    const due: Due[] = [];
    for (const sub of store.subscriptions.active()) {
      const zone = store.settings.get(sub.chatId).timezone ?? this.options.defaultTimezone;
      const today = localDate(now, zone);
      // Yesterday too: a 23:30 digest missed by a restart at 00:10 is still yesterday's.
      for (const date of [addDays(today, -1), today]) {
        const at = zonedInstant(date, sub.localTime, zone).getTime();
        if (at <= now.getTime() && now.getTime() - at <= catchUp && at >= Date.parse(sub.since)) due.push({ chatId: sub.chatId, localDate: date });
      }
    }
    return due;
  }

  private async check(): Promise<TickReport> {
    const { store, logger } = this.options;
    const articles = this.options.articles();
    store.arrivals.record(articles.map((a) => a.id));
    const due = this.dueAt(this.now());
    const report: TickReport = { due: due.length, sent: 0, retry: 0, forbidden: 0, failed: 0, skipped: 0 };
    const spacing = 1000 / (this.options.sendsPerSecond ?? 25);
    const concurrency = this.options.concurrency ?? 50;
    const inFlight = new Set<Promise<void>>();
    const digests = new Map<string, ReturnType<typeof chatDigest>>();
    let lastStart = -Infinity;
    for (const item of due) {
      const claim = store.deliveries.claim(item.chatId, item.localDate, {
        owner: this.owner, leaseMs: this.options.leaseMs ?? 5 * 60_000, maxAttempts: this.options.maxAttempts ?? 5,
      });
      if (!claim.claimed) {
        report.skipped += 1;
        continue;
      }
      const wait = lastStart + spacing - Date.now();
      if (wait > 0) await sleep(wait);
      lastStart = Date.now();
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const task = this.deliver(item, articles, claim.attempt, digests).then((status) => {
        report[status] += 1;
      }).finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    await Promise.all(inFlight);
    if (report.due > 0) logger.info({ ...report }, 'digest check');
    return report;
  }

  private async deliver(item: Due, articles: readonly Article[], attempt: number, digests: Map<string, ReturnType<typeof chatDigest>>): Promise<'sent' | 'retry' | 'forbidden' | 'failed'> {
    const { store, sender, logger } = this.options;
    const { chatId, localDate: date } = item;
    let result: SendResult;
    let content: ReturnType<typeof chatDigest> | null = null;
    try {
      content = chatDigest(store, articles, chatId, digests);
      const [message] = renderMessages(content.view);
      result = message === undefined ? { status: 'failed', reason: 'empty digest' } : await sender.send({ chatId, html: message.html });
    } catch (error) {
      result = { status: 'retry-later', afterMs: 60_000, reason: error instanceof Error ? error.message : String(error) };
    }
    const maxAttempts = this.options.maxAttempts ?? 5;
    switch (result.status) {
      case 'sent':
        store.deliveries.markSent(chatId, date, this.owner, {
          asOf: content?.digest.asOf ?? null,
          points: (content?.points ?? []).map((p) => ({ sentenceId: p.citation.sentenceId, text: p.citation.text })),
        });
        return 'sent';
      case 'retry-later':
        if (attempt >= maxAttempts) {
          store.deliveries.markFinal(chatId, date, this.owner, 'failed', result.reason);
          logger.warn({ chatId, date, attempt, reason: result.reason }, 'digest given up after the last attempt');
          return 'failed';
        }
        store.deliveries.markRetry(chatId, date, this.owner, new Date(this.now().getTime() + Math.max(result.afterMs, 1000)), result.reason);
        logger.warn({ chatId, date, attempt, reason: result.reason }, 'digest will be retried');
        return 'retry';
      case 'forbidden':
        store.deliveries.markFinal(chatId, date, this.owner, 'forbidden', result.reason);
        store.subscriptions.deactivate(chatId, result.reason);
        store.chats.markBlocked(chatId, result.reason);
        logger.warn({ chatId, reason: result.reason }, 'chat refuses digests; subscription deactivated');
        return 'forbidden';
      case 'failed':
        store.deliveries.markFinal(chatId, date, this.owner, 'failed', result.reason);
        logger.warn({ chatId, date, reason: result.reason }, 'digest refused; given up for today');
        return 'failed';
    }
  }
}

/** The scheduler as `npm start` runs it: sending through the bot's Telegram object, timed by config. */
export function createDigestScheduler(deps: {
  telegram: Telegram;
  store: Store;
  articles: () => readonly Article[];
  config: Pick<Config, 'digest'>;
  logger: SchedulerLogger;
}, overrides: Partial<SchedulerOptions> = {}): DigestScheduler {
  return new DigestScheduler({
    store: deps.store,
    sender: telegramDigestSender(deps.telegram),
    articles: deps.articles,
    defaultTimezone: deps.config.digest.timezone,
    catchUpMs: deps.config.digest.catchUpMinutes * 60_000,
    logger: deps.logger,
    ...overrides,
  });
}
