/**
 * End to end, private chats: the real bot and the real engine over HTTP against the fake Bot API,
 * talked to as a user does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/types.ts';
import { seedEngine } from '../helpers/engine.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import type { SentMessage } from '../helpers/fake-bot-api.ts';

let engine: Engine;
let h: BotHarness;
let nextUser = 50_000;

beforeAll(async () => {
  engine = await seedEngine();
  h = await startBotHarness({ engine });
});
afterAll(async () => {
  await h?.stop();
});

/** A fresh user (own chat), so tests do not see each other's messages. */
function newUser(): number {
  nextUser += 1;
  return nextUser;
}

async function ask(text: string, opts: { languageCode?: string } = {}): Promise<{ user: number; replies: SentMessage[] }> {
  const user = newUser();
  h.api.sendPrivate(text, { userId: user, languageCode: opts.languageCode });
  const replies = await h.api.waitForMessages(user, 1, 10_000);
  return { user, replies };
}

async function command(name: string, args?: string, languageCode = 'en'): Promise<SentMessage[]> {
  const user = newUser();
  h.api.sendCommand(name, args, { chat: 'private', userId: user, languageCode });
  return h.api.waitForMessages(user, 1, 10_000);
}

const corpusSentences = (): string[] => engine.sources().flatMap((a) => a.sentences.map((s) => s.text));

