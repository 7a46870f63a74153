/**
 * `/sources` and `/latest` (issue 8): the articles newest first, a page at a time, and the newest
 * article's headline and opening. Kept apart from view.ts so the living-corpus views have one home.
 */
import type { Article, Language } from '../corpus/article.ts';
import { CITE, formatDate, NEXT_PAGE, NO_SOURCES, PREVIOUS_PAGE, SOURCES_HEADING } from './texts.ts';
import { textView, type Block, type Button, type Span, type View } from './view.ts';

/** Articles on one /sources page. */
export const SOURCES_PAGE_SIZE = 8;
/** Sentences of the newest article quoted by /latest (after its headline). */
export const LATEST_SENTENCES = 3;

const SOURCES_COUNT: Record<Language, (page: number, pages: number, total: number) => string> = {
  ar: (page, pages, total) => `${total} مقالاً، الأحدث أولاً${pages > 1 ? ` — صفحة ${page + 1} من ${pages}` : ''}`,
  en: (page, pages, total) => `${total} article${total === 1 ? '' : 's'}, newest first${pages > 1 ? ` — page ${page + 1} of ${pages}` : ''}`,
};
const LATEST_TITLE: Record<Language, string> = { ar: 'أحدث مقال لديّ:', en: 'The newest article I have:' };

/** Newest first; the same day by id, so pages are stable for a given corpus. */
export function newestFirst(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
}

function title(article: Article, lang: Language): string {
  return (lang === 'en' ? article.titleEn ?? article.title : article.title).replace(/[\s.۔]+$/u, '');
}

function details(article: Article, lang: Language): Span[] {
  const spans: Span[] = [{ text: `${formatDate(article.published, lang)} · ${article.publisher ?? CITE.publisherUnknown[lang]}` }];
  if (article.url) spans.push({ text: ' · ' }, { text: CITE.link[lang], href: article.url });
  return spans;
}

/** One page of the articles, newest first: date, publisher and title; previous / next buttons. */
export function sourcesPageView(lang: Language, articles: readonly Article[], page = 0): View {
  if (articles.length === 0) return textView(lang, NO_SOURCES[lang]);
  const sorted = newestFirst(articles);
  const pages = Math.ceil(sorted.length / SOURCES_PAGE_SIZE);
  const current = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  const blocks: Block[] = [
    { kind: 'paragraph', spans: [{ text: SOURCES_HEADING[lang], bold: true }] },
    { kind: 'paragraph', spans: [{ text: SOURCES_COUNT[lang](current, pages, sorted.length), italic: true }], tight: true },
  ];
  for (const article of sorted.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE)) {
    blocks.push({ kind: 'paragraph', spans: [{ text: title(article, lang), bold: true }] });
    blocks.push({ kind: 'paragraph', spans: details(article, lang), tight: true });
  }
  const buttons: Button[] = [];
  if (current > 0) buttons.push({ label: PREVIOUS_PAGE[lang], role: 'previous', action: { kind: 'sources', lang, page: current - 1 } });
  if (current < pages - 1) buttons.push({ label: NEXT_PAGE[lang], role: 'next', action: { kind: 'sources', lang, page: current + 1 } });
  return { lang, blocks, buttons };
}

/** The newest article: its headline, date, publisher and link, and its first sentences quoted. */
export function latestView(lang: Language, articles: readonly Article[]): View {
  const [article] = newestFirst(articles);
  if (article === undefined) return textView(lang, NO_SOURCES[lang]);
  const opening = article.sentences.filter((s) => s.number > 0).slice(0, LATEST_SENTENCES);
  return {
    lang,
    blocks: [
      { kind: 'paragraph', spans: [{ text: LATEST_TITLE[lang], bold: true }] },
      { kind: 'paragraph', spans: [{ text: title(article, lang), bold: true }] },
      { kind: 'paragraph', spans: details(article, lang), tight: true },
      ...opening.map((s): Block => ({ kind: 'quote', spans: [{ text: s.text }] })),
    ],
    buttons: [],
  };
}
