/**
 * `npm run ask -- "question"`: a readable answer; `--json`: one JSON object;
 * `--jsonl`: questions one per line on stdin, one JSON object per line on stdout, in one process.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { createEngine } from '../answer/create-engine.ts';
import { renderPlain } from '../views/format.ts';
import { answerView } from '../views/view.ts';
import { DEFAULT_HOME_REGION } from '../config.ts';
import { openPersistedIndex } from '../index-store/persisted-index.ts';
import { answerToJson } from './answer-json.ts';
import { splitLines } from './lines.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      corpus: { type: 'string', default: process.env.CORPUS_DIR ?? 'corpus' },
      'data-dir': { type: 'string', default: process.env.DATA_DIR ?? 'data' },
    },
  });
  const dataDir = values['data-dir'];
  // Progress of a first build goes to stderr: stdout carries only answers (--jsonl).
  const progress = (line: string): void => void process.stderr.write(`${line}\n`);
  const engine = await createEngine({
    corpusDir: values.corpus,
    // The same layout as the bot's (main.ts): models and caches under DATA_DIR/cache.
    cacheDir: join(dataDir, 'cache'),
    dataDir,
    homeRegion: process.env.HOME_REGION?.trim() || DEFAULT_HOME_REGION,
    openIndex: openPersistedIndex({ dataDir, progress }),
    progress,
  });

  if (values.jsonl) {
    // One output line per input line ("\n" only), empty ones included, so answers line up with questions.
    for await (const line of splitLines(process.stdin)) {
      process.stdout.write(`${JSON.stringify(answerToJson(await engine.ask(line)))}\n`);
    }
    return;
  }
  const question = positionals.join(' ');
  if (question.trim() === '') {
    process.stderr.write('usage: npm run ask -- [--json] "question"   |   npm run ask -- --jsonl < questions.txt\n');
    process.exitCode = 2;
    return;
  }
  if (values.explain) {
    process.stdout.write(`${JSON.stringify(await engine.explain(question), null, 2)}\n`);
    return;
  }
  const answer = await engine.ask(question);
  process.stdout.write(values.json ? `${JSON.stringify(answerToJson(answer), null, 2)}\n` : `${renderPlain(answerView(answer, engine.sources()))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
