/**
 * The entity lexicon (actors and places of the corpus) and matching of its names in Arabic and
 * English text. The data lives in intents/entities.json; this module compiles it lazily.
 */
import { analyze } from '../text/analyze.ts';
import { normalizeArabic } from '../text/arabic.ts';
import { ENGLISH_MONTH_NAMES, ENGLISH_WEEKDAYS } from '../text/months.ts';
import { boundedMemo } from '../text/memo.ts';
import { isEnglishStopword } from '../text/stopwords.ts';
import { arabicSkeletons, latinSkeletons } from '../text/transliterate.ts';
import lexiconData from '../../knowledge/gazetteer.json' with { type: 'json' };

export type EntityKind = 'actor' | 'place';

/** A context veto for one ambiguous Arabic variant: normalised words that may not precede / follow it. */
export interface EntityGuard {
  variant: string;
  notAfter?: string[];
  notBefore?: string[];
  /**
   * The variant is also an adjective (سورية the country, السورية "Syrian"): it matches only where the
   * adjective cannot stand, without the article and not after a feminine noun (ليرة سورية، مسيرة تركية).
   */
  noArticle?: boolean;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  nameAr: string;
  nameEn: string;
  /** Arabic surface forms. A variant written with the article ال requires it; one without accepts both. */
  variants: string[];
  /** English names and transliterations. */
  aliases: string[];
  /** The organisation or place this one belongs to (asayish -> sdf, halko -> qamishli). */
  parent?: string;
  /** The gazetteer's type (city, town, camp, airport, armed-group...). */
  type?: string;
  descriptionEn?: string;
  descriptionAr?: string;
  guards?: EntityGuard[];
}

export interface EntityMatch {
  id: string;
  kind: EntityKind;
  /** The matched text exactly as it appears in the input. */
  surface: string;
  /** UTF-16 offsets into the input: `text.slice(start, end) === surface`. */
  start: number;
  end: number;
}

export class EntityLexiconError extends Error {
  constructor(message: string, readonly entityId?: string) {
    super(entityId ? `${message} (entity "${entityId}")` : message);
    this.name = 'EntityLexiconError';
  }
}

/** One word of the input with its offsets and the forms it may stand for once clitics are removed. */
interface WordSpan {
  start: number;
  end: number;
  normalised: string;
  /** Candidate forms: the word itself (stripped=false) and its clitic/suffix-stripped forms. */
  forms: Map<string, boolean>;
}

/**
 * A word an indefinite feminine adjective would follow and agree with: a noun ending in ة (normalised
 * ه) without the article (ليرة سورية "a Syrian pound", قوات ... not: its ات plural takes the adjective too).
 */
function agreesAsAdjective(previous: WordSpan | undefined): boolean {
  if (!previous) return false;
  const word = previous.normalised;
  return /\p{Script=Arabic}{2,}(?:ه|ات)$/u.test(word) && !/^(?:[وفبل]?ال)/.test(word);
}

interface CompiledVariant {
  entity: Entity;
  words: string[];
  noArticle: boolean;
  notAfter: ReadonlySet<string>;
  notBefore: ReadonlySet<string>;
}

/**
 * An English alias and its pattern, compiled when first tried: a lexicon has thousands of aliases,
 * and compiling their Unicode patterns was most of a start's entity work.
 */
class CompiledAlias {
  #pattern: RegExp | undefined;
  constructor(
    readonly entity: Entity,
    readonly source: string,
  ) {}

