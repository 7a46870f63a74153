import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { requesterOf } from '../../src/bot/intake.ts';
import { checkUpdate } from '../../src/bot/update-schema.ts';

const bot = { id: 42, username: 'QamishliBot' };
const user = { id: 7, is_bot: false, first_name: 'U' };
const group = { id: -100, type: 'supergroup', title: 'G' };
const message = (chat: object, text: string, extra: object = {}) =>
  ({ update_id: 1, message: { message_id: 1, date: 0, chat, from: user, text, ...extra } } as unknown as Update);

describe('requesterOf (what the flood guard counts on arrival)', () => {
  it('counts everything in a private chat and every button', () => {
    expect(requesterOf(message({ id: 7, type: 'private' }, 'hi'), bot)).toBe(7);
    expect(requesterOf({ update_id: 2, callback_query: { id: 'q', from: user, chat_instance: 'c', data: 'more:x' } } as unknown as Update, bot)).toBe(7);
  });

  it('counts in groups only what is meant for the bot', () => {
    expect(requesterOf(message(group, 'chatting among ourselves'), bot)).toBeNull();
    expect(requesterOf(message(group, '@QamishliBot who controls the airport?'), bot)).toBe(7);
    expect(requesterOf(message(group, '/ask who?'), bot)).toBe(7);
    expect(requesterOf(message(group, '/ask@OtherBot who?'), bot)).toBeNull();
    expect(requesterOf(message(group, 'yes', { reply_to_message: { message_id: 5, from: { id: 42, is_bot: true, first_name: 'B' } } }), bot)).toBe(7);
  });

  it('never counts other bots, channel posts or membership changes', () => {
    const fromBot = { update_id: 3, message: { message_id: 1, date: 0, chat: { id: 9, type: 'private' }, from: { id: 9, is_bot: true, first_name: 'B' }, text: 'x' } } as unknown as Update;
    expect(requesterOf(fromBot, bot)).toBeNull();
    expect(requesterOf({ update_id: 4, channel_post: { message_id: 1, date: 0, chat: { id: -5, type: 'channel' }, text: 'x' } } as unknown as Update, bot)).toBeNull();
  });
});

describe('checkUpdate', () => {
  it('accepts the shapes Telegram sends, unknown fields included', () => {
    expect(checkUpdate({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 7, type: 'private' }, from: user, text: 'hi', entities: [{ type: 'bold', offset: 0, length: 2 }], new_field: { x: 1 } } })).toEqual({ ok: true });
    expect(checkUpdate({ update_id: 2, callback_query: { id: 'q', from: user, chat_instance: 'c', message: { message_id: 1, chat: { id: 7, type: 'private' }, date: 0 } } })).toEqual({ ok: true });
    expect(checkUpdate({ update_id: 3, poll: { id: 'p' } })).toEqual({ ok: true });
  });

  it('refuses what the handlers would trip over, naming fields but not values', () => {
    const check = checkUpdate({ update_id: 4, message: { message_id: 1, date: 0, chat: { id: 7, type: 'private' }, from: user, text: 'secret words', entities: { type: 'bold' } } });
    expect(check).toMatchObject({ ok: false, updateId: 4 });
    expect(JSON.stringify(check)).toContain('message.entities');
    expect(JSON.stringify(check)).not.toContain('secret');
    expect(checkUpdate({ update_id: 5, message: { message_id: 1, chat: { id: 7, type: 'private' }, text: 12 } }).ok).toBe(false);
    expect(checkUpdate({ update_id: 'x' })).toMatchObject({ ok: false, updateId: null });
    expect(checkUpdate(null).ok).toBe(false);
  });
});
