/**
 * `npm run bench -- --scale N[,M...]`: the engine at corpus sizes a year of feeds reaches. For each N,
 * a corpus of the real seed (test/fixtures/corpus) plus N-1 SYNTHETIC articles (recombined Wikipedia
 * paragraphs from ../shared/bench, see synthetic-corpus.ts) in a temporary folder, measured through
 * `ask --jsonl` in new processes, as users start it:
 *
 * - first build: analysing and indexing every article, to the first answer;
 * - next start: loading the persisted data, to the first answer;
 * - adding one article: the start after one new article appeared (it alone is analysed and indexed);
 * - per question p50 / p99 / mean: the seed's question sets through one process, timed per answer line;
 * - persisted size (DATA_DIR) and peak RSS of the answering process (GNU time, when installed).
 *
 * Then the two sentence indexes side by side on the same sentences (build, load, query p50 / p99,
 * size). Results go to bench/results.json under "scale" (the rest of the file is kept). Not part of
 * `npm test`: it takes minutes and measures speed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadQaSet } from '../eval/qa-eval.ts';
import { Fts5SentenceIndex } from '../index-store/fts5-index.ts';
import { SentenceIndex } from '../search/sentence-index.ts';
import { copyCorpus, writeSyntheticArticles } from './synthetic-corpus.ts';
import { loadCorpus } from '../corpus/load.ts';

const SOURCE_FILES = ['arcd-train.json', 'xquad-ar-dev.json'];
let SOURCES: string[] = [];
const SEED_CORPUS = 'test/fixtures/corpus';
const QUESTION_SETS = ['test/eval/qa.jsonl', 'test/eval/qa-blind.jsonl', 'test/eval/qa-heldout.jsonl'];
const GNU_TIME = '/usr/bin/time';

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function directorySize(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + directorySize(join(path, name)), 0);
}

interface AskRun {
  /** Milliseconds from spawn to each answer line. */
  lines: number[];
  totalMs: number;
  peakRssMb: number | null;
  stderr: string;
}

/** Runs `ask --jsonl` in a new process with these questions; times each answer line. */
function runAsk(corpusDir: string, dataDir: string, questions: readonly string[]): Promise<AskRun> {
  // The launcher `npm run ask` uses (a bundle, built before the first timed run by an earlier one).
  const args = ['scripts/run.mjs', 'ask', '--jsonl', '--corpus', corpusDir, '--data-dir', dataDir];
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const child = timed
    ? spawn(GNU_TIME, ['-f', 'peak-rss-kb %M', process.execPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: number[] = [];
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let at: number;
    while ((at = pending.indexOf('\n')) >= 0) {
      pending = pending.slice(at + 1);
      lines.push(performance.now() - started);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    // Progress lines of a first build, passed through so a long run shows it is alive.
    for (const line of chunk.split('\n')) if (/^(analysing|indexing)/.test(line)) process.stderr.write(`  ${line}\n`);
  });
  child.stdin.end(questions.map((q) => `${q}\n`).join(''));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`ask exited with ${code}: ${stderr.slice(-2000)}`));
      const rss = /peak-rss-kb (\d+)/.exec(stderr);
      resolve({ lines, totalMs: performance.now() - started, peakRssMb: rss ? Number(rss[1]) / 1024 : null, stderr });
    });
  });
}

interface ScaleResult {
  articles: number;
  sentences: number;
  synthetic: true;
  firstBuildToFirstAnswerMs: number;
  firstBuildShowedProgress: boolean;
  nextStartToFirstAnswerMs: number;
  addOneArticleStartToFirstAnswerMs: number;
  perQuestionMs: { p50: number; p99: number; mean: number; questions: number; answered: number };
  persistedMb: { analysis: number; index: number; total: number };
  peakRssMb: { firstBuild: number | null; answering: number | null };
}

