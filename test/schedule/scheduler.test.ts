import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { DigestScheduler, type SchedulerOptions } from '../../src/schedule/scheduler.ts';
import type { DigestSender, OutgoingDigest, SendResult } from '../../src/schedule/sender.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { CORPUS_DIR } from '../helpers/engine.ts';

const articles = loadCorpus(CORPUS_DIR).articles;
const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Sent extends OutgoingDigest {
  at: number;
}

/** A sender that records what it was given and answers from a script (then `sent`). */
function recordingSender(script: SendResult[] = []): DigestSender & { sent: Sent[]; calls: number } {
  const sender = {
    sent: [] as Sent[],
    calls: 0,
    async send(message: OutgoingDigest): Promise<SendResult> {
      sender.calls += 1;
      const result = script.shift() ?? { status: 'sent' };
      if (result.status === 'sent') sender.sent.push({ ...message, at: Date.now() });
      return result;
    },
  };
  return sender;
}

let dir: string;
const stores: Store[] = [];
const schedulers: DigestScheduler[] = [];

function store(): Store {
  const s = openStore(dir);
  stores.push(s);
  return s;
}

function scheduler(s: Store, sender: DigestSender, extra: Partial<SchedulerOptions> = {}): DigestScheduler {
  const sch = new DigestScheduler({ store: s, sender, articles: () => articles, defaultTimezone: 'Asia/Damascus', logger: quietLogger, ...extra });
  schedulers.push(sch);
  return sch;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qamishli-schedule-'));
});

afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  vi.useRealTimers();
  for (const s of stores.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const minutes = (n: number) => n * 60_000;

describe('DigestScheduler', () => {
  it('delivers at each chat\'s local time in two time zones, once a day', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const s = store();
    s.subscriptions.subscribe(1, '08:00'); // Damascus (default), UTC+3: 05:00Z
    s.subscriptions.subscribe(2, '08:00');
    s.settings.setTimezone(2, 'America/New_York'); // UTC-4 in May: 12:00Z
    const sender = recordingSender();
    scheduler(s, sender).start();
    await vi.advanceTimersByTimeAsync(minutes(59));
    expect(sender.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(minutes(2)); // 05:01Z
    expect(sender.sent.map((m) => [m.chatId, new Date(m.at).toISOString().slice(11, 16)])).toEqual([[1, '05:00']]);
    await vi.advanceTimersByTimeAsync(minutes(7 * 60)); // 12:01Z
    expect(sender.sent.map((m) => m.chatId)).toEqual([1, 2]);
    expect(new Date(sender.sent[1]?.at ?? 0).toISOString().slice(11, 16)).toBe('12:00');
    await vi.advanceTimersByTimeAsync(minutes(16 * 60)); // next day 04:01Z
    expect(sender.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(minutes(60));
    expect(sender.sent.map((m) => m.chatId)).toEqual([1, 2, 1]);
    expect(s.deliveries.forChat(1).map((d) => [d.localDate, d.status])).toEqual([['2024-05-01', 'sent'], ['2024-05-02', 'sent']]);
    expect(sender.sent[0]?.html).toContain('ملخص القامشلي');
  });

  it('keeps to the local time across daylight-saving changes, one digest on the short and the long day', async () => {
    vi.useFakeTimers({ now: new Date('2024-03-30T00:00:00Z') });
    const s = store();
    s.settings.setTimezone(5, 'Europe/Berlin');
    s.subscriptions.subscribe(5, '02:30'); // skipped on 31 March, twice on 27 October
    s.settings.setTimezone(6, 'Europe/Berlin');
    s.subscriptions.subscribe(6, '09:00');
    const sender = recordingSender();
    scheduler(s, sender).start();
    await vi.advanceTimersByTimeAsync(minutes(3 * 24 * 60));
    const times = (chat: number) => sender.sent.filter((m) => m.chatId === chat).map((m) => new Date(m.at).toISOString().slice(0, 16));
    // 30 March CET (UTC+1), 31 March the jump (02:30 does not exist: sent at 03:30 CEST), 1 April CEST (UTC+2).
    expect(times(5)).toEqual(['2024-03-30T01:30', '2024-03-31T01:30', '2024-04-01T00:30']);
    expect(times(6)).toEqual(['2024-03-30T08:00', '2024-03-31T07:00', '2024-04-01T07:00']);

    vi.setSystemTime(new Date('2024-10-26T12:00:00Z'));
    sender.sent.length = 0;
    await vi.advanceTimersByTimeAsync(minutes(2 * 24 * 60));
    // 27 October: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET); one digest.
    expect(times(5)).toEqual(['2024-10-27T00:30', '2024-10-28T01:30']);
    expect(times(6)).toEqual(['2024-10-27T08:00', '2024-10-28T08:00']);
  });

  it('subscribing after today\'s time starts tomorrow', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T06:00:00Z') }); // 09:00 in Damascus
    const s = store();
    s.subscriptions.subscribe(1, '08:00');
    const sender = recordingSender();
    const sch = scheduler(s, sender);
    expect(sch.dueAt(new Date())).toEqual([]);
    expect(sch.dueAt(new Date('2024-05-02T05:00:00Z'))).toEqual([{ chatId: 1, localDate: '2024-05-02' }]);
  });

  it('a restart after the claim but before the send delivers once, when the dead claim\'s lease ends', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const first = store();
    first.subscriptions.subscribe(1, '08:00');
    vi.setSystemTime(new Date('2024-05-01T05:00:30Z'));
    // The first process claimed and died before sending.
    expect(first.deliveries.claim(1, '2024-05-01', { owner: 'dead', leaseMs: minutes(5), maxAttempts: 5 }).claimed).toBe(true);
    first.close();

    const sender = recordingSender();
    scheduler(store(), sender).start();
    await vi.advanceTimersByTimeAsync(minutes(3));
    expect(sender.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(minutes(10));
    expect(sender.sent.map((m) => m.chatId)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(minutes(60));
    expect(sender.sent).toHaveLength(1);
  });

  it('a restart after the send sends nothing more that day', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const first = store();
    first.subscriptions.subscribe(1, '08:00');
    const before = recordingSender();
    const sch = scheduler(first, before);
    sch.start();
    await vi.advanceTimersByTimeAsync(minutes(61));
    expect(before.sent).toHaveLength(1);
    await sch.stop();
    first.close();

    const after = recordingSender();
    scheduler(store(), after).start();
    await vi.advanceTimersByTimeAsync(minutes(18 * 60));
    expect(after.calls).toBe(0);
  });

  it('two processes checking the same database at once send each digest once', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const a = store();
    for (let chat = 1; chat <= 20; chat += 1) a.subscriptions.subscribe(chat, '08:00');
    vi.setSystemTime(new Date('2024-05-01T05:00:10Z'));
    const senderA = recordingSender();
    const senderB = recordingSender();
    const both = Promise.all([scheduler(a, senderA).tick(), scheduler(store(), senderB).tick()]);
    await vi.advanceTimersByTimeAsync(5_000); // the sends are paced
    const [ra, rb] = await both;
    expect(ra.sent + rb.sent).toBe(20);
    const chats = [...senderA.sent, ...senderB.sent].map((m) => m.chatId).sort((x, y) => x - y);
    expect(chats).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a missed digest goes out after a restart within the catch-up window, not after it', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const s = store();
    s.subscriptions.subscribe(1, '08:00'); // 05:00Z
    s.subscriptions.subscribe(2, '04:00'); // 01:00Z, over three hours before the restart
    vi.setSystemTime(new Date('2024-05-01T07:00:00Z'));
    const sender = recordingSender();
    const tick = scheduler(s, sender).tick();
    await vi.advanceTimersByTimeAsync(1_000);
    const report = await tick;
    expect(report).toMatchObject({ due: 1, sent: 1 });
    expect(sender.sent.map((m) => m.chatId)).toEqual([1]);
  });

  it('429 then success: retried at the next check after the wait, delivered once', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const s = store();
    s.subscriptions.subscribe(1, '08:00');
    const sender = recordingSender([{ status: 'retry-later', afterMs: 90_000, reason: 'Too Many Requests: retry after 90' }]);
    scheduler(s, sender).start();
    await vi.advanceTimersByTimeAsync(minutes(61));
    expect(sender.calls).toBe(1);
    expect(s.deliveries.get(1, '2024-05-01')).toMatchObject({ status: 'retry', attempts: 1 });
    await vi.advanceTimersByTimeAsync(minutes(3));
    expect(sender.calls).toBe(2);
    expect(s.deliveries.get(1, '2024-05-01')).toMatchObject({ status: 'sent', attempts: 2 });
    await vi.advanceTimersByTimeAsync(minutes(60));
    expect(sender.sent).toHaveLength(1);
  });

  it('5xx until the attempts run out: given up for the day, tried again tomorrow', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const s = store();
    s.subscriptions.subscribe(1, '08:00');
    const fail: SendResult = { status: 'retry-later', afterMs: 60_000, reason: 'Bad Gateway' };
    const sender = recordingSender([fail, fail, fail]);
    scheduler(s, sender, { maxAttempts: 3 }).start();
    await vi.advanceTimersByTimeAsync(minutes(120));
    expect(sender.calls).toBe(3);
    expect(s.deliveries.get(1, '2024-05-01')).toMatchObject({ status: 'failed', attempts: 3 });
    await vi.advanceTimersByTimeAsync(minutes(24 * 60));
    expect(sender.sent).toHaveLength(1);
  });

  it('403 gives up, deactivates the subscription and records the chat as blocked', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const s = store();
    s.subscriptions.subscribe(-100, '08:00');
    const sender = recordingSender([{ status: 'forbidden', reason: 'Forbidden: bot was kicked from the group chat' }]);
    scheduler(s, sender).start();
    await vi.advanceTimersByTimeAsync(minutes(3 * 24 * 60));
    expect(sender.calls).toBe(1);
    expect(s.subscriptions.get(-100)).toMatchObject({ active: false, deactivatedReason: 'Forbidden: bot was kicked from the group chat' });
    expect(s.chats.isBlocked(-100)).toBe(true);
    expect(s.deliveries.get(-100, '2024-05-01')).toMatchObject({ status: 'forbidden' });
  });

  it('delivers 1,000 subscribed chats once each, never more than 30 sends in any second', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T04:00:00Z') });
    const s = store();
    for (let i = 0; i < 1000; i += 1) s.subscriptions.subscribe(i % 2 === 0 ? 1_000 + i : -1_000 - i, '08:00');
    vi.setSystemTime(new Date('2024-05-01T04:59:00Z'));
    const sender = recordingSender();
    scheduler(s, sender).start();
    await vi.advanceTimersByTimeAsync(minutes(2));
    expect(sender.sent).toHaveLength(1000);
    expect(new Set(sender.sent.map((m) => m.chatId)).size).toBe(1000);
    const times = sender.sent.map((m) => m.at).sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while ((times[i] as number) - (times[j] as number) >= 1000) j += 1;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(30);
    // Spread, but all out within the minute.
    expect((times.at(-1) as number) - (times[0] as number)).toBeLessThan(60_000);
    expect(s.deliveries.forDate('2024-05-01').every((d) => d.status === 'sent')).toBe(true);
  });
});
