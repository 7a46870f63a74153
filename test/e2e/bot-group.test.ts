/** End to end, groups: the bot answers only when addressed, and never joins ordinary chatter. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedEngine } from '../helpers/engine.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';

let h: BotHarness;
let nextGroup = -1_001_500_000_000;

beforeAll(async () => {
  h = await startBotHarness({ engine: await sharedEngine() });
});
afterAll(async () => {
  await h?.stop();
});

function newGroup(): number {
  nextGroup -= 1;
  return nextGroup;
}

/** Sends a marker question in private and waits for its answer: every update before it has been handled. */
async function drain(): Promise<void> {
  const user = 77_000 + Math.floor(Math.random() * 1000);
  const before = h.api.sentMessages(user).length;
  h.api.sendPrivate('ping', { userId: user });
  await h.api.waitForMessages(user, before + 1, 10_000);
}

describe('group chat', () => {
  it('answers a mention, replying to the question, with the mention removed from it', async () => {
    const group = newGroup();
    const update = h.api.sendGroup(`@${h.api.bot.username} من يسيطر على المطار؟`, { chatId: group });
    const [reply] = await h.api.waitForMessages(group, 1, 10_000);
    expect(reply!.reply_to).toBe(update.message!.message_id);
    expect(reply!.entities.some((e) => e.type === 'blockquote')).toBe(true);
  });

  it('answers a reply to one of its messages', async () => {
    const group = newGroup();
    h.api.sendGroup(`@${h.api.bot.username} who controls the airport?`, { chatId: group });
    const [first] = await h.api.waitForMessages(group, 1, 10_000);
    h.api.sendGroup('and what about the Halko neighbourhood?', { chatId: group, replyToMessageId: first!.message_id, userId: 10_002 });
    const replies = await h.api.waitForMessages(group, 2, 10_000);
    expect(replies[1]!.plain_text).toMatch(/[A-Za-z]/);
  });

  it('stays out of ordinary chatter, replies to people and other bots', async () => {
    const group = newGroup();
    const chatter = h.api.sendGroup('من يسيطر على المطار؟ حدا بيعرف؟', { chatId: group });
    h.api.sendGroup('ما بعرف', { chatId: group, replyToMessageId: chatter.message!.message_id, userId: 10_003 });
    h.api.sendGroup(`@${h.api.bot.username} who controls the airport?`, { chatId: group, fromBot: true });
    h.api.sendCommand('ask@SomeOtherBot', 'who controls the airport?', { chat: 'group', chatId: group });
    h.api.sendCommand('frobnicate', undefined, { chat: 'group', chatId: group });
    await drain();
    expect(h.api.sentMessages(group)).toEqual([]);
  });

  it('answers commands, also in the /command@BotName form', async () => {
    const group = newGroup();
    h.api.sendCommand(`ask@${h.api.bot.username}`, 'من يسيطر على المطار؟', { chat: 'group', chatId: group });
    h.api.sendCommand('sources', undefined, { chat: 'group', chatId: group, languageCode: 'en' });
    h.api.sendCommand(`help@${h.api.bot.username}`, undefined, { chat: 'group', chatId: group, languageCode: 'en' });
    h.api.sendCommand(`frobnicate@${h.api.bot.username}`, undefined, { chat: 'group', chatId: group, languageCode: 'en' });
    const replies = await h.api.waitForMessages(group, 4, 10_000);
    const texts = replies.map((r) => r.plain_text).join('\n---\n');
    expect(texts).toContain('The articles I answer from:');
    expect(texts).toContain('In groups I answer only when you mention');
    expect(texts).toContain("I don't know that command");
    expect(replies.some((r) => r.entities.some((e) => e.type === 'blockquote'))).toBe(true);
  });

  it('answers a bare mention with a prompt to ask', async () => {
    const group = newGroup();
    h.api.sendGroup(`@${h.api.bot.username}`, { chatId: group, languageCode: 'en' });
    const [reply] = await h.api.waitForMessages(group, 1, 10_000);
    expect(reply!.plain_text).toContain('Write your question about Qamishli after my name');
  });

  it('ignores stickers and photos in groups', async () => {
    const group = newGroup();
    h.api.sendSticker({ chat: 'group', chatId: group });
    h.api.sendPhoto({ chat: 'group', chatId: group, caption: 'صورة من القامشلي' });
    await drain();
    expect(h.api.sentMessages(group)).toEqual([]);
  });

  it('pressing "more" in a group replies under the answer', async () => {
    const group = newGroup();
    h.api.sendGroup(`@${h.api.bot.username} ماذا يحدث في القامشلي؟`, { chatId: group });
    const replies = await h.api.waitForMessages(group, 1, 10_000);
    const withButton = replies.find((r) => r.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith('more:'));
    expect(withButton).toBeDefined();
    h.api.clickButton(withButton!, withButton!.reply_markup!.inline_keyboard![0]![0]!.callback_data!, { userId: 10_004 });
    const after = await h.api.waitForMessages(group, replies.length + 1, 10_000);
    expect(after.at(-1)!.reply_to).toBe(withButton!.message_id);
  });
});
