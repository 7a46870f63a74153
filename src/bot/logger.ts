/**
 * Structured logging with pino. Secrets (the bot token, the webhook secret) are scrubbed from every
 * line at the sink, so they cannot leak through an error message, a URL or a stack trace whoever logs it.
 */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export const REDACTED = '[REDACTED]';

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Strings that must never be written; their URL-encoded forms are scrubbed too. */
  secrets?: readonly (string | null | undefined)[];
  /** Where lines go (default stdout). Anything with `write(line)`. */
  destination?: { write(line: string): unknown };
}

/** Every form a secret may take in a log line: whole, URL-encoded, and a token's part after the colon. */
export function secretVariants(secrets: readonly (string | null | undefined)[]): string[] {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    const colon = secret.indexOf(':');
    // The part after a bot token's colon is the secret half; it must not appear on its own either.
    if (colon > 0 && secret.length - colon > 4) variants.add(secret.slice(colon + 1));
  }
  // Longest first, so a whole token is replaced before its tail is.
  return [...variants].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

/** Replaces every secret variant in `text` with `[REDACTED]`. */
export function scrubSecrets(text: string, variants: readonly string[]): string {
  let scrubbed = text;
  for (const variant of variants) scrubbed = scrubbed.split(variant).join(REDACTED);
  return scrubbed;
}

export function createLogger(options: LoggerOptions): Logger {
  const variants = secretVariants(options.secrets ?? []);
  const out = options.destination ?? process.stdout;
  const destination = { write: (line: string) => out.write(scrubSecrets(line, variants)) };
  return pino({
    level: options.level,
    base: { name: 'qamishli-bot' },
  }, destination);
}
