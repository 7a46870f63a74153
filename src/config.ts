/**
 * Configuration from environment variables, validated once at start. Pure: takes the environment as an
 * argument (main.ts loads `.env` with dotenv before calling it), so tests pass plain objects.
 */
import { z } from 'zod';
import { isValidTimeZone } from './schedule/time.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface WebhookConfig {
  /** The public URL given to `setWebhook`, used as is whatever its scheme. */
  url: string;
  /** Sent back by Telegram in `X-Telegram-Bot-Api-Secret-Token`; requests without it get 403. */
  secret: string;
  /** Path the local HTTP server accepts updates on (defaults to the URL's path). */
  path: string;
  port: number;
  host: string;
}

export interface RateLimits {
  /** Incoming: questions a user may ask per second once the burst is used. */
  userQuestionsPerSecond: number;
  userQuestionBurst: number;
  /** Outgoing: messages per second to one private chat. */
  privateChatPerSecond: number;
  /** Outgoing: messages per minute to one group. */
  groupChatPerMinute: number;
  /** Outgoing: messages per second over all chats. */
  globalPerSecond: number;
}

export interface RetryConfig {
  /** Attempts per outgoing call (first try included) for 429, 5xx and network errors. */
  maxAttempts: number;
  /** A 429 asking to wait longer than this is not waited for: the call fails. */
  maxRetryAfterSeconds: number;
  /** First backoff delay for 5xx and network errors; doubled on each retry. */
  baseDelayMs: number;
  /**
   * Longest time one message is retried in memory (429 waits included); what cannot be sent by then
   * goes to the durable outbox and is sent when Telegram allows.
   */
  deadlineSeconds: number;
}

/** Fairness and crash safety (issue 10). */
export interface ReliabilityConfig {
  /** Updates that may wait per chat; beyond it one notice, the rest dropped and counted. */
  chatQueueLimit: number;
  /** At start, unanswered updates younger than this are answered; older ones are expired. */
  replayWindowSeconds: number;
  /** Polling mode: how often the health line (queues, outbox, last poll, corpus) is logged. */
  healthLogSeconds: number;
}

export interface DigestConfig {
  /** Time zone of chats that did not choose one (IANA name). */
  timezone: string;
  /** How long after its time a missed digest (the bot was down) still goes out. */
  catchUpMinutes: number;
}

export interface Config {
  botToken: string | null;
  telegramApiRoot: string;
  webhook: WebhookConfig | null;
  dataDir: string;
  corpusDir: string;
  /** HOME_REGION: the places the bot is about; a question naming no place is read there. */
  homeRegion: string;
  logLevel: LogLevel;
  handlerTimeoutMs: number;
  limits: RateLimits;
  retry: RetryConfig;
  reliability: ReliabilityConfig;
  digest: DigestConfig;
  /** News feeds (RSS or Atom) followed while the bot runs (issue 8). */
  feeds: FeedConfig;
}

export interface FeedConfig {
  urls: string[];
  intervalMinutes: number;
}

/** A bad or missing variable; `variables` names every offending one. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }

  get variables(): string[] {
    return this.problems.map((p) => p.variable);
  }
}

// `.env` files often hold `NAME=` for "unset": treat empty and blank values as absent.
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = (schema: z.ZodString) => z.preprocess(blankToUndefined, schema.optional());

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: 'must be a number' }).int('must be a whole number')
    .min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback));

const positive = (max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: 'must be a number' })
    .positive('must be greater than 0').max(max, `must be at most ${max}`).default(fallback));

/** Qamishli and Hasakah: north-east Syria as the entity lexicon knows it (resolved in src/answer/home-region.ts). */
/** North-east Syria as the gazetteer knows it: the three governorates east of the Euphrates and the towns west of it. */
export const DEFAULT_HOME_REGION = 'محافظة الحسكة، محافظة الرقة، محافظة دير الزور، منبج، كوباني، شمال شرق سوريا';

