/**
 * End to end, against the loopback Bot API (which keeps updates until a later getUpdates confirms
 * them): one user flooding, a group overflowing, chains of 429s, a 429 longer than the bot waits,
 * redelivered and malformed updates. Nobody else loses or waits for an answer; the bot stays up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOOD_NOTICE } from '../../src/views/texts.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { fakeEngine } from '../helpers/fake-engine.ts';

/** Telegram's and the bot's real limits, not the loosened test defaults. */
const REAL_LIMITS = {
  RATE_USER_QUESTIONS_PER_SECOND: '1',
  RATE_USER_QUESTION_BURST: '3',
  RATE_PRIVATE_CHAT_PER_SECOND: '1',
  RATE_GROUP_CHAT_PER_MINUTE: '20',
  RATE_GLOBAL_PER_SECOND: '30',
};

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitUntil: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one user flooding', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ engine: fakeEngine(), env: REAL_LIMITS });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('300 private messages from one user: another user is answered within 5 s, the flooder told once', async () => {
    const flooder = 80_001;
    const other = 80_002;
    for (let i = 0; i < 300; i += 1) h.api.sendPrivate(`who controls the airport? ${i}`, { userId: flooder, languageCode: 'en' });
    await waitUntil(() => h.api.calls('getUpdates').some((c) => Array.isArray(c.result) && c.result.length > 0));
    const asked = Date.now();
    h.api.sendPrivate('who controls the airport?', { userId: other });
    await h.api.waitForMessages(other, 1, 5_000);
    expect(Date.now() - asked).toBeLessThan(5_000);

    // Every one of the 300 updates was taken and confirmed: polling never stopped.
    await waitUntil(() => h.api.pendingUpdates().length === 0);
    // The flooder's allowed questions (the burst, and what refilled meanwhile) and one notice, no more.
    await sleep(3_000);
    const toFlooder = h.api.sentMessages(flooder);
    const notices = toFlooder.filter((m) => m.plain_text === FLOOD_NOTICE.en);
    expect(notices).toHaveLength(1);
    const answers = toFlooder.filter((m) => m.plain_text !== FLOOD_NOTICE.en && m.plain_text.startsWith('On control'));
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.length).toBeLessThanOrEqual(10);
    const refused = h.records().filter((r) => r.msg === 'flood guard dropped a request on arrival' && r.userId === flooder);
    expect(refused.length).toBeGreaterThan(250);

    // Alive, and the flooder is heard again once calm.
    await sleep(3_100);
    h.api.sendPrivate('who controls the airport?', { userId: flooder, languageCode: 'en' });
    await waitUntil(() => h.api.sentMessages(flooder).length > toFlooder.length, 10_000);
  }, 30_000);
});

describe('a group overflowing its queue', () => {
  it('serves the queue in order, one notice, the rest dropped and counted', async () => {
    const h = await startBotHarness({
      engine: fakeEngine(),
      env: { ...REAL_LIMITS, RATE_GROUP_CHAT_PER_MINUTE: '600', CHAT_QUEUE_LIMIT: '3' },
    });
    try {
      const group = -1_008_000_000_001;
      // Thirty different people each asking once: the flood guard lets each through; the queue cap does not.
      for (let i = 0; i < 30; i += 1) {
        h.api.sendGroup(`@${h.api.bot.username} who controls the airport?`, { chatId: group, userId: 81_000 + i, languageCode: 'en' });
      }
      await waitUntil(() => h.records().some((r) => r.msg === 'chat queue full; dropping its updates until it drains'));
      h.api.sendPrivate('who controls the airport?', { userId: 81_999 });
      await h.api.waitForMessages(81_999, 1, 5_000);
      await waitUntil(() => h.records().filter((r) => r.msg === 'question answered').length >= 5, 10_000);
      await sleep(500);
      const sent = h.api.sentMessages(group);
      expect(sent.filter((m) => m.plain_text === FLOOD_NOTICE.en)).toHaveLength(1);
      // One being handled and three waiting when the flood came; the other 26 dropped.
      expect(sent.filter((m) => m.plain_text.startsWith('On control'))).toHaveLength(4);
      expect(h.records().filter((r) => r.msg === 'chat queue full; dropping its updates until it drains')).toHaveLength(1);
    } finally {
      await h.stop();
    }
  }, 30_000);
});

