/**
 * Every outgoing Bot API call passes through here (installed over telegraf's `callApi`), so no feature
 * deals with Telegram's failures itself:
 * - 429: Telegram's instruction to wait, not a failure: `retry_after` is waited out (pausing that
 *   chat's queue) without counting against the attempts, within a total deadline per call
 *   (`RETRY_DEADLINE_SECONDS`); a message that cannot be sent by then, or whose single wait would be
 *   longer than `RETRY_MAX_WAIT_SECONDS`, goes to the durable outbox and is sent when allowed;
 * - 5xx and network errors: retried with bounded exponential backoff (`RETRY_MAX_ATTEMPTS`), then a
 *   message goes to the outbox too;
 * - once a chat has messages in the outbox, its new messages queue behind them (order per chat);
 * - 403 (blocked by the user, kicked from the group): final, reported through `onForbidden`;
 * - 400 "message is not modified": not an error (a button clicked twice);
 * - messages are paced per chat and overall by an `OutgoingPacer`;
 * - each delivered message is reported to the update's delivery scope (crash safety, see delivery-scope.ts).
 *
 * A message handed to the outbox resolves as `true` (like "not modified"): for the handler it is sent.
 */
import { TelegramError, type Telegram } from 'telegraf';
import type { RetryConfig } from '../config.ts';
import type { Outbox } from '../store/outbox.ts';
import { currentDeliveryScope, type DeliveryScope } from './delivery-scope.ts';
import { realClock, type ChatKey, type Clock, type OutgoingPacer } from './limiter.ts';
import type { Logger } from './logger.ts';

export type RawCallApi = (method: string, payload: object, options?: { signal?: AbortSignal }) => Promise<unknown>;

export interface CallOptions {
  signal?: AbortSignal;
  /** The outbox sender's own calls: never deferred (again) to the outbox, never part of an update's reply. */
  fromOutbox?: boolean;
}

export interface ReliableClientOptions {
  pacer: OutgoingPacer;
  retry: RetryConfig;
  logger: Logger;
  /** Told about a chat Telegram will not deliver to (403), e.g. to record it in the store. */
  onForbidden?: (chatId: ChatKey, description: string) => void;
  /** Where messages go that cannot be sent within the deadline; without one they fail as errors. */
  outbox?: Outbox;
  /** Told about every successful getUpdates (for the health view). */
  onPolled?: () => void;
  clock?: Clock;
  random?: () => number;
}

/** Methods that put a message in a chat, and so count against Telegram's per-chat limits. */
export function isPacedMethod(method: string): boolean {
  return /^(send|copy|forward|edit)/.test(method) && method !== 'sendChatAction';
}

/** Paced methods that still make sense later, so may wait in the outbox. */
const DEFERRABLE_METHODS = new Set(['sendMessage', 'copyMessage', 'forwardMessage', 'editMessageText', 'editMessageReplyMarkup']);

const LONG_POLL_METHODS = new Set(['getUpdates']);

const MAX_BACKOFF_MS = 30_000;
/** Least time one empty long poll takes (see guardAgainstSpinning). */
const EMPTY_POLL_PAUSE_MS = 250;

