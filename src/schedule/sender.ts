/**
 * THE seam between the digest scheduler and Telegram: the scheduler hands over one rendered message
 * and learns sent / retry later / forbidden / failed. Today it sends through the bot's `Telegram`
 * object, whose calls already pass the reliable client (per-chat and global pacing, 429 waits, 5xx
 * retries). When the durable outbox lands, only `telegramDigestSender` changes: enqueue instead of
 * send, answer `sent` once enqueued (the outbox owns retries) and map its final 403 to `forbidden`.
 */
import { TelegramError, type Telegram } from 'telegraf';

export interface OutgoingDigest {
  chatId: number;
  /** Telegram HTML, at most 4096 characters. */
  html: string;
}

export type SendResult =
  | { status: 'sent' }
  /** 429, 5xx or network trouble that outlived the client's own retries: try again later today. */
  | { status: 'retry-later'; afterMs: number; reason: string }
  /** 403 (blocked, kicked) or a chat that no longer exists: stop delivering to this chat. */
  | { status: 'forbidden'; reason: string }
  /** Refused for good (a 400 other than the chat being gone): give up today's digest. */
  | { status: 'failed'; reason: string };

export interface DigestSender {
  send(message: OutgoingDigest): Promise<SendResult>;
}

const DEFAULT_RETRY_MS = 60_000;

export function classifySendError(error: unknown): Exclude<SendResult, { status: 'sent' }> {
  if (error instanceof TelegramError) {
    if (error.code === 403) return { status: 'forbidden', reason: error.description };
    if (error.code === 400 && /chat not found|group chat was upgraded|chat was deleted/i.test(error.description)) {
      return { status: 'forbidden', reason: error.description };
    }
    if (error.code === 429) return { status: 'retry-later', afterMs: (error.parameters?.retry_after ?? 60) * 1000, reason: error.description };
    if (error.code >= 500) return { status: 'retry-later', afterMs: DEFAULT_RETRY_MS, reason: error.description };
    return { status: 'failed', reason: error.description };
  }
  // Retries exhausted (the client wraps the last 429 / 5xx / network error) or a network error.
  const cause = error instanceof Error && error.cause instanceof TelegramError ? error.cause : null;
  if (cause !== null && cause.code === 429) return { status: 'retry-later', afterMs: (cause.parameters?.retry_after ?? 60) * 1000, reason: cause.description };
  return { status: 'retry-later', afterMs: DEFAULT_RETRY_MS, reason: error instanceof Error ? error.message : String(error) };
}

/** Sends through the bot's Telegram object (the reliable client must be installed on it). */
export function telegramDigestSender(telegram: Telegram): DigestSender {
  return {
    async send({ chatId, html }) {
      try {
        await telegram.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
        return { status: 'sent' };
      } catch (error) {
        return classifySendError(error);
      }
    },
  };
}
