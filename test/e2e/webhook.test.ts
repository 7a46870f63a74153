/** End to end, webhook mode: our own HTTP server, the secret checked on every request, setWebhook as configured. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotStartError } from '../../src/bot/run.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { startFakeBotApi } from '../helpers/fake-bot-api.ts';

const SECRET = 'e2e_Secret-Token_42';
let h: BotHarness;
let port: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return free;
}

beforeAll(async () => {
  port = await freePort();
  h = await startBotHarness({
    engine: await sharedEngine(),
    // Telegram (and the fake) insist on https; TLS would end at a proxy in front of our plain-http server.
    env: { WEBHOOK_URL: `https://127.0.0.1:${port}/telegram/hook`, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1' },
  });
});
afterAll(async () => {
  await h?.stop();
});

describe('webhook mode', () => {
  it('registers the configured URL and secret with setWebhook, and does not poll', async () => {
    expect(h.running.mode).toBe('webhook');
    expect(h.api.webhook()).toEqual({ url: `https://127.0.0.1:${port}/telegram/hook`, secretToken: SECRET });
    const call = await h.api.waitForCall('setWebhook');
    expect(call.params.url).toBe(`https://127.0.0.1:${port}/telegram/hook`);
    expect(h.api.calls('getUpdates')).toEqual([]);
  });

  it('handles an update that carries the right secret', async () => {
    const update = h.api.sendPrivate('من يسيطر على المطار؟', { userId: 90_001 });
    const response = await h.api.deliverToWebhook(update);
    expect(response.status).toBe(200);
    const [reply] = await h.api.waitForMessages(90_001, 1, 10_000);
    expect(reply!.entities.some((e) => e.type === 'blockquote')).toBe(true);
  });

  it('serves /healthz without the secret: queues, inbox, outbox, last update, corpus size', async () => {
    const update = h.api.sendPrivate('من يسيطر على المطار؟', { userId: 90_010 });
    await h.api.deliverToWebhook(update);
    await h.api.waitForMessages(90_010, 1, 10_000);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    const health = await response.json() as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'ok',
      mode: 'webhook',
      queues: { chats: expect.any(Number), queued: 0, deepest: 0 },
      inboxPending: expect.any(Number),
      outbox: 0,
      lastPollAt: null,
      corpus: { articles: expect.any(Number), sentences: expect.any(Number) },
    });
    expect(Date.now() - Date.parse(String(health.lastUpdateAt))).toBeLessThan(10_000);
    expect(JSON.stringify(health)).not.toContain(SECRET);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'POST' })).status).toBe(403);
  });

  it('acknowledges a malformed or redelivered update, and handles neither', async () => {
    const update = h.api.sendPrivate('من يسيطر على المطار؟', { userId: 90_020 });
    expect((await h.api.deliverToWebhook(update)).status).toBe(200);
    await h.api.waitForMessages(90_020, 1, 10_000);
    expect((await h.api.deliverToWebhook(update)).status).toBe(200); // Telegram retrying a delivery
    const malformed = { ...update, update_id: update.update_id + 1000, message: { ...update.message, text: 42 } };
    expect((await h.api.deliverToWebhook(malformed as never)).status).toBe(200);
    const ping = h.api.sendPrivate('ping', { userId: 90_021 });
    await h.api.deliverToWebhook(ping);
    await h.api.waitForMessages(90_021, 1, 10_000);
    expect(h.api.sentMessages(90_020)).toHaveLength(1);
    expect(h.records().some((r) => r.msg === 'malformed update skipped' && r.updateId === malformed.update_id)).toBe(true);
  });

  it('answers 403 to a wrong or missing secret, and handles nothing', async () => {
    const wrong = h.api.sendPrivate('من يسيطر على المطار؟', { userId: 90_002 });
    expect((await h.api.deliverToWebhook(wrong, { secretToken: 'not-the-secret' })).status).toBe(403);
    expect((await h.api.deliverToWebhook(wrong, { secretToken: null })).status).toBe(403);
    // A right one afterwards shows the wrong ones were not queued behind it.
    const right = h.api.sendPrivate('ping', { userId: 90_003 });
    await h.api.deliverToWebhook(right);
    await h.api.waitForMessages(90_003, 1, 10_000);
    expect(h.api.sentMessages(90_002)).toEqual([]);
  });

  it('checks the secret before anything else, and refuses other paths and methods', async () => {
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await fetch(`${base}/telegram/hook`, { method: 'GET' })).status).toBe(403);
    const headers = { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json' };
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', headers, body: '{}' })).status).toBe(404);
    expect((await fetch(`${base}/telegram/hook`, { method: 'GET', headers })).status).toBe(405);
    expect((await fetch(`${base}/telegram/hook`, { method: 'POST', headers, body: 'not json' })).status).toBe(400);
  });

  it('answers callback buttons through the webhook too', async () => {
    const update = h.api.sendPrivate('ماذا يحدث في القامشلي؟', { userId: 90_004 });
    await h.api.deliverToWebhook(update);
    const replies = await h.api.waitForMessages(90_004, 1, 10_000);
    const withButton = replies.find((r) => r.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith('more:'))!;
    const click = h.api.clickButton(withButton, withButton.reply_markup!.inline_keyboard![0]![0]!.callback_data!, { userId: 90_004 });
    await h.api.deliverToWebhook(click);
    await h.api.waitForMessages(90_004, replies.length + 1, 10_000);
    await h.api.waitForCall('answerCallbackQuery', (p) => p.callback_query_id === click.callback_query!.id);
  });
});

describe('webhook URL', () => {
  it('is given to setWebhook exactly as configured, whatever its scheme, and a refusal stops the start clearly', async () => {
    const api = await startFakeBotApi();
    const hookPort = await freePort();
    const url = `http://127.0.0.1:${hookPort}/plain-http`;
    try {
      const error = await startBotHarness({
        engine: await sharedEngine(),
        api,
        env: { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, PORT: String(hookPort), HOST: '127.0.0.1' },
      }).catch((e: unknown) => e);
      // This stand-in insists on https like Telegram; a self-hosted Bot API server may accept http.
      expect(error).toBeInstanceOf(BotStartError);
      expect((error as Error).message).toContain(url);
      expect(api.calls('setWebhook').map((c) => c.params.url)).toEqual([url]);
      // The server it had opened is closed again.
      await expect(fetch(`http://127.0.0.1:${hookPort}/plain-http`, { method: 'POST' })).rejects.toThrow();
    } finally {
      await api.close();
    }
  });
});
