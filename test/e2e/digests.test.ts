/**
 * End to end, daily digests: the real bot and scheduler over HTTP against the fake Bot API. The
 * scheduler checks every second here and reads a clock the test moves forward, so "the next minute"
 * comes without waiting for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../src/schedule/time.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

async function start(api: FakeBotApi, dataDir: string): Promise<BotHarness> {
  const h = await startBotHarness({ engine: await sharedEngine(), api, dataDir, digests: { pattern: '* * * * * *', now: clock } });
  cleanups.push(() => h.stop());
  return h;
}

async function setup(): Promise<{ api: FakeBotApi; dataDir: string }> {
  const api = await startFakeBotApi();
  const dataDir = mkdtempSync(join(tmpdir(), 'qamishli-digest-e2e-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }), () => api.close());
  offsetMs = 0;
  return { api, dataDir };
}

/** `HH:MM` in Damascus (the default zone) at least a minute from now. */
function nextMinute(): string {
  const t = new Date(Date.now() + 120_000);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Damascus', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
  return parts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isDigest = (text: string) => text.startsWith('ملخص القامشلي');

describe('daily digests', () => {
  it('subscribes a group (a non-admin refused first), delivers exactly one digest, and none again after a restart', async () => {
    const { api, dataDir } = await setup();
    let h = await start(api, dataDir);
    const group = -1_001_700_000_001;
    const time = nextMinute();

    api.sendCommand('subscribe', time, { chat: 'group', chatId: group, userId: 30_001 });
    const [refusal] = await api.waitForMessages(group, 1, 10_000);
    expect(refusal!.plain_text).toContain('مشرفو المجموعة فقط');
    expect(h.store.subscriptions.get(group)).toBeNull();

    api.setMemberStatus(group, 30_002, 'administrator');
    api.sendCommand('subscribe', time, { chat: 'group', chatId: group, userId: 30_002 });
    const confirmed = await api.waitForMessages(group, 2, 10_000);
    expect(confirmed[1]!.plain_text).toContain(time);
    expect(api.calls('getChatMember').map((c) => c.params.user_id)).toEqual([30_001, 30_002]);
    expect(h.store.subscriptions.get(group)).toMatchObject({ localTime: time, active: true });

    await sleep(1500);
    expect(api.sentMessages(group).filter((m) => isDigest(m.plain_text))).toEqual([]);
    offsetMs = 180_000; // the subscribed minute has come
    const withDigest = await api.waitForMessages(group, 3, 10_000);
    const digest = withDigest[2]!;
    expect(isDigest(digest.plain_text)).toBe(true);
    expect(digest.entities.filter((e) => e.type === 'blockquote').length).toBeGreaterThanOrEqual(3);
    expect(digest.plain_text.length).toBeLessThanOrEqual(4096);
    await sleep(2500); // a few more checks
    expect(api.sentMessages(group).filter((m) => isDigest(m.plain_text))).toHaveLength(1);

    await h.stop();
    h = await start(api, dataDir);
    await sleep(3000);
    expect(api.sentMessages(group).filter((m) => isDigest(m.plain_text))).toHaveLength(1);
    expect(h.store.deliveries.forChat(group)).toEqual([
      expect.objectContaining({ localDate: localDate(clock(), 'Asia/Damascus'), status: 'sent', attempts: 1 }),
    ]);
  });

  it('a 429 is waited out and the digest still arrives once; a 403 deactivates the subscription', async () => {
    const { api, dataDir } = await setup();
    const h = await start(api, dataDir);
    const time = nextMinute();
    api.sendCommand('subscribe', time, { userId: 30_010 });
    api.sendCommand('subscribe', time, { userId: 30_011 });
    await api.waitForMessages(30_010, 1, 10_000);
    await api.waitForMessages(30_011, 1, 10_000);
    api.failNext('sendMessage', { code: 429, retryAfter: 1 });
    api.blockBot(30_011);
    offsetMs = 180_000;
    const messages = await api.waitForMessages(30_010, 2, 15_000);
    expect(isDigest(messages[1]!.plain_text)).toBe(true);
    await sleep(2500);
    expect(api.sentMessages(30_010).filter((m) => isDigest(m.plain_text))).toHaveLength(1);
    expect(h.store.subscriptions.get(30_011)).toMatchObject({ active: false });
    expect(h.store.chats.isBlocked(30_011)).toBe(true);
  });

  it('removed from a group stops its digest; added back, asks an admin to subscribe again', async () => {
    const { api, dataDir } = await setup();
    const h = await start(api, dataDir);
    const group = -1_001_700_000_002;
    api.sendCommand('subscribe', '07:00', { chat: 'group', chatId: group, userId: 30_020 });
    api.setMemberStatus(group, 30_020, 'creator');
    await api.waitForMessages(group, 1, 10_000);
    expect(h.store.subscriptions.get(group)?.active).toBe(true);
    const membership = (oldStatus: string, newStatus: string) => ({
      my_chat_member: {
        chat: { id: group, type: 'supergroup', title: 'Qamishli news' },
        from: { id: 30_020, is_bot: false, first_name: 'Admin' },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: oldStatus, user: { id: api.bot.id, is_bot: true, first_name: api.bot.first_name } },
        new_chat_member: { status: newStatus, user: { id: api.bot.id, is_bot: true, first_name: api.bot.first_name } },
      },
    });
    api.pushUpdate(membership('member', 'kicked'));
    const deadline = Date.now() + 5000;
    while (h.store.subscriptions.get(group)?.active !== false && Date.now() < deadline) await sleep(50);
    expect(h.store.subscriptions.get(group)).toMatchObject({ active: false, deactivatedReason: 'my_chat_member: kicked' });
    api.pushUpdate(membership('left', 'member'));
    const messages = await api.waitForMessages(group, 2, 10_000);
    expect(messages[1]!.plain_text).toContain('/subscribe');
  });

  it('settings, time zone and language in a private chat, in Arabic and English', async () => {
    const { api, dataDir } = await setup();
    const h = await start(api, dataDir);
    const user = 30_030;
    api.sendCommand('timezone', 'Mars/Olympus', { userId: user });
    api.sendCommand('timezone', 'europe/berlin', { userId: user });
    api.sendCommand('lang', 'en', { userId: user });
    api.sendCommand('subscribe', '25:00', { userId: user });
    api.sendCommand('subscribe', '7:30', { userId: user });
    api.sendCommand('settings', undefined, { userId: user });
    const replies = (await api.waitForMessages(user, 6, 10_000)).map((m) => m.plain_text);
    expect(replies[0]).toContain('Mars/Olympus');
    expect(replies[1]).toContain('Europe/Berlin');
    expect(replies[2]).toContain('English');
    expect(replies[3]).toContain('24-hour');
    expect(replies[4]).toContain('07:30 (Europe/Berlin)');
    expect(replies[5]).toMatch(/every day at 07:30[\s\S]*Europe\/Berlin[\s\S]*English/);
    expect(h.store.settings.get(user)).toEqual({ chatId: user, language: 'en', timezone: 'Europe/Berlin' });
    expect(api.calls('getChatMember')).toEqual([]); // private chats need no admin check
  });

  it('records 👍 / 👎 under an answer with its question and cited sentences', async () => {
    const { api, dataDir } = await setup();
    const h = await start(api, dataDir);
    api.sendPrivate('من يسيطر على المطار؟', { userId: 30_040 });
    const [answer] = await api.waitForMessages(30_040, 1, 10_000);
    const markup = answer!.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    const down = (markup?.inline_keyboard ?? []).flat().find((b) => b.text === '👎');
    expect(down?.callback_data).toMatch(/^fb:\d+:d$/);
    api.clickButton(answer!, down!.callback_data!, { userId: 30_040 });
    await api.waitForCall('answerCallbackQuery');
    expect(h.store.feedback.report()).toEqual([
      expect.objectContaining({ question: 'من يسيطر على المطار؟', down: 1, up: 0, sentenceIds: expect.arrayContaining([expect.stringMatching(/#\d+$/)]) }),
    ]);
  });
});
