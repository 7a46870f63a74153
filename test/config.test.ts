import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, DEFAULT_HOME_REGION, loadConfig } from '../src/config.ts';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults with an empty environment (console mode)', () => {
    const config = loadConfig({});
    expect(config.botToken).toBeNull();
    expect(config.telegramApiRoot).toBe('https://api.telegram.org');
    expect(config.webhook).toBeNull();
    expect(config.dataDir).toBe('./data');
    expect(config.corpusDir).toBe('./corpus');
    expect(config.homeRegion).toBe(DEFAULT_HOME_REGION);
    expect(config.logLevel).toBe('info');
    expect(config.limits.privateChatPerSecond).toBeLessThanOrEqual(1);
    expect(config.limits.groupChatPerMinute).toBeLessThanOrEqual(20);
    expect(config.limits.globalPerSecond).toBeLessThanOrEqual(30);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      BOT_TOKEN: '123456:TEST-TOKEN',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      WEBHOOK_URL: 'https://bot.example.org/tg/hook',
      WEBHOOK_SECRET: 's3cret_-X',
      HOST: '127.0.0.1',
      PORT: '8443',
      DATA_DIR: '/tmp/data',
      CORPUS_DIR: '/tmp/corpus',
      HOME_REGION: 'الحسكة',
      LOG_LEVEL: 'DEBUG',
      HANDLER_TIMEOUT_MS: '5000',
      RATE_USER_QUESTIONS_PER_SECOND: '0.5',
      RATE_USER_QUESTION_BURST: '2',
      RATE_PRIVATE_CHAT_PER_SECOND: '1',
      RATE_GROUP_CHAT_PER_MINUTE: '10',
      RATE_GLOBAL_PER_SECOND: '25',
      RETRY_MAX_ATTEMPTS: '3',
      RETRY_MAX_WAIT_SECONDS: '10',
      RETRY_BASE_DELAY_MS: '100',
      RETRY_DEADLINE_SECONDS: '30',
      CHAT_QUEUE_LIMIT: '5',
      REPLAY_WINDOW_SECONDS: '600',
      HEALTH_LOG_SECONDS: '60',
      TIMEZONE: 'Europe/Berlin',
      DIGEST_CATCH_UP_MINUTES: '60',
      FEED_URLS: 'https://enab.example/feed, https://north.example/rss.xml',
      FEED_INTERVAL_MINUTES: '15',
    });
    expect(config).toEqual({
      botToken: '123456:TEST-TOKEN',
      telegramApiRoot: 'http://127.0.0.1:8081',
      webhook: { url: 'https://bot.example.org/tg/hook', secret: 's3cret_-X', path: '/tg/hook', port: 8443, host: '127.0.0.1' },
      dataDir: '/tmp/data',
      corpusDir: '/tmp/corpus',
      homeRegion: 'الحسكة',
      logLevel: 'debug',
      handlerTimeoutMs: 5000,
      limits: { userQuestionsPerSecond: 0.5, userQuestionBurst: 2, privateChatPerSecond: 1, groupChatPerMinute: 10, globalPerSecond: 25 },
      retry: { maxAttempts: 3, maxRetryAfterSeconds: 10, baseDelayMs: 100, deadlineSeconds: 30 },
      reliability: { chatQueueLimit: 5, replayWindowSeconds: 600, healthLogSeconds: 60 },
      digest: { timezone: 'Europe/Berlin', catchUpMinutes: 60 },
      feeds: { urls: ['https://enab.example/feed', 'https://north.example/rss.xml'], intervalMinutes: 15 },
    });
  });

  it('follows no feed by default and refuses a feed that is not an http URL', () => {
    expect(loadConfig({}).feeds).toEqual({ urls: [], intervalMinutes: 30 });
    expect(() => loadConfig({ FEED_URLS: 'https://ok.example/feed ftp://bad.example/feed' })).toThrow(/FEED_URLS/);
    expect(() => loadConfig({ FEED_INTERVAL_MINUTES: '0' })).toThrow(/FEED_INTERVAL_MINUTES/);
  });

  it('treats empty values as unset, as .env files write them', () => {
    const config = loadConfig({ BOT_TOKEN: '', WEBHOOK_URL: ' ', PORT: '', LOG_LEVEL: '' });
    expect(config.botToken).toBeNull();
    expect(config.webhook).toBeNull();
    expect(config.logLevel).toBe('info');
  });

  it('takes the webhook path from WEBHOOK_PATH over the URL, and keeps an http URL as is', () => {
    const config = loadConfig({ BOT_TOKEN: '1:a', WEBHOOK_URL: 'http://127.0.0.1:9000', WEBHOOK_SECRET: 'x', WEBHOOK_PATH: '/in' });
    expect(config.webhook).toMatchObject({ url: 'http://127.0.0.1:9000', path: '/in' });
  });

  it.each([
    [{ BOT_TOKEN: 'not-a-token' }, 'BOT_TOKEN'],
    [{ BOT_TOKEN: '123:has spaces' }, 'BOT_TOKEN'],
    [{ TELEGRAM_API_ROOT: 'api.telegram.org' }, 'TELEGRAM_API_ROOT'],
    [{ TELEGRAM_API_ROOT: 'ftp://example.org' }, 'TELEGRAM_API_ROOT'],
    [{ BOT_TOKEN: '1:a', WEBHOOK_URL: 'https://example.org/hook' }, 'WEBHOOK_SECRET'],
    [{ BOT_TOKEN: '1:a', WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: 'has space' }, 'WEBHOOK_SECRET'],
    [{ BOT_TOKEN: '1:a', WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: 'x'.repeat(257) }, 'WEBHOOK_SECRET'],
    [{ WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: 'x' }, 'BOT_TOKEN'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ HANDLER_TIMEOUT_MS: '-1' }, 'HANDLER_TIMEOUT_MS'],
    [{ RATE_GLOBAL_PER_SECOND: '0' }, 'RATE_GLOBAL_PER_SECOND'],
    [{ RETRY_MAX_ATTEMPTS: '2.5' }, 'RETRY_MAX_ATTEMPTS'],
    [{ RETRY_DEADLINE_SECONDS: '0' }, 'RETRY_DEADLINE_SECONDS'],
    [{ CHAT_QUEUE_LIMIT: 'many' }, 'CHAT_QUEUE_LIMIT'],
    [{ TIMEZONE: 'Mars/Olympus' }, 'TIMEZONE'],
    [{ DIGEST_CATCH_UP_MINUTES: '-5' }, 'DIGEST_CATCH_UP_MINUTES'],
  ])('rejects %j naming %s', (env, variable) => {
    const error = configError(env);
    expect(error.variables).toContain(variable);
    expect(error.message).toContain(variable);
  });

  it('names every bad variable at once', () => {
    expect(configError({ PORT: 'x', LOG_LEVEL: 'y' }).variables.sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('never echoes a rejected token in its message', () => {
    const error = configError({ BOT_TOKEN: '123456:secret value with spaces' });
    expect(error.message).not.toContain('secret value');
  });
});

describe('.env.example', () => {
  const text = readFileSync(join(import.meta.dirname, '..', '.env.example'), 'utf8');

  it('lists every variable, each with a comment above it, and is itself a valid configuration', () => {
    const listed = Object.keys(parse(text));
    expect([...listed].sort()).toEqual([...CONFIG_VARIABLES].sort());
    const lines = text.split('\n');
    for (const name of CONFIG_VARIABLES) {
      const index = lines.findIndex((line) => line.startsWith(`${name}=`));
      // The comment may sit above a group of related variables.
      const above = lines.slice(0, index).reverse().find((line) => !/^[A-Z_]+=/.test(line));
      expect(above, name).toMatch(/^# /);
    }
    expect(() => loadConfig(parse(text))).not.toThrow();
  });
});
