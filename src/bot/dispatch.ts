/**
 * Runs updates fairly: in order within a chat, one at a time per chat, chats served round-robin with
 * a cap on how many chats are handled at once. Telegraf's polling loop waits for a whole batch before
 * fetching the next, so `push` never waits: polling goes on whatever one chat is doing.
 *
 * - The flood guard decides when an update arrives (`admit`), not when its turn comes: a flood is
 *   refused at once instead of being paced through the queue at exactly the refill rate.
 * - Each chat's queue is capped: beyond it, updates are dropped and counted, and `onOverflow` is told
 *   once per overflow (to send one polite notice).
 * - One chat's backlog costs other chats nothing but a turn: a chat that has been served goes to the
 *   back of the line.
 */
import type { Update } from 'telegraf/types';

/** The chat an update belongs to (for ordering), or the user when there is no chat. */
export function orderingKey(update: Update): string | null {
  const u = update as unknown as Record<string, { chat?: { id: number }; message?: { chat?: { id: number } }; from?: { id: number } } | undefined>;
  for (const field of ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'my_chat_member', 'chat_member']) {
    const id = u[field]?.chat?.id;
    if (id !== undefined) return `chat:${id}`;
  }
  const query = u.callback_query;
  if (query?.message?.chat?.id !== undefined) return `chat:${query.message.chat.id}`;
  if (query?.from?.id !== undefined) return `user:${query.from.id}`;
  return null;
}

/** What happened to an update: handled (even if its handler failed) or dropped without handling. */
export type UpdateOutcome = 'handled' | 'dropped';

export interface DispatcherOptions {
  handle: (update: Update) => Promise<void>;
  /** Errors escaping `handle`; the chat carries on. */
  onError: (update: Update, error: unknown) => void;
  /** On arrival: false to drop the update at once (the flood guard's refusal). */
  admit?: (update: Update) => boolean;
  /** Every update ends here exactly once: after handling, or when dropped. */
  onFinished?: (update: Update, outcome: UpdateOutcome) => void;
  /** A chat's queue was full; called once until the queue has drained. */
  onOverflow?: (update: Update) => void;
  /** Chats handled at the same time. */
  maxConcurrent?: number;
  /** Updates waiting per chat (the one being handled not counted). */
  maxQueuePerChat?: number;
}

export interface DispatcherStats {
  /** Chats with updates waiting or being handled. */
  chats: number;
  /** Updates waiting, over all chats. */
  queued: number;
  /** Updates being handled. */
  active: number;
  /** The longest chat queue. */
  deepest: number;
  /** Updates dropped because their chat's queue was full, since start. */
  overflowDropped: number;
  /** Updates refused on arrival by `admit`, since start. */
  refused: number;
}

interface ChatQueue {
  updates: Update[];
  running: boolean;
  overflowNoticed: boolean;
}

/** Chats handled at once: a chat waiting out a 429 holds one, so this is generous (waiting costs no CPU). */
export const DEFAULT_MAX_CONCURRENT = 256;
export const DEFAULT_MAX_QUEUE_PER_CHAT = 20;

export class UpdateDispatcher {
  private readonly chats = new Map<string, ChatQueue>();
  /** Chats with waiting updates and nothing running, in turn order. */
  private readonly ready: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly maxConcurrent: number;
  private readonly maxQueuePerChat: number;
  private queued = 0;
  private anonymous = 0;
  private overflowDropped = 0;
  private refused = 0;

  constructor(private readonly options: DispatcherOptions) {
    this.maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
    this.maxQueuePerChat = options.maxQueuePerChat ?? DEFAULT_MAX_QUEUE_PER_CHAT;
  }

  /** Takes an update; never waits and never throws (failures go to `onError`). */
  push(update: Update): void {
    if (this.options.admit !== undefined && !this.safely(() => this.options.admit?.(update) ?? true, update, true)) {
      this.refused += 1;
      this.finish(update, 'dropped');
      return;
    }
    const key = orderingKey(update) ?? `update:${(this.anonymous += 1)}`;
    let chat = this.chats.get(key);
    if (chat === undefined) {
      chat = { updates: [], running: false, overflowNoticed: false };
      this.chats.set(key, chat);
    }
    if (chat.updates.length >= this.maxQueuePerChat) {
      this.overflowDropped += 1;
      if (!chat.overflowNoticed) {
        chat.overflowNoticed = true;
        this.safely(() => this.options.onOverflow?.(update), update, undefined);
      }
      this.finish(update, 'dropped');
      return;
    }
    chat.updates.push(update);
    this.queued += 1;
    if (!chat.running && chat.updates.length === 1) this.ready.push(key);
    this.pump();
  }

  /** Resolves when every accepted update has been handled. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  /** Updates waiting or being handled. */
  get size(): number {
    return this.queued + this.running.size;
  }

  stats(): DispatcherStats {
    let deepest = 0;
    for (const chat of this.chats.values()) deepest = Math.max(deepest, chat.updates.length);
    return {
      chats: this.chats.size,
      queued: this.queued,
      active: this.running.size,
      deepest,
      overflowDropped: this.overflowDropped,
      refused: this.refused,
    };
  }

  private pump(): void {
    while (this.running.size < this.maxConcurrent && this.ready.length > 0) {
      const key = this.ready.shift() as string;
      const chat = this.chats.get(key);
      const update = chat?.updates.shift();
      if (chat === undefined || update === undefined) continue;
      this.queued -= 1;
      chat.running = true;
      const run: Promise<void> = this.options.handle(update)
        .catch((error: unknown) => this.options.onError(update, error))
        .then(() => {
          this.finish(update, 'handled');
          this.running.delete(run);
          chat.running = false;
          if (chat.updates.length > 0) {
            this.ready.push(key); // to the back of the line: other chats get their turn first
          } else {
            this.chats.delete(key);
          }
          this.pump();
        });
      this.running.add(run);
    }
  }

  private finish(update: Update, outcome: UpdateOutcome): void {
    this.safely(() => this.options.onFinished?.(update, outcome), update, undefined);
  }

  /** Runs a hook; a hook that throws is reported and does not stop the dispatcher. */
  private safely<T>(hook: () => T, update: Update, fallback: T): T {
    try {
      return hook();
    } catch (error) {
      this.options.onError(update, error);
      return fallback;
    }
  }
}