  get pattern(): RegExp {
    return (this.#pattern ??= aliasPattern(this.source));
  }
}

/** The lower-cased first three letters of a word (two when it has two), or null when it does not start with two letters. */
function latinPrefix(word: string): string | null {
  const key = word.slice(0, 3).toLowerCase();
  return /^[\p{L}\p{N}]{2,3}$/u.test(key) ? key : null;
}

/** A compiled lexicon: build one with `createEntityLexicon`, or use the module-level functions. */
export interface EntityLexicon {
  entities: readonly Entity[];
  byId: ReadonlyMap<string, Entity>;
  match(text: string): EntityMatch[];
  terms(id: string): string[];
}

/**
 * A word is a run of letters, marks and digits; tatweel (a letter, \p{Lm}) and invisible joiners stay
 * inside the run so offsets point into the original text, and normalisation removes them.
 */
const WORD = /[\p{L}\p{M}\p{N}\u200B-\u200D\u00AD]+/gu;
const ARABIC = /\p{Script=Arabic}/u;
const ARTICLE = 'ال';
/** Possessive / object pronoun suffixes: مطارها (its airport), حيهم. */
const PRONOUN_SUFFIXES = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ه', 'ك'];
/** Preposition proclitics glued to a word (بحلكو، لقسد، كالنظام). */
const PREPOSITIONS = ['ب', 'ل', 'ك'];
const CONJUNCTIONS = ['و', 'ف'];

function addForm(forms: Map<string, boolean>, form: string, stripped: boolean): void {
  if (form.length === 0) return;
  // A form reached without stripping wins over the same form reached by stripping.
  const previous = forms.get(form);
  forms.set(form, previous === false ? false : stripped);
}

/**
 * The forms a normalised Arabic word may stand for: itself; without a leading و/ف; with ب/ك/ل,
 * بال/كال/لل and Levantine عال turned into the bare word or the article form (للقامشلي → القامشلي,
 * عالمطار → المطار); and each of those without a pronoun suffix (مطارها → مطار).
 */
function arabicForms(word: string): Map<string, boolean> {
  const forms = new Map<string, boolean>();
  addForm(forms, word, false);
  const bases = [word];
  for (const c of CONJUNCTIONS) {
    if (word.startsWith(c) && word.length - c.length >= 2) bases.push(word.slice(c.length));
  }
  const withPrepositions: string[] = [];
  for (const base of bases) {
    withPrepositions.push(base);
    if (base.startsWith('لل') && base.length > 3) withPrepositions.push(ARTICLE + base.slice(2));
    for (const p of [...PREPOSITIONS, 'ع']) {
      if (base.startsWith(p + ARTICLE) && base.length - p.length > 3) withPrepositions.push(base.slice(p.length));
    }
    for (const p of PREPOSITIONS) {
      if (base.startsWith(p) && !base.startsWith(p + ARTICLE) && base.length - p.length >= 2) {
        withPrepositions.push(base.slice(p.length));
      }
    }
  }
  for (const form of withPrepositions) {
    addForm(forms, form, form !== word);
    for (const suffix of PRONOUN_SUFFIXES) {
      if (form.endsWith(suffix) && form.length - suffix.length >= 3) addForm(forms, form.slice(0, -suffix.length), true);
    }
  }
  return forms;
}

function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const normalised = normalizeArabic(m[0]);
    if (normalised.length === 0) continue;
    const forms = ARABIC.test(normalised) ? arabicForms(normalised) : new Map([[normalised, false]]);
    spans.push({ start: m.index, end: m.index + m[0].length, normalised, forms });
  }
  return spans;
}

/**
 * Does the span stand for the variant word? A variant word with the article needs a form with it;
 * one without accepts the bare form or the form with the article. One- and two-letter words (طي)
 * are common letter sequences inside other words, so they only match whole, unstripped tokens.
 */
function spanMatchesWord(span: WordSpan, word: string, allowStripped: boolean, noArticle = false): boolean {
  const candidates = word.startsWith(ARTICLE) || noArticle ? [word] : [word, ARTICLE + word];
  for (const candidate of candidates) {
    const stripped = span.forms.get(candidate);
    if (stripped === undefined) continue;
    if (!stripped || allowStripped) return true;
  }
  return false;
}

