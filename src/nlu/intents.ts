/**
 * Intent classification with @nlpjs/nlu's neural classifier, fed with our own features (the text
 * pipeline's normalised Arabic stems, Porter2 English stems and glossary translations) so hamza,
 * clitic and dialect variants meet, and English and Arabic utterances teach one shared model.
 *
 * Training is deterministic (nlp.js starts from zero weights and the data order is fixed) and
 * takes well under a few seconds; the trained model is exported to JSON and cached, keyed by a hash
 * of the training data *and* of its features, so a change to the data or the text pipeline retrains.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Language } from '../corpus/article.ts';
import type { IntentName } from './intent-names.ts';
import { normalizeArabic, stemArabic } from '../text/arabic.ts';
import { detectLanguage } from '../text/language.ts';
import { tokenize } from '../text/tokenize.ts';
import { defaultGlossaryInstance, type Glossary } from './glossary.ts';
import actor from '../../intents/train/actor.json' with { type: 'json' };
import background from '../../intents/train/background.json' with { type: 'json' };
import casualties from '../../intents/train/casualties.json' with { type: 'json' };
import ceasefire from '../../intents/train/ceasefire.json' with { type: 'json' };
import control from '../../intents/train/control.json' with { type: 'json' };
import displacement from '../../intents/train/displacement.json' with { type: 'json' };
import fighting from '../../intents/train/fighting.json' with { type: 'json' };
import greeting from '../../intents/train/greeting.json' with { type: 'json' };
import help from '../../intents/train/help.json' with { type: 'json' };
import incidents from '../../intents/train/incidents.json' with { type: 'json' };
import outOfScope from '../../intents/train/out_of_scope.json' with { type: 'json' };
import reinforcements from '../../intents/train/reinforcements.json' with { type: 'json' };
import russia from '../../intents/train/russia.json' with { type: 'json' };
import summary from '../../intents/train/summary.json' with { type: 'json' };
import thanks from '../../intents/train/thanks.json' with { type: 'json' };
import timeline from '../../intents/train/timeline.json' with { type: 'json' };
import services from '../../intents/train/services.json' with { type: 'json' };
import prices from '../../intents/train/prices.json' with { type: 'json' };
import aid from '../../intents/train/aid.json' with { type: 'json' };
import health from '../../intents/train/health.json' with { type: 'json' };
import detention from '../../intents/train/detention.json' with { type: 'json' };
import protests from '../../intents/train/protests.json' with { type: 'json' };
import { stemEnglish } from '../text/english.ts';
import glossaryData from '../../intents/glossary.json' with { type: 'json' };
import lexiconData from '../../intents/entities.json' with { type: 'json' };

/** The intents the classifier is trained on ('None' is only ever an output). */
export const TRAINED_INTENTS = [
  'control', 'fighting', 'displacement', 'ceasefire', 'reinforcements', 'incidents', 'casualties',
  'background', 'actor', 'russia', 'summary', 'timeline', 'greeting', 'help', 'thanks', 'out_of_scope',
  'services', 'prices', 'aid', 'health', 'detention', 'protests',
] as const satisfies readonly IntentName[];
export type TrainedIntent = (typeof TRAINED_INTENTS)[number];

export interface IntentExample {
  intent: TrainedIntent;
  lang: Language;
  text: string;
}

/** Training data: every example, in a fixed order (the order is part of what makes training deterministic). */
export interface IntentData {
  examples: IntentExample[];
}

/** The shape of one intents/train/<intent>.json file. */
export interface IntentFile {
  intent: string;
  description?: string;
  utterances: Partial<Record<Language, string[]>>;
}

/** Which features the classifier sees. Stored in the model so an imported model featurises alike. */
export interface IntentFeatureOptions {
  /** Add the glossary's Arabic terms for English and colloquial words (shared across languages). */
  glossary: boolean;
  /** Weight of a glossary feature (a word's own stem weighs 1). */
  glossaryWeight: number;
  /** One model for both languages (true) or one per language. */
  joint: boolean;
  /** Weight of adjacent-word (stem pair) features; 0 for none. */
  bigramWeight: number;
}

/**
 * Chosen on intents/heldout.jsonl (the dev set): own stems alone 0.82 ar / 0.81 en; one joint
 * model with glossary features 0.88 / 0.84; plus stem bigrams 0.91 / 0.87 (nlp.js's own Arabic /
 * English pipelines: 0.80 / 0.81). intents/heldout-blind.jsonl is only ever scored.
 */
