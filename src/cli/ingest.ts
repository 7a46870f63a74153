/**
 * `npm run ingest -- <file.txt | file.html | URL> [--title T] [--published YYYY-MM-DD] [--publisher P] [--url U]`
 * and `npm run ingest -- --feed <RSS or Atom URL>`: adds articles to CORPUS_DIR (or --corpus DIR).
 * Duplicates are reported and change nothing; bad input fails with a clear message and the corpus
 * untouched. `--json` prints one JSON object per article.
 */
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CorpusError } from '../corpus/load.ts';
import type { AddResult } from '../ingest/add.ts';
import { IngestError } from '../ingest/errors.ts';
import { ingestFeed, ingestFile, ingestPage } from '../ingest/sources.ts';

export interface IngestCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

const USAGE = [
  'usage: npm run ingest -- <file.txt | file.html | URL> [--title T] [--published YYYY-MM-DD] [--publisher P] [--url U]',
  '       npm run ingest -- --feed <RSS or Atom URL>',
  '       options: --corpus DIR (default $CORPUS_DIR or ./corpus), --json',
].join('\n') + '\n';

function describe(result: AddResult, source: string): string {
  if (result.status === 'added') {
    const story = result.story ? `, same story as ${result.story}` : '';
    return `added ${result.id}: «${result.title}» (${result.published}, ${result.publisher ?? 'publisher unknown'}, ${result.language}${story}) from ${source}`;
  }
  const why = { url: 'the same URL', text: 'the same text', 'near-duplicate': `a near-identical text (${Math.round(result.similarity * 100)}% alike)` }[result.reason];
  return `duplicate of ${result.id} (${why}): nothing changed — ${source}`;
}

const json = (value: object): string => `${JSON.stringify(value)}\n`;

/** Runs the command; resolves to the exit code (0 done, 1 refused, 2 usage). */
export async function runIngestCli(argv: readonly string[], io: IngestCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        feed: { type: 'string' },
        title: { type: 'string' },
        published: { type: 'string' },
        publisher: { type: 'string' },
        url: { type: 'string' },
        corpus: { type: 'string', default: io.env.CORPUS_DIR || 'corpus' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const target = positionals.join(' ').trim();
  if ((values.feed === undefined) === (target === '')) {
    io.stderr(USAGE);
    return 2;
  }
  const corpus = values.corpus;
  mkdirSync(corpus, { recursive: true });
  try {
    if (values.feed !== undefined) {
      const outcome = await ingestFeed(corpus, values.feed);
      let failures = 0;
      for (const { item, result, error } of outcome.items) {
        if (error) failures += 1;
        if (values.json) io.stdout(json({ source: item.url, ...(result ?? { status: 'error', code: error?.code, message: error?.message }) }));
        else if (result) io.stdout(`${describe(result, item.url)}\n`);
        else io.stderr(`error: ${item.url}: ${error?.message}\n`);
      }
      if (!values.json) io.stdout(`feed ${outcome.title ?? values.feed}: ${outcome.items.length} new item(s) read, ${outcome.items.filter((i) => i.result?.status === 'added').length} added, ${failures} failed\n`);
      return 0;
    }
    const overrides = { title: values.title, published: values.published, publisher: values.publisher, url: values.url };
    const result = /^https?:\/\//i.test(target) ? await ingestPage(corpus, target, overrides) : ingestFile(corpus, target, overrides);
    io.stdout(values.json ? json({ source: target, ...result }) : `${describe(result, target)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CorpusError) {
      // The corpus itself cannot be read or locked: nothing was written.
      io.stderr(`error (corpus): ${error.message}\nNothing was added to ${corpus}.\n`);
      return 1;
    }
    if (!(error instanceof IngestError)) throw error;
    if (values.json) io.stdout(json({ source: values.feed ?? target, status: 'error', code: error.code, message: error.message }));
    io.stderr(`error (${error.code}): ${error.message}\nThe corpus in ${corpus} is unchanged.\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runIngestCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
