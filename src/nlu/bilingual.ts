/**
 * The English → Arabic lexicon (knowledge/en-ar.tsv, built from FreeDict by
 * scripts/build-en-ar.ts): English words and phrases of a question turned into weighted Arabic
 * alternatives, so an English question can be asked of Arabic text nobody translated.
 *
 * Pure: `parseBilingualLexicon` takes the file's text, `loadBilingualLexicon` reads it when the
 * composition root calls it; nothing happens at import. Each alternative also carries its analysed
 * index terms (src/text/analyze.ts), the same terms the Arabic sentences are indexed under.
 */
import { readFileSync } from 'node:fs';
import { analyze, analyzeToken } from '../text/analyze.ts';
import { normalizeArabic, stripClitics } from '../text/arabic.ts';
import { createSkeletonMatcher } from '../text/transliterate.ts';
import { americanSpellings, IRREGULAR_PLURALS, stemEnglish } from '../text/english.ts';
import { isEnglishStopword } from '../text/stopwords.ts';

export class BilingualLexiconError extends Error {
  override readonly name = 'BilingualLexiconError';
}

/** One Arabic rendering of an English word or phrase. */
export interface ArabicTranslation {
  /** The Arabic alternative as in the lexicon (tashkeel removed, otherwise as written). */
  arabic: string;
  /** In (0, 1]: earlier senses weigh more; a looser English match (stem only) weighs less. */
  weight: number;
  /** `arabic` through the project's analysis: the index terms to look for. */
  terms: string[];
}

/** A word or phrase of the English text and what it may be in Arabic. */
export interface EnglishUnit {
  /** The words as they appear in the text (phrases joined by one space). */
  surface: string;
  /** The lexicon key that matched (the lemma), or the lowercased word when nothing did. */
  key: string;
  /** Token positions [start, end) in the text's words. */
  start: number;
  end: number;
  /** Capitalised inside the text: likely a name, worth transliterating even when translated. */
  capitalised: boolean;
  /** Best first; empty when the lexicon does not know the word (a name, a rare word). */
  translations: ArabicTranslation[];
}

/** The default place of the lexicon file, for the composition root. */
export const BILINGUAL_LEXICON_FILE = new URL('../../knowledge/en-ar.tsv', import.meta.url);

/** Longest phrase tried, in words (the lexicon's keys are at most four words). */
const MAX_PHRASE_WORDS = 4;
/** Weight of the i-th alternative: 1, 0.67, 0.5, 0.4, … (the first sense is the dictionary's main one). */
export function senseWeight(position: number): number {
  return 1 / (1 + 0.5 * position);
}
/** A key reached by a suffix rule (ran → run, cities → city) is nearly as good as the word itself. */
const RULE_LEMMA_FACTOR = 0.9;
/** A key reached only through a shared Porter stem (computational → computation) is a looser guess. */
const STEM_LEMMA_FACTOR = 0.6;

/** A sibling's translation (same Porter stem) against the word's own. */
const FAMILY_FACTOR = 0.3;
/** The most translations one English word brings (its own senses first, then its family's). */
const MAX_UNIT_TRANSLATIONS = 8;

/**
 * Common irregular English forms → base form. Only forms the suffix rules cannot reach; the
 * lexicon has many inflected forms as headwords of their own, which are tried first anyway.
 */