export const DEFAULT_FEATURE_OPTIONS: IntentFeatureOptions = { glossary: true, glossaryWeight: 0.5, joint: true, bigramWeight: 0.5 };

export interface IntentScore {
  intent: IntentName;
  score: number;
}

export interface IntentClassification {
  /** Best intent; 'None' when the text shares no feature with any training utterance. */
  intent: IntentName;
  /** nlp.js's normalised score of the best intent, 0..1. Not calibrated: never abstain on it alone. */
  score: number;
  lang: Language;
  /** Up to three best intents, best first. */
  ranking: IntentScore[];
}

export class IntentModelError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IntentModelError';
  }
}

/** Bumped when the features or the stored format change, so old caches are retrained. */
const MODEL_FORMAT = 'qamishli-intent-model';
const MODEL_VERSION = 1;

type FeatureVector = Record<string, number>;

interface NlpClassification {
  intent: string;
  score: number;
}

/** The parts of @nlpjs/neural's network read when no intent activates (see `fallbackRanking`). */
interface NeuralNetworkInternals {
  perceptrons: { name: string; weights: Float32Array; bias: number }[];
  lookup: { transformInput(input: FeatureVector): { keys: number[]; data: Record<number, number> } };
}

/** The parts of @nlpjs/nlu's NluNeural this module drives (the package ships no types). */
interface NeuralNluInstance {
  settings: Record<string, unknown>;
  neuralNetwork?: NeuralNetworkInternals;
  intents?: Record<string, number>;
  intentsArr?: string[];
  train(corpus: { utterance: string; intent: string }[], settings?: Record<string, unknown>): Promise<unknown>;
  toJSON(): unknown;
  fromJSON(json: unknown): void;
  textToFeatures(input: ProcessInput): ProcessInput;
  innerProcess(input: ProcessInput): ProcessInput;
  filterNonActivated(input: ProcessInput): ProcessInput;
  normalizeClassifications(input: ProcessInput): ProcessInput;
}

interface ProcessInput {
  text: string;
  tokens: FeatureVector;
  settings: Record<string, unknown>;
  classifications?: NlpClassification[];
}

interface NlpjsModules {
  Container: new () => unknown;
  NluNeural: new (settings: Record<string, unknown>, container: unknown) => NeuralNluInstance;
}

let nlpjs: NlpjsModules | undefined;

function loadNlpjs(): NlpjsModules {
  if (!nlpjs) {
    const require = createRequire(import.meta.url);
    const { Container } = require('@nlpjs/core') as { Container: NlpjsModules['Container'] };
    const { NluNeural } = require('@nlpjs/nlu') as { NluNeural: NlpjsModules['NluNeural'] };
    nlpjs = { Container, NluNeural };
  }
  return nlpjs;
}


const ARABIC = /\p{Script=Arabic}/u;

/**
 * The classifier's view of a text. Unlike the search terms, question and function words stay
 * (مين، كم، ليش, who, how are what tell intents apart); Arabic words are stemmed with clitics
 * stripped, English ones Porter2-stemmed; glossary translations add Arabic features that English
 * and colloquial utterances share with MSA ones, so the two languages train one model together.
 */
