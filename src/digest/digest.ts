/**
 * The daily digest: a few quoted, cited points on the situation, chosen by a score that can be
 * explained, leading with what arrived since the chat's last digest.
 *
 * Score of a sentence = centrality × recency × currency × topic:
 * - centrality: how much it shares, weighted by rarity, with the other recent sentences (the story's
 *   recurring themes rather than a side remark), normalised by its length;
 * - recency: halves every `halfLifeDays` from the newest article;
 * - currency: from the dates it names, today's events 1.3, undated or this week's 1, older 0.3;
 * - topic: a sentence on one of the digest's topics (fighting, control, ceasefire, civilians,
 *   services) counts 1.25; the lead paragraph 1.2 more (it states the news).
 * Selection is greedy: the best value first, where each topic a sentence adds to those covered adds
 * half its score, and overlap with a chosen sentence (Jaccard of terms) costs `redundancy` of the best score.
 */
import type { Article, Language, Sentence } from '../corpus/article.ts';
import { extractDateMentions } from '../events/dates.ts';
import { analyze } from '../text/analyze.ts';
import { hasCue, type DigestKnowledge } from './topics.ts';

export interface DigestCitation {
  articleId: string;
  sentenceId: string;
  /** The sentence exactly as in the corpus. */
  text: string;
}

export interface DigestPoint {
  /** What the digest quotes: the sentence, or its leading clause when the sentence is long. */
  text: string;
  /** The English rendering, when the corpus has one. */
  english: string | null;
  citation: DigestCitation;
  sentenceNumber: number;
  title: string;
  titleEn: string | null;
  published: string;
  publisher: string | null;
  url: string | null;
  topic: string | null;
  /** From an article that arrived after the chat's last digest. */
  isNew: boolean;
}

/** A point of an earlier digest that a newer report contradicts. */
export interface Contradiction {
  earlier: { sentenceId: string; text: string };
  later: DigestPoint;
  reason: 'denial' | 'reversal' | 'number';
}

export interface Digest {
  lang: Language;
  /** Publication date of the newest article the digest draws on (null: no articles). */
  asOf: string | null;
  /** Whether a previous digest exists to compare with. */
  hasPrevious: boolean;
  /** How many articles arrived since the previous digest. */
  newArticles: number;
  points: DigestPoint[];
  contradictions: Contradiction[];
}

export interface PreviousDigest {
  /** Ids of the articles that arrived after it was sent. */
  arrived: ReadonlySet<string>;
  /** The points it quoted. */
  points: readonly { sentenceId: string; text: string }[];
}

export interface DigestOptions {
  minPoints: number;
  maxPoints: number;
  /** At most this many of the points come from new articles, so the standing situation keeps room. */
  maxNewPoints: number;
  /** Articles published within this many days of the newest one are drawn on. */
  windowDays: number;
  halfLifeDays: number;
  redundancy: number;
  /** Longer sentences are quoted up to a clause boundary before this length. */
  maxPointLength: number;
}

export const DEFAULT_DIGEST_OPTIONS: DigestOptions = {
  minPoints: 3,
  maxPoints: 6,
  maxNewPoints: 3,
  windowDays: 7,
  halfLifeDays: 3,
  redundancy: 0.6,
  maxPointLength: 280,
};

interface Candidate {
  sentence: Sentence;
  article: Article;
  terms: Set<string>;
  /** Every digest topic the sentence is on, in the topics' order. */
  topics: string[];
  /** The topic it is shown under: the first one not yet covered when it was chosen. */
  topic: string | null;
  score: number;
  isNew: boolean;
}

const DAY_MS = 86_400_000;

function days(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * How current a sentence is, from the dates it names: today's events (within two days of
 * publication) 1.3, undated or this week's 1, only events over a week old (background) 0.3.
 */
function currency(text: string, published: string): number {
  let mentions: { end: string }[];
  try {
    mentions = extractDateMentions(text, { published });
  } catch {
    return 1;
  }
  if (mentions.length === 0) return 1;
  if (mentions.some((m) => days(m.end, published) <= 2)) return 1.3;
  return mentions.some((m) => days(m.end, published) <= 7) ? 1 : 0.3;
}