const IRREGULAR: Readonly<Record<string, string>> = {
  was: 'be', were: 'be', been: 'be', is: 'be', are: 'be', am: 'be',
  began: 'begin', begun: 'begin', became: 'become', broke: 'break', broken: 'break', brought: 'bring',
  built: 'build', bought: 'buy', caught: 'catch', chose: 'choose', chosen: 'choose', came: 'come',
  drew: 'draw', drawn: 'draw', drove: 'drive', driven: 'drive', fell: 'fall', fallen: 'fall', fed: 'feed',
  felt: 'feel', fought: 'fight', found: 'find', fled: 'flee', flew: 'fly', flown: 'fly', forgot: 'forget',
  froze: 'freeze', gave: 'give', given: 'give', went: 'go', gone: 'go', grew: 'grow', grown: 'grow',
  hung: 'hang', had: 'have', has: 'have', heard: 'hear', hid: 'hide', held: 'hold', kept: 'keep', knew: 'know',
  known: 'know', laid: 'lay', led: 'lead', left: 'leave', lent: 'lend', lost: 'lose', made: 'make',
  meant: 'mean', met: 'meet', paid: 'pay', ran: 'run', rose: 'rise', risen: 'rise', said: 'say', saw: 'see',
  seen: 'see', sold: 'sell', sent: 'send', shot: 'shoot', shook: 'shake', sang: 'sing', sung: 'sing',
  sank: 'sink', sat: 'sit', slept: 'sleep', spoke: 'speak', spoken: 'speak', spent: 'spend', stood: 'stand',
  stole: 'steal', stolen: 'steal', struck: 'strike', swore: 'swear', took: 'take', taken: 'take',
  taught: 'teach', told: 'tell', thought: 'think', threw: 'throw', thrown: 'throw', understood: 'understand',
  woke: 'wake', wore: 'wear', worn: 'wear', won: 'win', wrote: 'write', written: 'write',
  ...Object.fromEntries(Object.entries(IRREGULAR_PLURALS).map(([singular, plural]) => [plural, singular])),
  better: 'good', best: 'good', worse: 'bad', worst: 'bad', larger: 'large', largest: 'large',
  bigger: 'big', biggest: 'big',
  arose: 'arise', arisen: 'arise', borne: 'bear', beaten: 'beat', bent: 'bend',
  bitten: 'bite', bled: 'bleed', blew: 'blow', blown: 'blow', bred: 'breed', burnt: 'burn',
  dealt: 'deal', dug: 'dig', forbade: 'forbid', forbidden: 'forbid', forgave: 'forgive',
  forgiven: 'forgive', forgotten: 'forget', frozen: 'freeze', got: 'get', gotten: 'get', lit: 'light', lain: 'lie',
  mistook: 'mistake', mistaken: 'mistake', overran: 'overrun', overtook: 'overtake', overtaken: 'overtake',
  overthrew: 'overthrow', overthrown: 'overthrow', rang: 'ring', rung: 'ring', rode: 'ride', ridden: 'ride',
  sought: 'seek', shone: 'shine', shrank: 'shrink', shrunk: 'shrink', slain: 'slay', slew: 'slay', slid: 'slide',
  sped: 'speed', spun: 'spin', sprang: 'spring', sprung: 'spring', stuck: 'stick', stung: 'sting', strode: 'stride',
  strove: 'strive', striven: 'strive', swept: 'sweep', sworn: 'swear', swam: 'swim', swum: 'swim', swung: 'swing',
  tore: 'tear', torn: 'tear', trod: 'tread', undertook: 'undertake', undertaken: 'undertake', upheld: 'uphold',
  wept: 'weep', withdrew: 'withdraw', withdrawn: 'withdraw', withheld: 'withhold', wove: 'weave', woven: 'weave',
  ate: 'eat', eaten: 'eat', hidden: 'hide', shaken: 'shake', stank: 'stink',
};

/** True for an irregular English inflection the table knows (took, held, fled, children). */
export function isIrregularForm(word: string): boolean {
  return IRREGULAR[word.toLowerCase()] !== undefined;
}

/** Base-form guesses for an inflected English word, most likely first (the word itself not included). */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  const add = (c: string): void => {
    if (c.length >= 2 && c !== w && !out.includes(c)) out.push(c);
  };
  const irregular = IRREGULAR[w];
  if (irregular) add(irregular);
  if (w.endsWith("'s")) add(w.slice(0, -2));
  if (w.endsWith("s'")) add(w.slice(0, -1));
  if (w.endsWith('ies') && w.length > 4) add(w.slice(0, -3) + 'y');
  if (w.endsWith('ves') && w.length > 4) add(w.slice(0, -3) + 'f');
  if (/(?:ches|shes|sses|xes|zes|oes)$/.test(w)) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) add(w.slice(0, -1));
  for (const suffix of ['ed', 'ing', 'er', 'est']) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 2) continue;
    const base = w.slice(0, -suffix.length);
    if (suffix === 'ed' && base.endsWith('i')) add(base.slice(0, -1) + 'y'); // carried → carry
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) add(base.slice(0, -1)); // stopped → stop
    add(base); // played → play
    add(base + 'e'); // used → use, making → make
  }
  if (w.endsWith('ly') && w.length > 5) {
    add(w.slice(0, -2)); // mainly → main
    if (w.endsWith('ily')) add(w.slice(0, -3) + 'y'); // heavily → heavy
  }
  return out;
}