function featurize(text: string, options: IntentFeatureOptions, glossary: Glossary): FeatureVector {
  const features: FeatureVector = {};
  const stems: string[] = [];
  for (const word of tokenize(text.replace(/['’]/g, ''))) {
    const normalised = normalizeArabic(word);
    const stem = ARABIC.test(normalised) ? stemArabic(normalised) : stemEnglish(normalised);
    if (stem.length === 0) continue;
    stems.push(stem);
    features[stem] = 1;
  }
  // Word pairs keep a little order: "how many" vs "many people", "شو صار" vs "صار قبل".
  if (options.bigramWeight > 0) {
    for (let i = 0; i + 1 < stems.length; i += 1) features[`${stems[i]}_${stems[i + 1]}`] = options.bigramWeight;
  }
  if (options.glossary) {
    for (const hit of glossary.lookup(text)) {
      for (const term of hit.terms) features[term] = Math.max(features[term] ?? 0, options.glossaryWeight);
    }
  }
  return features;
}

function exactKey(features: FeatureVector): string {
  return Object.keys(features).sort().join(' ');
}

/**
 * NluNeural with our featuriser in place of nlp.js's own normalise/tokenise/stem pipeline. nlp.js
 * calls `prepare` with each training utterance; classification runs the rest of its pipeline
 * synchronously (see `classifyIntent`).
 */
function createNlu(options: IntentFeatureOptions, glossary: Glossary, locale: string): NeuralNluInstance {
  const { Container, NluNeural } = loadNlpjs();
  class FeaturizedNlu extends NluNeural {
    async prepare(text: unknown): Promise<unknown> {
      if (typeof text !== 'string') throw new IntentModelError('FeaturizedNlu.prepare expects a string');
      return featurize(text, options, glossary);
    }
  }
  // nlp.js looks its pipelines up by a two-letter locale ('nlu-??-train'); 'xx' stands for both languages.
  return new FeaturizedNlu({ locale: locale === 'joint' ? 'xx' : locale, useNoneFeature: true, log: false }, new Container());
}

/** A trained (or imported) intent model. Treat as opaque; export with `exportIntentModel`. */
export interface IntentModel {
  readonly dataHash: string;
  readonly options: IntentFeatureOptions;
  /** How the model came to be: trained now, or read from the cache file. */
  readonly source: 'trained' | 'cache' | 'imported';
  /** Milliseconds spent training (0 when loaded). */
  readonly trainingMs: number;
  readonly nlus: ReadonlyMap<string, NeuralNluInstance>;
  /** Feature key of each training utterance -> its intent, for exact matches. */
  readonly exact: ReadonlyMap<string, TrainedIntent>;
  readonly glossary: Glossary;
}

/** The stored form of a model. */
export interface IntentModelJson {
  format: typeof MODEL_FORMAT;
  version: number;
  dataHash: string;
  options: IntentFeatureOptions;
  nlus: Record<string, unknown>;
  exact: Record<string, TrainedIntent>;
}

function isTrainedIntent(name: string): name is TrainedIntent {
  return (TRAINED_INTENTS as readonly string[]).includes(name);
}

const INTENT_FILES: readonly IntentFile[] = [
  control, fighting, displacement, ceasefire, reinforcements, incidents, casualties, background,
  actor, russia, summary, timeline, greeting, help, thanks, outOfScope,
  services, prices, aid, health, detention, protests,
];

/** Builds training data from intent files (validated: known intent names, both languages present). */
export function intentDataFromFiles(files: readonly IntentFile[]): IntentData {
  const examples: IntentExample[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (!isTrainedIntent(file.intent)) throw new IntentModelError(`unknown intent "${file.intent}" in training data`);
    if (seen.has(file.intent)) throw new IntentModelError(`intent "${file.intent}" defined twice`);
    seen.add(file.intent);
    for (const lang of ['ar', 'en'] as const) {
      const utterances = file.utterances[lang] ?? [];
      if (utterances.length === 0) throw new IntentModelError(`intent "${file.intent}" has no ${lang} utterances`);
      for (const text of utterances) examples.push({ intent: file.intent, lang, text });
    }
  }
  return { examples };
}

/** The training data in intents/train/ (bundled with the code, so no file I/O). */
export function defaultIntentData(): IntentData {
  return intentDataFromFiles(INTENT_FILES);
}

/** Parses held-out utterances: one JSON object `{ intent, lang, text }` per line. */
export function parseIntentExamples(jsonl: string): IntentExample[] {
  const examples: IntentExample[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (line.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new IntentModelError(`line ${index + 1}: not JSON`, { cause });
    }
    const { intent, lang, text } = (value ?? {}) as Partial<Record<string, unknown>>;
    if (typeof intent !== 'string' || !isTrainedIntent(intent)) throw new IntentModelError(`line ${index + 1}: unknown intent`);
    if (lang !== 'ar' && lang !== 'en') throw new IntentModelError(`line ${index + 1}: lang must be ar or en`);
    if (typeof text !== 'string' || text.trim().length === 0) throw new IntentModelError(`line ${index + 1}: empty text`);
    examples.push({ intent, lang, text });
  });
  return examples;
}

function modelKey(options: IntentFeatureOptions, lang: Language): string {
  return options.joint ? 'joint' : lang;
}

/**
 * A hash of what a model is trained from: the examples, their features as the current text
 * pipeline and glossary compute them, the feature options and the format version.
 */
export function intentDataHash(data: IntentData, options: IntentFeatureOptions = DEFAULT_FEATURE_OPTIONS): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: MODEL_FORMAT, version: MODEL_VERSION, options, pipeline: featurePipelineFingerprint() }));
  for (const e of data.examples) {
    hash.update(JSON.stringify([e.intent, e.lang, e.text]));
    hash.update('\n');
  }
  return hash.digest('hex');
}

