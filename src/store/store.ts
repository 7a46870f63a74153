/** The bot's persistent state in one SQLite file under DATA_DIR. */
import { join } from 'node:path';
import { ChatStore } from './chats.ts';
import { openDatabase, type Db } from './db.ts';
import { FeedStore } from './feeds.ts';
import { SubscriptionStore } from './subscriptions.ts';

export interface Store {
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  readonly feeds: FeedStore;
  /** The file backing the store (`:memory:` for throwaway stores). */
  readonly file: string;
  close(): void;
}

export const DATABASE_FILE = 'bot.sqlite';

/** Opens the store in `dataDir` (created if missing), or in memory when `dataDir` is `:memory:`. */
export function openStore(dataDir: string, options: { now?: () => Date } = {}): Store {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE);
  const db: Db = openDatabase(file);
  return {
    chats: new ChatStore(db, options.now),
    subscriptions: new SubscriptionStore(db, options.now),
    feeds: new FeedStore(db, options.now),
    file,
    close: () => {
      if (db.open) db.close();
    },
  };
}
