/** Per-chat settings: the language of digests and notices, and the time zone digests are timed in. */
import type { Language } from '../corpus/article.ts';
import type { Db } from './db.ts';

export interface ChatSettings {
  chatId: number;
  /** Null: not chosen (Arabic by default). */
  language: Language | null;
  /** IANA name; null: not chosen (the configured TIMEZONE). */
  timezone: string | null;
}

interface SettingsRow {
  chat_id: number;
  language: Language | null;
  timezone: string | null;
}

export class SettingsStore {
  private readonly selectOne;
  private readonly upsertLanguage;
  private readonly upsertTimezone;

  constructor(db: Db, private readonly now: () => Date = () => new Date()) {
    this.selectOne = db.prepare<[number], SettingsRow>('SELECT chat_id, language, timezone FROM chat_settings WHERE chat_id = ?');
    this.upsertLanguage = db.prepare(`
      INSERT INTO chat_settings (chat_id, language, updated_at) VALUES (@chatId, @value, @at)
      ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`);
    this.upsertTimezone = db.prepare(`
      INSERT INTO chat_settings (chat_id, timezone, updated_at) VALUES (@chatId, @value, @at)
      ON CONFLICT (chat_id) DO UPDATE SET timezone = excluded.timezone, updated_at = excluded.updated_at`);
  }

  get(chatId: number): ChatSettings {
    const row = this.selectOne.get(chatId);
    return { chatId, language: row?.language ?? null, timezone: row?.timezone ?? null };
  }

  setLanguage(chatId: number, language: Language): void {
    this.upsertLanguage.run({ chatId, value: language, at: this.now().toISOString() });
  }

  /** The caller validates the name (see isValidTimeZone); the store keeps what it is given. */
  setTimezone(chatId: number, timezone: string): void {
    this.upsertTimezone.run({ chatId, value: timezone, at: this.now().toISOString() });
  }
}
