import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisFolder, loadAnalyses, loadPackedAnalyses } from '../../src/answer/analysis-store.ts';
import { createEngine } from '../../src/answer/create-engine.ts';
import { analyseArticle, articleOf, evidenceOf } from '../../src/answer/article-analysis.ts';
import { buildEvidence } from '../../src/answer/evidence.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildTimeline, mergeArticleTimelines } from '../../src/events/timeline.ts';
import { entityById, matchEntities } from '../../src/nlu/entities.ts';
import { analyze } from '../../src/text/analyze.ts';
import { normalizeArabic } from '../../src/text/arabic.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { tempCorpus, writeArticle } from '../helpers/corpus-dir.ts';
import { SEED_ID } from '../helpers/engine.ts';

const words = (text: string): string[] => tokenize(text).map((w) => normalizeArabic(w).toLowerCase());
const deps = { analyze, matchEntities, parentOf: (id: string) => entityById(id)?.parent, entityById, words };

/** The seed and a second article (the seed's text under another id and date), in a temporary corpus. */
function twoArticleCorpus(): string {
  const dir = tempCorpus();
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
    expect(readdirSync(analysisFolder(data, 'test-v1')).length).toBe(3);
  });

  it('rebuilds everything for a changed pipeline and drops the old analyses', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    open(dir, data, 'old');
    const lines: string[] = [];
    loadAnalyses({ corpusDir: dir, dataDir: data, fingerprint: 'new', analyse: (meta, text) => analyseArticle(meta, text, deps), progress: (done, total) => lines.push(`${done}/${total}`) });
    expect(lines).toEqual(['1/2', '2/2']);
    expect(existsSync(analysisFolder(data, 'old'))).toBe(false);
  });

  it('refuses a corrupt metadata file, naming it', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    open(dir, data);
    writeFileSync(join(dir, 'second-2021-05-01.json'), '{ not json');
    expect(() => open(dir, data)).toThrow(/second-2021-05-01\.json/);
  });
});