/** Final failure after retries, keeping the last error as `cause`. */
export class RetriesExhaustedError extends Error {
  constructor(readonly method: string, readonly attempts: number, cause: unknown) {
    super(`${method} failed after ${attempts} attempt(s): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RetriesExhaustedError';
  }
}

export function isNotModified(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && /message is not modified/i.test(error.description);
}

export function isTooManyRequests(error: unknown): error is TelegramError {
  return error instanceof TelegramError && error.code === 429;
}

export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof TelegramError) return false;
  if (error.name === 'AbortError') return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'FetchError'
    || (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_\w+)$/.test(code));
}

function chatIdOf(payload: object | undefined): ChatKey | null {
  if (payload === undefined || payload === null) return null;
  const chatId = (payload as { chat_id?: unknown }).chat_id;
  return typeof chatId === 'number' || typeof chatId === 'string' ? chatId : null;
}

export class ReliableClient {
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(private readonly options: ReliableClientOptions) {
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
  }

  /** Calls `raw(method, payload)` with pacing, retries, the outbox and 403 / not-modified handling. */
  async call(raw: RawCallApi, method: string, payload: object, callOptions?: CallOptions): Promise<unknown> {
    const { retry, pacer, logger, outbox } = this.options;
    // Long polling is never paced (it must not wait behind outgoing messages), and once retries are
    // used up its error goes back unwrapped: telegraf's polling loop knows how to wait on those.
    const longPoll = LONG_POLL_METHODS.has(method);
    const chatId = longPoll ? null : chatIdOf(payload);
    const paced = chatId !== null && isPacedMethod(method);
    const fromOutbox = callOptions?.fromOutbox === true;
    const deferrable = paced && outbox !== undefined && !fromOutbox && DEFERRABLE_METHODS.has(method);
    const scope = paced && !fromOutbox ? currentDeliveryScope() : undefined;
    const rawOptions = callOptions?.signal === undefined ? undefined : { signal: callOptions.signal };

    if (scope !== undefined && scope.skip > 0) {
      // Handled again after a restart: this message was delivered before the crash.
      scope.skip -= 1;
      scope.delivered();
      logger.info({ updateId: scope.updateId, method, chatId }, 'already delivered before the restart; not sent again');
      return true;
    }
    if (deferrable && outbox.hasPending(chatId)) {
      return this.defer(chatId, method, payload, this.clock.now(), 'behind earlier messages in the outbox', scope);
    }
    const deadline = this.clock.now() + retry.deadlineSeconds * 1000;
    let failures = 0;
    for (let attempt = 1; ; attempt += 1) {
      if (paced) await pacer.acquire(chatId);
      try {
        const started = this.clock.now();
        const result = await raw(method, payload, rawOptions);
        if (longPoll) {
          this.options.onPolled?.();
          await this.guardAgainstSpinning(payload, result, this.clock.now() - started);
        }
        scope?.delivered();
        return result;
      } catch (error) {
        if (isNotModified(error)) {
          scope?.delivered();
          return true;
        }
        if (error instanceof TelegramError && error.code === 403) {
          if (chatId !== null) this.options.onForbidden?.(chatId, error.description);
          throw error;
        }
        const tooMany = isTooManyRequests(error);
        if (!tooMany) failures += 1;
        const delayMs = this.retryDelay(error, failures);
        if (delayMs === null || callOptions?.signal?.aborted) throw error;
        // A 429 never uses up attempts; only the deadline (and a single wait's ceiling) bounds it.
        const giveUp = tooMany
          ? delayMs > retry.maxRetryAfterSeconds * 1000 || this.clock.now() + delayMs > deadline
          : failures >= retry.maxAttempts || this.clock.now() + delayMs > deadline;
        if (giveUp) {
          if (deferrable) return this.defer(chatId, method, payload, this.clock.now() + delayMs, tooMany ? 'retry_after beyond the deadline' : 'retries used up', scope);
          if (longPoll || (tooMany && delayMs > retry.maxRetryAfterSeconds * 1000)) throw error;
          throw new RetriesExhaustedError(method, attempt, error);
        }
        logger.warn({ method, chatId, attempt, delayMs, error: describeError(error) }, tooMany ? 'telegram asked to wait; waiting' : 'telegram call failed, retrying');
        if (tooMany && paced) {
          // Hold the whole chat back, not just this message: the limit is Telegram's view of the chat.
          pacer.pause(chatId, delayMs);
        } else {
          await this.clock.sleep(delayMs);
        }
      }
    }
  }

  /** Hands a message to the outbox, to be sent at `notBefore` or later, behind the chat's earlier ones. */
  private defer(chatId: ChatKey, method: string, payload: object, notBefore: number, reason: string, scope: DeliveryScope | undefined): true {
    const outbox = this.options.outbox as Outbox;
    const { chat_id: _chat, ...params } = payload as Record<string, unknown>;
    outbox.enqueue(chatId, { method, params }, { notBefore });
    outbox.holdChat(chatId, notBefore);
    scope?.delivered();
    this.options.logger.info({ method, chatId, updateId: scope?.updateId, notBefore: new Date(notBefore).toISOString(), reason }, 'message queued in the outbox');
    return true;
  }

  /**
   * A server that answers an empty long poll at once (ignoring `timeout`, as some Bot API stand-ins
   * do) would make the polling loop spin a core; pause briefly instead. Telegram itself holds the
   * request for `timeout` seconds, so this never slows the bot down there.
   */
  private async guardAgainstSpinning(payload: object, result: unknown, elapsedMs: number): Promise<void> {
    const timeout = (payload as { timeout?: unknown }).timeout;
    if (Array.isArray(result) && result.length === 0 && typeof timeout === 'number' && timeout > 0 && elapsedMs < EMPTY_POLL_PAUSE_MS) {
      await this.clock.sleep(EMPTY_POLL_PAUSE_MS - elapsedMs);
    }
  }

  /** Milliseconds to wait before retrying, or null when the error is final. */
  private retryDelay(error: unknown, attempt: number): number | null {
    const { retry } = this.options;
    if (error instanceof TelegramError && error.code === 429) {
      return Math.max(0, error.parameters?.retry_after ?? 1) * 1000;
    }
    if ((error instanceof TelegramError && error.code >= 500) || isNetworkError(error)) {
      const exponential = Math.min(MAX_BACKOFF_MS, retry.baseDelayMs * 2 ** (attempt - 1));
      // Half fixed, half random: retries from many chats do not hit the server in lockstep.
      return Math.round(exponential / 2 + (this.random() * exponential) / 2);
    }
    return null;
  }

  /** Routes every call of `telegram` through this client (idempotent). */
  install(telegram: Telegram): void {
    if (installed.has(telegram)) return;
    installed.add(telegram);
    const raw = telegram.callApi.bind(telegram) as unknown as RawCallApi;
    const wrapped = (method: string, payload: object, callOptions?: CallOptions) => this.call(raw, method, payload, callOptions);
    telegram.callApi = wrapped as unknown as Telegram['callApi'];
  }
}

const installed = new WeakSet<Telegram>();

/** A short, loggable description of an error (no payloads: they hold user text). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof TelegramError) {
    return { type: 'TelegramError', code: error.code, description: error.description, method: (error.on as { method?: string } | undefined)?.method };
  }
  if (error instanceof RetriesExhaustedError) {
    return { type: error.name, method: error.method, attempts: error.attempts, cause: describeError(error.cause) };
  }
  if (error instanceof Error) {
    return { type: error.name, message: error.message, code: (error as { code?: unknown }).code, stack: error.stack };
  }
  return { type: typeof error, value: String(error) };
}
