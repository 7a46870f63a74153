import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegraf, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GROUP_ID, DEFAULT_USER_ID, parseFormattedText, startFakeBotApi, type FakeBotApi } from './fake-bot-api.ts';

const started: FakeBotApi[] = [];
const bots: Telegraf[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const bot of bots.splice(0)) {
    try {
      bot.stop('test over');
    } catch {
      // already stopped
    }
  }
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await Promise.all(started.splice(0).map((api) => api.close()));
});

async function fake(options?: Parameters<typeof startFakeBotApi>[0]): Promise<FakeBotApi> {
  const api = await startFakeBotApi(options);
  started.push(api);
  return api;
}

interface Answer {
  status: number;
  body: { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

async function call(api: FakeBotApi, method: string, params: object = {}, token = api.token): Promise<Answer> {
  const res = await fetch(`${api.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

async function expectBadRequest(api: FakeBotApi, method: string, params: object, description: string | RegExp): Promise<void> {
  const { status, body } = await call(api, method, params);
  expect(status).toBe(400);
  expect(body.ok).toBe(false);
  expect(body.error_code).toBe(400);
  if (typeof description === 'string') expect(body.description).toBe(description);
  else expect(body.description).toMatch(description);
}

/** Starts a telegraf bot polling the fake; resolves once the first getUpdates is held. */
async function pollingBot(api: FakeBotApi, setup: (bot: Telegraf) => void): Promise<{ bot: Telegraf; done: Promise<void> }> {
  const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
  setup(bot);
  bots.push(bot);
  const done = bot.launch();
  done.catch(() => undefined);
  await waitUntil(() => api.calls('getUpdates').length > 0);
  return { bot, done };
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('envelope and routing', () => {
  it('answers getMe with the bot derived from the token', async () => {
    const api = await fake({ botUsername: 'QamishliTestBot' });
    const { status, body } = await call(api, 'getMe');
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      result: expect.objectContaining({ id: 123456, is_bot: true, username: 'QamishliTestBot' }) as unknown,
    });
    expect(api.bot).toEqual({ id: 123456, username: 'QamishliTestBot', first_name: expect.any(String) as unknown });
  });

  it('rejects any other token with 401 Unauthorized', async () => {
    const api = await fake();
    const { status, body } = await call(api, 'getMe', {}, '123456:WRONG');
    expect(status).toBe(401);
    expect(body).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('answers unknown methods and paths with 404 Not Found', async () => {
    const api = await fake();
    const unknown = await call(api, 'sendTelepathicMessage');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
    const res = await fetch(`${api.apiRoot}/nothing-here`);
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });

  it('accepts method names in any case, query strings, url-encoded and multipart bodies', async () => {
    const api = await fake();
    expect((await call(api, 'GETME')).status).toBe(200);
    api.sendPrivate('hi');

    const query = await fetch(`${api.apiRoot}/bot${api.token}/sendMessage?chat_id=${DEFAULT_USER_ID}&text=from%20query`);
    expect(query.status).toBe(200);
    await query.arrayBuffer();

    const encoded = await fetch(`${api.apiRoot}/bot${api.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: String(DEFAULT_USER_ID), text: 'url-encoded', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] }) }),
    });
    expect(encoded.status).toBe(200);
    await encoded.arrayBuffer();

    const form = new FormData();
    form.set('chat_id', String(DEFAULT_USER_ID));
    form.set('text', 'multipart');
    const multipart = await fetch(`${api.apiRoot}/bot${api.token}/sendMessage`, { method: 'POST', body: form });
    expect(multipart.status).toBe(200);
    await multipart.arrayBuffer();

    const sent = api.sentMessages(DEFAULT_USER_ID);
    expect(sent.map((m) => m.text)).toEqual(['from query', 'url-encoded', 'multipart']);
    expect(sent[1]?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] });
  });

  it('records every call with its status', async () => {
    const api = await fake();
    await call(api, 'getMe');
    await call(api, 'sendMessage', { chat_id: 1, text: 'x' });
    expect(api.calls().map((c) => [c.method, c.status])).toEqual([['getMe', 200], ['sendMessage', 400]]);
    expect(api.calls('sendMessage')[0]?.description).toBe('Bad Request: chat not found');
  });
});

