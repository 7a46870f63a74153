/**
 * The durable outbox: messages that cannot be sent now (Telegram asked to wait longer than the bot
 * waits in memory, or the network is down) wait here and are sent when allowed, in order per chat,
 * surviving a restart.
 *
 * It is also the general way to get a message to a chat "as soon as Telegram allows": anything that
 * is not a reply the user is waiting on (e.g. a daily digest) can call
 *
 *   store.outbox.enqueue(chatId, { params: { text: html, parse_mode: 'HTML' } });
 *
 * and the bot's outbox sender delivers it, paced, retried, in order behind earlier entries for the
 * same chat; a chat that blocked the bot (403) has its entries dropped.
 */
import type { Db } from './db.ts';

export type OutboxChatId = number | string;

export interface OutgoingMessage {
  /** The Bot API method; `sendMessage` when left out. */
  method?: string;
  /** Its parameters, without `chat_id` (text, parse_mode, reply_markup, ...). */
  params: Record<string, unknown>;
}

export interface OutboxEntry {
  id: number;
  chatId: OutboxChatId;
  method: string;
  params: Record<string, unknown>;
  createdAt: number;
  /** Not to be sent before this time (ms since the epoch), e.g. the end of a 429's retry_after. */
  notBefore: number;
  attempts: number;
}

interface OutboxRow {
  id: number;
  chat_id: string;
  method: string;
  payload: string;
  created_at: number;
  not_before: number;
  attempts: number;
}

function toChatId(stored: string): OutboxChatId {
  return /^-?\d+$/.test(stored) ? Number(stored) : stored;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    chatId: toChatId(row.chat_id),
    method: row.method,
    params: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
    notBefore: row.not_before,
    attempts: row.attempts,
  };
}

export class Outbox {
  private readonly insert;
  private readonly selectHeads;
  private readonly selectAnyForChat;
  private readonly remove;
  private readonly removeChat;
  private readonly reschedule;
  private readonly pushBackChat;
  private readonly count;
  private readonly earliest;
  private readonly listeners = new Set<() => void>();

  constructor(db: Db, private readonly now: () => number = Date.now) {
    this.insert = db.prepare(`INSERT INTO outbox (chat_id, method, payload, created_at, not_before)
      VALUES (@chatId, @method, @payload, @at, @notBefore)`);
    // The head (oldest entry) of each chat: only it may be sent, so a chat's messages keep their order.
    this.selectHeads = db.prepare<[number, number], OutboxRow>(`SELECT o.* FROM outbox o
      JOIN (SELECT chat_id, min(id) AS id FROM outbox GROUP BY chat_id) h ON h.id = o.id
      WHERE o.not_before <= ? ORDER BY o.not_before, o.id LIMIT ?`);
    this.selectAnyForChat = db.prepare<[string], { id: number }>('SELECT id FROM outbox WHERE chat_id = ? LIMIT 1');
    this.remove = db.prepare('DELETE FROM outbox WHERE id = ?');
    this.removeChat = db.prepare('DELETE FROM outbox WHERE chat_id = ?');
    this.reschedule = db.prepare('UPDATE outbox SET not_before = @notBefore, attempts = attempts + 1 WHERE id = @id');
    this.pushBackChat = db.prepare('UPDATE outbox SET not_before = max(not_before, @notBefore) WHERE chat_id = @chatId');
    this.count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox');
    this.earliest = db.prepare<[], { t: number | null }>(`SELECT min(o.not_before) AS t FROM outbox o
      JOIN (SELECT chat_id, min(id) AS id FROM outbox GROUP BY chat_id) h ON h.id = o.id`);
  }

  /** Queues a message for `chatId` behind the chat's earlier entries; returns its id. */
  enqueue(chatId: OutboxChatId, message: OutgoingMessage, options: { notBefore?: number } = {}): number {
    const { chat_id: _dropped, ...params } = message.params;
    const result = this.insert.run({
      chatId: String(chatId),
      method: message.method ?? 'sendMessage',
      payload: JSON.stringify(params),
      at: this.now(),
      notBefore: options.notBefore ?? this.now(),
    });
    for (const listener of this.listeners) listener();
    return Number(result.lastInsertRowid);
  }

  /** Whether `chatId` has messages waiting (new ones must then queue behind them). */
  hasPending(chatId: OutboxChatId): boolean {
    return this.selectAnyForChat.get(String(chatId)) !== undefined;
  }

  /** The first entry of each chat that may be sent now, earliest first, at most `limit`. */
  due(limit = 100): OutboxEntry[] {
    return this.selectHeads.all(this.now(), limit).map(toEntry);
  }

  /** When the next entry becomes due (ms since the epoch), or null when the outbox is empty. */
  nextDueAt(): number | null {
    return this.earliest.get()?.t ?? null;
  }

  /** Sent (or given up on): removes it. */
  done(id: number): void {
    this.remove.run(id);
  }

  /** Tried and refused for now: try again at `notBefore`. */
  retryAt(id: number, notBefore: number): void {
    this.reschedule.run({ id, notBefore });
  }

  /** Holds every entry of a chat back until `notBefore` (a 429 applies to the whole chat). */
  holdChat(chatId: OutboxChatId, notBefore: number): void {
    this.pushBackChat.run({ chatId: String(chatId), notBefore });
  }

  /** Drops every entry of a chat (it blocked the bot); returns how many. */
  dropChat(chatId: OutboxChatId): number {
    return this.removeChat.run(String(chatId)).changes;
  }

  size(): number {
    return this.count.get()?.n ?? 0;
  }

  /** Called after every enqueue (the sender uses it to wake up); returns an unsubscribe function. */
  onEnqueue(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
