/**
 * `npm run bench`: speed, memory and quality in one run, printed as a table and written to
 * bench/results.json. Medians and ratios from one run are what to quote: machines here are noisy.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../answer/create-engine.ts';
import { loadCorpus } from '../corpus/load.ts';
import { loadQaSet, runQaSet, scoreQa, type QaScores } from '../eval/qa-eval.ts';
import { SentenceIndex } from '../search/sentence-index.ts';

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const median = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 50);

/** Sets only their scores were ever looked at: reported first. */
const NEVER_READ = /heldout|fresh/;

/**
 * Every question set of test/eval on the tests' own corpus: the multi-article sets over all of it, the
 * seed's sets over the seed alone (what they were written for), never-read sets first.
 */
async function scoreQuestionSets(evalDir: string, fixtures: string, seedId: string): Promise<{ set: string; neverRead: boolean; scores: QaScores }[]> {
  const files = readdirSync(evalDir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort((a, b) => Number(NEVER_READ.test(b)) - Number(NEVER_READ.test(a)) || a.localeCompare(b));
  const seedDir = mkdtempSync(join(tmpdir(), 'qamishli-bench-seed-'));
  for (const file of [`${seedId}.json`, `${seedId}.ar.txt`]) copyFileSync(join(fixtures, file), join(seedDir, file));
  const multi = await createEngine({ corpusDir: fixtures, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-bench-')) });
  const seed = await createEngine({ corpusDir: seedDir, cacheDir: mkdtempSync(join(tmpdir(), 'qamishli-bench-')) });
  const results: { set: string; neverRead: boolean; scores: QaScores }[] = [];
  for (const file of files) {
    const engine = file.includes('-multi') ? multi : seed;
    results.push({ set: file, neverRead: NEVER_READ.test(file), scores: scoreQa(await runQaSet(engine, loadQaSet(join(evalDir, file)))) });
  }
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'corpus' },
      questions: { type: 'string', default: 'test/eval/qa.jsonl' },
      rounds: { type: 'string', default: '5' },
      out: { type: 'string', default: 'bench/results.json' },
      'skip-bot': { type: 'boolean', default: false },
      /** Corpus sizes for the scale bench (bench-scale.ts), e.g. `--scale 1000,10000`. */
      scale: { type: 'string' },
      'lunr-up-to': { type: 'string', default: '2000' },
      keep: { type: 'boolean', default: false },
      /** Folder of the ARCD / XQuAD files the synthetic articles are recombined from. */
      sources: { type: 'string', default: '../shared/bench' },
    },
  });
  if (values.scale !== undefined) {
    const sizes = values.scale.split(',').map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--scale takes article counts, e.g. --scale 1000,10000');
    const { runScaleBench } = await import('./bench-scale.ts');
    await runScaleBench(sizes, values.out, { lunrUpTo: Number(values['lunr-up-to']), keep: values.keep, sources: values.sources });
    return;
  }
  const rounds = Number(values.rounds);
  const cacheDir = mkdtempSync(join(tmpdir(), 'qamishli-bench-'));

  // Cold start in this process: corpus, intent model (trained: the cache is empty), index, first answer.
  const firstQuestion = 'من يسيطر على المطار؟';
  let started = performance.now();
  const trainedEngine = await createEngine({ corpusDir: values.corpus, cacheDir });
  await trainedEngine.ask(firstQuestion);
  const coldStartTrainingMs = performance.now() - started;

  // Cold start as users see it: a new process with the model cache warm (`npm run ask`).
  const child = (): number => {
    const t = performance.now();
    const result = spawnSync(process.execPath, ['scripts/run.mjs', 'ask', '--json', '--corpus', values.corpus, '--data-dir', cacheDir, firstQuestion], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`ask failed: ${result.stderr}`);
    return performance.now() - t;
  };
  const processColdStarts = [child(), child(), child()];

  started = performance.now();
  const engine = await createEngine({ corpusDir: values.corpus, cacheDir });
  await engine.ask(firstQuestion);
  const coldStartCachedMs = performance.now() - started;

  const corpus = loadCorpus(values.corpus);
  const docs = corpus.sentences.map((s) => ({ ref: s.ref, text: s.text, english: s.english }));
  const buildTimes: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const t = performance.now();
    SentenceIndex.build(docs);
    buildTimes.push(performance.now() - t);
  }

  const items = loadQaSet(values.questions);
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const item of items) {
      const t = performance.now();
      await engine.ask(item.question);
      latencies.push(performance.now() - t);
    }
  }
  latencies.sort((a, b) => a - b);
  const scores = scoreQa(await runQaSet(engine, items));

  let bot: { updates: number; seconds: number; perSecond: number } | null = null;
  if (!values['skip-bot']) {
    // The fake Bot API is test equipment: the measurement runs from test/ in its own process, so
    // nothing in src/ imports from test/ (an ESLint rule).
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/bot-throughput.ts', '--corpus', values.corpus], { encoding: 'utf8' });
    const last = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || last === '') throw new Error(`bot throughput run failed: ${child.stderr}`);
    bot = JSON.parse(last) as { updates: number; seconds: number; perSecond: number };
  }

  const sets = await scoreQuestionSets('test/eval', 'test/fixtures/corpus', 'qamishli-2021-04-25');

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    corpus: { articles: corpus.articles.length, sentences: corpus.sentences.length },
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0, samples: latencies.length },
    coldStartMs: {
      inProcessTrainingModel: coldStartTrainingMs,
      inProcessCachedModel: coldStartCachedMs,
      newProcessMedian: median(processColdStarts),
    },
    indexBuildMs: { median: median(buildTimes) },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    bot,
    eval: scores,
    /** Every set of test/eval on the tests' corpus, never-read sets first. */
    sets,
  };

  const f = (n: number, digits = 2): string => n.toFixed(digits);
  const rows: [string, string][] = [
    ['question latency p50 (ms)', f(results.latencyMs.p50)],
    ['question latency p99 (ms)', f(results.latencyMs.p99)],
    ['cold start, new process, to first answer (ms)', f(results.coldStartMs.newProcessMedian, 0)],
    ['cold start in process, cached model (ms)', f(results.coldStartMs.inProcessCachedModel, 0)],
    ['cold start in process, training the model (ms)', f(results.coldStartMs.inProcessTrainingModel, 0)],
    ['index build, median (ms)', f(results.indexBuildMs.median)],
    ['peak RSS (MB)', f(results.peakRssMb, 0)],
    ['bot updates handled per second', bot ? f(bot.perSecond, 1) : 'skipped'],
    ['eval: Arabic top-1', f(scores.arabicTop1, 3)],
    ['eval: English top-1', f(scores.englishTop1, 3)],
    ['eval: unanswerable abstained', f(scores.unanswerableAbstained, 3)],
    ['eval: answerable wrongly abstained', f(scores.answerableWronglyAbstained, 3)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`);
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
  console.log('\n| question set (test corpus) | questions | Arabic top-1 | English top-1 | unanswerable abstained | answerable wrongly abstained |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const { set, neverRead, scores: s } of sets) {
    console.log(`| ${set}${neverRead ? ' (never read)' : ''} | ${s.questions} | ${f(s.arabicTop1, 3)} | ${f(s.englishTop1, 3)} | ${f(s.unanswerableAbstained, 3)} | ${f(s.answerableWronglyAbstained, 3)} |`);
  }
  mkdirSync(join(values.out, '..'), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${values.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
