/** Scores the engine on a question set (`test/eval/qa.jsonl` format): top-1 and abstention. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer, Engine } from '../answer/types.ts';

const qaItemSchema = z.object({
  id: z.string(),
  question: z.string(),
  lang: z.enum(['ar', 'en']),
  variety: z.string(),
  answerable: z.boolean(),
  gold: z.array(z.string()),
  note: z.string().optional(),
});

export type QaItem = z.infer<typeof qaItemSchema>;

export interface QaOutcome {
  item: QaItem;
  answer: Answer;
  /** Answerable and the first quoted sentence is gold. */
  correct: boolean;
}

export interface QaScores {
  questions: number;
  arabicTop1: number;
  englishTop1: number;
  unanswerableAbstained: number;
  answerableWronglyAbstained: number;
  byVariety: Record<string, { questions: number; correct: number }>;
}

/** Reads a JSONL question set, failing with the line number of a bad line. */
export function loadQaSet(file: string): QaItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const parsed = qaItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${number}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

/** Asks every question and judges each answer against its gold sentences. */
export async function runQaSet(engine: Engine, items: readonly QaItem[]): Promise<QaOutcome[]> {
  const outcomes: QaOutcome[] = [];
  for (const item of items) {
    const answer = await engine.ask(item.question);
    const first = answer.citations[0];
    const correct = item.answerable && !answer.abstained && first !== undefined && item.gold.includes(first.sentenceId);
    outcomes.push({ item, answer, correct });
  }
  return outcomes;
}

const share = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

/** The four figures the project is judged on, plus correct answers per variety. */
export function scoreQa(outcomes: readonly QaOutcome[]): QaScores {
  const answerable = outcomes.filter((o) => o.item.answerable);
  const unanswerable = outcomes.filter((o) => !o.item.answerable);
  const inLanguage = (lang: string) => answerable.filter((o) => o.item.lang === lang);
  const byVariety: QaScores['byVariety'] = {};
  for (const o of answerable) {
    const entry = (byVariety[o.item.variety] ??= { questions: 0, correct: 0 });
    entry.questions += 1;
    if (o.correct) entry.correct += 1;
  }
  return {
    questions: outcomes.length,
    arabicTop1: share(inLanguage('ar').filter((o) => o.correct).length, inLanguage('ar').length),
    englishTop1: share(inLanguage('en').filter((o) => o.correct).length, inLanguage('en').length),
    unanswerableAbstained: share(unanswerable.filter((o) => o.answer.abstained).length, unanswerable.length),
    answerableWronglyAbstained: share(answerable.filter((o) => o.answer.abstained).length, answerable.length),
    byVariety,
  };
}