const envSchema = z.object({
  BOT_TOKEN: optionalString(z.string().trim().regex(/^\d{1,20}:[A-Za-z0-9_-]{1,200}$/,
    'does not look like a bot token (digits, a colon, then letters, digits, _ or -): ask @BotFather')),
  TELEGRAM_API_ROOT: z.preprocess(blankToUndefined, httpUrl.default('https://api.telegram.org')),
  WEBHOOK_URL: z.preprocess(blankToUndefined, httpUrl.optional()),
  WEBHOOK_SECRET: optionalString(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/,
    'must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram\'s secret_token rule)')),
  WEBHOOK_PATH: optionalString(z.string().regex(/^\/\S*$/, 'must start with /')),
  HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
  PORT: integer(0, 65535, 8080),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  CORPUS_DIR: z.preprocess(blankToUndefined, z.string().default('./corpus')),
  HOME_REGION: z.preprocess(blankToUndefined, z.string().default(DEFAULT_HOME_REGION)),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.toLowerCase()) : value),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  HANDLER_TIMEOUT_MS: integer(100, 600_000, 60_000),
  RATE_USER_QUESTIONS_PER_SECOND: positive(1000, 1),
  RATE_USER_QUESTION_BURST: integer(1, 1000, 3),
  RATE_PRIVATE_CHAT_PER_SECOND: positive(1000, 1),
  RATE_GROUP_CHAT_PER_MINUTE: positive(60_000, 20),
  RATE_GLOBAL_PER_SECOND: positive(1000, 30),
  RETRY_MAX_ATTEMPTS: integer(1, 20, 5),
  RETRY_MAX_WAIT_SECONDS: integer(0, 3600, 60),
  RETRY_BASE_DELAY_MS: integer(0, 60_000, 500),
  RETRY_DEADLINE_SECONDS: integer(1, 3600, 60),
  CHAT_QUEUE_LIMIT: integer(1, 10_000, 20),
  REPLAY_WINDOW_SECONDS: integer(0, 7 * 24 * 3600, 900),
  HEALTH_LOG_SECONDS: integer(10, 86_400, 300),
  TIMEZONE: z.preprocess(blankToUndefined, z.string().refine(isValidTimeZone, 'must be an IANA time zone name such as Asia/Damascus').default('Asia/Damascus')),
  DIGEST_CATCH_UP_MINUTES: integer(0, 24 * 60, 180),
  // Space- or comma-separated http(s) URLs.
  FEED_URLS: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(/[\s,]+/).filter((url) => url !== '') : value),
    z.array(httpUrl).default([]),
  ),
  FEED_INTERVAL_MINUTES: positive(24 * 60, 30),
}).superRefine((env, ctx) => {
  if (env.WEBHOOK_URL !== undefined && env.WEBHOOK_SECRET === undefined) {
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set' });
  }
  if (env.WEBHOOK_URL !== undefined && env.BOT_TOKEN === undefined) {
    ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: 'is required when WEBHOOK_URL is set' });
  }
});

/** Every environment variable the configuration reads (`.env.example` documents each one). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/**
 * Reads and validates the configuration. Throws `ConfigError` naming every bad variable; never reads
 * `process.env` itself.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? 'environment'),
      message: issue.message,
    })));
  }
  const e = parsed.data;
  const webhook: WebhookConfig | null = e.WEBHOOK_URL === undefined || e.WEBHOOK_SECRET === undefined ? null : {
    url: e.WEBHOOK_URL,
    secret: e.WEBHOOK_SECRET,
    path: e.WEBHOOK_PATH ?? (new URL(e.WEBHOOK_URL).pathname || '/'),
    port: e.PORT,
    host: e.HOST,
  };
  return {
    botToken: e.BOT_TOKEN ?? null,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    webhook,
    dataDir: e.DATA_DIR,
    corpusDir: e.CORPUS_DIR,
    homeRegion: e.HOME_REGION,
    logLevel: e.LOG_LEVEL,
    handlerTimeoutMs: e.HANDLER_TIMEOUT_MS,
    limits: {
      userQuestionsPerSecond: e.RATE_USER_QUESTIONS_PER_SECOND,
      userQuestionBurst: e.RATE_USER_QUESTION_BURST,
      privateChatPerSecond: e.RATE_PRIVATE_CHAT_PER_SECOND,
      groupChatPerMinute: e.RATE_GROUP_CHAT_PER_MINUTE,
      globalPerSecond: e.RATE_GLOBAL_PER_SECOND,
    },
    retry: {
      maxAttempts: e.RETRY_MAX_ATTEMPTS,
      maxRetryAfterSeconds: e.RETRY_MAX_WAIT_SECONDS,
      baseDelayMs: e.RETRY_BASE_DELAY_MS,
      deadlineSeconds: e.RETRY_DEADLINE_SECONDS,
    },
    reliability: {
      chatQueueLimit: e.CHAT_QUEUE_LIMIT,
      replayWindowSeconds: e.REPLAY_WINDOW_SECONDS,
      healthLogSeconds: e.HEALTH_LOG_SECONDS,
    },
    digest: { timezone: e.TIMEZONE, catchUpMinutes: e.DIGEST_CATCH_UP_MINUTES },
    feeds: { urls: e.FEED_URLS, intervalMinutes: e.FEED_INTERVAL_MINUTES },
  };
}
