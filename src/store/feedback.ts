/**
 * 👍 / 👎 under answers. The answer (question, language, cited sentence ids) is recorded when it is
 * sent, so a vote made after a restart still knows what it is about; one vote per person per answer.
 */
import type { Db } from './db.ts';

export interface AnswerRecordInput {
  chatId: number;
  question: string;
  lang: string;
  kind: string;
  sentenceIds: readonly string[];
}

export type Vote = 1 | -1;

export interface FeedbackSummary {
  answerId: number;
  question: string;
  lang: string;
  kind: string;
  sentenceIds: string[];
  up: number;
  down: number;
  createdAt: string;
}

interface FeedbackRow {
  id: number;
  question: string;
  lang: string;
  kind: string;
  sentence_ids: string;
  up: number;
  down: number;
  created_at: string;
}

export class FeedbackStore {
  private readonly insertAnswer;
  private readonly answerExists;
  private readonly upsertVote;
  private readonly selectReport;
  private readonly pruneUnvoted;

  constructor(db: Db, private readonly now: () => Date = () => new Date()) {
    this.insertAnswer = db.prepare(`
      INSERT INTO answer_records (chat_id, question, lang, kind, sentence_ids, created_at)
      VALUES (@chatId, @question, @lang, @kind, @sentenceIds, @at)`);
    this.answerExists = db.prepare<[number], { id: number }>('SELECT id FROM answer_records WHERE id = ?');
    this.upsertVote = db.prepare(`
      INSERT INTO answer_feedback (answer_id, user_id, vote, at) VALUES (@answerId, @userId, @vote, @at)
      ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`);
    this.selectReport = db.prepare<[], FeedbackRow>(`
      SELECT a.id, a.question, a.lang, a.kind, a.sentence_ids, a.created_at,
             sum(f.vote = 1) AS up, sum(f.vote = -1) AS down
      FROM answer_records a JOIN answer_feedback f ON f.answer_id = a.id
      GROUP BY a.id ORDER BY a.id`);
    // Questions nobody voted on are kept only long enough to be voted on.
    this.pruneUnvoted = db.prepare<[string]>(`
      DELETE FROM answer_records WHERE created_at < ? AND id NOT IN (SELECT answer_id FROM answer_feedback)`);
  }

  /** Records an answer that carries feedback buttons; returns its id for the buttons. */
  recordAnswer(input: AnswerRecordInput): number {
    const result = this.insertAnswer.run({ ...input, sentenceIds: JSON.stringify(input.sentenceIds), at: this.now().toISOString() });
    return Number(result.lastInsertRowid);
  }

  /** Records (or changes) one person's vote; false when the answer is unknown (pruned). */
  vote(answerId: number, userId: number, vote: Vote): boolean {
    if (this.answerExists.get(answerId) === undefined) return false;
    this.upsertVote.run({ answerId, userId, vote, at: this.now().toISOString() });
    return true;
  }

  /** Every answer that got a vote, with its counts. */
  report(): FeedbackSummary[] {
    return this.selectReport.all().map((row) => ({
      answerId: row.id,
      question: row.question,
      lang: row.lang,
      kind: row.kind,
      sentenceIds: JSON.parse(row.sentence_ids) as string[],
      up: row.up,
      down: row.down,
      createdAt: row.created_at,
    }));
  }

  /** Forgets unvoted answers older than `days`; returns how many. */
  prune(days: number): number {
    return this.pruneUnvoted.run(new Date(this.now().getTime() - days * 86_400_000).toISOString()).changes;
  }
}
