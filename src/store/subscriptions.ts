/** Daily digest subscriptions: which chat gets one, in which language, at which UTC hour. */
import type { Language } from '../corpus/article.ts';
import type { Db } from './db.ts';

export interface Subscription {
  chatId: number;
  language: Language;
  /** Hour of the day (UTC, 0-23) the digest is due. */
  hourUtc: number;
  createdAt: string;
}

interface SubscriptionRow {
  chat_id: number;
  language: Language;
  hour_utc: number;
  created_at: string;
}

export class SubscriptionError extends Error {
  constructor(message: string, readonly chatId: number) {
    super(`chat ${chatId}: ${message}`);
    this.name = 'SubscriptionError';
  }
}

export class SubscriptionStore {
  private readonly upsert;
  private readonly remove;
  private readonly selectOne;
  private readonly selectDue;
  private readonly selectAll;

  constructor(db: Db, private readonly now: () => Date = () => new Date()) {
    // Re-subscribing changes language and hour but keeps the original creation time.
    this.upsert = db.prepare(`
      INSERT INTO subscriptions (chat_id, language, hour_utc, created_at) VALUES (@chatId, @language, @hourUtc, @at)
      ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language, hour_utc = excluded.hour_utc`);
    this.remove = db.prepare<[number]>('DELETE FROM subscriptions WHERE chat_id = ?');
    this.selectOne = db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = ?');
    // Chats Telegram refuses to deliver to are not due: sending would only earn another 403.
    this.selectDue = db.prepare<[number], SubscriptionRow>(`
      SELECT s.* FROM subscriptions s LEFT JOIN chats c ON c.chat_id = s.chat_id
      WHERE s.hour_utc = ? AND c.blocked_at IS NULL ORDER BY s.chat_id`);
    this.selectAll = db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY chat_id');
  }

  subscribe(chatId: number, language: Language, hourUtc: number): Subscription {
    if (!Number.isInteger(hourUtc) || hourUtc < 0 || hourUtc > 23) {
      throw new SubscriptionError(`hour must be a whole number 0-23, got ${hourUtc}`, chatId);
    }
    this.upsert.run({ chatId, language, hourUtc, at: this.now().toISOString() });
    return this.get(chatId) as Subscription;
  }

  /** Returns whether there was a subscription to remove. */
  unsubscribe(chatId: number): boolean {
    return this.remove.run(chatId).changes > 0;
  }

  get(chatId: number): Subscription | null {
    const row = this.selectOne.get(chatId);
    return row === undefined ? null : toSubscription(row);
  }

  /** Subscriptions due at an hour, skipping chats that blocked or removed the bot. */
  dueAt(hourUtc: number): Subscription[] {
    return this.selectDue.all(hourUtc).map(toSubscription);
  }

  all(): Subscription[] {
    return this.selectAll.all().map(toSubscription);
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return { chatId: row.chat_id, language: row.language, hourUtc: row.hour_utc, createdAt: row.created_at };
}