/** An English word: letters with inner apostrophes or hyphens, or a number. */
const ENGLISH_WORD = /[\p{Script=Latin}]+(?:['’-][\p{Script=Latin}]+)*|\p{N}+(?:[.,]\p{N}+)*/gu;
const NUMBER = /^\p{N}/u;
const CAPITAL = /^\p{Lu}/u;

interface Token {
  surface: string;
  lower: string;
  capitalised: boolean;
}

function englishTokens(input: string | readonly string[]): Token[] {
  const text = typeof input === 'string' ? input : input.join(' ');
  const tokens: Token[] = [];
  let sentenceStart = true;
  for (const match of text.matchAll(ENGLISH_WORD)) {
    const surface = match[0].replace(/’/g, "'");
    // "Who" at the start of a question says nothing about a name; "Allen" inside it does.
    tokens.push({ surface, lower: surface.toLowerCase(), capitalised: !sentenceStart && CAPITAL.test(surface) });
    sentenceStart = false;
    const after = text.slice((match.index ?? 0) + match[0].length).trimStart();
    if (/^[.?!]/.test(after)) sentenceStart = true;
  }
  return tokens;
}

/** Question and function words that never carry content, beyond the shared English stopwords. */
const QUESTION_FRAME = new Set(['whose', 'whom', 'which', 'what', 'when', 'where', 'who', 'why', 'how', "what's", "who's"]);

/** Particles of English phrasal verbs that are also stopwords: a two-word phrase may end on one (call for, give in). */
const PARTICLES = new Set(['in', 'on', 'off', 'for', 'up', 'out', 'down', 'over', 'away', 'back', 'into', 'after']);

function isFunctionWord(lower: string): boolean {
  return QUESTION_FRAME.has(lower) || isEnglishStopword(lower) || isEnglishStopword(lower.replace(/'s$/, ''));
}

export interface BilingualLexicon {
  /** Number of English keys. */
  readonly size: number;
  /** The raw Arabic alternatives of an exact key (lowercased word or phrase), best first. */
  alternatives(key: string): readonly string[] | undefined;
  /**
   * The English text's words and phrases with their Arabic translations, in reading order:
   * longest phrase first, then each remaining content word through its lemma. Function and
   * question words are left out; numbers stand for themselves; unknown words come with no
   * translations (the caller may transliterate them).
   */
  translate(input: string | readonly string[]): EnglishUnit[];
  /**
   * True when an Arabic word's analysed term is among the lexicon's own Arabic words: a common
   * word, not a name to find by transliteration (الشرق is not "Church", المباراة is not "Empire").
   * The term set is built on first use (about half a second).
   */
  knowsArabic(word: string): boolean;
}

/** Reads the lexicon file's text: `english<TAB>alt1|alt2|…`, `#` comment lines. */
export function parseBilingualLexicon(text: string, options: BilingualLexiconOptions = {}): BilingualLexicon {
  const entries = new Map<string, readonly string[]>();
  const lines = text.split('\n');
  lines.forEach((line, number) => {
    if (line.length === 0 || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    if (tab <= 0) throw new BilingualLexiconError(`line ${number + 1}: expected "english<TAB>arabic|arabic…"`);
    const key = line.slice(0, tab);
    const alternatives = line.slice(tab + 1).split('|').filter((a) => a.length > 0);
    if (alternatives.length === 0) throw new BilingualLexiconError(`line ${number + 1}: "${key}" has no Arabic alternative`);
    entries.set(key, alternatives);
  });
  return createBilingualLexicon(entries, options);
}

/** Reads and parses the lexicon file (called by the composition root, never at import). */
export function loadBilingualLexicon(path: string | URL = BILINGUAL_LEXICON_FILE, options: BilingualLexiconOptions = {}): BilingualLexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BilingualLexiconError(`cannot read the English–Arabic lexicon at ${String(path)}`, { cause: error });
  }
  return parseBilingualLexicon(text, options);
}

/** Writes a lexicon in the file format parseBilingualLexicon reads (used by the build script). */
export function formatLexicon(entries: ReadonlyMap<string, readonly string[]>, header: readonly string[] = []): string {
  const lines = header.map((h) => `# ${h}`);
  for (const key of [...entries.keys()].sort()) {
    const alternatives = entries.get(key) ?? [];
    if (alternatives.length === 0) continue;
    if (/[\t\n|]/.test(key) || alternatives.some((a) => /[\t\n|]/.test(a))) {
      throw new BilingualLexiconError(`"${key}": tabs, newlines and | cannot be stored`);
    }
    lines.push(`${key}\t${alternatives.join('|')}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Somewhere to keep the dictionary's analysed Arabic terms between processes (the composition root
 * gives a file in DATA_DIR keyed by the pipeline's fingerprint): building them costs about a second at
 * the first question that needs them, reading them a few milliseconds.
 */
export interface ArabicTermStore {
  load(): readonly string[] | undefined;
  save(terms: readonly string[]): void;
}

export interface BilingualLexiconOptions {
  familyFactor?: number;
  arabicTerms?: ArabicTermStore;
}

/** Builds a lexicon from key → alternatives (keys lowercased words or phrases). */
export function createBilingualLexicon(
  entries: ReadonlyMap<string, readonly string[]>,
  options: BilingualLexiconOptions = {},
): BilingualLexicon {
  const familyFactor = options.familyFactor ?? FAMILY_FACTOR;
  const termCache = new Map<string, string[]>();
  const termsOf = (arabic: string): string[] => {
    let terms = termCache.get(arabic);
    if (!terms) {
      terms = analyze(arabic);
      termCache.set(arabic, terms);
    }
    return terms;
  };

  // Single-word keys by their first three letters, and each bucket's Porter stems when first
  // needed: stemming all 86,000 keys up front would cost seconds at start.
  let byPrefix: Map<string, string[]> | undefined;
  const stemBuckets = new Map<string, Map<string, string[]>>();
  const family = (word: string): readonly string[] => {
    if (!byPrefix) {
      byPrefix = new Map();
      for (const key of entries.keys()) {
        if (key.includes(' ')) continue;
        const list = byPrefix.get(key.slice(0, 3)) ?? [];
        list.push(key);
        byPrefix.set(key.slice(0, 3), list);
      }
    }
    const prefix = word.slice(0, 3);
    let byStem = stemBuckets.get(prefix);
    if (!byStem) {
      byStem = new Map();
      for (const key of byPrefix.get(prefix) ?? []) {
        const stem = stemEnglish(key);
        const list = byStem.get(stem) ?? [];
        list.push(key);
        byStem.set(stem, list);
      }
      for (const list of byStem.values()) list.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
      stemBuckets.set(prefix, byStem);
    }
    return byStem.get(stemEnglish(word)) ?? [];
  };

  /** The key for a word (exact, rule lemma, stem) and how much to trust it. */
  const resolve = (word: string, capitalised: boolean): { key: string; factor: number } | null => {
    if (entries.has(word)) return { key: word, factor: 1 };
    // The dictionary spells the American way: a British spelling is the same word (subsidised, labour).
    if (!capitalised) {
      for (const variant of americanSpellings(word)) {
        if (entries.has(variant)) return { key: variant, factor: 1 };
        for (const lemma of lemmaCandidates(variant)) if (entries.has(lemma)) return { key: lemma, factor: RULE_LEMMA_FACTOR };
      }
    }
    // A name mid-sentence takes only a plural or possessive off (Mongols, Kublai's), never -ed (Jared).
    const lemmas = capitalised ? lemmaCandidates(word).filter((l) => word.startsWith(l) && word.length - l.length <= 2 && /s'?$|'s$/.test(word)) : lemmaCandidates(word);
    for (const lemma of lemmas) if (entries.has(lemma)) return { key: lemma, factor: RULE_LEMMA_FACTOR };
    const stemmed = word.length >= 4 && !capitalised ? family(word)[0] : undefined;
    return stemmed ? { key: stemmed, factor: STEM_LEMMA_FACTOR } : null;
  };

  const translationsOf = (key: string, factor: number): ArabicTranslation[] =>
    (entries.get(key) ?? []).map((arabic, position) => ({
      arabic,
      weight: senseWeight(position) * factor,
      terms: termsOf(arabic),
    }));

  /**
   * The word's own translations followed by those of its family (keys sharing its Porter stem:
   * designed → design, designer), weighed down by FAMILY_FACTOR: the dictionary gives most words
   * one sense, and a sibling often has the form the article uses (مصمم، التصميم).
   */
  const withFamily = (word: string, own: ArabicTranslation[]): ArabicTranslation[] => {
    if (familyFactor <= 0 || word.length < 4) return own;
    const result = [...own];
    for (const key of family(word)) {
      for (const t of translationsOf(key, familyFactor)) {
        if (result.length >= MAX_UNIT_TRANSLATIONS) return result;
        if (!result.some((r) => r.arabic === t.arabic)) result.push(t);
      }
    }
    return result;
  };

  /**
   * The key of a phrase: as written, hyphenated or written solid (high speed → high-speed, cease
   * fire → ceasefire), each also with its last word lemmatised (death tolls → death toll).
   */
  const phraseKey = (words: readonly string[]): string | null => {
    const last = words[words.length - 1] as string;
    const lastForms = [last, ...lemmaCandidates(last)];
    for (const form of lastForms) {
      const parts = [...words.slice(0, -1), form];
      for (const joiner of [' ', '-', '']) {
        const key = parts.join(joiner);
        if (entries.has(key)) return key;
      }
    }
    // A phrasal verb inflects its verb, the first word: took part → take part, signed up → sign up.
    const first = words[0] as string;
    for (const form of lemmaCandidates(first)) {
      const key = [form, ...words.slice(1)].join(' ');
      if (entries.has(key)) return key;
    }
    return null;
  };

  /**
   * An irregular form the dictionary lists as a headword of its own often has one thin sense
   * (took → أخذ, held → محمول): its base form's senses follow its own (held → عقد، احتجز).
   */
  const withBaseForm = (word: string, own: ArabicTranslation[]): ArabicTranslation[] => {
    const base = IRREGULAR[word];
    if (base === undefined || !entries.has(base)) return own;
    const result = [...own];
    for (const t of translationsOf(base, RULE_LEMMA_FACTOR)) if (!result.some((r) => r.arabic === t.arabic)) result.push(t);
    return result.slice(0, MAX_UNIT_TRANSLATIONS);
  };

  function translate(input: string | readonly string[]): EnglishUnit[] {
    const tokens = englishTokens(input);
    const units: EnglishUnit[] = [];
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i] as Token;
      let matched = false;
      for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 2; n--) {
        const words = tokens.slice(i, i + n);
        // A phrase must begin on a content word and end on one or on a verb's particle ("put out",
        // "hand over", "call for"): "of the" or "in spite of" find nothing to look for.
        if (isFunctionWord((words[0] as Token).lower)) continue;
        if (isFunctionWord((words[n - 1] as Token).lower) && (n > 2 || !PARTICLES.has((words[n - 1] as Token).lower))) continue;
        const key = phraseKey(words.map((w) => w.lower));
        if (key === null) continue;
        // A particle binds to the verb before it: "the fire break out" is fire + break out, not firebreak + out.
        const next = tokens[i + n];
        if (n === 2 && next && PARTICLES.has(next.lower) && phraseKey([(words[1] as Token).lower, next.lower]) !== null) continue;
        units.push({
          surface: words.map((w) => w.surface).join(' '),
          key,
          start: i,
          end: i + n,
          capitalised: words.some((w) => w.capitalised),
          translations: translationsOf(key, 1),
        });
        i += n;
        matched = true;
        break;
      }
      if (matched) continue;
      i++;
      if (isFunctionWord(token.lower) || token.lower.length < 2 && !NUMBER.test(token.lower)) continue;
      const base = { surface: token.surface, start: i - 1, end: i, capitalised: token.capitalised };
      if (NUMBER.test(token.lower)) {
        const digits = token.lower.replace(/,/g, '');
        units.push({ ...base, key: digits, translations: [{ arabic: digits, weight: 1, terms: analyze(digits) }] });
        continue;
      }
      const resolved = resolve(token.lower, token.capitalised);
      if (resolved === null && token.lower.includes('-')) {
        // anti-government: its parts, when the whole is unknown
        for (const part of token.lower.split('-')) {
          const r = part.length >= 2 && !isFunctionWord(part) ? resolve(part, false) : null;
          if (r) units.push({ ...base, surface: part, key: r.key, translations: translationsOf(r.key, r.factor) });
        }
        continue;
      }
      units.push({
        ...base,
        key: resolved?.key ?? token.lower,
        translations: resolved ? withFamily(token.lower, withBaseForm(resolved.key, translationsOf(resolved.key, resolved.factor))) : [],
      });
    }
    return units;
  }

  // The analysed terms of the lexicon's Arabic words, built on first use. Analysing each distinct
  // bare form (normalised, proclitics off: about 30,000) rather than each of the 100,000 words
  // gives the same terms, since analysis strips proclitics itself, in a third of the time.
  let arabicTerms: Set<string> | undefined;
  const knowsArabic = (word: string): boolean => {
    if (!arabicTerms) {
      const stored = options.arabicTerms?.load();
      if (stored) arabicTerms = new Set(stored);
      else {
        const forms = new Set<string>();
        for (const alternatives of entries.values()) {
          for (const alternative of alternatives) for (const w of alternative.split(' ')) forms.add(stripClitics(normalizeArabic(w)));
        }
        arabicTerms = new Set();
        for (const form of forms) {
          const term = analyzeToken(form);
          if (term !== null) arabicTerms.add(term);
        }
        options.arabicTerms?.save([...arabicTerms]);
      }
    }
    const term = analyzeToken(word);
    return term !== null && arabicTerms.has(term);
  };

  return {
    size: entries.size,
    alternatives: (key) => entries.get(key),
    translate,
    knowsArabic,
  };
}

/** The English text's units and their weighted Arabic translations (see BilingualLexicon.translate). */
export function translateEnglish(lexicon: BilingualLexicon, input: string | readonly string[]): EnglishUnit[] {
  return lexicon.translate(input);
}

/** An Arabic word a Latin name may be, with how much to trust it (in (0, 1]). */
export interface NameCandidate {
  arabic: string;
  weight: number;
}

/** Arabic words and term weights for querying Arabic sentences with an English text. */
export interface ArabicQuery {
  /** Arabic words and phrases to search for, heaviest first (SearchOptions.extraTerms). */
  extraTerms: string[];
  /** Analysed term → weight in (0, 1] (SearchOptions.boosts): the best weight any unit gave it. */
  boosts: Record<string, number>;
}

export interface ArabicQueryOptions {
  /** The most translations used per English unit (default 8: the word's senses, then its family's). */
  maxTranslations?: number;
  /**
   * Arabic spellings of a Latin name, e.g. a corpus SkeletonMatcher's `match` (src/text/transliterate.ts).
   * Asked for units the lexicon does not know and for capitalised words (names the dictionary
   * may translate as something else: "Panthers" are not النمور in a sports report); `translated`
   * tells the two apart, so a caller may be stricter with words the lexicon did translate.
   */
  names?: (latin: string, translated: boolean) => readonly NameCandidate[];
}

/** Turns translated English units into the Arabic words and weights of a sentence query. */
export function arabicQuery(units: readonly EnglishUnit[], options: ArabicQueryOptions = {}): ArabicQuery {
  const maxTranslations = options.maxTranslations ?? 8;
  const weighted: { arabic: string; weight: number }[] = [];
  const boosts: Record<string, number> = {};
  const add = (arabic: string, terms: readonly string[], weight: number): void => {
    weighted.push({ arabic, weight });
    for (const term of terms) boosts[term] = Math.max(boosts[term] ?? 0, weight);
  };
  for (const unit of units) {
    for (const t of unit.translations.slice(0, maxTranslations)) add(t.arabic, t.terms, t.weight);
    if (options.names && (unit.translations.length === 0 || unit.capitalised)) {
      const words = unit.surface.split(/[\s-]+/);
      for (const word of words) {
        for (const { arabic, weight } of options.names(word, unit.translations.length > 0)) add(arabic, analyze(arabic), weight);
      }
    }
  }
  const extraTerms = weighted
    .sort((a, b) => b.weight - a.weight)
    .map((w) => w.arabic)
    .filter((a, i, all) => all.indexOf(a) === i);
  return { extraTerms, boosts };
}

/**
 * A word the dictionary knows (الشرق، المباراة) is far more often itself than a name that happens
 * to share its consonants ("Church", "Empire"): such matches keep this weight.
 */
const COMMON_WORD_NAME_WEIGHT = 0.3;

/**
 * Finds the Arabic spellings of Latin names among a corpus's own words (its vocabulary: every
 * token of every sentence), by consonant skeleton (src/text/transliterate.ts). Words unknown to
 * the lexicon weigh 1, words it knows COMMON_WORD_NAME_WEIGHT. Pass the result as
 * ArabicQueryOptions.names; build it once per corpus (it indexes the vocabulary).
 */
export function corpusNameFinder(
  lexicon: BilingualLexicon,
  corpusWords: Iterable<string>,
): (latin: string, translated: boolean) => NameCandidate[] {
  const matcher = createSkeletonMatcher(corpusWords);
  // An English plural or possessive of a borrowed word (dunams, Semalka's) sounds like its singular.
  const singulars = (latin: string): string[] =>
    lemmaCandidates(latin).filter((lemma) => latin.toLowerCase().startsWith(lemma) && latin.length - lemma.length <= 2);
  return (latin) => {
    let found = matcher.match(latin);
    for (const singular of singulars(latin)) {
      if (found.length > 0) break;
      found = matcher.match(singular);
    }
    return found.map((arabic) => ({ arabic, weight: lexicon.knowsArabic(arabic) ? COMMON_WORD_NAME_WEIGHT : 1 }));
  };
}
