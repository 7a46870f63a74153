/**
 * `npm run timeline [-- FILTER] [--json] [--lang ar|en] [--corpus DIR]`: the corpus's dated events in
 * date order, each with its date, summary and verbatim citations. FILTER narrows by year ("2018"),
 * month ("نيسان 2021", "April 2021"), place or actor ("حلكو", "Asayish") or free words.
 * `--json` prints `{"events": [{"date", "precision", "summary", "actors", "places", "citations": [...]}]}`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { TimelineEvent } from '../answer/types.ts';
import type { Corpus, Language, Sentence } from '../corpus/article.ts';
import { loadCorpus } from '../corpus/load.ts';
import { buildTimeline, filterTimeline } from '../events/timeline.ts';
import { entityById, matchEntities } from '../nlu/entities.ts';
import { detectLanguage } from '../text/language.ts';

export interface TimelineCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = 'usage: npm run timeline -- [FILTER] [--json] [--lang ar|en] [--corpus DIR]\n';

/** The JSON shape of `--json`, sorted by date as the timeline is. */
export function timelineToJson(events: readonly TimelineEvent[], lang: Language): object {
  return {
    events: events.map((event) => ({
      date: event.date,
      precision: event.precision,
      summary: lang === 'en' ? event.summaryEn : event.summary,
      actors: event.actors,
      places: event.places,
      citations: event.citations.map(({ articleId, sentenceId, text }) => ({ articleId, sentenceId, text })),
    })),
  };
}

const PRECISION_LABEL: Record<Language, Record<TimelineEvent['precision'], string>> = {
  ar: { day: 'يوم', month: 'شهر', year: 'سنة', approximate: 'تقريبي' },
  en: { day: 'day', month: 'month', year: 'year', approximate: 'approximate' },
};

/** Plain text: one block per event (date, summary, then each citation quoted verbatim). */
export function formatTimelineText(events: readonly TimelineEvent[], lang: Language, corpus: Corpus, filter: string | null): string {
  if (events.length === 0) {
    if (lang === 'en') return filter ? `No dated events match "${filter}".` : 'The articles hold no dated events.';
    return filter ? `لا توجد أحداث مؤرخة تطابق «${filter}».` : 'لا تحوي المقالات أحداثاً مؤرخة.';
  }
  const byId = new Map<string, Sentence>(corpus.sentences.map((sentence) => [sentence.id, sentence]));
  const blocks = events.map((event) => {
    const lines = [`${event.date} (${PRECISION_LABEL[lang][event.precision]})`, `  ${lang === 'en' ? event.summaryEn : event.summary}`];
    for (const citation of event.citations) {
      lines.push(`  — [${citation.sentenceId}] «${citation.text}»`);
      const english = byId.get(citation.sentenceId)?.english;
      if (lang === 'en' && english) lines.push(`    (${english})`);
    }
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}

/** Runs the command with the given arguments; returns the exit code. */
export function runTimelineCli(argv: readonly string[], io: TimelineCliIo): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const filter = positionals.join(' ').trim() || null;
  const lang = values.lang ?? (filter ? detectLanguage(filter) : 'ar');
  if (lang !== 'ar' && lang !== 'en') {
    io.stderr(`--lang must be ar or en, not "${lang}"\n${USAGE}`);
    return 2;
  }
  const corpus = loadCorpus(values.corpus);
  const deps = { matchEntities, entityById };
  const latest = corpus.articles.reduce((max, article) => (article.published > max ? article.published : max), '1970-01-01');
  const events = filterTimeline(buildTimeline(corpus, deps), filter, { ...deps, now: latest });
  io.stdout(values.json ? `${JSON.stringify(timelineToJson(events, lang), null, 2)}\n` : `${formatTimelineText(events, lang, corpus, filter)}\n`);
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      corpus: { type: 'string', default: process.env.CORPUS_DIR ?? 'corpus' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = runTimelineCli(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
