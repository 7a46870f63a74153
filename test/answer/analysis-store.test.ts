import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalyses } from '../../src/answer/analysis-store.ts';
import { analyseArticle, articleOf, evidenceOf } from '../../src/answer/article-analysis.ts';
import { buildEvidence } from '../../src/answer/evidence.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildTimeline, mergeArticleTimelines } from '../../src/events/timeline.ts';
import { entityById, matchEntities } from '../../src/nlu/entities.ts';
import { analyze } from '../../src/text/analyze.ts';
import { normalizeArabic } from '../../src/text/arabic.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { CORPUS_DIR, SEED_ID } from '../helpers/engine.ts';

const words = (text: string): string[] => tokenize(text).map((w) => normalizeArabic(w).toLowerCase());
const deps = { analyze, matchEntities, parentOf: (id: string) => entityById(id)?.parent, entityById, words };

/** The seed and a second article (the seed's text under another id and date), in a temporary corpus. */
function twoArticleCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qamishli-store-'));
  for (const file of [`${SEED_ID}.json`, `${SEED_ID}.ar.txt`]) cpSync(join(CORPUS_DIR, file), join(dir, file));
  const meta = JSON.parse(readFileSync(join(dir, `${SEED_ID}.json`), 'utf8')) as Record<string, unknown>;
  const text = readFileSync(join(dir, `${SEED_ID}.ar.txt`), 'utf8');
  writeFileSync(join(dir, 'second-2021-05-01.ar.txt'), text.split('\n').slice(0, 6).join('\n'));
  writeFileSync(join(dir, 'second-2021-05-01.json'), JSON.stringify({ ...meta, id: 'second-2021-05-01', textFile: 'second-2021-05-01.ar.txt', published: '2021-05-01', english: undefined, titleEn: undefined }));
  return dir;
}

function open(corpusDir: string, dataDir: string, fingerprint = 'test-v1'): { analysed: string[]; stored: ReturnType<typeof loadAnalyses> } {
  const analysed: string[] = [];
  const stored = loadAnalyses({
    corpusDir, dataDir, fingerprint,
    analyse: (meta, text) => {
      analysed.push(meta.id);
      return analyseArticle(meta, text, deps);
    },
  });
  return { analysed, stored };
}

describe('the per-article analysis', () => {
  it('gives the evidence and timeline that analysing the whole corpus gives', () => {
    const dir = twoArticleCorpus();
    const corpus = loadCorpus(dir);
    const events = buildTimeline(corpus, { matchEntities, entityById });
    const whole = buildEvidence(corpus, events, deps, words);
    const { stored } = open(dir, mkdtempSync(join(tmpdir(), 'qamishli-data-')));
    let ref = 0;
    const pieces = stored.flatMap(({ analysis }) => {
      const article = articleOf(analysis, ref);
      ref += article.sentences.length;
      return evidenceOf(analysis, article);
    });
    expect(pieces.map((e) => e.sentence)).toEqual(corpus.sentences);
    // Positions serve only proximity to an entity: a sentence naming none stores none.
    const comparable = (e: (typeof whole)[number]) => ({ ...e, positions: e.positions.some((p) => p.entities.length > 0) ? e.positions : [], events: e.events.map((event) => event.date), terms: [...e.terms].sort(), entities: [...e.entities].sort(), contextEntities: [...e.contextEntities].sort(), landmarkOnly: [...e.landmarkOnly].sort() });
    expect(pieces.map(comparable)).toEqual(whole.map(comparable));
    expect(mergeArticleTimelines(stored.map((s) => s.analysis.events), { entityById })).toEqual(events);
  });
});

describe('the analysis store in DATA_DIR', () => {
  it('analyses each article once: a later start only loads, an edited article alone is analysed again', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    expect(open(dir, data).analysed.sort()).toEqual([SEED_ID, 'second-2021-05-01']);
    const again = open(dir, data);
    expect(again.analysed).toEqual([]);
    expect(again.stored.map((s) => s.analysis.meta.id)).toEqual([SEED_ID, 'second-2021-05-01']);

    writeFileSync(join(dir, 'second-2021-05-01.ar.txt'), 'عنوان جديد\nاشتباكات في حي طي بالقامشلي.\n');
    const edited = open(dir, data);
    expect(edited.analysed).toEqual(['second-2021-05-01']);
    expect(edited.stored[1]?.analysis.sentences[1]?.text).toBe('اشتباكات في حي طي بالقامشلي.');
    // The stale analysis file is gone: one file per article plus the manifest.
    expect(readdirSync(join(data, 'analysis', 'test-v1')).length).toBe(3);
  });

  it('rebuilds everything for a changed pipeline and drops the old analyses', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    open(dir, data, 'old');
    const lines: string[] = [];
    loadAnalyses({ corpusDir: dir, dataDir: data, fingerprint: 'new', analyse: (meta, text) => analyseArticle(meta, text, deps), progress: (done, total) => lines.push(`${done}/${total}`) });
    expect(lines).toEqual(['1/2', '2/2']);
    expect(existsSync(join(data, 'analysis', 'old'))).toBe(false);
  });

  it('refuses a corrupt metadata file, naming it', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    open(dir, data);
    writeFileSync(join(dir, 'second-2021-05-01.json'), '{ not json');
    expect(() => open(dir, data)).toThrow(/second-2021-05-01\.json/);
  });
});
