import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { orderingKey, UpdateDispatcher } from '../../src/bot/dispatch.ts';

const message = (id: number, chatId: number): Update => ({
  update_id: id,
  message: { message_id: id, date: 0, chat: { id: chatId, type: 'private', first_name: 'x' }, text: 'x' },
} as unknown as Update);

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('orderingKey', () => {
  it('orders by chat, then by user for callbacks without a message', () => {
    expect(orderingKey(message(1, 5))).toBe('chat:5');
    expect(orderingKey({ update_id: 2, callback_query: { id: 'q', from: { id: 9 }, chat_instance: 'c' } } as unknown as Update)).toBe('user:9');
    expect(orderingKey({ update_id: 3, callback_query: { id: 'q', from: { id: 9 }, chat_instance: 'c', message: { chat: { id: -4 } } } } as unknown as Update)).toBe('chat:-4');
    expect(orderingKey({ update_id: 4, my_chat_member: { chat: { id: -7 } } } as unknown as Update)).toBe('chat:-7');
    expect(orderingKey({ update_id: 5 } as Update)).toBeNull();
  });
});

describe('UpdateDispatcher', () => {
  it('keeps one chat in order while other chats go ahead', async () => {
    const gates = new Map<number, ReturnType<typeof deferred>>();
    const started: number[] = [];
    const finished: number[] = [];
    const dispatcher = new UpdateDispatcher(async (update) => {
      started.push(update.update_id);
      const gate = deferred();
      gates.set(update.update_id, gate);
      await gate.promise;
      finished.push(update.update_id);
    }, () => undefined);
    await dispatcher.push(message(1, 100));
    await dispatcher.push(message(2, 100));
    await dispatcher.push(message(3, 200));
    await tick();
    expect(started).toEqual([1, 3]); // 2 waits for 1 (same chat); 3 does not wait
    gates.get(3)!.resolve();
    await tick();
    expect(finished).toEqual([3]);
    gates.get(1)!.resolve();
    await tick();
    expect(started).toEqual([1, 3, 2]);
    gates.get(2)!.resolve();
    await dispatcher.drain();
    expect(finished).toEqual([3, 1, 2]);
    expect(dispatcher.size).toBe(0);
  });

  it('holds new updates back when too many are in flight', async () => {
    const gate = deferred();
    const dispatcher = new UpdateDispatcher(() => gate.promise, () => undefined, 2);
    await dispatcher.push(message(1, 1));
    await dispatcher.push(message(2, 2));
    let accepted = false;
    const third = dispatcher.push(message(3, 3)).then(() => { accepted = true; });
    await tick();
    expect(accepted).toBe(false);
    gate.resolve();
    await third;
    expect(accepted).toBe(true);
    await dispatcher.drain();
  });

  it('reports failures and carries on with the chat', async () => {
    const errors: number[] = [];
    const handled: number[] = [];
    const dispatcher = new UpdateDispatcher(async (update) => {
      if (update.update_id === 1) throw new Error('boom');
      handled.push(update.update_id);
    }, (update) => errors.push(update.update_id));
    await dispatcher.push(message(1, 1));
    await dispatcher.push(message(2, 1));
    await dispatcher.drain();
    expect(errors).toEqual([1]);
    expect(handled).toEqual([2]);
  });
});
