#!/usr/bin/env node
/**
 * `node scripts/run.mjs <program> [args...]`: runs one of the programs below as plain JavaScript,
 * bundled by esbuild from its TypeScript entry into dist/bin/<program>.mjs, and rebuilt (about half a
 * second) whenever a source or data file is newer than the bundle.
 *
 * Why: loading the sources through tsx transforms ~150 modules in a loader thread at every start,
 * about 0.7 s of CPU and 30 MB; a bundle is one file. The bundle sits two folders deep, as the sources
 * do, so paths the code takes relative to its own module (knowledge/, the source files hashed into
 * cache fingerprints) resolve the same from both. Tests and scripts keep running the sources.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROGRAMS = {
  main: 'src/main.ts',
  ask: 'src/cli/ask.ts',
  timeline: 'src/cli/timeline.ts',
  summary: 'src/cli/summary.ts',
  feedback: 'src/cli/feedback.ts',
  ingest: 'src/cli/ingest.ts',
};
/** What a bundle is made of: the sources and the JSON data they import. */
const INPUT_FOLDERS = ['src', 'intents', 'knowledge'];

function newestInput() {
  let newest = statSync(join(ROOT, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  for (const folder of INPUT_FOLDERS) {
    for (const name of readdirSync(join(ROOT, folder), { recursive: true })) {
      if (!/\.(ts|json)$/.test(name)) continue;
      newest = Math.max(newest, statSync(join(ROOT, folder, name)).mtimeMs);
    }
  }
  return newest;
}

async function bundle(entry, outfile) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  mkdirSync(dirname(outfile), { recursive: true });
  // Written aside and renamed: two processes starting at once never run a half-written bundle.
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, output.contents);
  renameSync(temporary, outfile);
}

const [program, ...args] = process.argv.slice(2);
const entry = program === undefined ? undefined : PROGRAMS[program];
if (entry === undefined) {
  process.stderr.write(`usage: node scripts/run.mjs <${Object.keys(PROGRAMS).join('|')}> [args...]\n`);
  process.exit(2);
}
const outfile = join(ROOT, 'dist', 'bin', `${program}.mjs`);
const built = statSync(outfile, { throwIfNoEntry: false })?.mtimeMs;
if (built === undefined || built < newestInput()) await bundle(entry, outfile);
// The program sees itself as the entry point, with its own arguments (parseArgs, isEntryPoint).
process.argv.splice(1, process.argv.length - 1, outfile, ...args);
await import(pathToFileURL(outfile).href);