async function measureScale(articles: number, root: string): Promise<ScaleResult> {
  const corpusDir = join(root, `corpus-${articles}`);
  const dataDir = join(root, `data-${articles}`);
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  copyCorpus(SEED_CORPUS, corpusDir);
  writeSyntheticArticles(corpusDir, { count: Math.max(0, articles - 1), sources: SOURCES });
  const sentences = loadCorpus(corpusDir).sentences.length;
  const first = 'من يسيطر على المطار؟';
  process.stderr.write(`scale ${articles}: ${sentences} sentences; first build\n`);

  const build = await runAsk(corpusDir, dataDir, [first]);
  process.stderr.write(`scale ${articles}: next start\n`);
  const next = await runAsk(corpusDir, dataDir, [first]);
  writeSyntheticArticles(corpusDir, { count: 1, sources: SOURCES, seed: 7, first: 90_000 });
  const added = await runAsk(corpusDir, dataDir, [first]);

  process.stderr.write(`scale ${articles}: questions\n`);
  const questions = QUESTION_SETS.flatMap((file) => loadQaSet(file).map((item) => item.question));
  const answering = await runAsk(corpusDir, dataDir, questions);
  // Each answer's time is the gap since the previous answer line (the first includes the start).
  const gaps = answering.lines.slice(1).map((t, i) => t - (answering.lines[i] as number)).sort((a, b) => a - b);
  const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  const analysis = directorySize(join(dataDir, 'analysis')) / 1e6;
  const index = directorySize(join(dataDir, 'index')) / 1e6;
  return {
    articles,
    sentences,
    synthetic: true,
    firstBuildToFirstAnswerMs: build.lines[0] ?? Number.NaN,
    firstBuildShowedProgress: /analysing articles: \d+\/\d+/.test(build.stderr),
    nextStartToFirstAnswerMs: next.lines[0] ?? Number.NaN,
    addOneArticleStartToFirstAnswerMs: added.lines[0] ?? Number.NaN,
    perQuestionMs: { p50: percentile(gaps, 50), p99: percentile(gaps, 99), mean, questions: questions.length, answered: answering.lines.length },
    persistedMb: { analysis, index, total: analysis + index },
    peakRssMb: { firstBuild: build.peakRssMb, answering: answering.peakRssMb },
  };
}

interface IndexComparison {
  sentences: number;
  lunr: { buildMs: number; loadMs: number; queryP50Ms: number; queryP99Ms: number; sizeMb: number } | null;
  fts5: { buildMs: number; loadMs: number; queryP50Ms: number; queryP99Ms: number; sizeMb: number; addOneArticleMs: number };
}