/** The sentence, or its leading clauses up to a clause boundary (، , ؛ ;) before `max`, marked with "…". */
export function leadingClause(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const cut = Math.max(head.lastIndexOf('،'), head.lastIndexOf(','), head.lastIndexOf('؛'), head.lastIndexOf(';'));
  const end = cut >= max / 3 ? cut : head.lastIndexOf(' ');
  return `${text.slice(0, end > 0 ? end : max).trimEnd()} …`;
}

function topicsOf(terms: ReadonlySet<string>, knowledge: DigestKnowledge): string[] {
  return knowledge.topics.filter((t) => hasCue(terms, t.cues)).map((t) => t.id);
}

function candidates(articles: readonly Article[], knowledge: DigestKnowledge, arrived: ReadonlySet<string> | null, windowDays: number, halfLifeDays: number): Candidate[] {
  const newest = articles.reduce((d, a) => (a.published > d ? a.published : d), '');
  const recent = articles.filter((a) => days(a.published, newest) <= windowDays);
  const pool = recent.flatMap((article) => article.sentences
    .filter((s) => s.number > 0)
    .map((sentence) => {
      const terms = new Set(analyze(sentence.text));
      const topics = topicsOf(terms, knowledge);
      return { sentence, article, terms, topics, topic: topics[0] ?? null, score: 0, isNew: arrived?.has(article.id) ?? false };
    }));
  // Rarity over the pool: a term in every sentence says nothing, one in a single sentence connects nothing.
  const frequency = new Map<string, number>();
  for (const c of pool) for (const term of c.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const n = Math.max(1, pool.length);
  for (const c of pool) {
    let centrality = 0;
    for (const term of c.terms) {
      const f = frequency.get(term) ?? 1;
      if (f > 1) centrality += Math.log(1 + n / f) * Math.log(f);
    }
    centrality /= Math.sqrt(Math.max(1, c.terms.size));
    const recency = 0.5 ** (days(c.article.published, newest) / halfLifeDays);
    const topical = c.topics.length === 0 ? 1 : 1.25;
    const lead = c.sentence.number === 1 ? 1.2 : 1;
    c.score = centrality * recency * currency(c.sentence.text, c.article.published) * topical * lead;
  }
  return pool;
}

/** Greedy choice of up to `count` candidates: topic coverage first, no near-repeats. */
function choose(pool: readonly Candidate[], count: number, chosen: Candidate[], redundancy: number): Candidate[] {
  const picked: Candidate[] = [];
  const remaining = [...pool];
  const best = Math.max(0, ...pool.map((c) => c.score));
  while (picked.length < count && remaining.length > 0) {
    const all = [...chosen, ...picked];
    const covered = new Set(all.flatMap((c) => c.topics));
    let bestIndex = -1;
    let bestValue = -Infinity;
    remaining.forEach((c, i) => {
      const overlap = Math.max(0, ...all.map((o) => jaccard(o.terms, c.terms)));
      const coverage = 1 + 0.5 * c.topics.filter((t) => !covered.has(t)).length;
      const value = c.score * coverage - redundancy * best * overlap;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    });
    const [next] = remaining.splice(bestIndex, 1);
    if (next === undefined) break;
    // A sentence mostly repeating one already chosen adds nothing, however central.
    if (all.some((o) => jaccard(o.terms, next.terms) > 0.6)) continue;
    next.topic = next.topics.find((t) => !covered.has(t)) ?? next.topics[0] ?? null;
    picked.push(next);
  }
  return picked;
}

function toPoint(c: Candidate, maxLength: number): DigestPoint {
  return {
    text: leadingClause(c.sentence.text, maxLength),
    english: c.sentence.english,
    citation: { articleId: c.article.id, sentenceId: c.sentence.id, text: c.sentence.text },
    sentenceNumber: c.sentence.number,
    title: c.article.title,
    titleEn: c.article.titleEn,
    published: c.article.published,
    publisher: c.article.publisher,
    url: c.article.url,
    topic: c.topic,
    isNew: c.isNew,
  };
}

const NUMBER_BEFORE_NOUN = /(?<!\d)(\d+)\s+(\S+)/g;

/** Numbers with the word after them ("18 عنصرًا" → stem of عنصر → 18). */
function countedNumbers(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const match of text.matchAll(NUMBER_BEFORE_NOUN)) {
    const noun = analyze(match[2] as string)[0];
    if (noun !== undefined) result.set(noun, Number(match[1]));
  }
  return result;
}

