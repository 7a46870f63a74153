/**
 * The launcher the npm scripts use (scripts/run.mjs): a program bundled from its sources answers as
 * the sources do, and a bundle older than a source is rebuilt before it runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const dataDir = mkdtempSync(join(tmpdir(), 'qamishli-run-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function ask(command: string[], question: string): { status: number | null; answer: unknown; stderr: string } {
  const result = spawnSync(process.execPath, [...command, '--json', '--corpus', CORPUS, '--data-dir', dataDir, question], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, answer: result.status === 0 ? JSON.parse(result.stdout) : undefined, stderr: result.stderr };
}

describe('scripts/run.mjs', () => {
  it('runs the bundled program with the same answers as the sources', () => {
    for (const question of ['من يسيطر على المطار؟', 'how many wheat trucks waited at the crossing?']) {
      const bundled = ask(['scripts/run.mjs', 'ask'], question);
      expect(bundled.status, bundled.stderr).toBe(0);
      const sources = ask(['--import', 'tsx', 'src/cli/ask.ts'], question);
      expect(sources.status, sources.stderr).toBe(0);
      expect(bundled.answer).toEqual(sources.answer);
    }
  }, 240_000);

  it('rebuilds a bundle older than its sources', () => {
    const bundle = join(ROOT, 'dist', 'bin', 'ask.mjs');
    ask(['scripts/run.mjs', 'ask'], 'مين بيسيطر عالمطار');
    utimesSync(bundle, new Date(0), new Date(0));
    const result = ask(['scripts/run.mjs', 'ask'], 'مين بيسيطر عالمطار');
    expect(result.status, result.stderr).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 120_000);
  }, 240_000);

  it('names the programs when asked for one it does not have', () => {
    const result = spawnSync(process.execPath, ['scripts/run.mjs', 'nonsense'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: .*ask/);
  });
});