function timeQueries(search: (q: string) => unknown, questions: readonly string[]): { p50: number; p99: number } {
  const times: number[] = [];
  for (const question of questions) {
    const t = performance.now();
    search(question);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** lunr and FTS5 over the same sentences (the corpus of the largest scale run). */
function compareIndexes(corpusDir: string, root: string, withLunr: boolean): IndexComparison {
  const corpus = loadCorpus(corpusDir);
  const docs = corpus.sentences.map((s) => ({ ref: s.ref, text: s.text, english: s.english, key: s.id, articleId: s.articleId }));
  const questions = QUESTION_SETS.flatMap((file) => loadQaSet(file).map((item) => item.question));
  process.stderr.write(`indexes: ${docs.length} sentences\n`);

  let lunr: IndexComparison['lunr'] = null;
  if (withLunr) {
    let t = performance.now();
    const built = SentenceIndex.build(docs);
    const buildMs = performance.now() - t;
    const file = join(root, 'lunr.json');
    writeFileSync(file, JSON.stringify(built.toJSON()));
    t = performance.now();
    const loaded = SentenceIndex.load(JSON.parse(readFileSync(file, 'utf8')));
    const loadMs = performance.now() - t;
    const q = timeQueries((question) => loaded.search(question, { limit: 60 }), questions);
    lunr = { buildMs, loadMs, queryP50Ms: q.p50, queryP99Ms: q.p99, sizeMb: statSync(file).size / 1e6 };
  }

  const file = join(root, 'fts5.sqlite');
  rmSync(file, { force: true });
  let t = performance.now();
  const fts = Fts5SentenceIndex.open({ file, refOf: (key) => Number(key.slice(key.indexOf('#') + 1)) });
  fts.batch(() => fts.add(docs.map((d) => ({ ...d, key: `${d.articleId}#${d.ref}` }))));
  const buildMs = performance.now() - t;
  fts.close();
  t = performance.now();
  const reopened = Fts5SentenceIndex.open({ file, refOf: (key) => Number(key.slice(key.indexOf('#') + 1)) });
  const loadMs = performance.now() - t;
  const q = timeQueries((question) => reopened.search(question, { limit: 60 }), questions);
  const extra = corpus.articles[0];
  t = performance.now();
  if (extra) reopened.putArticle('bench-added', 'x', extra.sentences.map((s) => ({ ref: s.ref, text: s.text, english: s.english, key: `bench-added#${s.number}` })));
  const addOneArticleMs = performance.now() - t;
  reopened.close();
  const size = ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
  return { sentences: docs.length, lunr, fts5: { buildMs, loadMs, queryP50Ms: q.p50, queryP99Ms: q.p99, sizeMb: size / 1e6, addOneArticleMs } };
}

export async function runScaleBench(sizes: readonly number[], out: string, options: { lunrUpTo: number; keep: boolean; sources: string }): Promise<void> {
  SOURCES = SOURCE_FILES.map((name) => join(options.sources, name));
  for (const source of SOURCES) {
    if (!existsSync(source)) throw new Error(`the scale bench builds synthetic articles from ${source}, which is missing`);
  }
  const root = mkdtempSync(join(tmpdir(), 'qamishli-scale-'));
  const results: ScaleResult[] = [];
  const indexes: IndexComparison[] = [];
  for (const size of sizes) {
    const result = await measureScale(size, root);
    results.push(result);
    console.log(JSON.stringify(result));
    const comparison = compareIndexes(join(root, `corpus-${size}`), root, size <= options.lunrUpTo);
    indexes.push(comparison);
    console.log(JSON.stringify(comparison));
  }
  const f = (n: number | null, digits = 0): string => (n === null || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
  console.log('\n| articles (synthetic but the seed) | sentences | first build | next start to first answer | start after adding one | per question p50 / p99 / mean | persisted | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.articles} | ${r.sentences} | ${f(r.firstBuildToFirstAnswerMs / 1000, 1)} s | ${f(r.nextStartToFirstAnswerMs / 1000, 2)} s | ${f(r.addOneArticleStartToFirstAnswerMs / 1000, 2)} s | ${f(r.perQuestionMs.p50, 1)} / ${f(r.perQuestionMs.p99, 1)} / ${f(r.perQuestionMs.mean, 1)} ms | ${f(r.persistedMb.total)} MB | ${f(r.peakRssMb.answering)} MB (first build ${f(r.peakRssMb.firstBuild)} MB) |`);
  }
  console.log('\n| index | sentences | build | load | query p50 / p99 | size | add one article |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of indexes) {
    if (c.lunr) console.log(`| lunr | ${c.sentences} | ${f(c.lunr.buildMs / 1000, 1)} s | ${f(c.lunr.loadMs / 1000, 2)} s | ${f(c.lunr.queryP50Ms, 1)} / ${f(c.lunr.queryP99Ms, 1)} ms | ${f(c.lunr.sizeMb, 1)} MB | full rebuild |`);
    console.log(`| SQLite FTS5 | ${c.sentences} | ${f(c.fts5.buildMs / 1000, 1)} s | ${f(c.fts5.loadMs, 1)} ms | ${f(c.fts5.queryP50Ms, 1)} / ${f(c.fts5.queryP99Ms, 1)} ms | ${f(c.fts5.sizeMb, 1)} MB | ${f(c.fts5.addOneArticleMs, 0)} ms |`);
  }
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...previous, scale: { date: new Date().toISOString(), node: process.version, synthetic: 'seed + recombined Wikipedia paragraphs (ARCD, XQuAD)', results, indexes } }, null, 2)}\n`);
  console.log(`\nwritten to ${out}`);
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`corpora and data kept in ${root}`);
}
