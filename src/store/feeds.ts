/** State of each followed feed (issue 8): validators for conditional GETs, backoff, and the items seen. */
import type { Db } from './db.ts';

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Consecutive failed reads. */
  failures: number;
  /** ISO time before which the feed is not read again (backoff), or null. */
  nextAttempt: string | null;
  lastError: string | null;
  lastChecked: string | null;
  lastOk: string | null;
}

interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_attempt: string | null;
  last_error: string | null;
  last_checked: string | null;
  last_ok: string | null;
}

const fromRow = (row: FeedRow): FeedState => ({
  url: row.url,
  etag: row.etag,
  lastModified: row.last_modified,
  failures: row.failures,
  nextAttempt: row.next_attempt,
  lastError: row.last_error,
  lastChecked: row.last_checked,
  lastOk: row.last_ok,
});

export class FeedStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly insertSeen;
  private readonly selectSeen;
  private readonly countSeen;

  constructor(db: Db, private readonly now: () => Date = () => new Date()) {
    this.selectOne = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?');
    this.upsert = db.prepare(`
      INSERT INTO feeds (url, etag, last_modified, failures, next_attempt, last_error, last_checked, last_ok)
      VALUES (@url, @etag, @lastModified, @failures, @nextAttempt, @lastError, @lastChecked, @lastOk)
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = excluded.failures,
        next_attempt = excluded.next_attempt, last_error = excluded.last_error, last_checked = excluded.last_checked, last_ok = excluded.last_ok`);
    this.insertSeen = db.prepare(`INSERT OR IGNORE INTO feed_items (feed_url, item_key, seen_at, article_id) VALUES (?, ?, ?, ?)`);
    this.selectSeen = db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM feed_items WHERE feed_url = ? AND item_key = ?');
    this.countSeen = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM feed_items WHERE feed_url = ?');
  }

  get(url: string): FeedState | null {
    const row = this.selectOne.get(url);
    return row ? fromRow(row) : null;
  }

  /** The stored state, or a fresh one for a feed never read. */
  state(url: string): FeedState {
    return this.get(url) ?? { url, etag: null, lastModified: null, failures: 0, nextAttempt: null, lastError: null, lastChecked: null, lastOk: null };
  }

  save(state: FeedState): void {
    this.upsert.run(state);
  }

  markSeen(feedUrl: string, itemKey: string, articleId: string | null): void {
    this.insertSeen.run(feedUrl, itemKey, this.now().toISOString(), articleId);
  }

  seen(feedUrl: string, itemKey: string): boolean {
    return this.selectSeen.get(feedUrl, itemKey) !== undefined;
  }

  seenCount(feedUrl: string): number {
    return this.countSeen.get(feedUrl)?.n ?? 0;
  }
}