function spanHasAny(span: WordSpan | undefined, words: ReadonlySet<string>): boolean {
  if (!span || words.size === 0) return false;
  for (const form of span.forms.keys()) if (words.has(form)) return true;
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An English alias as a case-insensitive pattern: word boundaries on both sides, spaces and hyphens
 * interchangeable, an optional al-/el- prefix, and plural or possessive endings (Russians, NDF's).
 */
function aliasPattern(alias: string): RegExp {
  // An acronym that spells a function word (WHO, US) is the name only in capitals: "who" asks.
  const trimmed = alias.trim();
  const caseSensitive = /^\p{Lu}{2,}$/u.test(trimmed) && isEnglishStopword(trimmed.toLowerCase());
  const body = trimmed
    .split(/[\s-]+/)
    .map((part) => escapeRegExp(part).replace(/'/g, "['’]?"))
    .join('[\\s-]+');
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:al|el)[\\s-])?${body}(?:['’]s|s['’]|es|s)?(?![\\p{L}\\p{N}])`,
    caseSensitive ? 'gu' : 'giu',
  );
}

function validate(entities: readonly Entity[]): void {
  const ids = new Set<string>();
  for (const e of entities) {
    if (!/^[a-z][a-z0-9_]*$/.test(e.id)) throw new EntityLexiconError('invalid entity id', e.id);
    if (ids.has(e.id)) throw new EntityLexiconError('duplicate entity id', e.id);
    ids.add(e.id);
    if (e.kind !== 'actor' && e.kind !== 'place') throw new EntityLexiconError(`invalid kind "${String(e.kind)}"`, e.id);
    if (e.variants.length === 0 && e.aliases.length === 0) throw new EntityLexiconError('entity has no names', e.id);
    for (const g of e.guards ?? []) {
      if (!e.variants.includes(g.variant)) throw new EntityLexiconError(`guard for unknown variant "${g.variant}"`, e.id);
    }
  }
  for (const e of entities) {
    if (e.parent !== undefined && !ids.has(e.parent)) throw new EntityLexiconError(`unknown parent "${e.parent}"`, e.id);
  }
}

interface Candidate extends EntityMatch {
  words: number;
}

export interface EntityLexiconData {
  /** Category words (forces, city, street...) whose terms `terms()` leaves out. */
  genericWords?: string[];
  entities: Entity[];
}

/** Shortest consonant skeleton matched by sound: two-consonant names collide with too many words. */
const MIN_SOUND_CORE = 3;
/** Letters from which a word with a two-consonant skeleton may still be matched by sound. */
const LONG_NAME = 7;
/** Category words left out of a variant before it is matched by sound (حي الهلالية → الهلالية). */
const GENERIC_PLACE_WORDS: ReadonlySet<string> = new Set(['حي', 'مدينه', 'بلده', 'قريه', 'مخيم', 'محطه', 'معبر', 'سد', 'ناحيه', 'بلدة'].map(normalizeArabic));

/** Compiles a lexicon. Throws EntityLexiconError on duplicate ids, unknown parents or bad guards. */
export function createEntityLexicon(data: EntityLexiconData): EntityLexicon {
  const { entities } = data;
  validate(entities);
  const byId = new Map(entities.map((e) => [e.id, e] as const));
  const variants: CompiledVariant[] = [];
  const aliases: CompiledAlias[] = [];
  for (const entity of entities) {
    const guards = new Map((entity.guards ?? []).map((g) => [normalizeArabic(g.variant), g] as const));
    for (const variant of entity.variants) {
      const normalised = normalizeArabic(variant);
      const words = [...normalised.matchAll(WORD)].map((m) => m[0]);
      if (words.length === 0) continue;
      const guard = guards.get(normalised);
      variants.push({
        entity,
        words,
        noArticle: guard?.noArticle === true,
        notAfter: new Set((guard?.notAfter ?? []).map(normalizeArabic)),
        notBefore: new Set((guard?.notBefore ?? []).map(normalizeArabic)),
      });
    }
    for (const alias of entity.aliases) aliases.push(new CompiledAlias(entity, alias));
  }
  // Longest variants first so "شارع الحسكة" is tried before "الحسكة".
  variants.sort((a, b) => b.words.length - a.words.length);
  // Each variant under the forms its first word can take (spanMatchesWord), so a word of the text
  // meets only the variants it could begin, not all of them.
  const variantsByFirstForm = new Map<string, number[]>();
  variants.forEach((v, i) => {
    const first = v.words[0] as string;
    for (const key of first.startsWith(ARTICLE) || v.noArticle ? [first] : [first, ARTICLE + first]) {
      const list = variantsByFirstForm.get(key);
      if (list) list.push(i);
      else variantsByFirstForm.set(key, [i]);
    }
  });
  // Aliases under the first two letters of their first word; the few that start otherwise are always tried.
  const aliasesByPrefix = new Map<string, CompiledAlias[]>();
  const aliasesAlwaysTried: CompiledAlias[] = [];
  for (const a of aliases) {
    // "al-Hasakah" is found by "Hasakah": the article alone says nothing.
    const parts = a.source.trim().split(/[\s-]+/);
    const key = latinPrefix((parts.length > 1 && /^(?:al|el)$/i.test(parts[0] ?? '') ? parts[1] : parts[0]) ?? '');
    if (key === null) aliasesAlwaysTried.push(a);
    else aliasesByPrefix.set(key, [...(aliasesByPrefix.get(key) ?? []), a]);
  }
  const termCache = new Map<string, string[]>();
  let genericTerms: ReadonlySet<string> | undefined;
  let nameTerms: ReadonlyMap<string, ReadonlySet<string>> | undefined;

  /** Term -> ids of the entities that have a one-word variant analysing to it. */
  function singleWordNameTerms(): Map<string, Set<string>> {
    const owners = new Map<string, Set<string>>();
    for (const e of entities) {
      for (const v of e.variants) {
        const t = analyze(v);
        if (t.length !== 1) continue;
        const term = t[0] as string;
        let set = owners.get(term);
        if (!set) owners.set(term, (set = new Set()));
        set.add(e.id);
      }
    }
    return owners;
  }

  function arabicCandidates(text: string, spans: WordSpan[]): Candidate[] {
    const found: Candidate[] = [];
    for (let i = 0; i < spans.length; i += 1) {
      const possible = new Set<number>();
      for (const form of (spans[i] as WordSpan).forms.keys()) for (const index of variantsByFirstForm.get(form) ?? []) possible.add(index);
      for (const index of [...possible].sort((a, b) => a - b)) {
        const v = variants[index] as CompiledVariant;
        const n = v.words.length;
        if (i + n > spans.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k += 1) {
          const word = v.words[k] as string;
          const span = spans[i + k] as WordSpan;
          // Later words of a phrase follow a space, so only the first may carry glued clitics.
          const allowStripped = k === 0 && (n > 1 || word.length > 2);
          ok = spanMatchesWord(span, word, k === 0 && allowStripped, v.noArticle);
        }
        if (!ok) continue;
        if (spanHasAny(spans[i - 1], v.notAfter) || spanHasAny(spans[i + n], v.notBefore)) continue;
        if (v.noArticle && agreesAsAdjective(spans[i - 1])) continue;
        const first = spans[i] as WordSpan;
        const last = spans[i + n - 1] as WordSpan;
        found.push({
          id: v.entity.id,
          kind: v.entity.kind,
          surface: text.slice(first.start, last.end),
          start: first.start,
          end: last.end,
          words: n,
        });
      }
    }
    return found;
  }

  function englishCandidates(text: string): Candidate[] {
    const found: Candidate[] = [];
    if (!/[A-Za-z]/.test(text)) return found;
    const tried = new Set<CompiledAlias>(aliasesAlwaysTried);
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      for (const key of [latinPrefix(m[0]), latinPrefix(m[0].slice(0, 2))]) if (key !== null) for (const a of aliasesByPrefix.get(key) ?? []) tried.add(a);
    }
    for (const a of aliases) {
      if (!tried.has(a)) continue;
      for (const m of text.matchAll(a.pattern)) {
        found.push({
          id: a.entity.id,
          kind: a.entity.kind,
          surface: m[0],
          start: m.index,
          end: m.index + m[0].length,
          words: m[0].split(/[\s-]+/).length,
        });
      }
    }
    return found;
  }

  // Latin spellings of a name vary (Hilaliyeh, Hilaliya, Helalieh): a capitalised word that no alias
  // matches is the place or actor whose one-word alias or Arabic name it sounds like, when only one does.
  let bySound: Map<string, Set<Entity>> | undefined;
  function soundIndex(): Map<string, Set<Entity>> {
    if (bySound) return bySound;
    const index = new Map<string, Set<Entity>>();
    const add = (core: string, entity: Entity): void => {
      if (core.length < 2) return;
      let set = index.get(core);
      if (!set) index.set(core, (set = new Set()));
      set.add(entity);
    };
    for (const entity of entities) {
      for (const alias of entity.aliases) {
        if (/\s/.test(alias.trim()) || isEnglishStopword(alias.trim().toLowerCase())) continue;
        for (const skeleton of latinSkeletons(alias)) add(skeleton.core, entity);
      }
      for (const variant of entity.variants) {
        const words = variant.split(/\s+/).filter((w) => !GENERIC_PLACE_WORDS.has(normalizeArabic(w)));
        if (words.length === 1) for (const skeleton of arabicSkeletons(words[0] as string)) add(skeleton.core, entity);
      }
    }
    bySound = index;
    return index;
  }

  function soundCandidates(text: string, taken: readonly Candidate[]): Candidate[] {
    const found: Candidate[] = [];
    for (const m of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{Ll}'’-]{3,}/gu)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((c) => c.start < end && start < c.end)) continue;
      // Calendar words and function words are capitalised too ("March" sounds like أمريكا).
      const lower = m[0].toLowerCase();
      if (ENGLISH_MONTH_NAMES.includes(lower) || ENGLISH_WEEKDAYS.has(lower) || isEnglishStopword(lower)) continue;
      const owners = new Set<Entity>();
      for (const skeleton of latinSkeletons(m[0])) {
        // A long word whose consonants are few (Hilaliyeh: ه ل) still names something; a short one does not.
        if (skeleton.core.length < MIN_SOUND_CORE && m[0].length < LONG_NAME) continue;
        for (const e of soundIndex().get(skeleton.core) ?? []) owners.add(e);
      }
      const [only] = owners;
      if (only && owners.size === 1) found.push({ id: only.id, kind: only.kind, surface: m[0], start, end, words: 1 });
    }
    return found;
  }

  // A question's text is matched several times while it is answered (its words, its phrases, the
  // region test): the latest texts' matches are kept. Pure, so a cached answer is the answer.
  const recentMatches = boundedMemo((text): readonly EntityMatch[] => matchNow(text), RECENT_MATCHES);
  function match(text: string): EntityMatch[] {
    return recentMatches(text).map((m) => ({ ...m }));
  }

  function matchNow(text: string): EntityMatch[] {
    const exact = [...arabicCandidates(text, wordSpans(text)), ...englishCandidates(text)];
    const candidates = [...exact, ...soundCandidates(text, exact)];
    // Longest first (in words, then characters), then leftmost: a phrase beats its parts.
    candidates.sort((a, b) => b.words - a.words || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: Candidate[] = [];
    for (const c of candidates) {
      if (chosen.some((o) => c.start < o.end && o.start < c.end)) continue;
      chosen.push(c);
    }
    chosen.sort((a, b) => a.start - b.start);
    return chosen.map(({ id, kind, surface, start, end }) => ({ id, kind, surface, start, end }));
  }

  function terms(id: string): string[] {
    const cached = termCache.get(id);
    if (cached) return cached;
    const entity = byId.get(id);
    if (!entity) throw new EntityLexiconError('unknown entity id', id);
    genericTerms ??= new Set((data.genericWords ?? []).flatMap((w) => analyze(w)));
    nameTerms ??= singleWordNameTerms();
    const generic = genericTerms;
    const names = nameTerms;
    // Another entity's own name inside a phrase (القامشلي in مطار القامشلي) is not this entity's term.
    const all = [...new Set(entity.variants.flatMap((v) => analyze(v)))];
    const own = all.filter((t) => {
      if (generic.has(t)) return false;
      const owners = names.get(t);
      return owners === undefined || owners.has(id);
    });
    // A name made only of other names and category words (شارع الحسكة) keeps them all.
    const result = own.length > 0 ? own : all;
    termCache.set(id, result);
    return result;
  }

  return { entities, byId, match, terms };
}

let defaultLexicon: EntityLexicon | undefined;

/** The lexicon compiled from intents/entities.json (built on first use). */
/** Texts whose entity matches are kept (see `match`). */
const RECENT_MATCHES = 512;

export function defaultEntityLexicon(): EntityLexicon {
  defaultLexicon ??= createEntityLexicon(lexiconData as EntityLexiconData);
  return defaultLexicon;
}

/**
 * Finds the lexicon's actors and places in Arabic or English text, longest match first, without
 * overlaps, in reading order. Arabic matching works on normalised words with clitics removed
 * (بالمطار، عالمطار، مطارها، للقامشلي، لـ”أسايش); English is case-insensitive on word boundaries.
 */
export function matchEntities(text: string): EntityMatch[] {
  return defaultEntityLexicon().match(text);
}

/** The entity with this id, or undefined. */
export function entityById(id: string): Entity | undefined {
  return defaultEntityLexicon().byId.get(id);
}

/** Every entity of the lexicon, in file order. */
export function allEntities(): readonly Entity[] {
  return defaultEntityLexicon().entities;
}

/**
 * The analysed Arabic terms (see `analyze`) of an entity's variants, less the lexicon's generic
 * category words and other entities' one-word names, for boosting search. Throws EntityLexiconError
 * on unknown ids.
 */
export function entityTerms(id: string): string[] {
  return defaultEntityLexicon().terms(id);
}
