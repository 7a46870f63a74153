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
    const dispatcher = new UpdateDispatcher({
      handle: async (update) => {
        started.push(update.update_id);
        const gate = deferred();
        gates.set(update.update_id, gate);
        await gate.promise;
        finished.push(update.update_id);
      },
      onError: () => undefined,
    });
    dispatcher.push(message(1, 100));
    dispatcher.push(message(2, 100));
    dispatcher.push(message(3, 200));
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

  it('never makes push wait: a busy chat holds only its own slot, and chats take turns', async () => {
    const gate = deferred();
    const started: number[] = [];
    const dispatcher = new UpdateDispatcher({
      handle: async (update) => {
        started.push(update.update_id);
        await gate.promise;
      },
      onError: () => undefined,
      maxConcurrent: 2,
      maxQueuePerChat: 1000,
    });
    for (let i = 1; i <= 300; i += 1) dispatcher.push(message(i, 1)); // one chat floods
    dispatcher.push(message(1001, 2));
    dispatcher.push(message(1002, 3));
    await tick();
    expect(started).toEqual([1, 1001]); // the flood holds one slot; chat 2 gets the other at once
    expect(dispatcher.stats()).toMatchObject({ chats: 3, active: 2, queued: 300, deepest: 299 });
    gate.resolve();
    await dispatcher.drain();
    // Round-robin: after its first update, chat 1 waited behind chat 3 rather than running its backlog first.
    expect(started.indexOf(1002)).toBeLessThan(started.indexOf(2));
    expect(started).toHaveLength(302);
  });

  it('caps each chat queue: drops beyond it, counts, and reports the overflow once until drained', async () => {
    const gate = deferred();
    const overflows: number[] = [];
    const outcomes: string[] = [];
    const dispatcher = new UpdateDispatcher({
      handle: () => gate.promise,
      onError: () => undefined,
      onOverflow: (update) => overflows.push(update.update_id),
      onFinished: (update, outcome) => outcomes.push(`${update.update_id}:${outcome}`),
      maxQueuePerChat: 2,
    });
    for (let i = 1; i <= 6; i += 1) dispatcher.push(message(i, 1));
    // 1 runs, 2 and 3 wait, 4-6 overflow.
    expect(overflows).toEqual([4]);
    expect(outcomes).toEqual(['4:dropped', '5:dropped', '6:dropped']);
    expect(dispatcher.stats()).toMatchObject({ overflowDropped: 3, queued: 2 });
    gate.resolve();
    await dispatcher.drain();
    expect(outcomes.slice(3).sort()).toEqual(['1:handled', '2:handled', '3:handled']);
    for (let i = 7; i <= 10; i += 1) dispatcher.push(message(i, 1));
    expect(overflows).toEqual([4, 10]); // a new overflow, a new report
    await dispatcher.drain();
  });

  it('lets admit refuse an update on arrival, without handling it', async () => {
    const handled: number[] = [];
    const outcomes: string[] = [];
    const dispatcher = new UpdateDispatcher({
      handle: async (update) => { handled.push(update.update_id); },
      onError: () => undefined,
      admit: (update) => update.update_id % 2 === 1,
      onFinished: (update, outcome) => outcomes.push(`${update.update_id}:${outcome}`),
    });
    for (let i = 1; i <= 4; i += 1) dispatcher.push(message(i, 1));
    await dispatcher.drain();
    expect(handled).toEqual([1, 3]);
    expect(outcomes.sort()).toEqual(['1:handled', '2:dropped', '3:handled', '4:dropped']);
    expect(dispatcher.stats().refused).toBe(2);
  });

  it('reports failures and carries on with the chat', async () => {
    const errors: number[] = [];
    const handled: number[] = [];
    const dispatcher = new UpdateDispatcher({
      handle: async (update) => {
        if (update.update_id === 1) throw new Error('boom');
        handled.push(update.update_id);
      },
      onError: (update) => errors.push(update.update_id),
    });
    dispatcher.push(message(1, 1));
    dispatcher.push(message(2, 1));
    await dispatcher.drain();
    expect(errors).toEqual([1]);
    expect(handled).toEqual([2]);
  });
});