describe('the packed corpus a start reads', () => {
  /** Term frequencies counted from every stored analysis: what the pack must hold. */
  const counted = (stored: ReturnType<typeof loadAnalyses>): Map<string, number> => {
    const df = new Map<string, number>();
    for (const { analysis } of stored) for (const item of analysis.evidence) for (const t of item.t) {
      const term = analysis.terms[t] as string;
      df.set(term, (df.get(term) ?? 0) + 1);
    }
    return df;
  };
  /** Arabic words as written, with their occurrences, over every stored analysis. */
  const countedWords = (stored: ReturnType<typeof loadAnalyses>): Map<string, number> => {
    const words = new Map<string, number>();
    for (const { analysis } of stored) for (const sentence of analysis.sentences) for (const word of tokenize(sentence.text)) {
      if (/\p{Script=Arabic}/u.test(word)) words.set(word, (words.get(word) ?? 0) + 1);
    }
    return words;
  };
  const packed = (corpusDir: string, dataDir: string, analysed: string[] = []) => loadPackedAnalyses({
    corpusDir, dataDir, fingerprint: 'test-v1', analyse: (meta, text) => {
      analysed.push(meta.id);
      return analyseArticle(meta, text, deps);
    },
  });

  it('keeps every term frequency right as articles are added, edited and removed', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    const first = packed(dir, data);
    expect(first.articles.map((a) => a.summary.meta.id)).toEqual([SEED_ID, 'second-2021-05-01']);
    expect(first.documentFrequency).toEqual(counted(loadAnalyses({ corpusDir: dir, dataDir: mkdtempSync(join(tmpdir(), 'x-')), fingerprint: 't', analyse: (m, t) => analyseArticle(m, t, deps) })));
    // A summary carries no terms or positions: those are read per candidate.
    expect(Object.keys(first.articles[0]?.summary.evidence[1] ?? {})).not.toContain('t');

    const steps: (() => void)[] = [
      () => writeFileSync(join(dir, 'second-2021-05-01.ar.txt'), 'عنوان جديد\nاشتباكات في حي طي بالقامشلي.\n'),
      () => {
        writeArticle(dir, 'third-2021-05-02', '2021-05-02', ['خبر ثالث', 'انقطاع المياه عن حي الصالحية في الحسكة.']);
      },
      () => rmSync(join(dir, 'second-2021-05-01.json')),
    ];
    for (const step of steps) {
      step();
      const analysed: string[] = [];
      const next = packed(dir, data, analysed);
      expect(analysed.length).toBeLessThanOrEqual(1); // only the new or edited article
      const fresh = loadAnalyses({ corpusDir: dir, dataDir: mkdtempSync(join(tmpdir(), 'x-')), fingerprint: 't', analyse: (m, t) => analyseArticle(m, t, deps) });
      expect(next.articles.map((a) => a.summary.meta.id)).toEqual(fresh.map((s) => s.analysis.meta.id));
      expect(next.documentFrequency).toEqual(counted(fresh));
      expect(next.words).toEqual(countedWords(fresh));
    }
  });

  it('writes a pack the next start can read: valid JSON with every article and table', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    const first = packed(dir, data);
    const pack = JSON.parse(readFileSync(join(analysisFolder(data, 'test-v1'), 'pack.json'), 'utf8')) as Record<string, unknown[]>;
    expect(pack.articles).toEqual(first.articles);
    expect(pack.terms?.length).toBe(first.documentFrequency.size);
    expect(pack.counts?.length).toBe(first.documentFrequency.size);
    expect(pack.words?.length).toBe(first.words.size);
    expect(pack.wordCounts?.length).toBe(first.words.size);
  });

  it('rebuilds from the analyses when the pack is unreadable', () => {
    const dir = twoArticleCorpus();
    const data = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    const first = packed(dir, data);
    writeFileSync(join(analysisFolder(data, 'test-v1'), 'pack.json'), '{ broken');
    const again = packed(dir, data);
    expect(again.documentFrequency).toEqual(first.documentFrequency);
    expect(again.words).toEqual(first.words);
    expect(again.articles).toEqual(first.articles);
  });

  it('answers exactly as the engine built in memory does', async () => {
    const dir = twoArticleCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), 'qamishli-cache-'));
    const inMemory = await createEngine({ corpusDir: dir, cacheDir });
    const dataDir = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    await createEngine({ corpusDir: dir, cacheDir, dataDir }); // the first start writes the pack
    const persisted = await createEngine({ corpusDir: dir, cacheDir, dataDir });
    // Typos and Latin names reach the articles' own words, read from the pack on the persisted side.
    for (const question of ['من يسيطر على المطار؟', 'كم عدد القتلى؟', 'Who controls the airport?', 'متى بدأت الاشتباكات؟', 'ما اسم قائد الأسايش؟', 'مين مسيطر عالمطاار؟', 'What happened in Hilaliyeh?', 'Who controls Tai?']) {
      expect(await persisted.ask(question), question).toEqual(await inMemory.ask(question));
    }
    // The pack keeps no sentence ids or cited texts twice: the sources and the timeline come back whole.
    // Stored sentences read their text when used (class getters): compared as JSON, as views see them.
    const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    expect(plain(persisted.sources())).toEqual(plain(inMemory.sources()));
    expect(persisted.timeline()).toEqual(inMemory.timeline());
    expect(persisted.timeline('الأسايش', 'en')).toEqual(inMemory.timeline('الأسايش', 'en'));
    expect(persisted.summary()).toEqual(inMemory.summary());
  });

  it('keeps the timeline whole as articles are added and removed (events are stored beside the pack)', async () => {
    const dir = tempCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), 'qamishli-cache-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'qamishli-data-'));
    await createEngine({ corpusDir: dir, cacheDir, dataDir });
    // A second article arrives: the next start copies the seed's events and adds the new article's.
    const second = twoArticleCorpus();
    for (const name of readdirSync(second)) if (name.startsWith('second-')) writeFileSync(join(dir, name), readFileSync(join(second, name)));
    const grown = await createEngine({ corpusDir: dir, cacheDir, dataDir });
    expect(grown.timeline()).toEqual((await createEngine({ corpusDir: dir, cacheDir })).timeline());
    // The seed goes: only the second article's events remain.
    for (const name of readdirSync(dir)) if (name.startsWith(SEED_ID)) rmSync(join(dir, name));
    const shrunk = await createEngine({ corpusDir: dir, cacheDir, dataDir });
    const expected = (await createEngine({ corpusDir: dir, cacheDir })).timeline();
    expect(shrunk.timeline()).toEqual(expected);
    expect(expected.events.length).toBeGreaterThan(0);
  });
});
