/** An extractive summary of the latest news: central, recent, non-redundant sentences. */
import type { Corpus } from '../corpus/article.ts';
import type { SentenceEvidence } from './evidence.ts';
import { idf, type TermStatistics } from './units.ts';

export interface SummaryOptions {
  /** How many sentences at most. */
  points: number;
  /** Articles published within this many days of the newest one are summarised. */
  windowDays: number;
  /** Sentences whose dated events all ended this many days before publication are background. */
  backgroundDays: number;
  /** Penalty for overlapping an already chosen sentence (maximal marginal relevance). */
  redundancy: number;
}

const DEFAULTS: SummaryOptions = { points: 4, windowDays: 1, backgroundDays: 7, redundancy: 0.7 };

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Picks the refs of the sentences that best sum up the newest articles, in reading order:
 * sentences sharing the most (rarity-weighted) terms with the rest of their article, preferring
 * current events over background, and skipping near-repeats of a sentence already chosen.
 */
export function summarize(
  corpus: Corpus,
  evidence: readonly SentenceEvidence[],
  stats: TermStatistics,
  options: Partial<SummaryOptions> = {},
): number[] {
  const { points, windowDays, backgroundDays, redundancy } = { ...DEFAULTS, ...options };
  const newest = corpus.articles.reduce((latest, a) => (a.published > latest ? a.published : latest), '');
  const recent = new Set(corpus.articles.filter((a) => daysBetween(a.published, newest) <= windowDays).map((a) => a.id));
  const published = new Map(corpus.articles.map((a) => [a.id, a.published]));

  const candidates = evidence.filter((e) => recent.has(e.sentence.articleId) && e.sentence.number > 0);
  const centrality = new Map<number, number>();
  for (const item of candidates) {
    let score = 0;
    for (const term of item.terms) {
      const frequency = stats.documentFrequency.get(term) ?? 1;
      // Shared with other sentences (frequency > 1) but not everywhere: the article's recurring themes.
      if (frequency > 1) score += idf(frequency, stats.sentenceCount) * Math.log(frequency);
    }
    score /= Math.sqrt(Math.max(1, item.terms.size));
    const issued = published.get(item.sentence.articleId) ?? newest;
    // Today's news first: sentences tied to an event of the last week, then undated context,
    // then the background of earlier years.
    const recentEvent = item.events.some((event) => daysBetween(event.end, issued) <= backgroundDays);
    const background = item.events.length > 0 && !recentEvent;
    if (recentEvent) score *= 1.5;
    if (background) score *= 0.3;
    if (item.sentence.number === 1) score *= 1.5; // the lead paragraph states the news
    centrality.set(item.sentence.ref, score);
  }

  const chosen: SentenceEvidence[] = [];
  const remaining = [...candidates];
  while (chosen.length < points && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = -Infinity;
    remaining.forEach((item, i) => {
      const overlap = Math.max(0, ...chosen.map((c) => jaccard(c.terms, item.terms)));
      const value = (centrality.get(item.sentence.ref) ?? 0) - redundancy * overlap;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    });
    const [picked] = remaining.splice(bestIndex, 1);
    if (picked) chosen.push(picked);
  }
  return chosen.map((c) => c.sentence.ref).sort((a, b) => a - b);
}
