/**
 * When each article first reached the bot. The living corpus grows while the bot runs, and an article
 * published yesterday may arrive today: "new since your last digest" is about arrival, not publication.
 */
import type { Db } from './db.ts';

export class ArrivalStore {
  private readonly insert;
  private readonly selectSince;

  constructor(private readonly db: Db, private readonly now: () => Date = () => new Date()) {
    this.insert = db.prepare<{ id: string; at: string }>('INSERT OR IGNORE INTO article_arrivals (article_id, first_seen) VALUES (@id, @at)');
    this.selectSince = db.prepare<[string], { article_id: string }>('SELECT article_id FROM article_arrivals WHERE first_seen > ? ORDER BY article_id');
  }

  /** Records the articles present now; ones already known keep their first arrival. */
  record(articleIds: readonly string[]): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      for (const id of articleIds) this.insert.run({ id, at });
    })();
  }

  /** Ids of articles that arrived strictly after `instant` (ISO). */
  arrivedAfter(instant: string): Set<string> {
    return new Set(this.selectSince.all(instant).map((row) => row.article_id));
  }
}
