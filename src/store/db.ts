/**
 * The bot's SQLite database in DATA_DIR: opened in WAL mode, schema migrated forward with
 * `PRAGMA user_version` (one entry per version, never edited once shipped).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Each entry moves the schema from version `index` to `index + 1`. Append only. */
export const MIGRATIONS: readonly string[] = [
  // 1: chats the bot has talked to, and whether Telegram refuses to deliver to them (403).
  `CREATE TABLE chats (
     chat_id     INTEGER PRIMARY KEY,
     type        TEXT,
     title       TEXT,
     language    TEXT,
     first_seen  TEXT NOT NULL,
     last_seen   TEXT NOT NULL,
     blocked_at  TEXT,
     blocked_reason TEXT
   ) STRICT;
   CREATE TABLE subscriptions (
     chat_id    INTEGER PRIMARY KEY,
     language   TEXT NOT NULL CHECK (language IN ('ar', 'en')),
     hour_utc   INTEGER NOT NULL CHECK (hour_utc BETWEEN 0 AND 23),
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX subscriptions_by_hour ON subscriptions (hour_utc);`,
  // (issue 8) followed news feeds: conditional-GET validators, failures and backoff, and the items seen.
  `CREATE TABLE feeds (
     url            TEXT PRIMARY KEY,
     etag           TEXT,
     last_modified  TEXT,
     failures       INTEGER NOT NULL DEFAULT 0,
     next_attempt   TEXT,
     last_error     TEXT,
     last_checked   TEXT,
     last_ok        TEXT
   ) STRICT;
   CREATE TABLE feed_items (
     feed_url  TEXT NOT NULL,
     item_key  TEXT NOT NULL,
     seen_at   TEXT NOT NULL,
     article_id TEXT,
     PRIMARY KEY (feed_url, item_key)
   ) STRICT;`,
];

export class StoreError extends Error {
  constructor(message: string, readonly file: string, options?: ErrorOptions) {
    super(`${file}: ${message}`, options);
    this.name = 'StoreError';
  }
}

/** Opens (creating if needed) the database at `file` and applies pending migrations in one transaction. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new StoreError('cannot open the database', file, { cause: error });
  }
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL sync is durable across application crashes, which is what a bot needs.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db, file);
  return db;
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    db.close();
    throw new StoreError(`schema version ${current} is newer than this code knows (${MIGRATIONS.length})`, file);
  }
  const apply = db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version += 1) {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  apply();
}
