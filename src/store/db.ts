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
  // 2 (issue 10): the durable inbox (updates received, until answered) and outbox (messages that could
  // not be sent yet). Self-contained: no foreign keys to other tables.
  `CREATE TABLE inbox (
     update_id   INTEGER PRIMARY KEY,
     chat_key    TEXT,
     payload     TEXT NOT NULL,
     received_at INTEGER NOT NULL,
     state       TEXT NOT NULL CHECK (state IN ('pending', 'answered', 'dropped', 'expired')),
     parts_sent  INTEGER NOT NULL DEFAULT 0,
     finished_at INTEGER
   ) STRICT;
   CREATE INDEX inbox_pending ON inbox (state, received_at);
   CREATE TABLE outbox (
     id          INTEGER PRIMARY KEY AUTOINCREMENT,
     chat_id     TEXT NOT NULL,
     method      TEXT NOT NULL,
     payload     TEXT NOT NULL,
     created_at  INTEGER NOT NULL,
     not_before  INTEGER NOT NULL,
     attempts    INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   CREATE INDEX outbox_by_chat ON outbox (chat_id, id);`,
  // 2 (daily digests; self-contained, so it can be renumbered at a merge): subscriptions move from a
  // UTC hour to a local HH:MM in the chat's time zone, with an active flag instead of deletion on 403;
  // language and time zone become chat settings. Old rows are kept (their UTC hour, zone UTC).
  `CREATE TABLE chat_settings (
     chat_id    INTEGER PRIMARY KEY,
     language   TEXT CHECK (language IN ('ar', 'en')),
     timezone   TEXT,
     updated_at TEXT NOT NULL
   ) STRICT;
   INSERT INTO chat_settings (chat_id, language, timezone, updated_at)
     SELECT chat_id, language, 'UTC', created_at FROM subscriptions;
   CREATE TABLE digest_subscriptions (
     chat_id     INTEGER PRIMARY KEY,
     local_time  TEXT NOT NULL CHECK (local_time GLOB '[0-2][0-9]:[0-5][0-9]'),
     active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
     since       TEXT NOT NULL,
     created_at  TEXT NOT NULL,
     updated_at  TEXT NOT NULL,
     deactivated_reason TEXT
   ) STRICT;
   INSERT INTO digest_subscriptions (chat_id, local_time, active, since, created_at, updated_at)
     SELECT chat_id, printf('%02d:00', hour_utc), 1, created_at, created_at, created_at FROM subscriptions;
   DROP TABLE subscriptions;
   CREATE TABLE digest_deliveries (
     chat_id         INTEGER NOT NULL,
     local_date      TEXT NOT NULL,
     status          TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'retry', 'failed', 'forbidden')),
     owner           TEXT NOT NULL,
     lease_until     TEXT NOT NULL,
     attempts        INTEGER NOT NULL DEFAULT 1,
     next_attempt_at TEXT,
     claimed_at      TEXT NOT NULL,
     sent_at         TEXT,
     error           TEXT,
     as_of           TEXT,
     points          TEXT,
     PRIMARY KEY (chat_id, local_date)
   ) STRICT;
   CREATE INDEX digest_deliveries_by_status ON digest_deliveries (status, next_attempt_at);
   CREATE TABLE article_arrivals (
     article_id TEXT PRIMARY KEY,
     first_seen TEXT NOT NULL
   ) STRICT;
   CREATE TABLE answer_records (
     id         INTEGER PRIMARY KEY AUTOINCREMENT,
     chat_id    INTEGER NOT NULL,
     question   TEXT NOT NULL,
     lang       TEXT NOT NULL,
     kind       TEXT NOT NULL,
     sentence_ids TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE answer_feedback (
     answer_id  INTEGER NOT NULL REFERENCES answer_records (id) ON DELETE CASCADE,
     user_id    INTEGER NOT NULL,
     vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
     at         TEXT NOT NULL,
     PRIMARY KEY (answer_id, user_id)
   ) STRICT;`,
  // 4 (issue 8) followed news feeds: conditional-GET validators, failures and backoff, and the items seen.
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
