/**
 * The durable inbox: every update is written here (with its `update_id`) before it is confirmed to
 * Telegram, and marked finished once its reply is sent (or durably queued in the outbox). A crash
 * therefore loses nothing that was received: at start the unanswered ones are handed back. The
 * Only a pending update keeps its content; a finished one keeps just its id. The
 * `update_id` primary key makes a redelivered update (received again after a crash, before its
 * confirmation reached Telegram) a no-op, so no update is answered twice.
 */
import type { Db } from './db.ts';

/** pending: received, not yet answered; answered; dropped (flood, overflow, malformed); expired (too old to replay). */
export type InboxState = 'pending' | 'answered' | 'dropped' | 'expired';

export interface PendingUpdate {
  updateId: number;
  /** The update as received (JSON). */
  payload: unknown;
  receivedAt: number;
  /** Messages of its reply already delivered before a crash; a replay skips them. */
  partsSent: number;
}

interface PendingRow {
  update_id: number;
  payload: string;
  received_at: number;
  parts_sent: number;
}

export class Inbox {
  private readonly insert;
  private readonly setState;
  private readonly bumpParts;
  private readonly selectParts;
  private readonly selectPending;
  private readonly expireOld;
  private readonly countPending;
  private readonly deleteFinished;

  constructor(db: Db, private readonly now: () => number = Date.now) {
    this.insert = db.prepare(`INSERT INTO inbox (update_id, chat_key, payload, received_at, state)
      VALUES (@updateId, @chatKey, @payload, @at, 'pending') ON CONFLICT (update_id) DO NOTHING`);
    // Once finished only the update_id is needed (to refuse a redelivery): what people wrote is not kept.
    this.setState = db.prepare(`UPDATE inbox SET state = @state, finished_at = @at, payload = 'null'
      WHERE update_id = @updateId AND state = 'pending'`);
    this.bumpParts = db.prepare('UPDATE inbox SET parts_sent = parts_sent + 1 WHERE update_id = ?');
    this.selectParts = db.prepare<[number], { parts_sent: number }>('SELECT parts_sent FROM inbox WHERE update_id = ?');
    this.selectPending = db.prepare<[number], PendingRow>(`SELECT update_id, payload, received_at, parts_sent FROM inbox
      WHERE state = 'pending' AND received_at >= ? ORDER BY update_id`);
    this.expireOld = db.prepare(`UPDATE inbox SET state = 'expired', finished_at = @at, payload = 'null'
      WHERE state = 'pending' AND received_at < @since`);
    this.countPending = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM inbox WHERE state = 'pending'`);
    this.deleteFinished = db.prepare(`DELETE FROM inbox WHERE state != 'pending' AND finished_at < ?`);
  }

  /**
   * Records an update on arrival. False when its `update_id` is already known (a redelivery, or an
   * update being replayed): the caller must not handle it again.
   */
  receive(updateId: number, payload: unknown, chatKey: string | null): boolean {
    const result = this.insert.run({ updateId, chatKey, payload: JSON.stringify(payload), at: this.now() });
    return result.changes === 1;
  }

  /** Marks a pending update finished; later calls for it change nothing. */
  finish(updateId: number, state: Exclude<InboxState, 'pending'>): void {
    this.setState.run({ updateId, state, at: this.now() });
  }

  /** One more message of this update's reply was delivered (see `PendingUpdate.partsSent`). */
  partSent(updateId: number): void {
    this.bumpParts.run(updateId);
  }

  partsSent(updateId: number): number {
    return this.selectParts.get(updateId)?.parts_sent ?? 0;
  }

  /**
   * The updates still unanswered that arrived within `windowMs`, oldest first, to be answered now;
   * older ones are marked expired (an answer that late would confuse more than help).
   */
  unanswered(windowMs: number): PendingUpdate[] {
    const since = this.now() - windowMs;
    this.expireOld.run({ since, at: this.now() });
    return this.selectPending.all(since).map((row) => ({
      updateId: row.update_id,
      payload: JSON.parse(row.payload) as unknown,
      receivedAt: row.received_at,
      partsSent: row.parts_sent,
    }));
  }

  pendingCount(): number {
    return this.countPending.get()?.n ?? 0;
  }

  /**
   * Forgets finished updates older than `keepMs`. Keep them longer than Telegram keeps an
   * unconfirmed update (24 hours), so a late redelivery is still recognised.
   */
  prune(keepMs: number): number {
    return this.deleteFinished.run(this.now() - keepMs).changes;
  }
}
