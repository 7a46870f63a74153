/**
 * Follows the feeds in FEED_URLS while the bot runs: reads each every interval with its stored ETag /
 * Last-Modified, adds new items to the corpus (the live engine picks them up), remembers items seen,
 * and backs a failing feed off (interval × 2^failures, capped). One feed's failure never touches the
 * others or the bot: every error is caught, logged and recorded.
 */
import type { FeedStore } from '../store/feeds.ts';
import { IngestError, type IngestErrorCode } from './errors.ts';
import type { FetchOptions } from './fetch.ts';
import { ingestFeed } from './sources.ts';

export interface FollowLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface FollowOptions {
  feeds: readonly string[];
  corpusDir: string;
  store: FeedStore;
  intervalMs: number;
  /** Longest wait between attempts at a failing feed. */
  maxBackoffMs?: number;
  logger: FollowLogger;
  fetch?: FetchOptions;
  now?: () => Date;
}

// Worth trying the item again on the next read: the page may come back.
const TRANSIENT: ReadonlySet<IngestErrorCode> = new Set(['unreachable', 'timeout', 'http', 'too-many-redirects']);

export interface PollReport {
  feed: string;
  added: string[];
  skipped: 'backoff' | null;
  error: string | null;
}

export class FeedFollower {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PollReport[]> | null = null;
  private stopped = false;

  constructor(private readonly options: FollowOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Reads every feed that is due, one after another. Never rejects. */
  pollOnce(): Promise<PollReport[]> {
    this.running ??= (async () => {
      const reports: PollReport[] = [];
      for (const feed of this.options.feeds) {
        if (this.stopped) break;
        reports.push(await this.pollFeed(feed));
      }
      return reports;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pollFeed(feed: string): Promise<PollReport> {
    const { store, logger, corpusDir } = this.options;
    const now = this.now();
    let state;
    try {
      state = store.state(feed);
    } catch (error) {
      logger.warn({ feed, err: error }, 'cannot read the feed state');
      return { feed, added: [], skipped: null, error: String(error) };
    }
    if (state.nextAttempt !== null && Date.parse(state.nextAttempt) > now.getTime()) return { feed, added: [], skipped: 'backoff', error: null };
    try {
      const outcome = await ingestFeed(corpusDir, feed, {
        fetch: this.options.fetch,
        now,
        etag: state.etag,
        lastModified: state.lastModified,
        seen: (key) => store.seen(feed, key),
      });
      const added: string[] = [];
      for (const { item, result, error } of outcome.items) {
        if (result?.status === 'added') {
          added.push(result.id);
          logger.info({ feed, articleId: result.id, title: result.title, published: result.published, publisher: result.publisher }, 'new article from a feed');
        }
        if (error) logger.warn({ feed, item: item.url, code: error.code, error: error.message }, 'a feed item could not be added');
        if (result || (error && !TRANSIENT.has(error.code))) store.markSeen(feed, item.key, result?.id ?? null);
      }
      store.save({
        ...state,
        etag: outcome.notModified ? state.etag : outcome.etag,
        lastModified: outcome.notModified ? state.lastModified : outcome.lastModified,
        failures: 0,
        nextAttempt: null,
        lastError: null,
        lastChecked: now.toISOString(),
        lastOk: now.toISOString(),
      });
      return { feed, added, skipped: null, error: null };
    } catch (error) {
      const failures = state.failures + 1;
      const wait = Math.min(this.options.intervalMs * 2 ** (failures - 1), this.options.maxBackoffMs ?? 24 * 3_600_000);
      const message = error instanceof IngestError ? error.message : error instanceof Error ? error.message : String(error);
      logger.warn({ feed, failures, retryInMs: wait, error: message }, 'feed read failed; backing off');
      try {
        store.save({ ...state, failures, nextAttempt: new Date(now.getTime() + wait).toISOString(), lastError: message, lastChecked: now.toISOString() });
      } catch (saveError) {
        logger.warn({ feed, err: saveError }, 'cannot record the feed failure');
      }
      return { feed, added: [], skipped: null, error: message };
    }
  }

  /** Polls now, then every interval, until `stop`. */
  start(): void {
    const tick = (): void => {
      void this.pollOnce().then(() => {
        if (this.stopped) return;
        this.timer = setTimeout(tick, this.options.intervalMs);
        this.timer.unref();
      });
    };
    tick();
  }

  /** Stops following; resolves once a read in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