let pipelineFingerprint: string | undefined;

/**
 * What the features depend on besides the examples: the text pipeline's and the NLU modules' source
 * and the glossary and lexicon data. A change to any of them retrains the cached model; hashing these
 * is far cheaper at start than featurising every example again.
 */
function featurePipelineFingerprint(): string {
  if (pipelineFingerprint === undefined) {
    const hash = createHash('sha256');
    // Through the project root: the same folders from the sources and from a bundle (scripts/run.mjs).
    const sources = [new URL('../../src/text/', import.meta.url), new URL('../../src/nlu/', import.meta.url)];
    for (const dir of sources) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(new URL(name, dir)));
    }
    hash.update(JSON.stringify(glossaryData)).update(JSON.stringify(lexiconData));
    pipelineFingerprint = hash.digest('hex');
  }
  return pipelineFingerprint;
}

/** Trains a model on `data` (default: intents/train/). Deterministic for the same data and options. */
export async function trainIntentModel(
  data: IntentData = defaultIntentData(),
  options: IntentFeatureOptions = DEFAULT_FEATURE_OPTIONS,
): Promise<IntentModel> {
  if (data.examples.length === 0) throw new IntentModelError('no training examples');
  const glossary = defaultGlossaryInstance();
  const started = performance.now();
  const nlus = new Map<string, NeuralNluInstance>();
  const exact = new Map<string, TrainedIntent>();
  const ambiguous = new Set<string>();
  const groups = new Map<string, IntentExample[]>();
  for (const e of data.examples) {
    const key = modelKey(options, e.lang);
    const group = groups.get(key) ?? [];
    group.push(e);
    groups.set(key, group);
    const fk = exactKey(featurize(e.text, options, glossary));
    // Features that two intents' utterances share are ambiguous: no exact shortcut for them.
    if (exact.has(fk) && exact.get(fk) !== e.intent) ambiguous.add(fk);
    exact.set(fk, e.intent);
  }
  for (const fk of ambiguous) exact.delete(fk);
  for (const [key, examples] of groups) {
    const nlu = createNlu(options, glossary, key);
    await nlu.train(examples.map((e) => ({ utterance: e.text, intent: e.intent })), { useNoneFeature: true, log: false });
    nlus.set(key, nlu);
  }
  return {
    dataHash: intentDataHash(data, options),
    options,
    source: 'trained',
    trainingMs: performance.now() - started,
    nlus,
    exact,
    glossary,
  };
}

/**
 * nlp.js's perceptrons output max(0, sum): when every sum is negative (known words pulling against
 * each other, e.g. "weather" + "Qamishli") it answers None although the words are familiar. Then the
 * largest raw sum still ranks the intents; those get score 0, meaning "nothing activated".
 */
function fallbackRanking(nlu: NeuralNluInstance, known: FeatureVector): IntentScore[] {
  const network = nlu.neuralNetwork;
  if (!network) return [];
  const { keys, data } = network.lookup.transformInput(known);
  return network.perceptrons
    .filter((p) => isTrainedIntent(p.name))
    .map((p) => ({ name: p.name, sum: keys.reduce((acc, k) => acc + (data[k] ?? 0) * (p.weights[k] ?? 0), p.bias) }))
    .sort((a, b) => b.sum - a.sum)
    .slice(0, 3)
    .map((p) => ({ intent: p.name as IntentName, score: 0 }));
}

/**
 * Classifies a question (synchronously: nlp.js's network runs without I/O). 'None' only when
 * fewer than half of the question's features were seen in training and no intent activated.
 */
