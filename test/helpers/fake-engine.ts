/**
 * A small stand-in for the answering engine, typed against the real `Engine` interface, for testing
 * the adapters' formatting and conversation logic without training a model. Its answers follow simple,
 * visible rules; the e2e tests use the real engine.
 */
import type { Answer, Citation, Engine, Summary, Timeline, TimelineEvent } from '../../src/answer/types.ts';
import type { Article, Language, Sentence } from '../../src/corpus/article.ts';
import { sentenceKey } from '../../src/corpus/ids.ts';

export interface FakeEngineOptions {
  /** Sentences of the one article (index 0 is the headline). */
  sentences?: string[];
  english?: Record<number, string>;
  publisher?: string | null;
  url?: string | null;
  events?: TimelineEvent[];
  /** Called with every question, e.g. to make the engine slow or throw. */
  onAsk?: (question: string) => void | Promise<void>;
}

export const FAKE_ARTICLE_ID = 'fake-2021-04-25';

export const FAKE_SENTENCES = [
  'اشتباكات في القامشلي <b>وحركة</b> نزوح & "جديدة".',
  'استمرت المعارك في مدينة القامشلي اليوم.',
  'يسيطر الدفاع الوطني على نصف حي حلكو من جهة المطار.',
  'تسيطر أسايش على النصف الآخر من الحي.',
  'نزحت عائلات من حي طي.',
  'توصل الطرفان إلى اتفاق مؤقت بوساطة روسية.',
  'خرق الاتفاق مرتين.',
];

function detect(text: string): Language {
  return /\p{Script=Arabic}/u.test(text) || !/\p{L}/u.test(text) ? 'ar' : 'en';
}

/** The stable key of the fake article's sentence `number`. */
export function fakeKey(number: number): string {
  return sentenceKey(FAKE_ARTICLE_ID, number);
}

export function fakeKeys(...numbers: number[]): string[] {
  return numbers.map(fakeKey);
}

export function fakeEngine(options: FakeEngineOptions = {}): Engine & { questions: string[] } {
  const texts = options.sentences ?? FAKE_SENTENCES;
  const english = options.english ?? { 0: 'Clashes in Qamishli and new displacement', 2: 'The NDF controls half of Halko on the airport side.' };
  const sentences: Sentence[] = texts.map((text, number) => ({
    id: `${FAKE_ARTICLE_ID}#${number}`,
    key: fakeKey(number),
    articleId: FAKE_ARTICLE_ID,
    number,
    ref: number,
    paragraph: number,
    text,
    english: english[number] ?? null,
  }));
  const article: Article = {
    id: FAKE_ARTICLE_ID,
    title: texts[0] ?? '',
    titleEn: english[0] ?? null,
    language: 'ar',
    published: '2021-04-25',
    publisher: options.publisher === undefined ? null : options.publisher,
    url: options.url === undefined ? null : options.url,
    sentences,
  };
  const cite = (keys: readonly string[]): Citation[] => keys.flatMap((key) => {
    const s = sentences.find((sentence) => sentence.key === key || sentence.id === key);
    return s === undefined ? [] : [{
      articleId: article.id, sentenceId: s.id, sentenceNumber: s.number, key: s.key, text: s.text, english: s.english,
      title: article.title, published: article.published, publisher: article.publisher, url: article.url,
    }];
  });
  const questions: string[] = [];
  const events = options.events ?? [];
  return {
    questions,
    async ask(question: string): Promise<Answer> {
      questions.push(question);
      await options.onAsk?.(question);
      const lang = detect(question);
      const base = { question, lang, intent: 'control' as const, confidence: 0.9 };
      if (!/[\p{L}\p{N}]/u.test(question)) {
        return { ...base, kind: 'invalid', abstained: false, lead: lang === 'ar' ? 'أرسل سؤالك نصاً.' : 'Send your question as text.', citations: [], more: [] };
      }
      if (/airport|مطار|control|يسيطر/iu.test(question)) {
        return { ...base, kind: 'answer', abstained: false, lead: lang === 'ar' ? 'عن السيطرة:' : 'On control:', citations: cite(fakeKeys(2, 3)), more: cite(fakeKeys(1, 4, 5, 6)) };
      }
      return { ...base, kind: 'abstain', abstained: true, lead: lang === 'ar' ? 'لا تذكر المقالات ذلك.' : "The articles don't say.", citations: [], more: [] };
    },
    cite,
    summary(lang: Language = 'ar'): Summary {
      return { lang, lead: lang === 'ar' ? 'أهم ما ورد:' : 'The main points:', citations: cite(fakeKeys(1, 2)) };
    },
    timeline(filter?: string, lang: Language = 'ar'): Timeline {
      const matching = filter ? events.filter((e) => e.summary.includes(filter) || e.summaryEn.toLowerCase().includes(filter.toLowerCase())) : events;
      return { filter: filter ?? null, lang, events: matching };
    },
    sources: () => [article],
  };
}

/** `count` dated events citing the fake article, for pagination tests. */
export function fakeEvents(count: number, summaryLength = 40): TimelineEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return {
      date: `2021-04-${day}`,
      precision: 'day' as const,
      start: `2021-04-${day}`,
      end: `2021-04-${day}`,
      summary: `حدث رقم ${i + 1} ` + 'ـ'.repeat(summaryLength),
      summaryEn: `Event number ${i + 1} ` + 'x'.repeat(summaryLength),
      actors: [],
      places: [],
      citations: [{ articleId: FAKE_ARTICLE_ID, sentenceId: `${FAKE_ARTICLE_ID}#${(i % 6) + 1}`, text: FAKE_SENTENCES[(i % 6) + 1] ?? '' }],
    };
  });
}
