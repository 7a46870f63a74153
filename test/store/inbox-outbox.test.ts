import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openStore } from '../../src/store/store.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qamishli-inbox-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Inbox', () => {
  it('records an update once: a redelivered update_id is refused', () => {
    const store = openStore(':memory:');
    expect(store.inbox.receive(1, { update_id: 1 }, 'chat:5')).toBe(true);
    expect(store.inbox.receive(1, { update_id: 1 }, 'chat:5')).toBe(false);
    store.inbox.finish(1, 'answered');
    expect(store.inbox.receive(1, { update_id: 1 }, 'chat:5')).toBe(false);
    store.close();
  });

  it('survives a restart: unanswered updates within the window come back, older ones expire, answered ones do not', () => {
    const dir = tempDir();
    let now = new Date('2026-01-01T00:00:00Z');
    const first = openStore(dir, { now: () => now });
    first.inbox.receive(1, { update_id: 1, note: 'old' }, null);
    now = new Date('2026-01-01T00:20:00Z');
    first.inbox.receive(2, { update_id: 2 }, 'chat:1');
    first.inbox.receive(3, { update_id: 3 }, 'chat:1');
    first.inbox.receive(4, { update_id: 4 }, 'chat:2');
    first.inbox.finish(3, 'answered');
    first.inbox.partSent(4);
    first.close(); // as a crash would leave it: nothing else is written

    now = new Date('2026-01-01T00:21:00Z');
    const second = openStore(dir, { now: () => now });
    const pending = second.inbox.unanswered(15 * 60_000);
    expect(pending.map((p) => p.updateId)).toEqual([2, 4]);
    expect(pending[0]!.payload).toEqual({ update_id: 2 });
    expect(pending[1]!.partsSent).toBe(1);
    expect(second.inbox.pendingCount()).toBe(2); // 1 expired
    expect(second.inbox.receive(1, { update_id: 1 }, null)).toBe(false);
    second.close();
    // What people wrote is kept only while an update is pending.
    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(raw.prepare('SELECT update_id, payload FROM inbox ORDER BY update_id').all()).toEqual([
      { update_id: 1, payload: 'null' }, { update_id: 2, payload: '{"update_id":2}' }, { update_id: 3, payload: 'null' }, { update_id: 4, payload: '{"update_id":4}' },
    ]);
    raw.close();
  });

  it('prunes finished updates after the keep period only', () => {
    let now = 0;
    const store = openStore(':memory:', { now: () => new Date(now) });
    store.inbox.receive(1, {}, null);
    store.inbox.receive(2, {}, null);
    store.inbox.finish(1, 'dropped');
    now = 10_000;
    expect(store.inbox.prune(20_000)).toBe(0);
    now = 50_000;
    expect(store.inbox.prune(20_000)).toBe(1);
    expect(store.inbox.pendingCount()).toBe(1);
    store.close();
  });
});

describe('Outbox', () => {
  it('hands out one entry per chat, oldest first, and only when due', () => {
    let now = 1000;
    const store = openStore(':memory:', { now: () => new Date(now) });
    const { outbox } = store;
    const a1 = outbox.enqueue(5, { params: { text: 'a1', chat_id: 999 } });
    const a2 = outbox.enqueue(5, { params: { text: 'a2' } });
    const b1 = outbox.enqueue('@news', { method: 'sendMessage', params: { text: 'b1' } }, { notBefore: 5000 });
    expect(outbox.size()).toBe(3);
    expect(outbox.hasPending(5)).toBe(true);
    expect(outbox.hasPending(6)).toBe(false);
    const due = outbox.due();
    expect(due.map((e) => e.id)).toEqual([a1]);
    expect(due[0]).toMatchObject({ chatId: 5, method: 'sendMessage', params: { text: 'a1' } }); // chat_id not stored
    outbox.done(a1);
    expect(outbox.due().map((e) => e.id)).toEqual([a2]);
    outbox.retryAt(a2, 3000);
    expect(outbox.due()).toEqual([]);
    expect(outbox.nextDueAt()).toBe(3000);
    now = 6000;
    expect(outbox.due().map((e) => [e.id, e.chatId, e.attempts])).toEqual([[a2, 5, 1], [b1, '@news', 0]]);
    outbox.holdChat(5, 9000);
    expect(outbox.due().map((e) => e.id)).toEqual([b1]);
    expect(outbox.dropChat(5)).toBe(1);
    expect(outbox.size()).toBe(1);
    store.close();
  });

  it('keeps its entries across a restart and tells listeners about new ones', () => {
    const dir = tempDir();
    const first = openStore(dir);
    let woken = 0;
    const off = first.outbox.onEnqueue(() => { woken += 1; });
    first.outbox.enqueue(7, { params: { text: 'hello', parse_mode: 'HTML' } });
    off();
    first.outbox.enqueue(7, { params: { text: 'again' } });
    expect(woken).toBe(1);
    first.close();
    const second = openStore(dir);
    expect(second.outbox.size()).toBe(2);
    expect(second.outbox.due()[0]!.params).toEqual({ text: 'hello', parse_mode: 'HTML' });
    second.close();
  });
});
