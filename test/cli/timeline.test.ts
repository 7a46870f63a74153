import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runTimelineCli } from '../../src/cli/timeline.ts';
import { SECOND_DIR, SEED_DIR } from '../events/fixtures/load.ts';

interface JsonTimeline {
  events: {
    date: string;
    precision: string;
    summary: string;
    actors: string[];
    places: string[];
    citations: { articleId: string; sentenceId: string; text: string }[];
  }[];
}

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runTimelineCli(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

function json(...args: string[]): JsonTimeline {
  const result = run('--json', '--corpus', SEED_DIR, ...args);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as JsonTimeline;
}

describe('timeline CLI', () => {
  it('prints the documented --json shape, sorted by date', () => {
    const { events } = json();
    expect(events.map((e) => e.date)).toEqual([
      '2016-07', '2018-09', '2021-04-09/2021-04-11', '2021-04-17', '2021-04-20', '2021-04-23', '2021-04-25',
    ]);
    for (const event of events) {
      expect(Object.keys(event)).toEqual(['date', 'precision', 'summary', 'actors', 'places', 'citations']);
      for (const citation of event.citations) expect(Object.keys(citation)).toEqual(['articleId', 'sentenceId', 'text']);
    }
    expect(events[3]?.citations.map((c) => c.sentenceId)).toEqual([
      'qamishli-2021-04-25#8', 'qamishli-2021-04-25#9', 'qamishli-2021-04-25#10',
    ]);
  });

  it('filters by year, place and month', () => {
    expect(json('2018').events.map((e) => e.date)).toEqual(['2018-09']);
    expect(json('حلكو').events.map((e) => e.date)).toEqual(['2021-04-25']);
    expect(json('April', '2021').events).toHaveLength(5);
  });

  it('writes English summaries with --lang en, and picks English for an English filter', () => {
    const english = json('--lang', 'en', '2016').events[0];
    expect(english?.summary).toMatch(/^Before that there were bloody clashes/);
    expect(json('Halko').events[0]?.summary).toMatch(/^Fighting continued/);
  });

  it('prints each event with its date, summary and verbatim citation as text', () => {
    const { code, stdout } = run('--corpus', SEED_DIR, '2018');
    expect(code).toBe(0);
    expect(stdout).toContain('2018-09 (شهر)');
    expect(stdout).toContain('شارع الحسكة');
    expect(stdout).toContain('[qamishli-2021-04-25#13] «وهذا ليس التوتر الأول');
  });

  it('says so when nothing matches', () => {
    expect(run('--corpus', SEED_DIR, '--lang', 'en', '1999').stdout).toBe('No dated events match "1999".\n');
    expect(json('1999').events).toEqual([]);
  });

  it('reads another corpus with --corpus', () => {
    const { events } = JSON.parse(run('--json', '--corpus', SECOND_DIR).stdout) as JsonTimeline;
    expect(events.map((e) => e.date)).toContain('2021-04-28');
  });

  it('rejects unknown options and languages with exit code 2', () => {
    expect(run('--nope').code).toBe(2);
    expect(run('--lang', 'fr').code).toBe(2);
  });

  it('runs as the npm script', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/timeline.ts', '--json', '2016'], { cwd: root });
    const parsed = JSON.parse(stdout) as JsonTimeline;
    expect(parsed.events.map((e) => e.date)).toEqual(['2016-07']);
    expect(parsed.events[0]?.citations[0]?.sentenceId).toBe('qamishli-2021-04-25#14');
  });
});