function contradiction(earlier: ReadonlySet<string>, earlierText: string, later: Candidate, knowledge: DigestKnowledge): Contradiction['reason'] | null {
  let shared = 0;
  for (const term of later.terms) if (earlier.has(term)) shared += 1;
  // Only a report about the same thing can contradict it: several shared content words.
  if (shared < 3) return null;
  if (hasCue(later.terms, knowledge.denial) && !hasCue(earlier, knowledge.denial)) return 'denial';
  for (const reversal of knowledge.reversals) {
    if (hasCue(earlier, reversal.was) && hasCue(later.terms, reversal.now) && !hasCue(earlier, reversal.now)) return 'reversal';
  }
  const before = countedNumbers(earlierText);
  for (const [noun, count] of countedNumbers(later.sentence.text)) {
    const old = before.get(noun);
    if (old !== undefined && old !== count) return 'number';
  }
  return null;
}

export interface BuildDigestInput {
  articles: readonly Article[];
  knowledge: DigestKnowledge;
  lang: Language;
  /** The chat's last digest, if it had one. */
  previous?: PreviousDigest | null;
  options?: Partial<DigestOptions>;
}

/** Builds a digest: new points first (when there is a previous digest), then the standing situation. */
export function buildDigest(input: BuildDigestInput): Digest {
  const options = { ...DEFAULT_DIGEST_OPTIONS, ...input.options };
  const previous = input.previous ?? null;
  const pool = candidates(input.articles, input.knowledge, previous?.arrived ?? null, options.windowDays, options.halfLifeDays);
  const fresh = pool.filter((c) => c.isNew);
  const newPoints = previous === null ? [] : choose(fresh, options.maxNewPoints, [], options.redundancy);
  const standingPool = pool.filter((c) => !newPoints.includes(c));
  const standing = choose(standingPool, options.maxPoints - newPoints.length, newPoints, options.redundancy);
  const chosen = [...newPoints, ...standing];

  const contradictions: Contradiction[] = [];
  if (previous !== null) {
    for (const old of previous.points) {
      const oldTerms = new Set(analyze(old.text));
      for (const c of fresh) {
        if (c.sentence.id === old.sentenceId) continue;
        const reason = contradiction(oldTerms, old.text, c, input.knowledge);
        if (reason !== null) {
          contradictions.push({ earlier: old, later: toPoint(c, options.maxPointLength), reason });
          break;
        }
      }
    }
  }

  // Topic order reads as a report: fighting, control, ceasefire, civilians, services, the rest.
  const order = new Map(input.knowledge.topics.map((t, i) => [t.id, i]));
  const rank = (c: Candidate) => order.get(c.topic ?? '') ?? order.size;
  const byTopic = (a: Candidate, b: Candidate) => rank(a) - rank(b) || b.article.published.localeCompare(a.article.published) || a.sentence.ref - b.sentence.ref;
  const ordered = [...newPoints.sort(byTopic), ...standing.sort(byTopic)];
  const asOf = chosen.reduce<string | null>((d, c) => (d === null || c.article.published > d ? c.article.published : d), null);
  return {
    lang: input.lang,
    asOf,
    hasPrevious: previous !== null,
    newArticles: previous === null ? 0 : new Set(fresh.map((c) => c.article.id)).size,
    points: ordered.map((c) => toPoint(c, options.maxPointLength)),
    contradictions,
  };
}