describe('getUpdates', () => {
  it('returns queued updates and drops those confirmed by offset', async () => {
    const api = await fake();
    const first = api.sendPrivate('one');
    const second = api.sendPrivate('two');
    const third = api.sendPrivate('three');
    expect(second.update_id).toBe(first.update_id + 1);

    const all = await call(api, 'getUpdates');
    expect((all.body.result as { update_id: number }[]).map((u) => u.update_id)).toEqual([first.update_id, second.update_id, third.update_id]);

    const limited = await call(api, 'getUpdates', { offset: second.update_id, limit: 1 });
    expect(limited.body.result).toEqual([second]);
    expect(api.pendingUpdates().map((u) => u.update_id)).toEqual([second.update_id, third.update_id]);

    const last = await call(api, 'getUpdates', { offset: -1 });
    expect(last.body.result).toEqual([third]);

    await call(api, 'getUpdates', { offset: third.update_id + 1 });
    expect(api.pendingUpdates()).toEqual([]);
  });

  it('holds a long poll until an update arrives, then answers at once', async () => {
    const api = await fake();
    let settled = false;
    const poll = call(api, 'getUpdates', { timeout: 30 }).then((answer) => {
      settled = true;
      return answer;
    });
    await waitUntil(() => api.calls('getUpdates').length === 1);
    await delay(200);
    expect(settled).toBe(false);
    const update = api.sendPrivate('wake up');
    const answer = await poll;
    expect(answer.body.result).toEqual([update]);
  });

  it('keeps holding polls with huge timeouts instead of overflowing the timer', async () => {
    const api = await fake();
    let settled = false;
    const poll = call(api, 'getUpdates', { timeout: 10_000_000 }).then((answer) => {
      settled = true;
      return answer;
    });
    await waitUntil(() => api.calls('getUpdates').length === 1);
    await delay(100);
    expect(settled).toBe(false);
    api.sendPrivate('now');
    expect((await poll).body.result).toHaveLength(1);
  });

  it('answers an empty list when the long-poll timeout expires', async () => {
    const api = await fake();
    const answer = await call(api, 'getUpdates', { timeout: 1 });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual([]);
  });

  it('ends an older held poll with 409 when another getUpdates arrives', async () => {
    const api = await fake();
    const older = call(api, 'getUpdates', { timeout: 30 });
    await waitUntil(() => api.calls('getUpdates').length === 1);
    const newer = await call(api, 'getUpdates', { timeout: 0 });
    expect(newer.status).toBe(200);
    const ended = await older;
    expect(ended.status).toBe(409);
    expect(ended.body.description).toMatch(/^Conflict: terminated by other getUpdates request/);
  });

  it('refuses getUpdates with 409 Conflict while a webhook is set', async () => {
    const api = await fake();
    expect((await call(api, 'setWebhook', { url: 'https://bot.example/hook' })).body).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    const { status, body } = await call(api, 'getUpdates');
    expect(status).toBe(409);
    expect(body.description).toBe("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    await call(api, 'deleteWebhook');
    expect((await call(api, 'getUpdates')).status).toBe(200);
  });

  it('filters by allowed_updates, which persists between calls', async () => {
    const api = await fake();
    api.sendPrivate('text');
    const sent = (await call(api, 'sendMessage', { chat_id: DEFAULT_USER_ID, text: 'menu', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } })).body.result as { message_id: number; chat: { id: number } };
    await call(api, 'getUpdates', { offset: -1 });
    await call(api, 'getUpdates', { offset: api.pendingUpdates()[0]!.update_id + 1 });
    api.sendPrivate('more text');
    const click = api.clickButton(sent as never, 'a');
    const answer = await call(api, 'getUpdates', { allowed_updates: ['callback_query'] });
    expect(answer.body.result).toEqual([click]);
    api.sendPrivate('ignored');
    expect((await call(api, 'getUpdates', { offset: click.update_id + 1 })).body.result).toEqual([]);
  });

  it('deleteWebhook with drop_pending_updates discards the queue', async () => {
    const api = await fake();
    api.sendPrivate('old');
    await call(api, 'deleteWebhook', { drop_pending_updates: true });
    expect(api.pendingUpdates()).toEqual([]);
  });
});