describe('429 is a wait, not a failure', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ engine: fakeEngine(), env: { RETRY_MAX_ATTEMPTS: '5', RETRY_MAX_WAIT_SECONDS: '5' } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const sends = (chatId: number) => h.api.calls('sendMessage').filter((c) => c.params.chat_id === chatId);

  it('ten 429s in a row, then success: answered once', async () => {
    const user = 82_001;
    h.api.failNext('sendMessage', { code: 429, retryAfter: 1 }, 10);
    h.api.sendPrivate('who controls the airport?', { userId: user });
    const [answer] = await h.api.waitForMessages(user, 1, 20_000);
    expect(answer!.plain_text).toMatch(/^On control/);
    expect(sends(user).map((c) => c.status)).toEqual([...Array.from({ length: 10 }, () => 429), 200]);
    await sleep(300);
    expect(h.api.sentMessages(user)).toHaveLength(1);
  }, 30_000);

  it('a 429 longer than the bot waits: the answer waits in the outbox and arrives when allowed', async () => {
    const user = 82_002;
    h.api.failNext('sendMessage', { code: 429, retryAfter: 7 });
    h.api.sendPrivate('who controls the airport?', { userId: user });
    await waitUntil(() => h.store.outbox.size() === 1);
    const [answer] = await h.api.waitForMessages(user, 1, 15_000);
    expect(answer!.plain_text).toMatch(/^On control/);
    const [refused, delivered] = sends(user);
    expect(delivered!.at - refused!.at).toBeGreaterThanOrEqual(6_900);
    await waitUntil(() => h.store.outbox.size() === 0);
    expect(h.api.sentMessages(user)).toHaveLength(1);
  }, 30_000);

  it('messages to a chat waiting in the outbox keep their order', async () => {
    const user = 82_003;
    h.api.failNext('sendMessage', { code: 429, retryAfter: 6 });
    h.api.sendPrivate('who controls the airport? first', { userId: user });
    await waitUntil(() => h.store.outbox.size() === 1);
    h.api.sendPrivate('/help', { userId: user });
    const [first, second] = await h.api.waitForMessages(user, 2, 15_000);
    expect(first!.plain_text).toMatch(/^On control/);
    expect(second!.plain_text).not.toMatch(/^On control/);
  }, 30_000);
});

describe('redelivered and malformed updates', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ engine: fakeEngine() });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('never answers one update_id twice', async () => {
    const user = 83_001;
    const update = h.api.sendPrivate('who controls the airport?', { userId: user });
    await h.api.waitForMessages(user, 1);
    h.api.pushUpdate(update); // Telegram sending it again (e.g. its confirmation was lost)
    await waitUntil(() => h.records().some((r) => r.msg === 'update already received; not handled twice' && r.updateId === update.update_id));
    await sleep(200);
    expect(h.api.sentMessages(user)).toHaveLength(1);
  });

  it('the one duplicate window: a message delivered whose response was lost is sent again, that message only', async () => {
    const user = 83_002;
    h.api.failNext('sendMessage', { responseLost: true });
    h.api.sendPrivate('who controls the airport?', { userId: user });
    await h.api.waitForMessages(user, 2);
    await sleep(300);
    const sent = h.api.sentMessages(user).map((m) => m.plain_text);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(sent[1]);
  });

  it('logs and skips updates outside the Bot API schema, quietly, and keeps serving', async () => {
    const chat = { id: 83_010, type: 'private', first_name: 'X' };
    const from = { id: 83_010, is_bot: false, first_name: 'X' };
    const malformed = [
      { message: { message_id: 1, date: 0, chat, from, text: 'hi', entities: { type: 'bold', offset: 0, length: 2 } } },
      { message: { message_id: 2, date: 0, chat, from, text: 42 } },
      { message: { message_id: 3, date: 0, chat: { id: 'x', type: 'private' }, from, text: 'hi' } },
      { message: { message_id: 4, date: 0, chat, from, text: 'hi', entities: [{ type: 'bold', offset: -1, length: 'x' }] } },
      { callback_query: { id: 'q1', data: 'more:x' } },
      { message: 'not a message' },
      { my_chat_member: { chat, from, date: 0, new_chat_member: 'kicked' } },
    ];
    const ids = malformed.map((raw) => h.api.pushUpdate(raw).update_id);
    await waitUntil(() => h.records().filter((r) => r.msg === 'malformed update skipped').length >= malformed.length);
    const skipped = h.records().filter((r) => r.msg === 'malformed update skipped');
    expect(skipped.map((r) => r.updateId)).toEqual(ids);
    expect(JSON.stringify(skipped)).not.toContain('hi'); // the problems name fields, not what people wrote
    h.api.sendPrivate('who controls the airport?', { userId: 83_011 });
    await h.api.waitForMessages(83_011, 1);
    expect(h.api.sentMessages(83_010)).toEqual([]); // no apology, no TypeError
    expect(h.records().filter((r) => r.msg === 'error while handling an update')).toEqual([]);
    await waitUntil(() => h.api.pendingUpdates().length === 0); // confirmed, so Telegram stops resending them
  });

  it('logs a health line with queues, inbox, outbox, last poll and corpus size', async () => {
    const p = await startBotHarness({ engine: fakeEngine(), env: { HEALTH_LOG_SECONDS: '10' } });
    try {
      p.api.sendPrivate('who controls the airport?', { userId: 83_020 });
      await p.api.waitForMessages(83_020, 1);
      await waitUntil(() => p.records().some((r) => r.msg === 'health'), 15_000);
      const health = p.records().find((r) => r.msg === 'health')!;
      expect(health).toMatchObject({
        status: 'ok',
        mode: 'polling',
        queues: { chats: 0, queued: 0, active: 0 },
        inboxPending: 0,
        outbox: 0,
        corpus: { articles: 1, sentences: 7 },
      });
      expect(Date.now() - Date.parse(String(health.lastPollAt))).toBeLessThan(15_000);
    } finally {
      await p.stop();
    }
  }, 30_000);
});
