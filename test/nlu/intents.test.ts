import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyIntent,
  defaultIntentData,
  exportIntentModel,
  importIntentModel,
  intentDataFromFiles,
  IntentModelError,
  loadOrTrainIntentModel,
  parseIntentExamples,
  trainIntentModel,
  TRAINED_INTENTS,
  type IntentExample,
  type IntentModel,
} from '../../src/nlu/intents.ts';
import { normalizeArabic } from '../../src/text/arabic.ts';

const readExamples = (name: string): IntentExample[] =>
  parseIntentExamples(readFileSync(new URL(`../../intents/${name}`, import.meta.url), 'utf8'));

/** heldout.jsonl was looked at while choosing the features; heldout-blind.jsonl only ever scored. */
const dev = readExamples('heldout.jsonl');
const blind = readExamples('heldout-blind.jsonl');

function accuracy(model: IntentModel, examples: IntentExample[], lang: 'ar' | 'en'): number {
  const subset = examples.filter((e) => e.lang === lang);
  const right = subset.filter((e) => classifyIntent(model, e.text).intent === e.intent).length;
  return right / subset.length;
}

let model: IntentModel;

beforeAll(async () => {
  model = await trainIntentModel();
});

describe('intent data', () => {
  it('has 25-40 training utterances per intent and language', () => {
    const data = defaultIntentData();
    for (const intent of TRAINED_INTENTS) {
      for (const lang of ['ar', 'en'] as const) {
        const n = data.examples.filter((e) => e.intent === intent && e.lang === lang).length;
        expect(n, `${intent}/${lang}`).toBeGreaterThanOrEqual(25);
        expect(n, `${intent}/${lang}`).toBeLessThanOrEqual(40);
      }
    }
  });

  it('has 8 held-out utterances per intent and language in each held-out set', () => {
    // The region intents keep theirs in heldout-region.jsonl (test/nlu/region-intents.test.ts).
    const region = new Set(['services', 'prices', 'aid', 'health', 'detention', 'protests']);
    for (const set of [dev, blind]) {
      for (const intent of TRAINED_INTENTS.filter((i) => !region.has(i))) {
        for (const lang of ['ar', 'en'] as const) {
          expect(set.filter((e) => e.intent === intent && e.lang === lang).length, `${intent}/${lang}`).toBe(8);
        }
      }
    }
  });

  it('never trains on a held-out utterance', () => {
    const key = (t: string) => normalizeArabic(t).replace(/[\p{P}\s]+/gu, ' ').trim();
    const training = new Set(defaultIntentData().examples.map((e) => key(e.text)));
    const leaked = [...dev, ...blind].filter((e) => training.has(key(e.text))).map((e) => e.text);
    expect(leaked).toEqual([]);
    const devKeys = new Set(dev.map((e) => key(e.text)));
    expect(blind.filter((e) => devKeys.has(key(e.text))).map((e) => e.text)).toEqual([]);
  });

  it('rejects unknown intents, duplicate intents and a missing language', () => {
    const file = { intent: 'control', utterances: { ar: ['مين مسيطر'], en: ['who controls'] } };
    expect(() => intentDataFromFiles([{ ...file, intent: 'weather' }])).toThrow(IntentModelError);
    expect(() => intentDataFromFiles([file, file])).toThrow(/twice/);
    expect(() => intentDataFromFiles([{ ...file, utterances: { ar: ['مين'] } }])).toThrow(/no en/);
  });

  it('parses held-out lines and reports the bad one', () => {
    expect(parseIntentExamples('{"intent":"thanks","lang":"en","text":"ty"}\n\n')).toEqual([
      { intent: 'thanks', lang: 'en', text: 'ty' },
    ]);
    expect(() => parseIntentExamples('{"intent":"thanks","lang":"en","text":"ty"}\n{oops')).toThrow(/line 2/);
    expect(() => parseIntentExamples('{"intent":"joke","lang":"en","text":"ha"}')).toThrow(/unknown intent/);
    expect(() => parseIntentExamples('{"intent":"thanks","lang":"fr","text":"merci"}')).toThrow(/lang/);
  });
});

describe('held-out accuracy', () => {
  // Measured: dev ar 0.92 / en 0.89, blind ar 0.88 / en 0.89 (128 utterances each, one = 0.008).
  // Floors sit five or six utterances under, room for the text pipeline to move.
  it('dev set, Arabic', () => expect(accuracy(model, dev, 'ar')).toBeGreaterThanOrEqual(0.88));
  it('dev set, English', () => expect(accuracy(model, dev, 'en')).toBeGreaterThanOrEqual(0.84));
  it('blind set, Arabic', () => expect(accuracy(model, blind, 'ar')).toBeGreaterThanOrEqual(0.83));
  it('blind set, English', () => expect(accuracy(model, blind, 'en')).toBeGreaterThanOrEqual(0.84));
});

