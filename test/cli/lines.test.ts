import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/cli/lines.ts';

async function collect(chunks: (string | Buffer)[]): Promise<string[]> {
  const lines: string[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of splitLines(source())) lines.push(line);
  return lines;
}

describe('splitLines', () => {
  it('splits on \\n only: a bare \\r stays inside its line', async () => {
    expect(await collect(['a\rb\nc\r\n\nd'])).toEqual(['a\rb', 'c\r', '', 'd']);
    expect(await collect(['one\n'])).toEqual(['one']);
    expect(await collect([''])).toEqual([]);
  });

  it('keeps a character split across chunks whole', async () => {
    const bytes = Buffer.from('مطار\nحلكو', 'utf8');
    expect(await collect([bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9)])).toEqual(['مطار', 'حلكو']);
  });
});

describe('ask --jsonl', () => {
  it('answers one line per "\\n"-separated line, a stray \\r included', () => {
    const root = join(import.meta.dirname, '..', '..');
    const dataDir = mkdtempSync(join(tmpdir(), 'qamishli-ask-'));
    const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/ask.ts', '--jsonl', '--corpus', join(root, 'test', 'fixtures', 'corpus'), '--data-dir', dataDir], {
      cwd: root,
      input: 'who controls\rthe airport?\n\nthe\r\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.status).toBe(0);
    const answers = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { question: string; kind: string });
    expect(answers.map((a) => a.question)).toEqual(['who controls the airport?', '', 'the']);
    expect(answers.map((a) => a.kind)).toEqual(['answer', 'invalid', 'abstain']);
  }, 90_000);
});
