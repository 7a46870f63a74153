import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/logger.ts';
import { OUTBOX_MAX_AGE_MS, OutboxSender } from '../../src/bot/outbox-sender.ts';
import { openStore } from '../../src/store/store.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

function setup(reply: (method: string, payload: Record<string, unknown>) => unknown) {
  let now = 1_000_000;
  const store = openStore(':memory:', { now: () => new Date(now) });
  const sent: Record<string, unknown>[] = [];
  const sender = new OutboxSender({
    outbox: store.outbox,
    send: async (method, payload) => {
      sent.push({ method, ...payload });
      return reply(method, payload);
    },
    logger: createLogger({ level: 'silent' }),
    clock: { now: () => now, sleep: async () => undefined },
    baseDelayMs: 1000,
  });
  return { store, sender, sent, advance: (ms: number) => { now += ms; }, now: () => now };
}

const apiError = (code: number, description: string, retryAfter?: number) =>
  new TelegramError({ error_code: code, description, ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }) });

describe('OutboxSender', () => {
  it('sends what is due, in order per chat, with chat_id, and empties the outbox', async () => {
    const { store, sender, sent } = setup(() => true);
    store.outbox.enqueue(5, { params: { text: 'a' } });
    store.outbox.enqueue(5, { params: { text: 'b', parse_mode: 'HTML' } });
    store.outbox.enqueue(-100, { method: 'sendMessage', params: { text: 'group' } });
    sender.start();
    await tick();
    await sender.stop();
    expect(sent.filter((m) => m.chat_id === 5).map((m) => m.text)).toEqual(['a', 'b']);
    expect(sent).toContainEqual({ method: 'sendMessage', chat_id: -100, text: 'group' });
    expect(store.outbox.size()).toBe(0);
    expect(sender.delivered).toBe(3);
  });

  it('on 429 keeps the entry (and the chat behind it) until retry_after has passed', async () => {
    let refuse = true;
    const { store, sender, sent, advance } = setup(() => {
      if (refuse) throw apiError(429, 'Too Many Requests: retry after 30', 30);
      return true;
    });
    store.outbox.enqueue(5, { params: { text: 'a' } });
    store.outbox.enqueue(5, { params: { text: 'b' } });
    sender.start();
    await tick();
    expect(sent.map((m) => m.text)).toEqual(['a']);
    expect(store.outbox.size()).toBe(2);
    expect(store.outbox.due()).toEqual([]);
    refuse = false;
    advance(30_000);
    sender.wake();
    await tick();
    await sender.stop();
    expect(sent.map((m) => m.text)).toEqual(['a', 'a', 'b']);
    expect(store.outbox.size()).toBe(0);
  });

  it('drops a blocked chat\'s entries on 403, a refused entry on 400, and entries too old to matter', async () => {
    const { store, sender, sent, advance } = setup((_method, payload) => {
      if (payload.chat_id === 7) throw apiError(403, 'Forbidden: bot was blocked by the user');
      if (payload.text === 'bad') throw apiError(400, "Bad Request: can't parse entities");
      return true;
    });
    store.outbox.enqueue(9, { params: { text: 'stale' } });
    advance(OUTBOX_MAX_AGE_MS + 1);
    store.outbox.enqueue(7, { params: { text: 'x' } });
    store.outbox.enqueue(7, { params: { text: 'y' } });
    store.outbox.enqueue(8, { params: { text: 'bad' } });
    store.outbox.enqueue(8, { params: { text: 'good' } });
    sender.start();
    await tick();
    await sender.stop();
    expect(sent.map((m) => m.text)).toEqual(expect.arrayContaining(['x', 'bad', 'good']));
    expect(sent.map((m) => m.text)).not.toContain('stale');
    expect(sent.map((m) => m.text)).not.toContain('y');
    expect(store.outbox.size()).toBe(0);
  });

  it('backs off after a network failure and tries again later', async () => {
    let fail = true;
    const { store, sender, sent, advance } = setup(() => {
      if (fail) throw Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
      return true;
    });
    store.outbox.enqueue(5, { params: { text: 'a' } });
    sender.start();
    await tick();
    expect(store.outbox.due()).toEqual([]);
    fail = false;
    advance(1000);
    sender.wake();
    await tick();
    await sender.stop();
    expect(sent).toHaveLength(2);
    expect(store.outbox.size()).toBe(0);
  });
});
