/** Chats the bot has seen, and the ones Telegram will not deliver to (bot blocked or kicked: 403). */
import type { Db } from './db.ts';

export type ChatKind = 'private' | 'group' | 'supergroup' | 'channel';

export interface ChatRecord {
  chatId: number;
  type: ChatKind | null;
  title: string | null;
  language: string | null;
  firstSeen: string;
  lastSeen: string;
  blockedAt: string | null;
  blockedReason: string | null;
}

interface ChatRow {
  chat_id: number;
  type: string | null;
  title: string | null;
  language: string | null;
  first_seen: string;
  last_seen: string;
  blocked_at: string | null;
  blocked_reason: string | null;
}

export interface ChatSeen {
  chatId: number;
  type?: ChatKind | null;
  title?: string | null;
  language?: string | null;
}

export class ChatStore {
  private readonly upsertSeen;
  private readonly upsertBlocked;
  private readonly selectOne;
  private readonly selectBlocked;

  constructor(db: Db, private readonly now: () => Date = () => new Date()) {
    // A chat that writes to the bot can be delivered to again, so seeing it clears a block.
    this.upsertSeen = db.prepare(`
      INSERT INTO chats (chat_id, type, title, language, first_seen, last_seen)
      VALUES (@chatId, @type, @title, @language, @at, @at)
      ON CONFLICT (chat_id) DO UPDATE SET
        type = coalesce(excluded.type, type),
        title = coalesce(excluded.title, title),
        language = coalesce(excluded.language, language),
        last_seen = excluded.last_seen,
        blocked_at = NULL,
        blocked_reason = NULL`);
    this.upsertBlocked = db.prepare(`
      INSERT INTO chats (chat_id, first_seen, last_seen, blocked_at, blocked_reason)
      VALUES (@chatId, @at, @at, @at, @reason)
      ON CONFLICT (chat_id) DO UPDATE SET blocked_at = excluded.blocked_at, blocked_reason = excluded.blocked_reason`);
    this.selectOne = db.prepare<[number], ChatRow>('SELECT * FROM chats WHERE chat_id = ?');
    this.selectBlocked = db.prepare<[], ChatRow>('SELECT * FROM chats WHERE blocked_at IS NOT NULL ORDER BY chat_id');
  }

  /** Records that a chat wrote to the bot (or added it): it is reachable. */
  seen(chat: ChatSeen): void {
    this.upsertSeen.run({
      chatId: chat.chatId,
      type: chat.type ?? null,
      title: chat.title ?? null,
      language: chat.language ?? null,
      at: this.now().toISOString(),
    });
  }

  /** Records a final refusal from Telegram (403: blocked by the user, kicked from the group). */
  markBlocked(chatId: number, reason: string): void {
    this.upsertBlocked.run({ chatId, reason, at: this.now().toISOString() });
  }

  get(chatId: number): ChatRecord | null {
    const row = this.selectOne.get(chatId);
    return row === undefined ? null : toRecord(row);
  }

  isBlocked(chatId: number): boolean {
    return this.get(chatId)?.blockedAt != null;
  }

  blocked(): ChatRecord[] {
    return this.selectBlocked.all().map(toRecord);
  }
}

function toRecord(row: ChatRow): ChatRecord {
  return {
    chatId: row.chat_id,
    type: row.type as ChatKind | null,
    title: row.title,
    language: row.language,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    blockedAt: row.blocked_at,
    blockedReason: row.blocked_reason,
  };
}
