/**
 * The ARCD answer-sentence benchmark rules (see shared/bench/README.md), kept apart from any
 * ranker so they can be unit-tested: sentence splitting, gold sentences, and the two tasks'
 * metrics (paragraph: rank the paragraph's sentences; global: rank every sentence in the file).
 */

/** A sentence of a paragraph with its character span in that paragraph. */
export interface BenchSentence {
  text: string;
  start: number;
  end: number;
}

export interface BenchQuestion {
  id: string;
  question: string;
  answers: readonly { text: string; answerStart: number }[];
}

export interface BenchParagraph {
  context: string;
  sentences: BenchSentence[];
  questions: BenchQuestion[];
}

export class BenchFormatError extends Error {
  override readonly name = 'BenchFormatError';
}

/** A ranked list of sentence ids (best first) for a question, given the candidate sentences. */
export type Ranker = (question: string) => readonly number[];
/** Builds a ranker over sentences; ids are the sentences' positions in the array. */
export type RankerFactory = (sentences: readonly string[]) => Ranker;

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A piece ends after a run of . ؟ ! ? (kept with it) or at a newline. */
const PIECE = /[^\n.؟!?]*(?:[.؟!?]+|\n|$)/gu;

/**
 * Splits a paragraph after every run of `.` `؟` `!` `?` and at newlines, keeping the delimiter
 * with its sentence and dropping pieces without a letter or digit. Spans exclude the newline and
 * surrounding whitespace.
 */
export function splitSentences(paragraph: string): BenchSentence[] {
  const sentences: BenchSentence[] = [];
  for (const match of paragraph.matchAll(PIECE)) {
    const raw = match[0];
    if (raw.length === 0) continue;
    const piece = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (!HAS_LETTER_OR_DIGIT.test(piece)) continue;
    const leading = piece.length - piece.trimStart().length;
    const text = piece.trim();
    const start = match.index + leading;
    sentences.push({ text, start, end: start + text.length });
  }
  return sentences;
}

/**
 * Indices of the gold sentences for a question: those containing an answer text, or whose span
 * overlaps [answer_start, answer_start + answer.length).
 */
export function goldSentences(sentences: readonly BenchSentence[], answers: BenchQuestion['answers']): Set<number> {
  const gold = new Set<number>();
  sentences.forEach((sentence, index) => {
    for (const answer of answers) {
      const answerEnd = answer.answerStart + answer.text.length;
      const containsText = answer.text.trim().length > 0 && sentence.text.includes(answer.text.trim());
      const overlaps = sentence.start < answerEnd && answer.answerStart < sentence.end;
      if (containsText || overlaps) gold.add(index);
    }
  });
  return gold;
}

interface SquadFile {
  data: { title?: string; paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string; answer_start: number }[] }[] }[] }[];
}

/** Reads a SQuAD v1.1 JSON value into paragraphs with their sentences and questions. */
export function parseSquad(json: unknown): BenchParagraph[] {
  const file = json as Partial<SquadFile> | null;
  if (!file || !Array.isArray(file.data)) throw new BenchFormatError('not a SQuAD file: no "data" array');
  const paragraphs: BenchParagraph[] = [];
  for (const article of file.data) {
    for (const paragraph of article.paragraphs ?? []) {
      if (typeof paragraph.context !== 'string') throw new BenchFormatError('paragraph without a "context" string');
      paragraphs.push({
        context: paragraph.context,
        sentences: splitSentences(paragraph.context),
        questions: (paragraph.qas ?? []).map((qa) => ({
          id: String(qa.id),
          question: qa.question,
          answers: (qa.answers ?? []).map((a) => ({ text: a.text, answerStart: a.answer_start })),
        })),
      });
    }
  }
  return paragraphs;
}

export interface BenchResult {
  paragraphTop1: number;
  paragraphMrr: number;
  globalTop1: number | null;
  globalMrr10: number | null;
  questions: number;
}

/** Reciprocal rank of the first gold id in a ranking, 0 when absent or beyond `cutoff`. */
export function reciprocalRank(ranking: readonly number[], gold: ReadonlySet<number>, cutoff = Infinity): number {
  const limit = Math.min(ranking.length, cutoff);
  for (let rank = 0; rank < limit; rank++) {
    if (gold.has(ranking[rank] as number)) return 1 / (rank + 1);
  }
  return 0;
}

/**
 * Runs both tasks for one ranker. `global` false skips the global task (for rankers that only
 * make sense inside a paragraph, such as "first sentence").
 */
export function evaluate(paragraphs: readonly BenchParagraph[], factory: RankerFactory, global = true): BenchResult {
  let questions = 0;
  let paragraphTop1 = 0;
  let paragraphMrr = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.questions.length === 0) continue;
    const rank = factory(paragraph.sentences.map((s) => s.text));
    for (const question of paragraph.questions) {
      const gold = goldSentences(paragraph.sentences, question.answers);
      const rr = reciprocalRank(rank(question.question), gold);
      questions++;
      paragraphMrr += rr;
      if (rr === 1) paragraphTop1++;
    }
  }

  let globalTop1: number | null = null;
  let globalMrr10: number | null = null;
  if (global) {
    const all: string[] = [];
    const offsets: number[] = [];
    for (const paragraph of paragraphs) {
      offsets.push(all.length);
      all.push(...paragraph.sentences.map((s) => s.text));
    }
    const rank = factory(all);
    let top1 = 0;
    let mrr = 0;
    paragraphs.forEach((paragraph, p) => {
      const offset = offsets[p] as number;
      for (const question of paragraph.questions) {
        const local = goldSentences(paragraph.sentences, question.answers);
        const gold = new Set([...local].map((i) => i + offset));
        const rr = reciprocalRank(rank(question.question), gold, 10);
        mrr += rr;
        if (rr === 1) top1++;
      }
    });
    globalTop1 = questions ? top1 / questions : 0;
    globalMrr10 = questions ? mrr / questions : 0;
  }

  return {
    paragraphTop1: questions ? paragraphTop1 / questions : 0,
    paragraphMrr: questions ? paragraphMrr / questions : 0,
    globalTop1,
    globalMrr10,
    questions,
  };
}
