/** Wires the real language-understanding and events modules into the engine. */
import { join } from 'node:path';
import type { Language } from '../corpus/article.ts';
import { loadCorpus } from '../corpus/load.ts';
import { buildTimeline, filterTimeline } from '../events/timeline.ts';
import { parseQuestionDate, questionDateMatches, questionTimeFlags } from '../events/dates.ts';
import { entityById, entityTerms, matchEntities } from '../nlu/entities.ts';
import { defaultConcepts, defaultGlossaryInstance, expandQuery } from '../nlu/glossary.ts';
import { conceptLabeller } from '../nlu/concepts.ts';
import { analyze } from '../text/analyze.ts';
import { classifyIntent, defaultIntentData, loadOrTrainIntentModel } from '../nlu/intents.ts';
import { corpusNameFinder, loadBilingualLexicon, type BilingualLexicon } from '../nlu/bilingual.ts';
import { buildEngine, DEFAULT_RANKING, type ExplainableEngine, type RankingOptions } from './engine.ts';

export interface CreateEngineOptions {
  corpusDir: string;
  /** Where the trained intent model is cached; omitted, the model is trained in memory each time. */
  cacheDir?: string;
  ranking?: RankingOptions;
  /**
   * The English–Arabic dictionary; omitted, `knowledge/en-ar.tsv` is read. `null`: none, so English
   * questions match English renderings only.
   */
  bilingual?: BilingualLexicon | null;
}

/** Loads the corpus, loads or trains the intent model, builds the timeline and the engine. */
export async function createEngine(options: CreateEngineOptions): Promise<ExplainableEngine> {
  const corpus = loadCorpus(options.corpusDir);
  const bilingual = options.bilingual === undefined ? loadBilingualLexicon() : options.bilingual;
  const model = await loadOrTrainIntentModel({ cacheFile: options.cacheDir ? join(options.cacheDir, 'intent-model.json') : undefined });
  const timelineEvents = buildTimeline(corpus, { matchEntities, entityById });
  const latest = corpus.articles.reduce((d, a) => (a.published > d ? a.published : d), '');
  return buildEngine(
    corpus,
    {
      classifyIntent: async (text) => {
        const result = classifyIntent(model, text);
        return { intent: result.intent, score: result.score };
      },
      matchEntities,
      parentOf: (id) => entityById(id)?.parent,
      entityTerms,
      expandQuery: (text, lang: Language) => expandQuery(text, lang),
      glossaryHits: (text) => defaultGlossaryInstance().lookup(text),
      timelineEvents,
      filterTimeline: (events, filter) => filterTimeline(events, filter, { matchEntities, entityById }),
      intentExamples: defaultIntentData().examples,
      recognised: {
        entity: (id) => {
          const entity = entityById(id);
          return entity && { nameEn: entity.nameEn, kind: entity.kind };
        },
        concepts: conceptLabeller(defaultConcepts(), analyze),
      },
      translateEnglish: bilingual ? (text) => bilingual.translate(text) : undefined,
      nameFinder: bilingual ? (words) => { const find = corpusNameFinder(bilingual, words); return (latin) => find(latin, false); } : undefined,
      timeFlags: (question, lang) => questionTimeFlags(question, { now: latest, lang }),
      parseQuestionDate: (question, lang) => {
        const date = parseQuestionDate(question, { now: latest, lang, events: timelineEvents });
        return date && { label: date.label, matches: (event) => questionDateMatches(date, event) };
      },
    },
    options.ranking ?? DEFAULT_RANKING,
  );
}
