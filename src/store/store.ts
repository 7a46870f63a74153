/** The bot's persistent state in one SQLite file under DATA_DIR. */
import { join } from 'node:path';
import { ArrivalStore } from './arrivals.ts';
import { ChatStore } from './chats.ts';
import { openDatabase, type Db } from './db.ts';
import { Inbox } from './inbox.ts';
import { Outbox } from './outbox.ts';
import { DeliveryStore } from './deliveries.ts';
import { FeedbackStore } from './feedback.ts';
import { SettingsStore } from './settings.ts';
import { FeedStore } from './feeds.ts';
import { SubscriptionStore } from './subscriptions.ts';

export interface Store {
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  /** Updates received and not yet answered (crash safety). */
  readonly inbox: Inbox;
  /** Messages waiting until Telegram allows them; `outbox.enqueue(chatId, message)` for any feature. */
  readonly outbox: Outbox;
  readonly settings: SettingsStore;
  readonly deliveries: DeliveryStore;
  readonly arrivals: ArrivalStore;
  readonly feedback: FeedbackStore;
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
  const clock = options.now === undefined ? Date.now : () => (options.now as () => Date)().getTime();
  return {
    chats: new ChatStore(db, options.now),
    subscriptions: new SubscriptionStore(db, options.now),
    inbox: new Inbox(db, clock),
    outbox: new Outbox(db, clock),
    settings: new SettingsStore(db, options.now),
    deliveries: new DeliveryStore(db, options.now),
    arrivals: new ArrivalStore(db, options.now),
    feedback: new FeedbackStore(db, options.now),
    feeds: new FeedStore(db, options.now),
    file,
    close: () => {
      if (db.open) db.close();
    },
  };
}
