import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { isNetworkError, ReliableClient, RetriesExhaustedError, type RawCallApi } from '../../src/bot/client.ts';
import { runInDeliveryScope } from '../../src/bot/delivery-scope.ts';
import { OutgoingPacer, type Clock } from '../../src/bot/limiter.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { openStore } from '../../src/store/store.ts';

function telegramError(code: number, description: string, retryAfter?: number): TelegramError {
  return new TelegramError({
    error_code: code,
    description,
    ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
  });
}

function fetchError(): Error {
  const error = new Error('request to http://127.0.0.1/bot1:x/sendMessage failed, reason: socket hang up');
  error.name = 'FetchError';
  Object.assign(error, { code: 'ECONNRESET', type: 'system' });
  return error;
}

/** A clock whose sleeps pass instantly but are recorded, so retry delays can be checked exactly. */
function virtualClock(): Clock & { sleeps: number[]; time: number } {
  const clock = {
    time: 0,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

function setup(failures: unknown[], options: { maxAttempts?: number; maxRetryAfterSeconds?: number; deadlineSeconds?: number; outbox?: boolean } = {}) {
  const clock = virtualClock();
  const store = options.outbox ? openStore(':memory:', { now: () => new Date(clock.time) }) : undefined;
  const calls: { method: string; at: number }[] = [];
  const forbidden: [number | string, string][] = [];
  const raw: RawCallApi = async (method) => {
    calls.push({ method, at: clock.time });
    const failure = failures.shift();
    if (failure !== undefined) throw failure;
    return { ok: method };
  };
  const client = new ReliableClient({
    pacer: new OutgoingPacer({ privateChatPerSecond: 1, groupChatPerMinute: 20, globalPerSecond: 30 }, clock),
    retry: { maxAttempts: options.maxAttempts ?? 5, maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60, baseDelayMs: 100, deadlineSeconds: options.deadlineSeconds ?? 60 },
    logger: createLogger({ level: 'silent' }),
    onForbidden: (chatId, description) => forbidden.push([chatId, description]),
    ...(store === undefined ? {} : { outbox: store.outbox }),
    clock,
    random: () => 1,
  });
  return { client, raw, calls, clock, forbidden, outbox: store?.outbox };
}

const tooMany = (seconds: number) => telegramError(429, `Too Many Requests: retry after ${seconds}`, seconds);

describe('ReliableClient', () => {
  it('waits retry_after on 429 and retries', async () => {
    const { client, raw, calls } = setup([telegramError(429, 'Too Many Requests: retry after 3', 3)]);
    await expect(client.call(raw, 'sendMessage', { chat_id: 1, text: 'x' })).resolves.toEqual({ ok: 'sendMessage' });
    expect(calls.map((c) => c.at)).toEqual([0, 3000]);
  });

  it('waits out a chain of 429s without using up attempts', async () => {
    const { client, raw, calls } = setup(Array.from({ length: 10 }, () => tooMany(1)), { maxAttempts: 2 });
    await expect(client.call(raw, 'sendMessage', { chat_id: 1, text: 'x' })).resolves.toEqual({ ok: 'sendMessage' });
    expect(calls).toHaveLength(11);
    expect(calls.at(-1)!.at).toBe(10_000);
  });

  it('moves a message to the outbox once the waits would pass the deadline, and answers it as sent', async () => {
    const { client, raw, calls, outbox, clock } = setup(Array.from({ length: 10 }, () => tooMany(4)), { deadlineSeconds: 10, outbox: true });
    await expect(client.call(raw, 'sendMessage', { chat_id: 5, text: 'x', parse_mode: 'HTML' })).resolves.toBe(true);
    expect(calls.map((c) => c.at)).toEqual([0, 4000, 8000]); // 8000 + 4000 would pass the 10 s deadline
    const [entry] = outbox!.due(); // not due yet
    expect(entry).toBeUndefined();
    clock.time = 12_000;
    expect(outbox!.due()[0]).toMatchObject({ chatId: 5, method: 'sendMessage', params: { text: 'x', parse_mode: 'HTML' } });
  });

  it('sends a 429 longer than the longest wait straight to the outbox, and later messages to the chat behind it', async () => {
    const { client, raw, calls, outbox } = setup([tooMany(600)], { maxRetryAfterSeconds: 60, outbox: true });
    await expect(client.call(raw, 'sendMessage', { chat_id: 5, text: 'first' })).resolves.toBe(true);
    await expect(client.call(raw, 'sendMessage', { chat_id: 5, text: 'second' })).resolves.toBe(true);
    await client.call(raw, 'sendMessage', { chat_id: 6, text: 'other chat' });
    expect(calls).toHaveLength(2); // 'second' never tried before 'first'
    expect(outbox!.size()).toBe(2);
  });

  it('moves a message to the outbox when 5xx retries are used up', async () => {
    const { client, raw, calls, outbox } = setup(Array.from({ length: 10 }, () => telegramError(502, 'Bad Gateway')), { maxAttempts: 3, outbox: true });
    await expect(client.call(raw, 'sendMessage', { chat_id: 1, text: 'x' })).resolves.toBe(true);
    expect(calls).toHaveLength(3);
    expect(outbox!.size()).toBe(1);
  });

  it('never defers the outbox sender\'s own calls: their failure goes back to it', async () => {
    const { client, raw, outbox } = setup([tooMany(600)], { outbox: true });
    await expect(client.call(raw, 'sendMessage', { chat_id: 1, text: 'x' }, { fromOutbox: true })).rejects.toMatchObject({ code: 429 });
    expect(outbox!.size()).toBe(0);
  });

  it('reports each delivered message to the update\'s scope, and skips those delivered before a restart', async () => {
    const { client, raw, calls } = setup([]);
    let delivered = 0;
    const scope = { updateId: 9, skip: 1, delivered: () => { delivered += 1; } };
    await runInDeliveryScope(scope, async () => {
      await client.call(raw, 'sendMessage', { chat_id: 1, text: 'part 1' });
      await client.call(raw, 'sendMessage', { chat_id: 1, text: 'part 2' });
      await client.call(raw, 'answerCallbackQuery', { callback_query_id: 'q' });
    });
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'answerCallbackQuery']); // part 1 skipped
    expect(delivered).toBe(2);
  });

  it('keeps later messages to a chat behind a 429 pause', async () => {
    const { client, raw, calls } = setup([telegramError(429, 'Too Many Requests: retry after 5', 5)]);
    await client.call(raw, 'sendMessage', { chat_id: 1, text: 'a' });
    await client.call(raw, 'sendMessage', { chat_id: 1, text: 'b' });
    // 0: refused; 5000: retried; the next message still keeps a second's distance.
    expect(calls.map((c) => c.at)).toEqual([0, 5000, 6000]);
  });

  it('retries 5xx with exponential backoff', async () => {
    const { client, raw, calls, clock } = setup([telegramError(502, 'Bad Gateway'), telegramError(500, 'Internal Server Error')]);
    await expect(client.call(raw, 'answerCallbackQuery', { callback_query_id: 'q' })).resolves.toBeDefined();
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it('retries network errors', async () => {
    const { client, raw, calls } = setup([fetchError()]);
    await client.call(raw, 'getMe', {});
    expect(calls).toHaveLength(2);
  });

  it('gives up after maxAttempts, keeping the last error', async () => {
    const { client, raw, calls } = setup(Array.from({ length: 10 }, () => telegramError(502, 'Bad Gateway')), { maxAttempts: 3 });
    const error = await client.call(raw, 'sendMessage', { chat_id: 1, text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect((error as RetriesExhaustedError).cause).toBeInstanceOf(TelegramError);
    expect(calls).toHaveLength(3);
  });

  it('without an outbox, does not wait for a retry_after longer than allowed', async () => {
    const { client, raw, calls } = setup([telegramError(429, 'Too Many Requests: retry after 600', 600)], { maxRetryAfterSeconds: 60 });
    await expect(client.call(raw, 'sendMessage', { chat_id: 1, text: 'x' })).rejects.toBeInstanceOf(TelegramError);
    expect(calls).toHaveLength(1);
  });

  it('treats 403 as final and reports the chat', async () => {
    const { client, raw, calls, forbidden } = setup([telegramError(403, 'Forbidden: bot was blocked by the user')]);
    await expect(client.call(raw, 'sendMessage', { chat_id: 77, text: 'x' })).rejects.toMatchObject({ code: 403 });
    expect(calls).toHaveLength(1);
    expect(forbidden).toEqual([[77, 'Forbidden: bot was blocked by the user']]);
  });

  it('ignores "message is not modified"', async () => {
    const { client, raw } = setup([telegramError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same')]);
    await expect(client.call(raw, 'editMessageText', { chat_id: 1, message_id: 2, text: 'x' })).resolves.toBe(true);
  });

  it('does not retry other 400s', async () => {
    const { client, raw, calls } = setup([telegramError(400, "Bad Request: can't parse entities")]);
    await expect(client.call(raw, 'sendMessage', { chat_id: 1, text: '<b' })).rejects.toMatchObject({ code: 400 });
    expect(calls).toHaveLength(1);
  });

  it('retries long polling but hands the last error back unwrapped, for telegraf\'s polling loop', async () => {
    const { client, raw, calls } = setup([telegramError(502, 'Bad Gateway')]);
    await expect(client.call(raw, 'getUpdates', { timeout: 50 })).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
    const failing = setup(Array.from({ length: 9 }, () => telegramError(502, 'Bad Gateway')), { maxAttempts: 2 });
    await expect(failing.client.call(failing.raw, 'getUpdates', { timeout: 50 })).rejects.toBeInstanceOf(TelegramError);
  });

  it('does not let a server that ignores the long-poll timeout make polling spin', async () => {
    const { client, clock } = setup([]);
    const empty: RawCallApi = async () => [];
    await client.call(empty, 'getUpdates', { timeout: 50 });
    expect(clock.sleeps).toEqual([250]);
    await client.call(empty, 'getUpdates', { offset: 5, limit: 1 }); // no long poll asked: no pause
    const full: RawCallApi = async () => [{ update_id: 1 }];
    await client.call(full, 'getUpdates', { timeout: 50 }); // updates: no pause
    expect(clock.sleeps).toEqual([250]);
  });

  it('does not retry a call whose signal was aborted (polling stopped)', async () => {
    const { client, raw, calls } = setup([fetchError()]);
    const controller = new AbortController();
    controller.abort();
    await expect(client.call(raw, 'getUpdates', {}, { signal: controller.signal })).rejects.toThrow();
    expect(calls).toHaveLength(1);
  });

  it('paces messages per chat but not callback answers', async () => {
    const { client, raw, calls } = setup([]);
    await client.call(raw, 'sendMessage', { chat_id: 1, text: 'a' });
    await client.call(raw, 'answerCallbackQuery', { callback_query_id: 'q' });
    await client.call(raw, 'editMessageText', { chat_id: 1, message_id: 1, text: 'b' });
    expect(calls.map((c) => [c.method, c.at])).toEqual([['sendMessage', 0], ['answerCallbackQuery', 0], ['editMessageText', 1000]]);
  });

  it('replaces a telegraf Telegram instance\'s callApi once', async () => {
    const { client } = setup([]);
    const seen: string[] = [];
    const telegram = { callApi: async (method: string) => { seen.push(method); return true; } };
    client.install(telegram as never);
    client.install(telegram as never);
    await telegram.callApi('getMe');
    expect(seen).toEqual(['getMe']);
  });
});

describe('isNetworkError', () => {
  it('recognises fetch and socket errors but not aborts or API errors', () => {
    expect(isNetworkError(fetchError())).toBe(true);
    expect(isNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(isNetworkError(abort)).toBe(false);
    expect(isNetworkError(telegramError(502, 'Bad Gateway'))).toBe(false);
    expect(isNetworkError(new TypeError('bug'))).toBe(false);
  });
});
