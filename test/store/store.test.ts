import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase, StoreError } from '../../src/store/db.ts';
import { DATABASE_FILE, openStore } from '../../src/store/store.ts';
import { parseLocalTime, SubscriptionError } from '../../src/store/subscriptions.ts';

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
    first.subscriptions.subscribe(-100, '07:30');
    first.settings.setLanguage(-100, 'en');
    first.close();

    const second = openStore(dir);
    expect(second.chats.isBlocked(42)).toBe(true);
    expect(second.chats.get(42)).toMatchObject({ type: 'private', language: 'ar', blockedReason: 'Forbidden: bot was blocked by the user' });
    expect(second.chats.get(-100)).toMatchObject({ title: 'القامشلي', blockedAt: null });
    expect(second.subscriptions.get(-100)).toMatchObject({ chatId: -100, localTime: '07:30', active: true });
    expect(second.settings.get(-100)).toEqual({ chatId: -100, language: 'en', timezone: null });
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

  it('lists active subscriptions, without blocked or deactivated chats', () => {
    const store = openStore(':memory:');
    store.subscriptions.subscribe(1, '6:00');
    store.subscriptions.subscribe(2);
    store.subscriptions.subscribe(3, '21:15');
    store.subscriptions.subscribe(4);
    store.chats.markBlocked(2, 'Forbidden: bot was blocked by the user');
    expect(store.subscriptions.deactivate(4, 'my_chat_member: kicked')).toBe(true);
    expect(store.subscriptions.deactivate(4, 'again')).toBe(false);
    expect(store.subscriptions.active().map((s) => [s.chatId, s.localTime])).toEqual([[1, '06:00'], [3, '21:15']]);
    expect(store.subscriptions.get(4)).toMatchObject({ active: false, deactivatedReason: 'my_chat_member: kicked' });
    store.close();
  });

  it('re-subscribing changes the time and reactivates but keeps the creation time', () => {
    let clock = new Date('2024-03-01T10:00:00Z');
    const store = openStore(':memory:', { now: () => clock });
    store.subscriptions.subscribe(5, '06:00');
    store.subscriptions.deactivate(5, '403');
    clock = new Date('2024-03-05T10:00:00Z');
    const updated = store.subscriptions.subscribe(5, '20:00');
    expect(updated).toEqual({
      chatId: 5, localTime: '20:00', active: true, since: '2024-03-05T10:00:00.000Z', createdAt: '2024-03-01T10:00:00.000Z',
      updatedAt: '2024-03-05T10:00:00.000Z', deactivatedReason: null,
    });
    expect(store.subscriptions.unsubscribe(5)).toBe(true);
    expect(store.subscriptions.unsubscribe(5)).toBe(false);
    expect(store.subscriptions.all()).toEqual([]);
    store.close();
  });

  it('rejects a time that is not HH:MM, 24-hour', () => {
    const store = openStore(':memory:');
    for (const bad of ['24:00', '8', '08:60', '8am', '']) expect(() => store.subscriptions.subscribe(1, bad)).toThrow(SubscriptionError);
    expect(parseLocalTime('٠٨:٣٠')).toBe('08:30');
    expect(parseLocalTime('7.05')).toBe('07:05');
    expect(store.subscriptions.all()).toEqual([]);
    store.close();
  });

  it('migrates version-1 subscriptions (UTC hour) to local times in UTC, keeping every subscriber', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO subscriptions VALUES (-5, 'en', 7, '2024-01-01T00:00:00.000Z'), (9, 'ar', 19, '2024-01-02T00:00:00.000Z')").run();
    raw.close();
    const store = openStore(join(file, '..'));
    expect(store.subscriptions.all().map((s) => [s.chatId, s.localTime, s.active])).toEqual([[-5, '07:00', true], [9, '19:00', true]]);
    expect(store.settings.get(-5)).toEqual({ chatId: -5, language: 'en', timezone: 'UTC' });
    store.close();
  });
});

describe('deliveries', () => {
  const options = { owner: 'a', leaseMs: 60_000, maxAttempts: 3 };

  it('claims a chat-day once; a second owner is refused while the claim lives and after it is sent', () => {
    let clock = new Date('2024-05-01T08:00:00Z');
    const store = openStore(tempDir(), { now: () => clock });
    expect(store.deliveries.claim(1, '2024-05-01', options)).toEqual({ claimed: true, attempt: 1 });
    expect(store.deliveries.claim(1, '2024-05-01', { ...options, owner: 'b' }).claimed).toBe(false);
    expect(store.deliveries.claim(2, '2024-05-01', { ...options, owner: 'b' }).claimed).toBe(true);
    expect(store.deliveries.markSent(1, '2024-05-01', 'b', { asOf: null, points: [] })).toBe(false);
    expect(store.deliveries.markSent(1, '2024-05-01', 'a', { asOf: '2024-04-30', points: [{ sentenceId: 'x#1', text: 't' }] })).toBe(true);
    clock = new Date('2024-05-01T09:00:00Z');
    expect(store.deliveries.claim(1, '2024-05-01', { ...options, owner: 'b' }).claimed).toBe(false);
    expect(store.deliveries.lastSent(1)).toMatchObject({ asOf: '2024-04-30', points: [{ sentenceId: 'x#1', text: 't' }] });
    store.close();
  });

  it('takes over a claim whose lease ran out, retries at the set time, gives up after the last attempt', () => {
    let clock = new Date('2024-05-01T08:00:00Z');
    const store = openStore(tempDir(), { now: () => clock });
    store.deliveries.claim(1, '2024-05-01', options);
    clock = new Date('2024-05-01T08:01:01Z');
    expect(store.deliveries.claim(1, '2024-05-01', { ...options, owner: 'b' })).toEqual({ claimed: true, attempt: 2 });
    store.deliveries.markRetry(1, '2024-05-01', 'b', new Date('2024-05-01T08:05:00Z'), '429');
    expect(store.deliveries.claim(1, '2024-05-01', options).claimed).toBe(false);
    clock = new Date('2024-05-01T08:05:00Z');
    expect(store.deliveries.claim(1, '2024-05-01', options)).toEqual({ claimed: true, attempt: 3 });
    store.deliveries.markRetry(1, '2024-05-01', 'a', clock, '502');
    expect(store.deliveries.claim(1, '2024-05-01', options).claimed).toBe(false);
    store.close();
  });
});

describe('feedback', () => {
  it('stores one vote per person per answer with the question and cited sentence ids', () => {
    const store = openStore(tempDir());
    const id = store.feedback.recordAnswer({ chatId: 1, question: 'من يسيطر على المطار؟', lang: 'ar', kind: 'answer', sentenceIds: ['a#2', 'a#16'] });
    const other = store.feedback.recordAnswer({ chatId: 1, question: 'unvoted', lang: 'en', kind: 'answer', sentenceIds: [] });
    expect(store.feedback.vote(id, 7, 1)).toBe(true);
    expect(store.feedback.vote(id, 7, -1)).toBe(true);
    expect(store.feedback.vote(id, 8, -1)).toBe(true);
    expect(store.feedback.vote(9999, 8, 1)).toBe(false);
    expect(store.feedback.report()).toEqual([
      expect.objectContaining({ answerId: id, question: 'من يسيطر على المطار؟', sentenceIds: ['a#2', 'a#16'], up: 0, down: 2 }),
    ]);
    expect(store.feedback.prune(-1)).toBe(1);
    expect(store.feedback.vote(other, 7, 1)).toBe(false);
    store.close();
  });
});
