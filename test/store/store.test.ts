import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase, StoreError } from '../../src/store/db.ts';
import { DATABASE_FILE, openStore } from '../../src/store/store.ts';
import { SubscriptionError } from '../../src/store/subscriptions.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qamishli-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the data directory, uses WAL and records the schema version', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const db = openDatabase(join(dir, DATABASE_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    const file = join(tempDir(), DATABASE_FILE);
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database from a newer version of the code', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(StoreError);
  });
});

describe('store', () => {
  it('keeps chats and subscriptions across a reopen', () => {
    const dir = tempDir();
    const first = openStore(dir);
    first.chats.seen({ chatId: 42, type: 'private', language: 'ar' });
    first.chats.seen({ chatId: -100, type: 'supergroup', title: 'القامشلي' });
    first.chats.markBlocked(42, 'Forbidden: bot was blocked by the user');
    first.subscriptions.subscribe(-100, 'en', 7);
    first.close();

    const second = openStore(dir);
    expect(second.chats.isBlocked(42)).toBe(true);
    expect(second.chats.get(42)).toMatchObject({ type: 'private', language: 'ar', blockedReason: 'Forbidden: bot was blocked by the user' });
    expect(second.chats.get(-100)).toMatchObject({ title: 'القامشلي', blockedAt: null });
    expect(second.subscriptions.get(-100)).toMatchObject({ chatId: -100, language: 'en', hourUtc: 7 });
    expect(second.chats.blocked().map((c) => c.chatId)).toEqual([42]);
    second.close();
  });

  it('records a 403 for a chat never seen before, and clears it when the chat writes again', () => {
    let clock = new Date('2024-01-01T00:00:00Z');
    const store = openStore(':memory:', { now: () => clock });
    store.chats.markBlocked(7, 'Forbidden: bot was kicked from the group chat');
    expect(store.chats.get(7)).toMatchObject({ blockedAt: '2024-01-01T00:00:00.000Z' });
    clock = new Date('2024-01-02T00:00:00Z');
    store.chats.seen({ chatId: 7, type: 'group' });
    expect(store.chats.get(7)).toMatchObject({ blockedAt: null, blockedReason: null, firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-02T00:00:00.000Z', type: 'group' });
    store.close();
  });

  it('keeps known chat details when a later sighting lacks them', () => {
    const store = openStore(':memory:');
    store.chats.seen({ chatId: 1, type: 'private', language: 'en' });
    store.chats.seen({ chatId: 1 });
    expect(store.chats.get(1)).toMatchObject({ type: 'private', language: 'en' });
    store.close();
  });

  it('lists subscriptions due at an hour, without blocked chats', () => {
    const store = openStore(':memory:');
    store.subscriptions.subscribe(1, 'ar', 6);
    store.subscriptions.subscribe(2, 'en', 6);
    store.subscriptions.subscribe(3, 'ar', 9);
    store.chats.markBlocked(2, 'Forbidden: bot was blocked by the user');
    expect(store.subscriptions.dueAt(6).map((s) => s.chatId)).toEqual([1]);
    expect(store.subscriptions.dueAt(9).map((s) => s.chatId)).toEqual([3]);
    store.close();
  });

  it('re-subscribing updates language and hour but keeps the creation time', () => {
    let clock = new Date('2024-03-01T10:00:00Z');
    const store = openStore(':memory:', { now: () => clock });
    store.subscriptions.subscribe(5, 'ar', 6);
    clock = new Date('2024-03-05T10:00:00Z');
    const updated = store.subscriptions.subscribe(5, 'en', 20);
    expect(updated).toEqual({ chatId: 5, language: 'en', hourUtc: 20, createdAt: '2024-03-01T10:00:00.000Z' });
    expect(store.subscriptions.unsubscribe(5)).toBe(true);
    expect(store.subscriptions.unsubscribe(5)).toBe(false);
    expect(store.subscriptions.all()).toEqual([]);
    store.close();
  });

  it('rejects an hour outside 0-23', () => {
    const store = openStore(':memory:');
    expect(() => store.subscriptions.subscribe(1, 'ar', 24)).toThrow(SubscriptionError);
    expect(() => store.subscriptions.subscribe(1, 'ar', 1.5)).toThrow(SubscriptionError);
    store.close();
  });
});