describe('classifyIntent', () => {
  it('reports the language of the question', () => {
    expect(classifyIntent(model, 'مين مسيطر على المطار؟').lang).toBe('ar');
    expect(classifyIntent(model, 'who holds the airport?').lang).toBe('en');
  });

  it('routes small talk', () => {
    expect(classifyIntent(model, 'hello!!').intent).toBe('greeting');
    expect(classifyIntent(model, 'مرحبا').intent).toBe('greeting');
    expect(classifyIntent(model, 'thanks a lot').intent).toBe('thanks');
    expect(classifyIntent(model, 'شكراً كتير').intent).toBe('thanks');
    expect(classifyIntent(model, 'what can you do?').intent).toBe('help');
  });

  it('tolerates missing hamzas and Levantine clitics', () => {
    expect(classifyIntent(model, 'من يسيطر على المربع الامني').intent).toBe('control');
    expect(classifyIntent(model, 'هل تم خرق وقف إطلاق النار').intent).toBe('ceasefire');
  });

  it('keeps English and Arabic apart from the topic for off-topic requests', () => {
    expect(classifyIntent(model, 'tell me a joke').intent).toBe('out_of_scope');
    expect(classifyIntent(model, 'احكيلي نكتة').intent).toBe('out_of_scope');
  });

  it('returns a ranking of at most three, best first, scores within 0..1', () => {
    const r = classifyIntent(model, 'how many people were killed in the clashes');
    expect(r.ranking.length).toBeGreaterThan(0);
    expect(r.ranking.length).toBeLessThanOrEqual(3);
    expect(r.ranking[0]).toEqual({ intent: r.intent, score: r.score });
    for (let i = 1; i < r.ranking.length; i += 1) expect(r.ranking[i - 1]!.score).toBeGreaterThanOrEqual(r.ranking[i]!.score);
    for (const { score } of r.ranking) expect(score >= 0 && score <= 1).toBe(true);
  });

  it("answers 'None' for text with nothing it has seen", () => {
    expect(classifyIntent(model, '').intent).toBe('None');
    expect(classifyIntent(model, 'xyzzy plugh').intent).toBe('None');
  });
});

describe('training, export and cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intent-model-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is deterministic', async () => {
    const again = await trainIntentModel();
    expect(JSON.stringify(exportIntentModel(again))).toBe(JSON.stringify(exportIntentModel(model)));
  });

  it('round-trips through JSON with the same answers', () => {
    const copy = importIntentModel(JSON.parse(JSON.stringify(exportIntentModel(model))));
    expect(copy.source).toBe('imported');
    for (const e of [...dev, ...blind]) expect(classifyIntent(copy, e.text)).toEqual(classifyIntent(model, e.text));
  });

  it('rejects foreign JSON', () => {
    expect(() => importIntentModel({ hello: 1 })).toThrow(IntentModelError);
    expect(() => importIntentModel({ ...exportIntentModel(model), version: 0 })).toThrow(/version/);
  });

  it('trains and writes the cache once, then loads it', async () => {
    const cacheFile = join(dir, 'nested', 'intent-model.json');
    const first = await loadOrTrainIntentModel({ cacheFile });
    expect(first.source).toBe('trained');
    const second = await loadOrTrainIntentModel({ cacheFile });
    expect(second.source).toBe('cache');
    expect(second.dataHash).toBe(first.dataHash);
    expect(classifyIntent(second, 'مين ماسك المطار')).toEqual(classifyIntent(first, 'مين ماسك المطار'));
  });

  it('retrains when the data changes or the cache is corrupt', async () => {
    const cacheFile = join(dir, 'intent-model-2.json');
    await loadOrTrainIntentModel({ cacheFile });
    const base = defaultIntentData();
    const changed = { examples: [...base.examples, { intent: 'thanks' as const, lang: 'en' as const, text: 'ta very much' }] };
    const retrained = await loadOrTrainIntentModel({ cacheFile, data: changed });
    expect(retrained.source).toBe('trained');
    expect((await loadOrTrainIntentModel({ cacheFile, data: changed })).source).toBe('cache');
    writeFileSync(cacheFile, '{ not json');
    expect((await loadOrTrainIntentModel({ cacheFile, data: changed })).source).toBe('trained');
  });

  it('trains in memory without a cache file', async () => {
    const m = await loadOrTrainIntentModel();
    expect(m.source).toBe('trained');
  });
});
