/**
 * Daily digest subscriptions: which chat gets one and at what local time (the chat's time zone lives in
 * its settings). A chat Telegram stops delivering to is deactivated, not deleted, so being added back
 * can ask for a new subscription and the record of who subscribed is never lost silently.
 */
import type { Db } from './db.ts';

export interface Subscription {
  chatId: number;
  /** `HH:MM`, 24-hour, in the chat's time zone. */
  localTime: string;
  active: boolean;
  /** When the time was last set: no digest is due before this instant. */
  since: string;
  createdAt: string;
  updatedAt: string;
  deactivatedReason: string | null;
}

interface SubscriptionRow {
  chat_id: number;
  local_time: string;
  active: number;
  since: string;
  created_at: string;
  updated_at: string;
  deactivated_reason: string | null;
}

export const DEFAULT_DIGEST_TIME = '08:00';

export class SubscriptionError extends Error {
  constructor(message: string, readonly chatId: number) {
    super(`chat ${chatId}: ${message}`);
    this.name = 'SubscriptionError';
  }
}

/** Reads a 24-hour `H:MM` or `HH:MM` (Arabic-Indic digits too) as `HH:MM`; anything else is null. */
export function parseLocalTime(text: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
  if (!match) return null;
  return `${(match[1] as string).padStart(2, '0')}:${match[2] as string}`;
}

export class SubscriptionStore {
  private readonly upsert;
  private readonly remove;
  private readonly setInactive;
  private readonly selectOne;
  private readonly selectActive;
  private readonly selectAll;

  constructor(db: Db, private readonly now: () => Date = () => new Date()) {
    // Re-subscribing changes the time and reactivates, keeping the original creation time.
    this.upsert = db.prepare(`
      INSERT INTO digest_subscriptions (chat_id, local_time, active, since, created_at, updated_at)
      VALUES (@chatId, @localTime, 1, @at, @at, @at)
      ON CONFLICT (chat_id) DO UPDATE SET local_time = excluded.local_time, active = 1, since = excluded.since,
        updated_at = excluded.updated_at, deactivated_reason = NULL`);
    this.remove = db.prepare<[number]>('DELETE FROM digest_subscriptions WHERE chat_id = ?');
    this.setInactive = db.prepare<{ chatId: number; reason: string; at: string }>(`
      UPDATE digest_subscriptions SET active = 0, deactivated_reason = @reason, updated_at = @at
      WHERE chat_id = @chatId AND active = 1`);
    this.selectOne = db.prepare<[number], SubscriptionRow>('SELECT * FROM digest_subscriptions WHERE chat_id = ?');
    // Chats Telegram refuses to deliver to are skipped: sending would only earn another 403.
    this.selectActive = db.prepare<[], SubscriptionRow>(`
      SELECT s.* FROM digest_subscriptions s LEFT JOIN chats c ON c.chat_id = s.chat_id
      WHERE s.active = 1 AND c.blocked_at IS NULL ORDER BY s.chat_id`);
    this.selectAll = db.prepare<[], SubscriptionRow>('SELECT * FROM digest_subscriptions ORDER BY chat_id');
  }

  subscribe(chatId: number, localTime: string = DEFAULT_DIGEST_TIME): Subscription {
    const time = parseLocalTime(localTime);
    if (time === null) throw new SubscriptionError(`time must be HH:MM (24-hour), got ${JSON.stringify(localTime)}`, chatId);
    this.upsert.run({ chatId, localTime: time, at: this.now().toISOString() });
    return this.get(chatId) as Subscription;
  }

  /** Returns whether there was a subscription to remove. */
  unsubscribe(chatId: number): boolean {
    return this.remove.run(chatId).changes > 0;
  }

  /** Stops deliveries to a chat (bot removed, 403) but keeps the row; returns whether it was active. */
  deactivate(chatId: number, reason: string): boolean {
    return this.setInactive.run({ chatId, reason, at: this.now().toISOString() }).changes > 0;
  }

  get(chatId: number): Subscription | null {
    const row = this.selectOne.get(chatId);
    return row === undefined ? null : toSubscription(row);
  }

  /** Active subscriptions of chats Telegram still delivers to. */
  active(): Subscription[] {
    return this.selectActive.all().map(toSubscription);
  }

  all(): Subscription[] {
    return this.selectAll.all().map(toSubscription);
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: row.chat_id,
    localTime: row.local_time,
    active: row.active === 1,
    since: row.since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deactivatedReason: row.deactivated_reason,
  };
}
