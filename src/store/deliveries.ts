/**
 * One row per chat per local day: the digest of (chat, date) is claimed in a transaction before it is
 * sent and marked sent after, so two processes, or one restarted, never send it twice.
 *
 * A claim carries an owner and a lease. A claim whose lease ran out belongs to a process that died
 * between claiming and marking: it may be claimed again (the digest was most likely never sent: the
 * window between Telegram's answer and the mark is one SQLite write).
 */
import type { Db } from './db.ts';

export type DeliveryStatus = 'claimed' | 'sent' | 'retry' | 'failed' | 'forbidden';

export interface DeliveredPoint {
  sentenceId: string;
  text: string;
}

export interface Delivery {
  chatId: number;
  localDate: string;
  status: DeliveryStatus;
  owner: string;
  leaseUntil: string;
  attempts: number;
  nextAttemptAt: string | null;
  claimedAt: string;
  sentAt: string | null;
  error: string | null;
  asOf: string | null;
  points: DeliveredPoint[];
}

interface DeliveryRow {
  chat_id: number;
  local_date: string;
  status: DeliveryStatus;
  owner: string;
  lease_until: string;
  attempts: number;
  next_attempt_at: string | null;
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
  as_of: string | null;
  points: string | null;
}

export type ClaimResult = { claimed: true; attempt: number } | { claimed: false; delivery: Delivery };

export interface ClaimOptions {
  owner: string;
  leaseMs: number;
  /** Attempts allowed in all (first included); after the last failure the day is given up. */
  maxAttempts: number;
}

export class DeliveryStore {
  private readonly selectOne;
  private readonly insertClaim;
  private readonly reclaim;
  private readonly setSent;
  private readonly setOutcome;
  private readonly selectLastSent;
  private readonly selectForChat;
  private readonly selectForDate;

  constructor(private readonly db: Db, private readonly now: () => Date = () => new Date()) {
    this.selectOne = db.prepare<[number, string], DeliveryRow>('SELECT * FROM digest_deliveries WHERE chat_id = ? AND local_date = ?');
    this.insertClaim = db.prepare(`
      INSERT INTO digest_deliveries (chat_id, local_date, status, owner, lease_until, attempts, claimed_at)
      VALUES (@chatId, @localDate, 'claimed', @owner, @leaseUntil, 1, @at)`);
    this.reclaim = db.prepare(`
      UPDATE digest_deliveries SET status = 'claimed', owner = @owner, lease_until = @leaseUntil,
        attempts = attempts + 1, claimed_at = @at, next_attempt_at = NULL
      WHERE chat_id = @chatId AND local_date = @localDate`);
    this.setSent = db.prepare(`
      UPDATE digest_deliveries SET status = 'sent', sent_at = @at, error = NULL, as_of = @asOf, points = @points
      WHERE chat_id = @chatId AND local_date = @localDate AND owner = @owner AND status = 'claimed'`);
    this.setOutcome = db.prepare(`
      UPDATE digest_deliveries SET status = @status, error = @error, next_attempt_at = @nextAttemptAt
      WHERE chat_id = @chatId AND local_date = @localDate AND owner = @owner AND status = 'claimed'`);
    this.selectLastSent = db.prepare<[number], DeliveryRow>(`
      SELECT * FROM digest_deliveries WHERE chat_id = ? AND status = 'sent' ORDER BY sent_at DESC LIMIT 1`);
    this.selectForChat = db.prepare<[number], DeliveryRow>('SELECT * FROM digest_deliveries WHERE chat_id = ? ORDER BY local_date');
    this.selectForDate = db.prepare<[string], DeliveryRow>('SELECT * FROM digest_deliveries WHERE local_date = ? ORDER BY chat_id');
  }

  /**
   * Claims the digest of (chat, local date) for `owner`, in one transaction: a new day, a retry whose
   * time has come, or a claim whose lease expired. Sent, given-up and live claims are refused.
   */
  claim(chatId: number, localDate: string, options: ClaimOptions): ClaimResult {
    const attempt = this.db.transaction((): ClaimResult => {
      const at = this.now();
      const values = { chatId, localDate, owner: options.owner, leaseUntil: new Date(at.getTime() + options.leaseMs).toISOString(), at: at.toISOString() };
      const row = this.selectOne.get(chatId, localDate);
      if (row === undefined) {
        this.insertClaim.run(values);
        return { claimed: true, attempt: 1 };
      }
      const reclaimable =
        (row.status === 'claimed' && Date.parse(row.lease_until) <= at.getTime())
        || (row.status === 'retry' && (row.next_attempt_at === null || Date.parse(row.next_attempt_at) <= at.getTime()));
      if (!reclaimable || row.attempts >= options.maxAttempts) return { claimed: false, delivery: toDelivery(row) };
      this.reclaim.run(values);
      return { claimed: true, attempt: row.attempts + 1 };
    });
    // IMMEDIATE: take the write lock before reading, so two processes cannot both see "unclaimed".
    return attempt.immediate();
  }

  /** Marks a claimed digest sent, remembering what it said (the next digest compares against it). */
  markSent(chatId: number, localDate: string, owner: string, content: { asOf: string | null; points: readonly DeliveredPoint[] }): boolean {
    return this.setSent.run({ chatId, localDate, owner, at: this.now().toISOString(), asOf: content.asOf, points: JSON.stringify(content.points) }).changes > 0;
  }

  /** A failure worth retrying (429, 5xx, network) at `nextAttemptAt`. */
  markRetry(chatId: number, localDate: string, owner: string, nextAttemptAt: Date, error: string): boolean {
    return this.setOutcome.run({ chatId, localDate, owner, status: 'retry', error, nextAttemptAt: nextAttemptAt.toISOString() }).changes > 0;
  }

  /** Given up for the day: `forbidden` (403) or `failed` (retries used up, or refused for good). */
  markFinal(chatId: number, localDate: string, owner: string, status: 'failed' | 'forbidden', error: string): boolean {
    return this.setOutcome.run({ chatId, localDate, owner, status, error, nextAttemptAt: null }).changes > 0;
  }

  get(chatId: number, localDate: string): Delivery | null {
    const row = this.selectOne.get(chatId, localDate);
    return row === undefined ? null : toDelivery(row);
  }

  lastSent(chatId: number): Delivery | null {
    const row = this.selectLastSent.get(chatId);
    return row === undefined ? null : toDelivery(row);
  }

  forChat(chatId: number): Delivery[] {
    return this.selectForChat.all(chatId).map(toDelivery);
  }

  forDate(localDate: string): Delivery[] {
    return this.selectForDate.all(localDate).map(toDelivery);
  }
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    chatId: row.chat_id,
    localDate: row.local_date,
    status: row.status,
    owner: row.owner,
    leaseUntil: row.lease_until,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    claimedAt: row.claimed_at,
    sentAt: row.sent_at,
    error: row.error,
    asOf: row.as_of,
    points: row.points === null ? [] : (JSON.parse(row.points) as DeliveredPoint[]),
  };
}
