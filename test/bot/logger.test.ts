import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, scrubSecrets, secretVariants } from '../../src/bot/logger.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe('logger', () => {
  it('never writes the token, wherever it appears', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'debug', secrets: [TOKEN, 'hook-secret_1'], destination });
    const error = new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed, reason: ECONNREFUSED`);
    logger.error({ err: error }, 'fetch failed');
    logger.warn({ url: `https://api.telegram.org/bot${encodeURIComponent(TOKEN)}/sendMessage` }, 'encoded');
    logger.info(`tail only: ${TOKEN.split(':')[1]}`);
    logger.info({ header: 'hook-secret_1' }, 'webhook secret');
    const output = lines.join('');
    expect(lines).toHaveLength(4);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(encodeURIComponent(TOKEN));
    expect(output).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect(output).not.toContain('hook-secret_1');
    expect(output).toContain(REDACTED);
    // Lines stay valid JSON after scrubbing.
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('writes structured lines at the configured level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'warn', destination });
    logger.info('hidden');
    logger.warn({ updateId: 5 }, 'shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 40, updateId: 5, msg: 'shown' });
  });

  it('scrubs the longest variant first', () => {
    const variants = secretVariants(['1:abcdef']);
    expect(scrubSecrets('x 1:abcdef y abcdef', variants)).toBe(`x ${REDACTED} y ${REDACTED}`);
    expect(secretVariants([null, undefined, ''])).toEqual([]);
  });
});
