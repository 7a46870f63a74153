/**
 * Runs updates concurrently across chats but in order within a chat, with a cap on how many are in
 * flight. Telegraf's polling loop waits for a whole batch before fetching the next, so one chat held
 * back by a 429 (or a slow answer) would stall every other chat; this takes each update off the loop
 * at once (what grammY's runner with `sequentialize` does).
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

export class UpdateDispatcher {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly slotWaiters: (() => void)[] = [];

  constructor(
    private readonly handle: (update: Update) => Promise<void>,
    private readonly onError: (update: Update, error: unknown) => void,
    private readonly maxInFlight = 256,
  ) {}

  /** Resolves once the update is accepted (at once unless `maxInFlight` are being handled); never rejects: failures go to `onError`. */
  async push(update: Update): Promise<void> {
    while (this.inFlight.size >= this.maxInFlight) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    const key = orderingKey(update);
    const previous = key === null ? Promise.resolve() : this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.handle(update)).catch((error: unknown) => this.onError(update, error));
    if (key !== null) {
      this.tails.set(key, run);
      void run.then(() => {
        if (this.tails.get(key) === run) this.tails.delete(key);
      });
    }
    this.inFlight.add(run);
    void run.then(() => {
      this.inFlight.delete(run);
      this.slotWaiters.shift()?.();
    });
  }

  /** Resolves when every accepted update has been handled. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  get size(): number {
    return this.inFlight.size;
  }
}
