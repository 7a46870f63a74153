/**
 * `npm run feedback`: the 👍 / 👎 given to answers, from the bot's database in DATA_DIR: each voted
 * answer's question, counts and cited sentence ids, worst first; `-- --json` one JSON array.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FeedbackSummary } from '../store/feedback.ts';
import { DATABASE_FILE, openStore } from '../store/store.ts';
import { isEntryPoint } from './entry-point.ts';

export function feedbackOutput(args: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): string {
  const { values } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false }, 'data-dir': { type: 'string', default: env.DATA_DIR ?? './data' } },
  });
  const dataDir = values['data-dir'];
  if (!existsSync(join(dataDir, DATABASE_FILE))) return values.json ? '[]' : `No feedback yet (no database in ${dataDir}).`;
  const store = openStore(dataDir);
  let rows: FeedbackSummary[];
  try {
    rows = store.feedback.report();
  } finally {
    store.close();
  }
  rows.sort((a, b) => (a.up - a.down) - (b.up - b.down) || a.answerId - b.answerId);
  if (values.json) return JSON.stringify(rows, null, 2);
  if (rows.length === 0) return 'No feedback yet.';
  const up = rows.reduce((n, r) => n + r.up, 0);
  const down = rows.reduce((n, r) => n + r.down, 0);
  return [
    `${rows.length} answer(s) voted on: ${up} 👍, ${down} 👎`,
    ...rows.map((r) => `👍 ${r.up} 👎 ${r.down}  [${r.lang}] ${r.question}\n    cited: ${r.sentenceIds.join(', ') || '(none)'}  (${r.createdAt.slice(0, 10)})`),
  ].join('\n');
}

if (isEntryPoint(import.meta.url)) {
  try {
    process.stdout.write(`${feedbackOutput(process.argv.slice(2))}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nusage: npm run feedback -- [--json] [--data-dir dir]\n`);
    process.exitCode = 1;
  }
}
