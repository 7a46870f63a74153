import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FloodGuard, isPrivateChat, OutgoingPacer, realClock, windowFor } from '../../src/bot/limiter.ts';

describe('windowFor', () => {
  it('turns rates into whole counts per window', () => {
    expect(windowFor(1, 1000)).toEqual({ count: 1, windowMs: 1000 });
    expect(windowFor(20, 60_000)).toEqual({ count: 20, windowMs: 60_000 });
    expect(windowFor(0.5, 1000)).toEqual({ count: 1, windowMs: 2000 });
    expect(windowFor(2.5, 1000)).toEqual({ count: 2, windowMs: 800 });
    expect(() => windowFor(0, 1000)).toThrow(RangeError);
  });
});

describe('isPrivateChat', () => {
  it('tells users from groups and channels', () => {
    expect(isPrivateChat(42)).toBe(true);
    expect(isPrivateChat(-42)).toBe(false);
    expect(isPrivateChat(-1001234567890)).toBe(false);
    expect(isPrivateChat('@channel')).toBe(false);
    expect(isPrivateChat('42')).toBe(true);
  });
});

describe('OutgoingPacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Starts acquisitions and records the fake time at which each one was granted. */
  function track(pacer: OutgoingPacer, chats: (number | string)[]): { granted: number[]; order: number[] } {
    const granted: number[] = new Array<number>(chats.length).fill(-1);
    const order: number[] = [];
    chats.forEach((chat, i) => {
      void pacer.acquire(chat).then(() => {
        granted[i] = Date.now();
        order.push(i);
      });
    });
    return { granted, order };
  }

  it('sends at most one message a second to a private chat, in order', async () => {
    const pacer = new OutgoingPacer({ privateChatPerSecond: 1, groupChatPerMinute: 20, globalPerSecond: 30 }, realClock);
    const { granted, order } = track(pacer, [7, 7, 7]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(granted).toEqual([0, 1000, 2000]);
    expect(order).toEqual([0, 1, 2]);
  });

  it('does not hold one chat back for another', async () => {
    const pacer = new OutgoingPacer({ privateChatPerSecond: 1, groupChatPerMinute: 20, globalPerSecond: 30 }, realClock);
    const { granted } = track(pacer, [1, 1, 2, 3]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(granted).toEqual([0, 1000, 0, 0]);
  });

  it('sends at most 20 messages a minute to a group', async () => {
    const pacer = new OutgoingPacer({ privateChatPerSecond: 1, groupChatPerMinute: 20, globalPerSecond: 30 }, realClock);
    const { granted } = track(pacer, Array.from({ length: 22 }, () => -100));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(granted.slice(0, 20).every((t) => t === 0)).toBe(true);
    expect(granted[20]).toBe(60_000);
    expect(granted[21]).toBe(60_000);
  });

  it('sends at most 30 messages a second over all chats', async () => {
    const pacer = new OutgoingPacer({ privateChatPerSecond: 1, groupChatPerMinute: 20, globalPerSecond: 30 }, realClock);
    const { granted } = track(pacer, Array.from({ length: 32 }, (_, i) => i + 1));
    await vi.advanceTimersByTimeAsync(3000);
    expect(granted.filter((t) => t === 0)).toHaveLength(30);
    expect(granted.slice(30)).toEqual([1000, 1000]);
  });

  it('holds a paused chat back until the pause ends, even messages already waiting', async () => {
    const pacer = new OutgoingPacer({ privateChatPerSecond: 10, groupChatPerMinute: 20, globalPerSecond: 30 }, realClock);
    pacer.pause(5, 3000);
    const { granted } = track(pacer, [5, 6]);
    await vi.advanceTimersByTimeAsync(1000);
    pacer.pause(5, 4000); // a second 429 while waiting: now until t=5000
    await vi.advanceTimersByTimeAsync(10_000);
    expect(granted).toEqual([5000, 0]);
  });
});

describe('FloodGuard', () => {
  it('allows a burst, gives one notice, then stays silent until the user has calmed down', () => {
    let now = 0;
    const guard = new FloodGuard({ perSecond: 1, burst: 3 }, { now: () => now });
    expect([guard.check(1), guard.check(1), guard.check(1)]).toEqual(['allow', 'allow', 'allow']);
    expect(guard.check(1)).toBe('notice');
    expect(guard.check(1)).toBe('drop');
    now = 500;
    expect(guard.check(1)).toBe('drop');
    expect(guard.check(2)).toBe('allow'); // other users are not affected
    now = 1000;
    expect(guard.check(1)).toBe('allow'); // a token is back
    expect(guard.check(1)).toBe('drop'); // the same flood: no second notice
    now = 10_000;
    expect([guard.check(1), guard.check(1), guard.check(1), guard.check(1)]).toEqual(['allow', 'allow', 'allow', 'notice']);
  });

  it('keeps to one notice through a long flood', () => {
    let now = 0;
    const guard = new FloodGuard({ perSecond: 1, burst: 3 }, { now: () => now });
    const verdicts: string[] = [];
    for (let i = 0; i < 300; i += 1) {
      verdicts.push(guard.check(1));
      now += 20; // 50 a second for 6 seconds
    }
    expect(verdicts.filter((v) => v === 'notice')).toHaveLength(1);
    expect(verdicts.filter((v) => v === 'allow').length).toBeLessThanOrEqual(3 + 6);
  });

  it('remembers the verdict given on arrival for the handler', () => {
    const guard = new FloodGuard({ perSecond: 1, burst: 1 }, { now: () => 0 });
    const first = {};
    const second = {};
    expect(guard.judge(first, 7)).toBe('allow');
    expect(guard.judge(second, 7)).toBe('notice');
    expect(guard.check(7, first)).toBe('allow'); // not charged twice
    expect(guard.check(7, second)).toBe('notice');
    expect(guard.check(7, {})).toBe('drop'); // not judged: decided now
  });

  it('refills at a fractional rate', () => {
    let now = 0;
    const guard = new FloodGuard({ perSecond: 0.5, burst: 1 }, { now: () => now });
    expect(guard.check('u')).toBe('allow');
    now = 1500;
    expect(guard.check('u')).toBe('notice');
    now = 2000;
    expect(guard.check('u')).toBe('allow');
  });
});
