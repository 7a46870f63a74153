import type { Answer, Citation } from '../answer/types.ts';

function citationLine(c: Citation, lang: 'ar' | 'en'): string {
  const source = c.publisher ?? (lang === 'ar' ? 'ناشر غير معروف' : 'publisher unknown');
  const sentence = c.sentenceNumber === 0 ? (lang === 'ar' ? 'العنوان' : 'headline') : `${lang === 'ar' ? 'الجملة' : 'sentence'} ${c.sentenceNumber}`;
  return `— ${c.title} · ${c.published} · ${sentence} · ${source}${c.url ? ` · ${c.url}` : ''}`;
}

/** Plain-text rendering of an answer for terminals: lead, quotes, citation lines. */
export function formatAnswerText(answer: Answer): string {
  const parts = [answer.lead];
  for (const c of answer.citations) {
    parts.push('', `«${c.text}»`);
    if (answer.lang === 'en' && c.english) parts.push(`(${c.english})`);
    parts.push(citationLine(c, answer.lang));
  }
  return parts.join('\n');
}

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
    })),
  };
}
