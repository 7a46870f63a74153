/**
 * End to end, when Telegram misbehaves: 429 with retry_after, 502, dropped connections, 403 (blocked,
 * kicked), "message is not modified", floods, failing handlers, and the token kept out of the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotStartError, startBot } from '../../src/bot/run.ts';
import { createBot } from '../../src/bot/create-bot.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/store.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { FAST_ENV, startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { fakeEngine } from '../helpers/fake-engine.ts';
import { startFakeBotApi } from '../helpers/fake-bot-api.ts';

let h: BotHarness;
let nextUser = 60_000;
const newUser = (): number => ++nextUser;

beforeAll(async () => {
  h = await startBotHarness({ engine: await sharedEngine(), env: { RETRY_MAX_ATTEMPTS: '4' } });
});
afterAll(async () => {
  await h?.stop();
});

function sendCalls(chatId: number) {
  return h.api.calls('sendMessage').filter((c) => c.params.chat_id === chatId);
}

describe('outgoing failures', () => {
  it('waits retry_after on 429 and then delivers the answer', async () => {
    const user = newUser();
    h.api.failNext('sendMessage', { code: 429, retryAfter: 1 });
    h.api.sendPrivate('من يسيطر على المطار؟', { userId: user });
    await h.api.waitForMessages(user, 1, 10_000);
    const [refused, delivered] = sendCalls(user);
    expect(refused?.status).toBe(429);
    expect(delivered?.status).toBe(200);
    expect(delivered!.at - refused!.at).toBeGreaterThanOrEqual(950);
  });

  it('still answers, in plain text, if Telegram refuses the HTML', async () => {
    const user = newUser();
    h.api.failNext('sendMessage', { code: 400, description: "Bad Request: can't parse entities: unsupported start tag" });
    h.api.sendPrivate('من يسيطر على المطار؟', { userId: user });
    const [reply] = await h.api.waitForMessages(user, 1, 10_000);
    const [refused, plain] = sendCalls(user);
    expect(refused?.status).toBe(400);
    expect(plain?.status).toBe(200);
    expect(plain?.params.parse_mode).toBeUndefined();
    expect(reply!.plain_text).toContain('كما تسيطر “الوحدات” على كامل مدينة القامشلي');
    expect(reply!.plain_text).not.toMatch(/<\/?(blockquote|b|i)>/);
  });

  it('retries 502 and dropped connections with backoff', async () => {
    const user = newUser();
    h.api.failNext('sendMessage', { code: 502 }, 2);
    h.api.failNext('sendMessage', { networkError: true });
    h.api.sendPrivate('Who controls the airport?', { userId: user });
    await h.api.waitForMessages(user, 1, 10_000);
    expect(sendCalls(user).map((c) => c.status)).toEqual([502, 502, 0, 200]);
  });

  it('does not hold other chats back while one waits out a 429', async () => {
    const slow = newUser();
    const fast = newUser();
    h.api.failNext('sendMessage', { code: 429, retryAfter: 2 });
    h.api.sendPrivate('من يسيطر على المطار؟', { userId: slow });
    await h.api.waitForCall('sendMessage', (p, call) => p.chat_id === slow && call.status === 429);
    const started = Date.now();
    h.api.sendPrivate('Who controls the airport?', { userId: fast });
    await h.api.waitForMessages(fast, 1, 10_000);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(h.api.sentMessages(slow)).toEqual([]);
    await h.api.waitForMessages(slow, 1, 10_000);
  });

  it('after the configured attempts, keeps the answer in the outbox and delivers it later, serving others meanwhile', async () => {
    const user = newUser();
    h.api.failNext('sendMessage', { code: 502 }, 4);
    h.api.sendPrivate('من يسيطر على المطار؟', { userId: user });
    await waitUntil(() => h.records().some((r) => r.msg === 'message queued in the outbox' && r.chatId === user));
    const other = newUser();
    h.api.sendPrivate('من يسيطر على المطار؟', { userId: other });
    await h.api.waitForMessages(other, 1, 10_000);
    const [answer] = await h.api.waitForMessages(user, 1, 10_000);
    expect(answer!.plain_text).toContain('كما تسيطر “الوحدات” على كامل مدينة القامشلي');
    await waitUntil(() => h.store.outbox.size() === 0);
    const statuses = sendCalls(user).map((c) => c.status);
    expect(statuses.slice(0, 5)).toEqual([502, 502, 502, 502, 200]);
    expect(statuses.slice(5).every((s) => s === 200)).toBe(true);
  });

  it('treats 403 as final and records the blocked chat', async () => {
    const user = newUser();
    h.api.sendPrivate('hello?', { userId: user });
    await h.api.waitForMessages(user, 1, 10_000);
    h.api.blockBot(user);
    h.api.sendPrivate('من يسيطر على المطار؟', { userId: user });
    await waitUntil(() => h.store.chats.isBlocked(user));
    expect(h.store.chats.get(user)?.blockedReason).toMatch(/blocked by the user/);
    expect(sendCalls(user).filter((c) => c.status === 403)).toHaveLength(1); // never retried
  });

  it('records being removed from a group (my_chat_member), and forgets it when re-added', async () => {
    const group = -1_009_000_000_001;
    const bot = { id: h.api.bot.id, is_bot: true, first_name: h.api.bot.first_name, username: h.api.bot.username };
    const member = (status: string) => ({
      my_chat_member: {
        chat: { id: group, type: 'supergroup', title: 'Test group' },
        from: { id: 10_001, is_bot: false, first_name: 'Admin' },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: bot, status: status === 'kicked' ? 'member' : 'kicked' },
        new_chat_member: { user: bot, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      },
    });
    h.api.pushUpdate(member('kicked'));
    await waitUntil(() => h.store.chats.isBlocked(group));
    h.api.pushUpdate(member('member'));
    await waitUntil(() => !h.store.chats.isBlocked(group));
  });

  it('ignores "message is not modified" when a button is pressed twice', async () => {
    const user = newUser();
    h.api.sendPrivate('ماذا يحدث في القامشلي؟', { userId: user });
    const replies = await h.api.waitForMessages(user, 1, 10_000);
    const withButton = replies.find((r) => r.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith('more:'))!;
    const data = withButton.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    h.api.clickButton(withButton, data, { userId: user });
    h.api.clickButton(withButton, data, { userId: user });
    await h.api.waitForMessages(user, replies.length + 2, 10_000);
    await waitUntil(() => h.api.unansweredCallbackQueries().length === 0);
    const edits = h.api.calls('editMessageReplyMarkup').filter((c) => c.params.chat_id === user);
    expect(edits.map((c) => c.status).sort()).toEqual([200, 400]);
    expect(edits.find((c) => c.status === 400)?.description).toMatch(/message is not modified/);
    const failures = h.records().filter((r) => r.msg === 'a Telegram call failed while handling an update'
      && JSON.stringify(r).includes('not modified'));
    expect(failures).toEqual([]);
  });

  it('still shows "more" when the callback query is too old to answer and the button cannot be removed', async () => {
    const user = newUser();
    h.api.sendPrivate('ماذا يحدث في القامشلي؟', { userId: user });
    const replies = await h.api.waitForMessages(user, 1, 10_000);
    const withButton = replies.find((r) => r.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith('more:'))!;
    h.api.failNext('answerCallbackQuery', { code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' });
    h.api.failNext('editMessageReplyMarkup', { code: 400, description: 'Bad Request: message to edit not found' });
    h.api.clickButton(withButton, withButton.reply_markup!.inline_keyboard![0]![0]!.callback_data!, { userId: user });
    const after = await h.api.waitForMessages(user, replies.length + 1, 10_000);
    expect(after.at(-1)!.entities.some((e) => e.type === 'blockquote')).toBe(true);
  });

  it('sends a timeline page anew when the old message cannot be edited', async () => {
    const user = newUser();
    h.api.sendCommand('timeline', undefined, { chat: 'private', userId: user, languageCode: 'en' });
    const [page] = await h.api.waitForMessages(user, 1, 10_000);
    const next = page!.reply_markup?.inline_keyboard?.[0]?.find((b) => b.callback_data?.startsWith('tl:'));
    expect(next, 'the real corpus has more than one page of events').toBeDefined();
    h.api.failNext('editMessageText', { code: 400, description: "Bad Request: message can't be edited" });
    h.api.clickButton(page!, next!.callback_data!, { userId: user });
    const [, fresh] = await h.api.waitForMessages(user, 2, 10_000);
    expect(fresh!.plain_text).toMatch(/page 2/);
  });

  it('keeps polling through 429, 502 and dropped connections on getUpdates', async () => {
    h.api.failNext('getUpdates', { code: 502 });
    h.api.failNext('getUpdates', { networkError: true });
    h.api.failNext('getUpdates', { code: 429, retryAfter: 1 });
    const failed = () => h.api.calls('getUpdates').filter((c) => c.status === 429 || c.status === 502 || (c.status === 0 && c.description !== undefined)).length;
    // The poll held now returns this question; the failures hit the polls after it.
    const user = newUser();
    h.api.sendPrivate('من يسيطر على المطار؟', { userId: user });
    await h.api.waitForMessages(user, 1, 10_000);
    await waitUntil(() => failed() >= 3);
    h.api.sendPrivate('Who controls the airport?', { userId: user });
    await h.api.waitForMessages(user, 2, 10_000);
  });

  it('never writes the token to its logs', () => {
    const all = h.logs.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(h.api.token);
    expect(all).not.toContain(h.api.token.split(':')[1]);
  });
});

describe('incoming floods and failing handlers', () => {
  let f: BotHarness;
  const engine = fakeEngine({
    onAsk: async (question) => {
      if (question.includes('explode')) throw new Error('engine exploded');
      if (question.includes('sleep')) await new Promise((resolve) => setTimeout(resolve, 1500));
    },
  });

  beforeAll(async () => {
    f = await startBotHarness({
      engine,
      env: { RATE_USER_QUESTIONS_PER_SECOND: '0.2', RATE_USER_QUESTION_BURST: '2', HANDLER_TIMEOUT_MS: '300' },
    });
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('answers a burst, sends one polite notice, then stays silent', async () => {
    const user = 70_001;
    for (let i = 0; i < 6; i += 1) f.api.sendPrivate(`who controls the airport ${i}?`, { userId: user, languageCode: 'en' });
    const replies = await f.api.waitForMessages(user, 3, 10_000);
    // Another user is not held back, and by the time they are answered the flood has been handled.
    f.api.sendPrivate('who controls the airport?', { userId: 70_002 });
    await f.api.waitForMessages(70_002, 1, 10_000);
    const all = f.api.sentMessages(user);
    expect(all).toHaveLength(3);
    expect(all.filter((m) => m.plain_text.includes('faster than I can answer'))).toHaveLength(1);
    expect(replies.filter((m) => m.plain_text.startsWith('On control:'))).toHaveLength(2);
    expect(engine.questions.filter((q) => q.startsWith('who controls the airport ')).length).toBe(2);
  });

  it('apologises when a handler fails, and keeps polling', async () => {
    const user = 70_010;
    f.api.sendPrivate('please explode', { userId: user, languageCode: 'en' });
    const [apology] = await f.api.waitForMessages(user, 1, 10_000);
    expect(apology!.plain_text).toContain('something went wrong');
    const error = f.records().find((r) => r.msg === 'error while handling an update');
    expect(error).toMatchObject({ updateId: expect.any(Number) });
    f.api.sendPrivate('who controls the airport?', { userId: 70_011 });
    await f.api.waitForMessages(70_011, 1, 10_000);
  });

  it('bounds handler time and keeps serving others meanwhile', async () => {
    f.api.sendPrivate('sleep on it', { userId: 70_020 });
    await waitUntil(() => f.records().some((r) => r.msg === 'handling an update took too long'));
    f.api.sendPrivate('who controls the airport?', { userId: 70_021 });
    await f.api.waitForMessages(70_021, 1, 10_000);
  });
});

describe('pacing with the default limits', () => {
  it('keeps a second between messages to one private chat', async () => {
    const p = await startBotHarness({
      engine: fakeEngine(),
      env: { RATE_PRIVATE_CHAT_PER_SECOND: '1', RATE_USER_QUESTION_BURST: '5' },
    });
    try {
      const user = 71_001;
      p.api.sendPrivate('who controls the airport?', { userId: user });
      p.api.sendPrivate('who controls the airport, again?', { userId: user });
      p.api.sendPrivate('who controls it now?', { userId: 71_002 });
      await p.api.waitForMessages(user, 2, 10_000);
      await p.api.waitForMessages(71_002, 1, 10_000);
      const calls = p.api.calls('sendMessage');
      const mine = calls.filter((c) => c.params.chat_id === user);
      expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(950);
      // The other chat did not wait behind it.
      const other = calls.find((c) => c.params.chat_id === 71_002)!;
      expect(other.at - mine[0]!.at).toBeLessThan(900);
    } finally {
      await p.stop();
    }
  });
});

describe('start-up failures', () => {
  it('starts and answers even when setMyCommands fails, logging the failure', async () => {
    const api = await startFakeBotApi();
    api.failNext('setMyCommands', { code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' }, 3);
    const s = await startBotHarness({ engine: fakeEngine(), api });
    try {
      s.api.sendPrivate('who controls the airport?', { userId: 72_001 });
      await s.api.waitForMessages(72_001, 1, 10_000);
      await waitUntil(() => s.records().filter((r) => String(r.msg).startsWith('setMyCommands failed')).length === 3);
    } finally {
      await s.stop();
      await api.close();
    }
  });


  it('fails clearly when the Bot API cannot be reached, without the token in message or logs', async () => {
    const token = '987654:SECRET-abcdefghijklmnop';
    const config = loadConfig({ ...FAST_ENV, BOT_TOKEN: token, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', DATA_DIR: ':memory:', RETRY_MAX_ATTEMPTS: '2' });
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', secrets: [token], destination: { write: (l: string) => lines.push(l) } });
    const store = openStore(':memory:');
    const bot = createBot({ engine: fakeEngine(), config, logger, store });
    const error = await startBot(bot, config, logger).catch((e: unknown) => e);
    store.close();
    expect(error).toBeInstanceOf(BotStartError);
    logger.error({ err: error }, 'start failed');
    const text = `${(error as Error).message} ${String((error as Error).cause)} ${lines.join('')}`;
    expect(lines.join('')).toContain('ECONNREFUSED');
    expect(lines.join('')).not.toContain(token);
    expect(lines.join('')).not.toContain('SECRET-abcdefghijklmnop');
    expect((error as Error).message).not.toContain(token);
    expect(text.length).toBeGreaterThan(0);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitUntil: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
