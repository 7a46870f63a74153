/**
 * Every outgoing Bot API call passes through here (installed over telegraf's `callApi`), so no feature
 * deals with Telegram's failures itself:
 * - 429: wait `retry_after` (pausing that chat's queue) and retry;
 * - 5xx and network errors: retry with bounded exponential backoff;
 * - 403 (blocked by the user, kicked from the group): final, reported through `onForbidden`;
 * - 400 "message is not modified": not an error (a button clicked twice);
 * - messages are paced per chat and overall by an `OutgoingPacer`.
 */
import { TelegramError, type Telegram } from 'telegraf';
import type { RetryConfig } from '../config.ts';
import { realClock, type ChatKey, type Clock, type OutgoingPacer } from './limiter.ts';
import type { Logger } from './logger.ts';

export type RawCallApi = (method: string, payload: object, options?: { signal?: AbortSignal }) => Promise<unknown>;

export interface ReliableClientOptions {
  pacer: OutgoingPacer;
  retry: RetryConfig;
  logger: Logger;
  /** Told about a chat Telegram will not deliver to (403), e.g. to record it in the store. */
  onForbidden?: (chatId: ChatKey, description: string) => void;
  clock?: Clock;
  random?: () => number;
}

/** Methods that put a message in a chat, and so count against Telegram's per-chat limits. */
export function isPacedMethod(method: string): boolean {
  return /^(send|copy|forward|edit)/.test(method) && method !== 'sendChatAction';
}

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

  /** Calls `raw(method, payload)` with pacing, retries and 403 / not-modified handling. */
  async call(raw: RawCallApi, method: string, payload: object, callOptions?: { signal?: AbortSignal }): Promise<unknown> {
    const { retry, pacer, logger } = this.options;
    // Long polling is never paced (it must not wait behind outgoing messages), and once retries are
    // used up its error goes back unwrapped: telegraf's polling loop knows how to wait on those.
    const longPoll = LONG_POLL_METHODS.has(method);
    const chatId = longPoll ? null : chatIdOf(payload);
    const paced = chatId !== null && isPacedMethod(method);
    for (let attempt = 1; ; attempt += 1) {
      if (paced) await pacer.acquire(chatId);
      try {
        const started = this.clock.now();
        const result = await raw(method, payload, callOptions);
        if (longPoll) await this.guardAgainstSpinning(payload, result, this.clock.now() - started);
        return result;
      } catch (error) {
        if (isNotModified(error)) return true;
        if (error instanceof TelegramError && error.code === 403) {
          if (chatId !== null) this.options.onForbidden?.(chatId, error.description);
          throw error;
        }
        const delayMs = this.retryDelay(error, attempt);
        if (delayMs === null || callOptions?.signal?.aborted) throw error;
        if (attempt >= retry.maxAttempts) throw longPoll ? error : new RetriesExhaustedError(method, attempt, error);
        logger.warn({ method, chatId, attempt, delayMs, error: describeError(error) }, 'telegram call failed, retrying');
        if (error instanceof TelegramError && error.code === 429 && paced) {
          // Hold the whole chat back, not just this message: the limit is Telegram's view of the chat.
          pacer.pause(chatId, delayMs);
        } else {
          await this.clock.sleep(delayMs);
        }
      }
    }
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
      const retryAfter = error.parameters?.retry_after ?? 1;
      if (retryAfter > retry.maxRetryAfterSeconds) return null;
      return retryAfter * 1000;
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
    const wrapped: RawCallApi = (method, payload, callOptions) => this.call(raw, method, payload, callOptions);
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
