/**
 * Rate limits, both ways. Outgoing: a pacer that keeps messages within Telegram's limits per private
 * chat, per group and overall (what grammY's ratelimiter/throttler does). Incoming: a token bucket per
 * user, so one person cannot flood the engine, with a single notice when they are held back.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** "At most `count` events in any `windowMs`", from a rate that may be fractional. */
export interface Window {
  count: number;
  windowMs: number;
}

/** Turns "rate per unit" into a whole count per window: 1/s -> 1 per 1000 ms, 0.5/s -> 1 per 2000 ms. */
export function windowFor(rate: number, unitMs: number): Window {
  if (!(rate > 0)) throw new RangeError(`rate must be positive, got ${rate}`);
  const count = Math.max(1, Math.floor(rate));
  return { count, windowMs: (unitMs * count) / rate };
}

/** Timestamps of the last `count` events; answers when the next one may happen. */
class SlidingLog {
  private readonly times: number[] = [];

  constructor(private readonly window: Window) {}

  nextSlot(now: number): number {
    const { count, windowMs } = this.window;
    if (this.times.length < count) return now;
    return Math.max(now, (this.times[this.times.length - count] as number) + windowMs);
  }

  record(at: number): void {
    this.times.push(at);
    if (this.times.length > this.window.count) this.times.shift();
  }

  idleSince(now: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || now - last >= this.window.windowMs;
  }
}

export type ChatKey = number | string;

export interface PacerLimits {
  privateChatPerSecond: number;
  groupChatPerMinute: number;
  globalPerSecond: number;
}

/** Private chats have positive ids; groups, supergroups and channels negative ids or `@username`. */
export function isPrivateChat(chatId: ChatKey): boolean {
  return typeof chatId === 'number' ? chatId > 0 : /^\d+$/.test(chatId);
}

export class OutgoingPacer {
  private readonly privateWindow: Window;
  private readonly groupWindow: Window;
  private readonly globalLog: SlidingLog;
  private readonly logs = new Map<string, SlidingLog>();
  private readonly tails = new Map<string, Promise<void>>();
  private readonly pausedUntil = new Map<string, number>();
  private globalTail: Promise<void> = Promise.resolve();
  private acquisitions = 0;

  constructor(limits: PacerLimits, private readonly clock: Clock = realClock) {
    this.privateWindow = windowFor(limits.privateChatPerSecond, 1000);
    this.groupWindow = windowFor(limits.groupChatPerMinute, 60_000);
    this.globalLog = new SlidingLog(windowFor(limits.globalPerSecond, 1000));
  }

  /**
   * Resolves when a message to `chatId` may be sent, and counts it as sent. Calls for one chat are
   * served in order, so a long answer's parts keep their order.
   */
  acquire(chatId: ChatKey): Promise<void> {
    const key = String(chatId);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const turn = previous.then(() => this.waitForSlot(key, chatId));
    const tail = turn.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return turn;
  }

  /** Holds every message to `chatId` back for `ms` (Telegram answered 429 with retry_after). */
  pause(chatId: ChatKey, ms: number): void {
    const key = String(chatId);
    const until = this.clock.now() + ms;
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  private async waitForSlot(key: string, chatId: ChatKey): Promise<void> {
    let log = this.logs.get(key);
    if (log === undefined) {
      log = new SlidingLog(isPrivateChat(chatId) ? this.privateWindow : this.groupWindow);
      this.logs.set(key, log);
    }
    // Loop: a 429 may extend the pause while this message waits.
    for (;;) {
      const now = this.clock.now();
      const slot = Math.max(log.nextSlot(now), this.pausedUntil.get(key) ?? 0);
      if (slot <= now) break;
      await this.clock.sleep(slot - now);
    }
    this.pausedUntil.delete(key);
    await this.acquireGlobal();
    log.record(this.clock.now());
    this.sweep();
  }

  private acquireGlobal(): Promise<void> {
    const turn = this.globalTail.then(async () => {
      const now = this.clock.now();
      const slot = this.globalLog.nextSlot(now);
      if (slot > now) await this.clock.sleep(slot - now);
      this.globalLog.record(this.clock.now());
    });
    this.globalTail = turn.catch(() => undefined);
    return turn;
  }

  /** Forgets chats idle for longer than their window, so memory follows active chats only. */
  private sweep(): void {
    this.acquisitions += 1;
    if (this.acquisitions % 256 !== 0) return;
    const now = this.clock.now();
    for (const [key, log] of this.logs) {
      if (log.idleSince(now) && !this.tails.has(key)) this.logs.delete(key);
    }
  }

  /** Chats currently tracked (for tests and metrics). */
  get trackedChats(): number {
    return this.logs.size;
  }
}

export type FloodVerdict = 'allow' | 'notice' | 'drop';

export interface FloodLimits {
  perSecond: number;
  burst: number;
}

/**
 * A token bucket per user: `burst` questions at once, refilled at `perSecond`. The first refused
 * question gets a notice; later ones are dropped silently until the bucket is full again (the user
 * has paused for `burst / perSecond` seconds), so a flood that lasts minutes still gets one notice.
 *
 * The bot judges an update when it arrives (`judge`), so a flood is refused at once rather than
 * being queued and checked at exactly the refill rate; handlers later read that verdict (`check`
 * with the update).
 */
export class FloodGuard {
  private readonly buckets = new Map<string, { tokens: number; at: number; noticed: boolean }>();
  private readonly verdicts = new WeakMap<object, FloodVerdict>();
  private checks = 0;

  constructor(private readonly limits: FloodLimits, private readonly clock: Pick<Clock, 'now'> = realClock) {
    if (!(limits.perSecond > 0) || !(limits.burst >= 1)) throw new RangeError('flood limits must be positive');
  }

  /** Decides on `update` now (on arrival) and remembers the verdict for `check(userKey, update)`. */
  judge(update: object, userKey: number | string): FloodVerdict {
    const verdict = this.check(userKey);
    this.verdicts.set(update, verdict);
    return verdict;
  }

  /** The verdict for a request: the one given on arrival when `update` was judged, else decided now. */
  check(userKey: number | string, update?: object): FloodVerdict {
    const judged = update === undefined ? undefined : this.verdicts.get(update);
    if (judged !== undefined) return judged;
    const key = String(userKey);
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limits.burst, at: now, noticed: false };
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limits.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    this.sweep(now);
    if (bucket.tokens >= this.limits.burst) bucket.noticed = false; // calm again: a new flood gets a new notice
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 'allow';
    }
    if (bucket.noticed) return 'drop';
    bucket.noticed = true;
    return 'notice';
  }

  private sweep(now: number): void {
    this.checks += 1;
    if (this.checks % 1024 !== 0) return;
    for (const [key, bucket] of this.buckets) {
      const refilled = bucket.tokens + ((now - bucket.at) / 1000) * this.limits.perSecond;
      if (refilled >= this.limits.burst) this.buckets.delete(key);
    }
  }
}
