/**
 * `npm run summary`: the digest of the corpus as a subscribed chat would get its first one;
 * `-- --json`: `{asOf, text, points: [{text, citation: {articleId, sentenceId, text}}]}`; `-- --lang en`.
 */
import { parseArgs } from 'node:util';
import type { Language } from '../corpus/article.ts';
import { loadCorpus } from '../corpus/load.ts';
import { buildDigest } from '../digest/digest.ts';
import { defaultDigestKnowledge } from '../digest/topics.ts';
import { digestJson, digestView } from '../views/digest-view.ts';
import { renderPlain } from '../views/format.ts';
import { isEntryPoint } from './entry-point.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What `npm run summary` prints for these arguments. */
export function summaryOutput(args: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): string {
  const { values } = parseArgs({
    args: [...args],
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'ar' },
      corpus: { type: 'string', default: env.CORPUS_DIR ?? 'corpus' },
    },
  });
  if (values.lang !== 'ar' && values.lang !== 'en') throw new UsageError(`--lang must be ar or en, got ${values.lang}`);
  const lang: Language = values.lang;
  const { articles } = loadCorpus(values.corpus);
  const digest = buildDigest({ articles, knowledge: defaultDigestKnowledge(), lang });
  return values.json ? JSON.stringify(digestJson(digest, articles), null, 2) : renderPlain(digestView(digest, articles).view);
}

if (isEntryPoint(import.meta.url)) {
  try {
    process.stdout.write(`${summaryOutput(process.argv.slice(2))}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nusage: npm run summary -- [--json] [--lang ar|en] [--corpus dir]\n`);
    process.exitCode = error instanceof UsageError || (error instanceof TypeError && 'code' in error) ? 2 : 1;
  }
}