describe('simulated users', () => {
  it('builds private, group, command, sticker, photo, edit, channel and callback updates', async () => {
    const api = await fake({ botUsername: 'QamishliTestBot' });
    const priv = api.sendPrivate('مرحبا', { userId: 7, firstName: 'Lina', languageCode: 'ar' });
    expect(priv.message).toMatchObject({ text: 'مرحبا', chat: { id: 7, type: 'private' }, from: { id: 7, first_name: 'Lina', language_code: 'ar', is_bot: false } });

    const group = api.sendGroup('hey @QamishliTestBot what happened?', { userId: 8 });
    expect(group.message?.chat).toMatchObject({ id: DEFAULT_GROUP_ID, type: 'supergroup' });
    expect(group.message?.entities).toEqual([{ type: 'mention', offset: 4, length: 16 }]);

    const command = api.sendCommand('/ask@QamishliTestBot', 'who controls the airport?', { chat: 'group' });
    expect(command.message?.text).toBe('/ask@QamishliTestBot who controls the airport?');
    expect(command.message?.entities?.[0]).toEqual({ type: 'bot_command', offset: 0, length: 20 });

    expect(api.sendPrivate('/start').message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(api.sendSticker().message?.sticker).toMatchObject({ emoji: expect.any(String) as unknown });
    expect(api.sendPhoto({ caption: 'look' }).message).toMatchObject({ caption: 'look', photo: expect.any(Array) as unknown });
    const edited = api.editMessage(priv, 'مرحبا!');
    expect(edited.edited_message).toMatchObject({ message_id: priv.message?.message_id, text: 'مرحبا!', edit_date: expect.any(Number) as unknown });
    expect(api.channelPost('news').channel_post).toMatchObject({ chat: { type: 'channel' }, sender_chat: { type: 'channel' }, text: 'news' });
    expect(api.sendGroup('beep', { fromBot: true }).message?.from?.is_bot).toBe(true);

    const reply = await call(api, 'sendMessage', { chat_id: 7, text: 'choose', reply_markup: { inline_keyboard: [[{ text: 'One', callback_data: 'one' }]] } });
    const [sent] = api.sentMessages(7);
    expect(reply.body.ok).toBe(true);
    const click = api.clickButton(sent!, 'one');
    expect(click.callback_query).toMatchObject({ data: 'one', from: { id: 7 }, message: { message_id: sent!.message_id } });
    expect(() => api.clickButton(sent!, 'two')).toThrow(/no button/);

    const raw = api.pushUpdate({ message: { message_id: 50, date: 1, chat: { id: 99, type: 'private', first_name: 'Raw' }, text: 'raw' } });
    expect(raw.update_id).toBeGreaterThan(click.update_id);
    expect((await call(api, 'sendMessage', { chat_id: 99, text: 'known now' })).status).toBe(200);
  });

  it('numbers messages per chat, the bot’s and the users’ together', async () => {
    const api = await fake();
    const first = api.sendPrivate('a');
    const reply = await call(api, 'sendMessage', { chat_id: DEFAULT_USER_ID, text: 'b' });
    const second = api.sendPrivate('c');
    expect(first.message?.message_id).toBe(1);
    expect((reply.body.result as { message_id: number }).message_id).toBe(2);
    expect(second.message?.message_id).toBe(3);
  });
});

describe('sendMessage and edits validate like Telegram', () => {
  async function withChat(): Promise<FakeBotApi> {
    const api = await fake();
    api.sendPrivate('hi');
    return api;
  }
  const chat_id = DEFAULT_USER_ID;

  it('returns the full Message, from the bot', async () => {
    const api = await withChat();
    const { body } = await call(api, 'sendMessage', { chat_id, text: '<b>القامشلي</b> &amp; <i>news</i>', parse_mode: 'HTML' });
    expect(body.result).toMatchObject({
      message_id: 2, from: { id: api.bot.id, is_bot: true }, chat: { id: chat_id, type: 'private' }, date: expect.any(Number) as unknown,
      text: 'القامشلي & news',
    });
    const [sent] = api.sentMessages(chat_id);
    expect(sent).toMatchObject({ text: '<b>القامشلي</b> &amp; <i>news</i>', plain_text: 'القامشلي & news', parse_mode: 'HTML' });
  });

  it('needs a known chat_id', async () => {
    const api = await withChat();
    await expectBadRequest(api, 'sendMessage', { text: 'x' }, 'Bad Request: chat_id is empty');
    await expectBadRequest(api, 'sendMessage', { chat_id: 424242, text: 'x' }, 'Bad Request: chat not found');
    expect((await call(api, 'sendMessage', { chat_id: String(chat_id), text: 'string ids work' })).status).toBe(200);
  });

  it('rejects empty text, before and after parsing', async () => {
    const api = await withChat();
    await expectBadRequest(api, 'sendMessage', { chat_id }, 'Bad Request: message text is empty');
    await expectBadRequest(api, 'sendMessage', { chat_id, text: ' \n ' }, 'Bad Request: message text is empty');
    await expectBadRequest(api, 'sendMessage', { chat_id, text: '<b> </b>', parse_mode: 'HTML' }, 'Bad Request: message text is empty');
  });

  it('counts the 4096 limit in UTF-16 code units after parsing entities', async () => {
    const api = await withChat();
    expect((await call(api, 'sendMessage', { chat_id, text: `<b>${'ق'.repeat(4096)}</b>`, parse_mode: 'HTML' })).status).toBe(200);
    await expectBadRequest(api, 'sendMessage', { chat_id, text: 'ق'.repeat(4097) }, 'Bad Request: message is too long');
    // 2049 emoji are 2049 code points but 4098 UTF-16 code units.
    await expectBadRequest(api, 'sendMessage', { chat_id, text: '📰'.repeat(2049) }, 'Bad Request: message is too long');
  });

  it('validates HTML like Telegram', async () => {
    const api = await withChat();
    const bad = (text: string, description: string | RegExp) => expectBadRequest(api, 'sendMessage', { chat_id, text, parse_mode: 'HTML' }, description);
    await bad('a <br> b', 'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 2');
    await bad('<b>bold', 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"');
    await bad('<b><i>x</b></i>', 'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"');
    await bad('x</b>', 'Bad Request: can\'t parse entities: Unexpected end tag at byte offset 1');
    await bad('1 < 2', /^Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2$/);
    await bad('Q & A', /^Bad Request: can't parse entities: .*"&" at byte offset 2$/);
    await bad('&nbsp;', /^Bad Request: can't parse entities: /);
    await bad('<span>x</span>', /Tag "span" must have class "tg-spoiler"/);
    await bad('ق <u', /^Bad Request: can't parse entities: Unclosed start tag at byte offset 3$/);

    const good = [
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>',
      '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler><a href="https://example.com/?a=1&amp;b=2">link</a>',
      '<code>c</code><pre><code class="language-ts">let x;</code></pre><blockquote>q</blockquote><blockquote expandable>e</blockquote>',
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> 1 &lt; 2 &gt; 0 &quot;q&quot; &#65;&#x42; a > b',
    ];
    for (const text of good) expect((await call(api, 'sendMessage', { chat_id, text, parse_mode: 'HTML' })).status).toBe(200);
  });

  it('parses HTML into Telegram entities with UTF-16 offsets', () => {
    expect(parseFormattedText(' 📰 <b>القامشلي</b> <a href="https://x.test">src</a> ', 'HTML')).toEqual({
      text: '📰 القامشلي src',
      entities: [
        { type: 'bold', offset: 3, length: 8 },
        { type: 'text_link', offset: 12, length: 3, url: 'https://x.test' },
      ],
    });
    expect(parseFormattedText('<pre><code class="language-ts">x</code></pre>', 'html').entities).toEqual([{ type: 'pre', offset: 0, length: 1, language: 'ts' }]);
  });

  it('checks MarkdownV2 reserved characters and unclosed entities', async () => {
    const api = await withChat();
    const bad = (text: string, description: string | RegExp) => expectBadRequest(api, 'sendMessage', { chat_id, text, parse_mode: 'MarkdownV2' }, description);
    await bad('Done.', "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
    await bad('a-b', /Character '-' is reserved/);
    await bad('*bold', "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0");
    await bad('[link](https://x.test', /Can't find end of a URL/);
    for (const text of ['Done\\.', '*b* _i_ __u__ ~s~ ||sp|| `c.d` [l](https://x.test/a_(b\\)) \\- ok', '```js\nlet a = 1;\n```', '>quoted\\.\nplain']) {
      expect((await call(api, 'sendMessage', { chat_id, text, parse_mode: 'MarkdownV2' })).status).toBe(200);
    }
    expect(parseFormattedText('*b* x', 'MarkdownV2')).toEqual({ text: 'b x', entities: [{ type: 'bold', offset: 0, length: 1 }] });
    await expectBadRequest(api, 'sendMessage', { chat_id, text: '*x', parse_mode: 'Markdown' }, "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0");
    await expectBadRequest(api, 'sendMessage', { chat_id, text: 'x', parse_mode: 'BBCode' }, 'Bad Request: unsupported parse_mode');
  });

  it('validates inline keyboards', async () => {
    const api = await withChat();
    const send = (button: object) => ({ chat_id, text: 'pick', reply_markup: { inline_keyboard: [[button]] } });
    await expectBadRequest(api, 'sendMessage', send({ text: 'no action' }), /Text buttons are unallowed in the inline keyboard/);
    await expectBadRequest(api, 'sendMessage', send({ text: 'both', url: 'https://x.test', callback_data: 'x' }), /exactly one/);
    await expectBadRequest(api, 'sendMessage', send({ callback_data: 'x' }), /Field "text" must be of type String/);
    await expectBadRequest(api, 'sendMessage', send({ text: 'long', callback_data: 'x'.repeat(65) }), 'Bad Request: BUTTON_DATA_INVALID');
    await expectBadRequest(api, 'sendMessage', send({ text: 'empty', callback_data: '' }), 'Bad Request: BUTTON_DATA_INVALID');
    // 33 Arabic letters are 33 characters but 66 UTF-8 bytes.
    await expectBadRequest(api, 'sendMessage', send({ text: 'arabic', callback_data: 'ق'.repeat(33) }), 'Bad Request: BUTTON_DATA_INVALID');
    await expectBadRequest(api, 'sendMessage', send({ text: 'url', url: 'not a url' }), /URL 'not a url' is invalid/);
    await expectBadRequest(api, 'sendMessage', { chat_id, text: 'x', reply_markup: { inline_keyboard: [{ text: 'flat' }] } }, /Array of Arrays/);
    await expectBadRequest(api, 'sendMessage', { chat_id, text: 'x', reply_markup: '{oops' }, /can't parse reply keyboard markup/);
    expect((await call(api, 'sendMessage', send({ text: 'ok', callback_data: 'ق'.repeat(32) }))).status).toBe(200);
    expect((await call(api, 'sendMessage', send({ text: 'ok', url: 'https://t.me/x' }))).status).toBe(200);
    expect((await call(api, 'sendMessage', { chat_id, text: 'x', reply_markup: { remove_keyboard: true } })).status).toBe(200);
  });

  it('checks reply targets', async () => {
    const api = await withChat();
    await expectBadRequest(api, 'sendMessage', { chat_id, text: 'x', reply_parameters: { message_id: 77 } }, 'Bad Request: message to be replied not found');
    const lenient = await call(api, 'sendMessage', { chat_id, text: 'x', reply_parameters: { message_id: 77, allow_sending_without_reply: true } });
    expect(lenient.status).toBe(200);
    const reply = await call(api, 'sendMessage', { chat_id, text: 'y', reply_parameters: { message_id: 1 } });
    expect(reply.body.result).toMatchObject({ reply_to_message: { message_id: 1, text: 'hi' } });
    expect(api.sentMessages(chat_id).at(-1)?.reply_to).toBe(1);
  });

  it('edits text and markup, refusing edits that change nothing', async () => {
    const api = await withChat();
    const keyboard = { inline_keyboard: [[{ text: 'More', callback_data: 'more' }]] };
    const sent = (await call(api, 'sendMessage', { chat_id, text: '<b>v1</b>', parse_mode: 'HTML', reply_markup: keyboard })).body.result as { message_id: number };
    const message_id = sent.message_id;
    const notModified = /^Bad Request: message is not modified: specified new message content and reply markup are exactly the same/;

    await expectBadRequest(api, 'editMessageText', { chat_id, message_id, text: '<b>v1</b>', parse_mode: 'HTML', reply_markup: keyboard }, notModified);
    // Same text but the bold is gone: that is a change.
    expect((await call(api, 'editMessageText', { chat_id, message_id, text: 'v1', reply_markup: keyboard })).status).toBe(200);
    const edited = await call(api, 'editMessageText', { chat_id, message_id, text: 'v2' });
    expect(edited.body.result).toMatchObject({ text: 'v2', edit_date: expect.any(Number) as unknown });
    expect((edited.body.result as { reply_markup?: unknown }).reply_markup).toBeUndefined();
    await expectBadRequest(api, 'editMessageText', { chat_id, message_id, text: 'v2' }, notModified);
    await expectBadRequest(api, 'editMessageText', { chat_id, message_id, text: '' }, 'Bad Request: message text is empty');
    await expectBadRequest(api, 'editMessageText', { chat_id, message_id, text: 'x'.repeat(4097) }, 'Bad Request: message is too long');
    await expectBadRequest(api, 'editMessageText', { chat_id, message_id: 999, text: 'x' }, 'Bad Request: message to edit not found');
    await expectBadRequest(api, 'editMessageText', { chat_id, message_id: 1, text: 'x' }, "Bad Request: message can't be edited");
    await expectBadRequest(api, 'editMessageText', { chat_id: 5, message_id, text: 'x' }, 'Bad Request: chat not found');

    expect((await call(api, 'editMessageReplyMarkup', { chat_id, message_id, reply_markup: keyboard })).status).toBe(200);
    await expectBadRequest(api, 'editMessageReplyMarkup', { chat_id, message_id, reply_markup: keyboard }, notModified);
    expect((await call(api, 'editMessageReplyMarkup', { chat_id, message_id })).status).toBe(200);

    const [state] = api.sentMessages(chat_id);
    expect(state).toMatchObject({ message_id, plain_text: 'v2', method: 'editMessageReplyMarkup', edit_count: 4, deleted: false });
    expect(state?.reply_markup).toBeUndefined();
  });

  it('deletes messages once', async () => {
    const api = await withChat();
    await call(api, 'sendMessage', { chat_id, text: 'bye' });
    expect((await call(api, 'deleteMessage', { chat_id, message_id: 2 })).body).toEqual({ ok: true, result: true });
    await expectBadRequest(api, 'deleteMessage', { chat_id, message_id: 2 }, 'Bad Request: message to delete not found');
    expect(api.sentMessages(chat_id)[0]?.deleted).toBe(true);
    const groupMessage = api.sendGroup('in a group').message!;
    await expectBadRequest(api, 'deleteMessage', { chat_id: DEFAULT_GROUP_ID, message_id: groupMessage.message_id }, "Bad Request: message can't be deleted");
    api.setMemberStatus(DEFAULT_GROUP_ID, api.bot.id, 'administrator');
    expect((await call(api, 'deleteMessage', { chat_id: DEFAULT_GROUP_ID, message_id: groupMessage.message_id })).status).toBe(200);
  });

  it("answers 403 to users who never opened a private chat, and in groups the bot left", async () => {
    const api = await fake();
    api.sendGroup('hello', { userId: 42 });
    const { status, body } = await call(api, 'sendMessage', { chat_id: 42, text: 'psst' });
    expect(status).toBe(403);
    expect(body.description).toBe("Forbidden: bot can't initiate conversation with a user");
    api.setMemberStatus(DEFAULT_GROUP_ID, api.bot.id, 'kicked');
    expect((await call(api, 'sendMessage', { chat_id: DEFAULT_GROUP_ID, text: 'x' })).body.description).toBe('Forbidden: bot is not a member of the supergroup chat');
  });

  it('answers 403 once the user blocked the bot', async () => {
    const api = await withChat();
    api.blockBot(chat_id);
    const { status, body } = await call(api, 'sendMessage', { chat_id, text: 'x' });
    expect(status).toBe(403);
    expect(body).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  });
});

describe('other methods', () => {
  it('validates and stores bot commands per scope and language', async () => {
    const api = await fake();
    const commands = [{ command: 'ask', description: 'Ask about Qamishli' }, { command: 'help', description: 'How to use me' }];
    expect((await call(api, 'setMyCommands', { commands })).body).toEqual({ ok: true, result: true });
    expect((await call(api, 'getMyCommands')).body.result).toEqual(commands);
    expect(api.commands()).toEqual(commands);
    await call(api, 'setMyCommands', { commands: [{ command: 'sal', description: 'اسأل عن القامشلي' }], language_code: 'ar', scope: { type: 'all_private_chats' } });
    expect(api.commands('all_private_chats', 'ar')).toEqual([{ command: 'sal', description: 'اسأل عن القامشلي' }]);
    expect((await call(api, 'getMyCommands', { language_code: 'ar' })).body.result).toEqual([]);

    const bad = (command: object, description: string) => expectBadRequest(api, 'setMyCommands', { commands: [command] }, description);
    await bad({ command: 'Ask', description: 'x' }, 'Bad Request: BOT_COMMAND_INVALID');
    await bad({ command: '/ask', description: 'x' }, 'Bad Request: BOT_COMMAND_INVALID');
    await bad({ command: 'a'.repeat(33), description: 'x' }, 'Bad Request: BOT_COMMAND_INVALID');
    await bad({ command: '', description: 'x' }, 'Bad Request: BOT_COMMAND_INVALID');
    await bad({ command: 'ask', description: '' }, 'Bad Request: command description must be non-empty');
    await bad({ command: 'ask', description: 'd'.repeat(257) }, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
    await bad({ command: 'ask' }, 'Bad Request: can\'t parse BotCommand: Can\'t find field "description"');
    expect((await call(api, 'setMyCommands', { commands: [{ command: 'a'.repeat(32), description: 'd'.repeat(256) }] })).status).toBe(200);

    await call(api, 'deleteMyCommands');
    expect((await call(api, 'getMyCommands')).body.result).toEqual([]);
  });

  it('answers chat actions, chats, members and the menu button', async () => {
    const api = await fake();
    api.sendPrivate('hi');
    api.sendGroup('hello', { userId: 31 });
    expect((await call(api, 'sendChatAction', { chat_id: DEFAULT_USER_ID, action: 'typing' })).body.result).toBe(true);
    await expectBadRequest(api, 'sendChatAction', { chat_id: DEFAULT_USER_ID, action: 'dancing' }, 'Bad Request: wrong parameter action in request');
    expect((await call(api, 'getChat', { chat_id: DEFAULT_GROUP_ID })).body.result).toMatchObject({ id: DEFAULT_GROUP_ID, type: 'supergroup' });
    expect((await call(api, 'getChatMember', { chat_id: DEFAULT_GROUP_ID, user_id: 31 })).body.result).toMatchObject({ status: 'member', user: { id: 31 } });
    api.setMemberStatus(DEFAULT_GROUP_ID, 31, 'administrator');
    expect((await call(api, 'getChatMember', { chat_id: DEFAULT_GROUP_ID, user_id: 31 })).body.result).toMatchObject({ status: 'administrator', can_delete_messages: true });
    expect((await call(api, 'getChatMember', { chat_id: DEFAULT_GROUP_ID, user_id: api.bot.id })).body.result).toMatchObject({ status: 'member', user: { is_bot: true } });
    await expectBadRequest(api, 'getChatMember', { chat_id: DEFAULT_GROUP_ID, user_id: 555 }, 'Bad Request: user not found');
    expect((await call(api, 'setChatMenuButton', { menu_button: { type: 'commands' } })).body.result).toBe(true);
    expect((await call(api, 'getChatMenuButton')).body.result).toEqual({ type: 'commands' });
  });

  it('requires callback queries to be answered, once', async () => {
    const api = await fake();
    api.sendPrivate('hi');
    await call(api, 'sendMessage', { chat_id: DEFAULT_USER_ID, text: 'menu', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    const click = api.clickButton(api.sentMessages(DEFAULT_USER_ID)[0]!, 'a');
    expect(api.unansweredCallbackQueries().map((q) => q.id)).toEqual([click.callback_query?.id]);
    expect((await call(api, 'answerCallbackQuery', { callback_query_id: click.callback_query?.id, text: 'ok' })).body.result).toBe(true);
    expect(api.unansweredCallbackQueries()).toEqual([]);
    const again = 'Bad Request: query is too old and response timeout expired or query ID is invalid';
    await expectBadRequest(api, 'answerCallbackQuery', { callback_query_id: click.callback_query?.id }, again);
    await expectBadRequest(api, 'answerCallbackQuery', { callback_query_id: 'nope' }, again);
  });
});

describe('fault injection', () => {
  it('fails the next calls of a method as Telegram does, then recovers', async () => {
    const api = await fake();
    api.failNext('getMe', { code: 429, retryAfter: 7 }, 2);
    for (let i = 0; i < 2; i++) {
      const { status, body } = await call(api, 'getMe');
      expect(status).toBe(429);
      expect(body).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    }
    expect((await call(api, 'getMe')).status).toBe(200);
  });

  it('injects 500, 502, 403 and 400', async () => {
    const api = await fake();
    api.failNext('getMe', { code: 500 });
    api.failNext('getMe', { code: 502 });
    api.failNext('getMe', { code: 403 });
    api.failNext('getMe', { code: 403, description: 'Forbidden: bot was kicked from the group chat' });
    api.failNext('getMe', { code: 400, description: 'Bad Request: TOPIC_CLOSED' });
    api.failNext('getMe', { code: 400, description: 'USER_IS_BOT' });

    expect(await call(api, 'getMe')).toEqual({ status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } });
    const gateway = await fetch(`${api.apiRoot}/bot${api.token}/getMe`);
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toBe('text/html');
    expect(await gateway.text()).toContain('502 Bad Gateway');
    expect((await call(api, 'getMe')).body.description).toBe('Forbidden: bot was blocked by the user');
    expect((await call(api, 'getMe')).body).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' });
    expect((await call(api, 'getMe')).body.description).toBe('Bad Request: TOPIC_CLOSED');
    expect((await call(api, 'getMe')).body.description).toBe('Bad Request: USER_IS_BOT');
    expect((await call(api, 'getMe')).status).toBe(200);
  });

  it('drops the connection for a network error', async () => {
    const api = await fake();
    api.failNext('*', { networkError: true });
    await expect(call(api, 'getMe')).rejects.toThrow();
    expect(api.calls('getMe')[0]?.status).toBe(0);
    expect((await call(api, 'getMe')).status).toBe(200);
  });

  it('can lose the response of a call that took effect (the message is delivered all the same)', async () => {
    const api = await fake();
    api.sendPrivate('hi');
    api.failNext('sendMessage', { responseLost: true });
    await expect(call(api, 'sendMessage', { chat_id: DEFAULT_USER_ID, text: 'x' })).rejects.toThrow();
    expect(api.sentMessages(DEFAULT_USER_ID).map((m) => m.plain_text)).toEqual(['x']);
    expect(api.calls('sendMessage')[0]).toMatchObject({ status: 0, description: 'response lost (injected)' });
  });

  it('keeps updates until a later getUpdates confirms them, even when a response is lost', async () => {
    const api = await fake();
    const first = api.sendPrivate('one');
    api.sendPrivate('two');
    api.failNext('getUpdates', { responseLost: true });
    await expect(call(api, 'getUpdates', { timeout: 0 })).rejects.toThrow();
    const again = (await call(api, 'getUpdates', { timeout: 0 })).body.result as { update_id: number }[];
    expect(again.map((u) => u.update_id)).toEqual([first.update_id, first.update_id + 1]);
    const confirmed = (await call(api, 'getUpdates', { timeout: 0, offset: first.update_id + 1 })).body.result as { update_id: number }[];
    expect(confirmed.map((u) => u.update_id)).toEqual([first.update_id + 1]);
    expect(api.pendingUpdates()).toHaveLength(1);
  });

  it("prefers a method's own failures to '*' ones, and leaves state untouched", async () => {
    const api = await fake();
    api.sendPrivate('hi');
    api.failNext('*', { code: 500 });
    api.failNext('sendMessage', { code: 429, retryAfter: 1 });
    expect((await call(api, 'sendMessage', { chat_id: DEFAULT_USER_ID, text: 'x' })).status).toBe(429);
    expect((await call(api, 'getChat', { chat_id: DEFAULT_USER_ID })).status).toBe(500);
    expect(api.sentMessages()).toEqual([]);
  });
});

describe('with a real telegraf bot', () => {
  it('polls, handles an update and delivers the reply', async () => {
    const api = await fake();
    const { bot, done } = await pollingBot(api, (b) => {
      b.start((ctx) => ctx.reply('أهلا'));
      b.on('text', (ctx) => ctx.reply(`<b>echo</b> ${ctx.message.text}`, { parse_mode: 'HTML', reply_parameters: { message_id: ctx.message.message_id } }));
    });
    api.sendCommand('/start');
    api.sendPrivate('ما الذي حدث في القامشلي؟');
    const [welcome, echo] = await api.waitForMessages(DEFAULT_USER_ID, 2);
    expect(welcome?.plain_text).toBe('أهلا');
    expect(echo).toMatchObject({ plain_text: 'echo ما الذي حدث في القامشلي؟', parse_mode: 'HTML', reply_to: 2 });
    bot.stop('done');
    await done;
    // telegraf confirms the last offset when it stops, so nothing is redelivered.
    expect(api.pendingUpdates()).toEqual([]);
    expect(api.calls('getUpdates').at(-1)?.params).toMatchObject({ limit: 1 });
  });

  it('does not spin while idle: one held getUpdates per second at most', async () => {
    const api = await fake();
    const { bot, done } = await pollingBot(api, () => undefined);
    const before = api.calls('getUpdates').length;
    await delay(1_000);
    expect(api.calls('getUpdates').length - before).toBeLessThanOrEqual(1);
    expect(api.calls('getUpdates').length).toBeLessThanOrEqual(2);
    bot.stop('done');
    await done;
  });

  it('answers callback queries and edits through telegraf', async () => {
    const api = await fake();
    const { bot, done } = await pollingBot(api, (b) => {
      b.command('menu', (ctx) => ctx.reply('pick', { reply_markup: { inline_keyboard: [[{ text: 'Sources', callback_data: 'src:1' }]] } }));
      b.action(/^src:/, async (ctx) => {
        await ctx.answerCbQuery();
        await ctx.editMessageText('sources shown');
      });
    });
    api.sendCommand('/menu');
    const [menu] = await api.waitForMessages(DEFAULT_USER_ID, 1);
    const clickedAt = Date.now();
    api.clickButton(menu!, 'src:1');
    const edit = await api.waitForCall('editMessageText', (params, c) => params.message_id === menu!.message_id && c.at >= clickedAt);
    expect(edit.status).toBe(200);
    expect(api.sentMessages(DEFAULT_USER_ID)[0]).toMatchObject({ plain_text: 'sources shown', edit_count: 1 });
    expect(api.unansweredCallbackQueries()).toEqual([]);
    bot.stop('done');
    await done;
  });

  it('surfaces injected errors to the handler as TelegramError', async () => {
    const api = await fake();
    const errors: unknown[] = [];
    const { bot, done } = await pollingBot(api, (b) => {
      b.on('text', async (ctx) => {
        try {
          await ctx.reply('x');
        } catch (error) {
          errors.push(error);
        }
      });
    });
    api.failNext('sendMessage', { code: 429, retryAfter: 3 });
    api.failNext('sendMessage', { code: 502 });
    api.sendPrivate('one');
    await waitUntil(() => errors.length === 1);
    api.sendPrivate('two');
    await waitUntil(() => errors.length === 2);
    const [tooMany, gateway] = errors;
    expect(tooMany).toBeInstanceOf(TelegramError);
    expect((tooMany as TelegramError).code).toBe(429);
    expect((tooMany as TelegramError).parameters?.retry_after).toBe(3);
    expect((gateway as TelegramError).code).toBe(502);
    expect((gateway as TelegramError).description).toBe('Bad Gateway');
    bot.stop('done');
    await done;
  });

  it('telegraf waits retry_after after a 429 on getUpdates, then resumes', async () => {
    const api = await fake();
    api.failNext('getUpdates', { code: 429, retryAfter: 1 });
    const { bot, done } = await pollingBot(api, (b) => b.on('text', (ctx) => ctx.reply('back')));
    api.sendPrivate('hello?');
    await api.waitForMessages(DEFAULT_USER_ID, 1, 5_000);
    const [failed, retried] = api.calls('getUpdates');
    expect(failed?.status).toBe(429);
    expect(retried!.at - failed!.at).toBeGreaterThanOrEqual(900);
    bot.stop('done');
    await done;
  });

  it('launch rejects with 401 when the token is wrong', async () => {
    const api = await fake();
    const bot = new Telegraf('123456:NOT-THE-TOKEN', { telegram: { apiRoot: api.apiRoot } });
    await expect(bot.launch()).rejects.toMatchObject({ code: 401 });
  });
});

describe('webhook mode', () => {
  /** A tiny receiver recording what arrives, answering with `reply`. */
  async function receiver(reply: (req: IncomingMessage, body: string) => { status: number; body?: string }) {
    const received: { headers: IncomingMessage['headers']; body: string; url: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body, url: req.url ?? '' });
        const answer = reply(req, body);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body ?? '');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { received, port: (server.address() as AddressInfo).port, server };
  }

  it('requires an https URL and a well-formed secret token', async () => {
    const api = await fake();
    await expectBadRequest(api, 'setWebhook', { url: 'http://127.0.0.1/hook' }, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    await expectBadRequest(api, 'setWebhook', { url: 'https://127.0.0.1/hook', secret_token: 'has spaces' }, 'Bad Request: secret token contains unallowed characters');
    expect(api.webhook()).toBeNull();
    await call(api, 'setWebhook', { url: 'https://127.0.0.1:8443/hook', secret_token: 'S3cret_-x' });
    expect(api.webhook()).toEqual({ url: 'https://127.0.0.1:8443/hook', secretToken: 'S3cret_-x' });
    expect((await call(api, 'getWebhookInfo')).body.result).toMatchObject({ url: 'https://127.0.0.1:8443/hook', pending_update_count: 0 });
    expect((await call(api, 'deleteWebhook')).body).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
    expect(api.webhook()).toBeNull();
  });

  it('POSTs updates with the secret header, and reports the status', async () => {
    const api = await fake();
    const hook = await receiver((req) => ({ status: req.headers['x-telegram-bot-api-secret-token'] === 'right' ? 200 : 403 }));
    await call(api, 'setWebhook', { url: `https://127.0.0.1:${hook.port}/tg/hook?x=1`, secret_token: 'right' });
    const update = api.sendPrivate('via webhook');
    expect(await api.deliverToWebhook(update)).toEqual({ status: 200, body: '' });
    expect(hook.received[0]).toMatchObject({ url: '/tg/hook?x=1', body: JSON.stringify(update) });
    expect(hook.received[0]?.headers['content-type']).toBe('application/json');
    expect(api.pendingUpdates()).toEqual([]);

    const next = api.sendPrivate('wrong secret');
    expect((await api.deliverToWebhook(next, { secretToken: 'wrong' })).status).toBe(403);
    expect((await api.deliverToWebhook(next, { secretToken: null })).status).toBe(403);
    expect(hook.received[2]?.headers['x-telegram-bot-api-secret-token']).toBeUndefined();
    expect(api.pendingUpdates().map((u) => u.update_id)).toEqual([next.update_id]);
    expect((await call(api, 'getWebhookInfo')).body.result).toMatchObject({ pending_update_count: 1, last_error_message: 'Wrong response from the webhook: 403' });
  });

  it('drives a telegraf webhook, including replies sent in the webhook response', async () => {
    const api = await fake();
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
    bot.on('text', (ctx) => ctx.reply(`got ${ctx.message.text}`));
    bot.on('callback_query', (ctx) => ctx.answerCbQuery('noted'));
    // The webhook URL needs the port, so the server exists before telegraf's middleware does.
    const route: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
    const server = createServer((req, res) => route.handler?.(req, res));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const middleware = await bot.createWebhook({ domain: `127.0.0.1:${port}`, path: '/telegraf/hook', secret_token: 'sekret' });
    route.handler = (req, res) => void middleware(req, res);
    expect(api.webhook()).toEqual({ url: `https://127.0.0.1:${port}/telegraf/hook`, secretToken: 'sekret' });

    const update = api.sendPrivate('hello hook');
    expect((await api.deliverToWebhook(update)).status).toBe(200);
    const [reply] = await api.waitForMessages(DEFAULT_USER_ID, 1);
    expect(reply?.plain_text).toBe('got hello hook');

    expect((await api.deliverToWebhook(api.sendPrivate('intruder'), { secretToken: 'guess' })).status).toBe(403);
    expect(api.sentMessages(DEFAULT_USER_ID)).toHaveLength(1);

    await call(api, 'sendMessage', { chat_id: DEFAULT_USER_ID, text: 'menu', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    const click = api.clickButton(api.sentMessages(DEFAULT_USER_ID)[1]!, 'a');
    const delivered = await api.deliverToWebhook(click);
    expect(JSON.parse(delivered.body)).toMatchObject({ method: 'answerCallbackQuery', callback_query_id: click.callback_query?.id, text: 'noted' });
    const answered = await api.waitForCall('answerCallbackQuery');
    expect(answered).toMatchObject({ via: 'webhook-reply', status: 200 });
    expect(api.unansweredCallbackQueries()).toEqual([]);
  });
});

describe('close()', () => {
  function openHandles(): number {
    return process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap' || r === 'Timeout').length;
  }

  it('ends held long polls and pending waits promptly and leaves nothing running', async () => {
    const baseline = openHandles();
    const api = await startFakeBotApi();
    const poll = call(api, 'getUpdates', { timeout: 50 });
    await waitUntil(() => api.calls('getUpdates').length === 1);
    const waiting = api.waitForMessages(DEFAULT_USER_ID, 1, 60_000).catch((error: unknown) => error);
    await api.close();
    await expect(poll).rejects.toThrow();
    expect(await waiting).toEqual(new Error('fake Bot API closed while waiting'));
    await expect(fetch(`${api.apiRoot}/bot${api.token}/getMe`)).rejects.toThrow();
    await api.close();
    await waitUntil(() => openHandles() <= baseline, 2_000);
  });

  it('leaves nothing running after a telegraf bot polled it', async () => {
    const baseline = openHandles();
    const api = await startFakeBotApi();
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
    bot.on('text', (ctx) => ctx.reply('ok'));
    const done = bot.launch();
    api.sendPrivate('hi');
    await api.waitForMessages(DEFAULT_USER_ID, 1);
    bot.stop('done');
    await done;
    await api.close();
    await waitUntil(() => openHandles() <= baseline, 2_000);
  });
});
