/**
 * ARCD answer-sentence benchmark: `npm run bench:arcd -- FILE.json [--only project]`.
 *
 * Prints a table of reference rankers measured in the same run next to the project's pipeline,
 * and as its last line one JSON object with the project's figures.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { evaluate, parseSquad, type BenchResult, type RankerFactory } from '../search/arcd.ts';
import { SentenceIndex } from '../search/sentence-index.ts';
import { arabicQuery, corpusNameFinder, loadBilingualLexicon, type BilingualLexicon } from '../nlu/bilingual.ts';
import { loadPluralTable, type PluralTable } from '../nlu/plurals.ts';
import { detectLanguage } from '../text/language.ts';
import { tokenize } from '../text/tokenize.ts';

type Lunr = typeof import('lunr');
const require = createRequire(import.meta.url);

function loadLunrWithArabic(): Lunr & { ar: ((this: unknown) => void) & { trimmer: unknown; stopWordFilter: unknown; stemmer: unknown } } {
  const lunr = require('lunr') as Lunr;
  (require('lunr-languages/lunr.stemmer.support.js') as (l: Lunr) => void)(lunr);
  (require('lunr-languages/lunr.ar.js') as (l: Lunr) => void)(lunr);
  return lunr as ReturnType<typeof loadLunrWithArabic>;
}

/** Ranks every candidate; ids missing from the search results are not ranked at all. */
function lunrRanker(lunr: Lunr, index: import('lunr').Index, analyse: (q: string) => string[]) {
  return (question: string): number[] => {
    const terms = analyse(question);
    if (terms.length === 0) return [];
    return index
      .query((q) => {
        for (const term of terms) q.term(term, { usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
      })
      .map((r) => Number(r.ref));
  };
}

function referenceRankers(): Record<string, { factory: RankerFactory; global: boolean }> {
  const lunr = loadLunrWithArabic();
  const defaultPipeline = new lunr.Pipeline();
  defaultPipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  const arabicPipeline = new lunr.Pipeline();
  arabicPipeline.add(
    lunr.ar.trimmer as import('lunr').PipelineFunction,
    lunr.ar.stopWordFilter as import('lunr').PipelineFunction,
    lunr.ar.stemmer as import('lunr').PipelineFunction,
  );
  const runPipeline = (pipeline: import('lunr').Pipeline) => (q: string) =>
    pipeline.run(lunr.tokenizer(q)).map((t) => t.toString()).filter((t) => t.length > 0);

  const buildDefault = (sentences: readonly string[]) =>
    lunr(function () {
      this.ref('id');
      this.field('text');
      sentences.forEach((text, id) => this.add({ id: String(id), text }));
    });
  const buildArabic = (sentences: readonly string[]) =>
    lunr(function () {
      this.use(lunr.ar as unknown as import('lunr').Builder.Plugin);
      this.ref('id');
      this.field('text');
      sentences.forEach((text, id) => this.add({ id: String(id), text }));
    });

  return {
    'first sentence of the paragraph': { factory: (s) => () => s.map((_, i) => i), global: false },
    'lunr 2.3.9, default pipeline': {
      factory: (s) => lunrRanker(lunr, buildDefault(s), runPipeline(defaultPipeline)),
      global: true,
    },
    'lunr + lunr-languages Arabic, queries through the same pipeline': {
      factory: (s) => lunrRanker(lunr, buildArabic(s), runPipeline(arabicPipeline)),
      global: true,
    },
    'lunr + lunr-languages Arabic, plain idx.search(question)': {
      factory: (s) => {
        const index = buildArabic(s);
        return (question) => {
          try {
            return index.search(question).map((r) => Number(r.ref));
          } catch {
            return []; // the query parser rejects some questions: count them as misses
          }
        };
      },
      global: true,
    },
  };
}

/**
 * The project's ranker. An English question over Arabic sentences (XQuAD en→ar) goes through the
 * English–Arabic lexicon (knowledge/en-ar.tsv) and, for names, the skeletons of the sentences' own
 * words; the weighted Arabic words then query the same index an Arabic question would.
 */
/** A singular's broken plural (or back) searches at this weight against the question's own words (as in the engine). */
const PLURAL_SEARCH_BOOST = 0.5;

function projectFactory(lexicon: () => BilingualLexicon, plurals: () => PluralTable): RankerFactory {
  return (sentences) => {
    const index = SentenceIndex.build(sentences.map((text, ref) => ({ ref, text })));
    let names: ReturnType<typeof corpusNameFinder> | undefined;
    return (question) => {
      if (detectLanguage(question) === 'en') {
        names ??= corpusNameFinder(lexicon(), sentences.flatMap((s) => tokenize(s)));
        const query = arabicQuery(lexicon().translate(question), { names });
        return index
          .search(question, { limit: sentences.length, extraTerms: query.extraTerms, boosts: query.boosts })
          .map((hit) => hit.ref);
      }
      // As the engine does: a singular also finds its broken plural (knowledge/ar-plurals.tsv), and back.
      const partners = plurals().expand(question);
      const boosts = Object.fromEntries(partners.map((term) => [term, PLURAL_SEARCH_BOOST]));
      return index.search(question, { limit: sentences.length, extraTerms: partners, boosts }).map((hit) => hit.ref);
    };
  };
}

function formatCell(value: number | null): string {
  return value === null ? '-' : value.toFixed(3);
}

function main(argv: readonly string[]): void {
  const args = argv.filter((a) => a !== '--');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run bench:arcd -- FILE.json [--project-only]\n');
    process.exitCode = 2;
    return;
  }
  const paragraphs = parseSquad(JSON.parse(readFileSync(file, 'utf8')));
  const rows: [string, BenchResult][] = [];
  if (!args.includes('--project-only')) {
    for (const [name, { factory, global }] of Object.entries(referenceRankers())) {
      rows.push([name, evaluate(paragraphs, factory, global)]);
    }
  }
  let lexicon: BilingualLexicon | undefined;
  let plurals: PluralTable | undefined;
  const project = evaluate(paragraphs, projectFactory(() => (lexicon ??= loadBilingualLexicon()), () => (plurals ??= loadPluralTable())));
  rows.push(['project pipeline (src/text + src/search)', project]);

  const lines = [
    `ARCD answer-sentence selection: ${file}, ${project.questions} questions`,
    '| ranker | paragraph top-1 | paragraph MRR | global top-1 | global MRR@10 |',
    '|---|---|---|---|---|',
    ...rows.map(([name, r]) =>
      `| ${name} | ${formatCell(r.paragraphTop1)} | ${formatCell(r.paragraphMrr)} | ${formatCell(r.globalTop1)} | ${formatCell(r.globalMrr10)} |`),
    JSON.stringify({
      paragraphTop1: project.paragraphTop1,
      paragraphMrr: project.paragraphMrr,
      globalTop1: project.globalTop1,
      globalMrr10: project.globalMrr10,
      questions: project.questions,
    }),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main(process.argv.slice(2));