export function classifyIntent(model: IntentModel, text: string): IntentClassification {
  const lang = detectLanguage(text);
  const features = featurize(text, model.options, model.glossary);
  const exact = model.exact.get(exactKey(features));
  const nlu = model.nlus.get(modelKey(model.options, lang));
  if (!nlu) throw new IntentModelError(`no model for language "${lang}"`);
  const input: ProcessInput = { text, tokens: { ...features }, settings: nlu.settings };
  nlu.textToFeatures(input);
  const known: FeatureVector = { ...input.tokens };
  delete known.nonefeature;
  nlu.innerProcess(input);
  nlu.filterNonActivated(input);
  nlu.normalizeClassifications(input);
  let ranking: IntentScore[] = (input.classifications ?? [])
    .filter((c) => c.score > 0)
    .slice(0, 3)
    .map((c) => ({ intent: (isTrainedIntent(c.intent) ? c.intent : 'None') as IntentName, score: c.score }));
  const knownCount = Object.keys(known).length;
  if ((ranking[0]?.intent ?? 'None') === 'None' && knownCount > 0 && knownCount * 2 >= Object.keys(features).length) {
    ranking = fallbackRanking(nlu, known);
  }
  if (exact) ranking = [{ intent: exact, score: 1 }, ...ranking.filter((r) => r.intent !== exact)].slice(0, 3);
  const best = ranking[0] ?? { intent: 'None' as IntentName, score: 1 };
  return { intent: best.intent, score: best.score, lang, ranking };
}

/** The model as plain JSON (nlp.js's own export of each network plus our metadata). */
export function exportIntentModel(model: IntentModel): IntentModelJson {
  const nlus: Record<string, unknown> = {};
  for (const [key, nlu] of model.nlus) nlus[key] = nlu.toJSON();
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    dataHash: model.dataHash,
    options: model.options,
    nlus,
    exact: Object.fromEntries(model.exact),
  };
}

/** Rebuilds a model from `exportIntentModel` output. Throws IntentModelError on a foreign or old format. */
export function importIntentModel(json: unknown, source: IntentModel['source'] = 'imported'): IntentModel {
  const j = json as Partial<IntentModelJson> | null;
  if (!j || j.format !== MODEL_FORMAT) throw new IntentModelError('not an intent model');
  if (j.version !== MODEL_VERSION) throw new IntentModelError(`intent model version ${String(j.version)}, expected ${MODEL_VERSION}`);
  if (!j.options || !j.nlus || !j.exact || typeof j.dataHash !== 'string') throw new IntentModelError('intent model is incomplete');
  const glossary = defaultGlossaryInstance();
  const nlus = new Map<string, NeuralNluInstance>();
  for (const [key, nluJson] of Object.entries(j.nlus)) {
    const nlu = createNlu(j.options, glossary, key);
    nlu.fromJSON(nluJson);
    // nlp.js's fromJSON forgets the 'None' output a freshly trained model ranks (and normalises) with.
    if (nlu.intentsArr && !nlu.intentsArr.includes('None')) nlu.intentsArr.push('None');
    nlus.set(key, nlu);
  }
  const exact = new Map<string, TrainedIntent>();
  for (const [k, intent] of Object.entries(j.exact)) if (isTrainedIntent(intent)) exact.set(k, intent);
  return { dataHash: j.dataHash, options: j.options, source, trainingMs: 0, nlus, exact, glossary };
}

export interface LoadOrTrainOptions {
  /** Where the model JSON is cached (under DATA_DIR). Omitted: train in memory, write nothing. */
  cacheFile?: string;
  data?: IntentData;
  options?: IntentFeatureOptions;
}

/**
 * Loads the cached model when its data hash matches the current data (and text pipeline), else
 * trains and writes the cache (atomically: temp file + rename). An unreadable or stale cache is
 * replaced, never fatal; a failure to write the cache is thrown as IntentModelError.
 */
export async function loadOrTrainIntentModel(opts: LoadOrTrainOptions = {}): Promise<IntentModel> {
  const data = opts.data ?? defaultIntentData();
  const options = opts.options ?? DEFAULT_FEATURE_OPTIONS;
  const { cacheFile } = opts;
  if (cacheFile) {
    const expected = intentDataHash(data, options);
    let cached: IntentModel | undefined;
    try {
      cached = importIntentModel(JSON.parse(readFileSync(cacheFile, 'utf8')), 'cache');
    } catch {
      cached = undefined; // missing, corrupt or old-format cache: retrain below
    }
    if (cached && cached.dataHash === expected && JSON.stringify(cached.options) === JSON.stringify(options)) return cached;
  }
  const model = await trainIntentModel(data, options);
  if (cacheFile) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(exportIntentModel(model)));
      renameSync(tmp, cacheFile);
    } catch (cause) {
      throw new IntentModelError(`cannot write the intent model cache ${cacheFile}`, { cause });
    }
  }
  return model;
}
