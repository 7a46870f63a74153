import type { Context } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { AdminCache } from '../../src/bot/admins.ts';

/** The few fields of an update's context the admin check reads. */
function context(chat: { id: number; type: string }, fromId: number, statuses: Map<number, string>, calls: number[]): Context {
  return {
    chat,
    from: { id: fromId, is_bot: false, first_name: 'x' },
    message: { message_id: 1, chat, date: 0, text: '/subscribe' },
    telegram: {
      getChatMember: async (_chatId: number, userId: number) => {
        calls.push(userId);
        return { status: statuses.get(userId) ?? 'member', user: { id: userId } };
      },
    },
  } as unknown as Context;
}

describe('AdminCache', () => {
  it('lets group administrators and the creator configure, asks Telegram once a minute per person', async () => {
    let now = 0;
    const cache = new AdminCache(60_000, () => now);
    const calls: number[] = [];
    const statuses = new Map([[1, 'administrator'], [2, 'creator'], [3, 'member']]);
    const group = { id: -100, type: 'supergroup' };
    expect(await cache.mayConfigure(context(group, 1, statuses, calls))).toBe(true);
    expect(await cache.mayConfigure(context(group, 2, statuses, calls))).toBe(true);
    expect(await cache.mayConfigure(context(group, 3, statuses, calls))).toBe(false);
    expect(await cache.mayConfigure(context(group, 3, statuses, calls))).toBe(false);
    expect(calls).toEqual([1, 2, 3]);
    statuses.set(1, 'member'); // demoted
    now = 61_000;
    expect(await cache.mayConfigure(context(group, 1, statuses, calls))).toBe(false);
    expect(calls).toEqual([1, 2, 3, 1]);
  });

  it('in a private chat the user decides, without asking Telegram', async () => {
    const calls: number[] = [];
    expect(await new AdminCache().mayConfigure(context({ id: 5, type: 'private' }, 5, new Map(), calls))).toBe(true);
    expect(calls).toEqual([]);
  });
});
