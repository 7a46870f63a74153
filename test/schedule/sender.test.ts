import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { RetriesExhaustedError } from '../../src/bot/client.ts';
import { classifySendError } from '../../src/schedule/sender.ts';

const telegramError = (code: number, description: string, parameters?: { retry_after?: number }) =>
  new TelegramError({ error_code: code, description, ...(parameters ? { parameters } : {}) });

describe('classifySendError', () => {
  it('403 and a vanished chat stop deliveries; 429, 5xx and exhausted retries are tried later; other 400s give up', () => {
    expect(classifySendError(telegramError(403, 'Forbidden: bot was kicked from the group chat'))).toMatchObject({ status: 'forbidden' });
    expect(classifySendError(telegramError(400, 'Bad Request: chat not found'))).toMatchObject({ status: 'forbidden' });
    expect(classifySendError(telegramError(429, 'Too Many Requests', { retry_after: 120 }))).toEqual({ status: 'retry-later', afterMs: 120_000, reason: 'Too Many Requests' });
    expect(classifySendError(telegramError(502, 'Bad Gateway'))).toMatchObject({ status: 'retry-later' });
    expect(classifySendError(new RetriesExhaustedError('sendMessage', 5, telegramError(429, 'Too Many Requests', { retry_after: 30 })))).toMatchObject({ status: 'retry-later', afterMs: 30_000 });
    expect(classifySendError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ status: 'retry-later' });
    expect(classifySendError(telegramError(400, "Bad Request: can't parse entities"))).toMatchObject({ status: 'failed' });
  });
});