describe('private chat with the real engine', () => {
  it('answers an Arabic question with a lead, a verbatim quote and a citation line', async () => {
    const { replies } = await ask('من يسيطر على مطار القامشلي؟');
    const [reply] = replies;
    expect(reply?.parse_mode).toBe('HTML');
    const quote = reply?.entities.find((e) => e.type === 'blockquote');
    expect(quote).toBeDefined();
    const quoted = reply!.plain_text.slice(quote!.offset, quote!.offset + quote!.length);
    expect(corpusSentences()).toContain(quoted.trim());
    expect(reply!.plain_text).toMatch(/الجملة \d+/);
    expect(reply!.plain_text).toContain('نيسان 2021');
    expect(reply!.plain_text).toContain('الناشر غير معروف');
    // The lead is in Arabic: the text before the quote has Arabic letters and no Latin ones.
    const lead = reply!.plain_text.slice(0, quote!.offset);
    expect(lead).toMatch(/\p{Script=Arabic}/u);
    expect(lead).not.toMatch(/[A-Za-z]/);
  });

  it('answers an English question in English, with the English rendering under the quote', async () => {
    const { replies } = await ask('Who controls Qamishli airport?');
    const text = replies.map((r) => r.plain_text).join('\n');
    const lead = text.slice(0, text.indexOf('\n'));
    expect(lead).toMatch(/[A-Za-z]/);
    expect(lead).not.toMatch(/\p{Script=Arabic}/u);
    expect(text).toContain('In English:');
    expect(text).toMatch(/sentence \d+/);
    expect(text).toContain('publisher unknown');
  });

  it('offers "more" and shows the next-best sentences when pressed, answering the callback at once', async () => {
    const { user, replies } = await ask('ماذا يحدث في القامشلي؟');
    const withButton = replies.find((r) => r.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith('more:'));
    expect(withButton, 'an answer with a more button').toBeDefined();
    const data = withButton!.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    const before = h.api.sentMessages(user).length;
    h.api.clickButton(withButton!, data, { userId: user });
    const after = await h.api.waitForMessages(user, before + 1, 10_000);
    const more = after[before]!;
    expect(more.plain_text).toContain('ومما ورد أيضاً في المقالات');
    expect(more.entities.some((e) => e.type === 'blockquote')).toBe(true);
    await h.api.waitForCall('answerCallbackQuery');
    expect(h.api.unansweredCallbackQueries()).toEqual([]);
    // The pressed button is taken away; pressing the old one again is harmless.
    const updated = h.api.sentMessages(user).find((m) => m.message_id === withButton!.message_id);
    expect(updated?.reply_markup?.inline_keyboard ?? []).toEqual([]);
  });

  it('abstains politely on questions the articles do not answer', async () => {
    const { replies } = await ask('What is the population of Tokyo?');
    expect(replies[0]!.entities.some((e) => e.type === 'blockquote')).toBe(false);
    expect(replies[0]!.plain_text).toMatch(/don't say|do not say/);
  });

  it.each([
    ['markup', '<b>title:~*'],
    ['emoji only', '😀😀😀'],
    ['RTL marks', '\u200f\u200f\u200e'],
    ['Markdown', '*bold* _it_ [x](http://e.org) `code`'],
    ['10,000 characters', 'ما '.repeat(3334)],
    ['a lone ampersand', '& < >'],
    ['empty text', ''],
    ['white space only', ' \n\t '],
  ])('answers bad input (%s) politely without crashing', async (_name, text) => {
    const { replies } = await ask(text);
    expect(replies[0]!.plain_text.length).toBeGreaterThan(0);
    expect(replies[0]!.text.length).toBeLessThanOrEqual(4096);
  });

  it('handles /start with a welcome in both languages and example questions', async () => {
    const [reply] = await command('start');
    expect(reply!.plain_text).toMatch(/\p{Script=Arabic}/u);
    expect(reply!.plain_text).toContain('Welcome!');
    expect(reply!.plain_text).toContain('?');
  });

  it('handles /help, /about and /sources in the user\'s language', async () => {
    const [help] = await command('help', undefined, 'en');
    for (const name of ['/ask', '/summary', '/timeline', '/sources', '/about']) expect(help!.plain_text).toContain(name);
    const [about] = await command('about', undefined, 'ar');
    expect(about!.plain_text).toMatch(/^أنا بوت/);
    const [sources] = await command('sources', undefined, 'en');
    expect(sources!.plain_text).toContain('25 April 2021');
    expect(sources!.plain_text).toContain('publisher unknown');
  });

  it('handles /ask with and without a question', async () => {
    const [usage] = await command('ask', undefined, 'en');
    expect(usage!.plain_text).toContain('Write your question after the command');
    const [answer] = await command('ask', 'من يسيطر على حي حلكو؟');
    expect(answer!.entities.some((e) => e.type === 'blockquote')).toBe(true);
  });

  it('handles /summary with quoted, cited sentences', async () => {
    const replies = await command('summary', undefined, 'ar');
    const text = replies.map((r) => r.plain_text).join('\n');
    expect(replies[0]!.entities.some((e) => e.type === 'blockquote')).toBe(true);
    expect(text).toMatch(/الجملة \d+/);
  });

  it('handles /timeline with pages turned in place by buttons', async () => {
    const user = newUser();
    h.api.sendCommand('timeline', undefined, { chat: 'private', userId: user, languageCode: 'en' });
    const [page] = await h.api.waitForMessages(user, 1, 10_000);
    expect(page!.plain_text).toMatch(/Timeline/);
    const next = page!.reply_markup?.inline_keyboard?.[0]?.find((b) => b.callback_data?.startsWith('tl:'));
    // The seed article alone has seven dated events, more than one page holds.
    expect(engine.timeline(undefined, 'en').events.length).toBeGreaterThan(5);
    expect(next, 'a next-page button').toBeDefined();
    if (next === undefined) return;
    h.api.clickButton(page!, next.callback_data!, { userId: user });
    const edit = await h.api.waitForCall('editMessageText', (p) => p.message_id === page!.message_id);
    expect(edit.status).toBe(200);
    const turned = h.api.sentMessages(user).find((m) => m.message_id === page!.message_id)!;
    expect(turned.plain_text).not.toBe(page!.plain_text);
    expect(turned.plain_text).toMatch(/page 2/);
    expect(h.api.sentMessages(user)).toHaveLength(1);
  });

  it('lists the seed timeline in date order, oldest first, each event cited', async () => {
    const [page] = await command('timeline', undefined, 'en');
    const text = page!.plain_text;
    const positions = ['July 2016', 'September 2018', '17 April 2021', '20 April 2021'].map((date) => text.indexOf(date));
    for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).toMatch(/sentence 14/);
    expect(text).toMatch(/sentence 13/);
  });

  it('filters /timeline by year and by place, in either language', async () => {
    const [year] = await command('timeline', '2018', 'en');
    expect(year!.plain_text).toContain('September 2018');
    expect(year!.plain_text).toMatch(/sentence 13/);
    expect(year!.plain_text).not.toContain('July 2016');

    const [place] = await command('timeline', 'حلكو', 'ar');
    expect(place!.plain_text).toContain('25 نيسان 2021');
    expect(place!.plain_text).toContain('حلكو');
    expect(place!.plain_text).not.toContain('2016');

    const [street] = await command('timeline', 'Quwatli', 'en');
    expect(street!.plain_text).toContain('17 April 2021');
    expect(street!.plain_text).not.toContain('2018');
  });

  it('says so when a timeline filter matches nothing', async () => {
    const [none] = await command('timeline', '1999', 'en');
    expect(none!.plain_text.length).toBeGreaterThan(0);
    expect(none!.plain_text).not.toMatch(/sentence \d+/);
  });

  it('tells a user what it can do when sent a sticker or a photo, and points unknown commands to /help', async () => {
    const user = newUser();
    h.api.sendSticker({ chat: 'private', userId: user });
    const [note] = await h.api.waitForMessages(user, 1, 10_000);
    expect(note!.plain_text).toMatch(/text|النصوص/);
    h.api.sendPhoto({ chat: 'private', userId: user });
    await h.api.waitForMessages(user, 2, 10_000);
    const [unknown] = await command('frobnicate', undefined, 'en');
    expect(unknown!.plain_text).toContain('/help');
  });

  it('ignores edited messages and channel posts without errors', async () => {
    const user = newUser();
    const original = h.api.sendPrivate('من يسيطر على المطار؟', { userId: user });
    await h.api.waitForMessages(user, 1, 10_000);
    const edit = h.api.editMessage(original, 'من يسيطر على حي طي؟');
    const post = h.api.channelPost('خبر عاجل من القامشلي');
    // A later question is answered, so the edit and the post were processed (and ignored) before it.
    h.api.sendPrivate('ping?', { userId: user });
    await h.api.waitForMessages(user, 2, 10_000);
    const ignored = h.records().filter((r) => r.msg === 'update ignored').map((r) => [r.updateId, r.reason]);
    expect(ignored).toContainEqual([edit.update_id, 'edited message']);
    expect(ignored).toContainEqual([post.update_id, 'channel post']);
    expect(h.api.sentMessages(user)).toHaveLength(2);
    expect(h.records().filter((r) => (r.level as number) >= 50)).toEqual([]);
  });

  it('registered its commands in Arabic and English at start', async () => {
    await h.api.waitForCall('setMyCommands', (p) => p.language_code === 'en');
    expect(h.api.commands('default', 'ar')?.map((c) => c.command)).toEqual(expect.arrayContaining(['ask', 'summary', 'timeline', 'sources', 'about', 'help']));
    expect(h.api.commands('default', 'ar')?.[0]?.description).toMatch(/\p{Script=Arabic}/u);
    expect(h.api.commands('default', 'en')?.[0]?.description).toMatch(/[A-Za-z]/);
    expect(h.api.commands('default', '')).toBeDefined();
  });

  it('logs each answer as structured data, without the question text', () => {
    const answered = h.records().filter((r) => r.msg === 'question answered');
    expect(answered.length).toBeGreaterThan(5);
    expect(answered[0]).toMatchObject({ kind: expect.any(String), lang: expect.any(String), engineMs: expect.any(Number), updateId: expect.any(Number) });
    expect(h.logs.join('')).not.toContain('من يسيطر على مطار القامشلي');
  });

  it('records the chats it talks to', () => {
    expect(h.store.chats.get(nextUser)).toMatchObject({ type: 'private', blockedAt: null });
  });
});
