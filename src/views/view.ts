/**
 * What a reply says, independent of how it is drawn: blocks of styled text plus buttons. The bot draws
 * views as Telegram HTML (format.ts), the console as plain text; both build them here, so the two give
 * the same answers.
 */
import type { Answer, Citation, Summary, Timeline, TimelineEvent } from '../answer/types.ts';
import type { Article, Language } from '../corpus/article.ts';
import { COMMANDS } from './commands.ts';
import {
  aboutText, ASK_USAGE, CITE, COMMANDS_HEADING, ENGLISH_LABEL, RECOGNISED_LABEL, outsideRegionNote, EXAMPLE_QUESTIONS, formatDate, groupHelp, HELP_INTRO,
  MORE_BUTTON, MORE_HEADING, NEXT_PAGE, NO_ENGLISH, NO_SOURCES, noEvents, NOTHING_MORE, PREVIOUS_PAGE,
  SOURCES_HEADING, timelineHeading, TRY_THESE, WELCOME,
} from './texts.ts';

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

export interface Block {
  kind: 'paragraph' | 'quote';
  spans: Span[];
  /** Drawn right under the previous block, without a blank line (a citation under its quote). */
  tight?: boolean;
}

/** What a button does; the bot encodes it in callback data, the console offers it as a command. */
export type Action =
  | { kind: 'more'; lang: Language; keys: string[] }
  | { kind: 'timeline'; lang: Language; page: number; filter: string | null }
  | { kind: 'sources'; lang: Language; page: number }
  /** 👍 / 👎 under an answer the bot recorded (`answerId`); the console has no such buttons. */
  | { kind: 'feedback'; answerId: number; vote: 1 | -1 };

export interface Button {
  label: string;
  /** What the button is for, so the console can offer it as /more, /prev or /next. */
  role: 'more' | 'previous' | 'next' | 'feedback';
  action: Action;
}

export interface View {
  lang: Language;
  blocks: Block[];
  buttons: Button[];
}

/** How many next-best sentences one press of "more" shows. */
export const MORE_PAGE_SIZE = 3;
/** Most timeline events on one page (fewer when they would not fit one message). */
export const TIMELINE_PAGE_SIZE = 5;

const paragraph = (text: string, style: Omit<Span, 'text'> = {}, tight = false): Block =>
  ({ kind: 'paragraph', spans: [{ text, ...style }], ...(tight ? { tight } : {}) });

export function textView(lang: Language, ...texts: string[]): View {
  return { lang, blocks: texts.filter((t) => t !== '').map((t) => paragraph(t)), buttons: [] };
}

/** The title in the reader's language when there is a rendering, without its closing full stop. */
function articleTitle(article: Pick<Article, 'title' | 'titleEn'> | undefined, fallback: string, lang: Language): string {
  const title = lang === 'en' ? article?.titleEn ?? article?.title ?? fallback : article?.title ?? fallback;
  return title.replace(/[\s.۔]+$/u, '');
}

interface CiteSource {
  articleId: string;
  sentenceNumber: number;
  title: string;
  published: string;
  publisher: string | null;
  url: string | null;
}

/** "— title, date, sentence N · publisher · link": everything needed to check a quote. */
export function citationLine(source: CiteSource, lang: Language, articles: readonly Article[]): Block {
  const article = articles.find((a) => a.id === source.articleId);
  const where = source.sentenceNumber === 0 ? CITE.headline[lang] : `${CITE.sentence[lang]} ${source.sentenceNumber}`;
  const separator = lang === 'ar' ? '، ' : ', ';
  const spans: Span[] = [
    { text: '— ' },
    { text: articleTitle(article, source.title, lang), italic: true },
    { text: `${separator}${formatDate(source.published, lang)}${separator}${where} · ${source.publisher ?? CITE.publisherUnknown[lang]}` },
  ];
  if (source.url) spans.push({ text: ' · ' }, { text: CITE.link[lang], href: source.url });
  return { kind: 'paragraph', spans, tight: true };
}

function quoteBlocks(citation: Citation, lang: Language, articles: readonly Article[]): Block[] {
  const blocks: Block[] = [{ kind: 'quote', spans: [{ text: citation.text }] }];
  if (lang === 'en' && citation.english) {
    blocks.push({ kind: 'paragraph', spans: [{ text: `${ENGLISH_LABEL.en} `, bold: true }, { text: citation.english, italic: true }], tight: true });
  } else if (lang === 'en' && citation.recognisedEn) {
    blocks.push({ kind: 'paragraph', spans: [{ text: `${RECOGNISED_LABEL.en} `, bold: true }, { text: citation.recognisedEn, italic: true }], tight: true });
  }
  if (citation.outsideRegion) {
    const place = lang === 'ar' ? citation.outsideRegion.placeAr : citation.outsideRegion.placeEn;
    blocks.push({ kind: 'paragraph', spans: [{ text: outsideRegionNote(lang, place), italic: true }], tight: true });
  }
  blocks.push(citationLine(citation, lang, articles));
  return blocks;
}

function citationsBlocks(citations: readonly Citation[], lang: Language, articles: readonly Article[]): Block[] {
  const blocks = citations.flatMap((c) => quoteBlocks(c, lang, articles));
  if (lang === 'en' && citations.some((c) => !c.english)) blocks.push(paragraph(NO_ENGLISH.en, { italic: true }));
  return blocks;
}

function moreButton(lang: Language, keys: readonly string[]): Button[] {
  return keys.length === 0 ? [] : [{ label: MORE_BUTTON[lang], role: 'more', action: { kind: 'more', lang, keys: [...keys] } }];
}

/** An engine answer: lead, quoted sentences with citations, and "more" when there are next-best ones. */
export function answerView(answer: Answer, articles: readonly Article[]): View {
  const { lang } = answer;
  if (answer.kind !== 'answer' || answer.citations.length === 0) return textView(lang, answer.lead);
  return {
    lang,
    blocks: [paragraph(answer.lead), ...citationsBlocks(answer.citations, lang, articles)],
    buttons: moreButton(lang, answer.more.map((c) => c.key)),
  };
}

/** The next page of "more": the first keys shown, the rest behind another button. */
export function moreView(lang: Language, citations: readonly Citation[], remainingKeys: readonly string[], articles: readonly Article[]): View {
  if (citations.length === 0) return textView(lang, NOTHING_MORE[lang]);
  return {
    lang,
    blocks: [paragraph(MORE_HEADING[lang]), ...citationsBlocks(citations, lang, articles)],
    buttons: moreButton(lang, remainingKeys),
  };
}

export function summaryView(summary: Summary, articles: readonly Article[]): View {
  return {
    lang: summary.lang,
    blocks: [paragraph(summary.lead), ...citationsBlocks(summary.citations, summary.lang, articles)],
    buttons: [],
  };
}

export function welcomeView(botUsername?: string): View {
  const part = (lang: Language): Block[] => [
    paragraph(WELCOME[lang]),
    paragraph(TRY_THESE[lang], { bold: true }),
    ...EXAMPLE_QUESTIONS[lang].map((q) => paragraph(`• ${q}`, {}, true)),
    paragraph(groupHelp(lang, botUsername)),
  ];
  return { lang: 'ar', blocks: [...part('ar'), paragraph('/help'), ...part('en')], buttons: [] };
}

export function helpView(lang: Language, botUsername?: string): View {
  return {
    lang,
    blocks: [
      paragraph(HELP_INTRO[lang]),
      paragraph(COMMANDS_HEADING[lang], { bold: true }),
      ...COMMANDS.map((c) => paragraph(`/${c.name} — ${c.description[lang]}`, {}, true)),
      paragraph(groupHelp(lang, botUsername)),
    ],
    buttons: [],
  };
}

export function askUsageView(lang: Language): View {
  return textView(lang, ASK_USAGE[lang]);
}

function dateRange(articles: readonly Article[]): [string | null, string | null] {
  const dates = articles.map((a) => a.published).sort();
  return [dates[0] ?? null, dates[dates.length - 1] ?? null];
}

export function aboutView(lang: Language, articles: readonly Article[]): View {
  const [first, last] = dateRange(articles);
  return textView(lang, aboutText(lang, articles.length, first && formatDate(first, lang), last && formatDate(last, lang)));
}

export function sourcesView(lang: Language, articles: readonly Article[]): View {
  if (articles.length === 0) return textView(lang, NO_SOURCES[lang]);
  const blocks: Block[] = [paragraph(SOURCES_HEADING[lang], { bold: true })];
  for (const article of articles) {
    blocks.push({ kind: 'paragraph', spans: [{ text: articleTitle(article, article.title, lang), bold: true }] });
    if (lang === 'en' && article.titleEn) blocks.push(paragraph(article.title, { italic: true }, true));
    const details: Span[] = [{
      text: `${formatDate(article.published, lang)} · ${article.publisher ?? CITE.publisherUnknown[lang]} · ${article.sentences.length} ${CITE.sentences[lang]}`,
    }];
    if (article.url) details.push({ text: ' · ' }, { text: CITE.link[lang], href: article.url });
    blocks.push({ kind: 'paragraph', spans: details, tight: true });
  }
  return { lang, blocks, buttons: [] };
}

function eventDate(event: TimelineEvent, lang: Language): string {
  if (event.precision === 'approximate') {
    const range = event.start === event.end ? formatDate(event.start, lang) : `${formatDate(event.start, lang)} – ${formatDate(event.end, lang)}`;
    return lang === 'ar' ? `نحو ${range}` : `around ${range}`;
  }
  return formatDate(event.date, lang, event.precision);
}

function eventBlocks(event: TimelineEvent, lang: Language, articles: readonly Article[]): Block[] {
  const blocks: Block[] = [
    paragraph(eventDate(event, lang), { bold: true }),
    paragraph(lang === 'en' ? event.summaryEn || event.summary : event.summary, {}, true),
  ];
  const first = event.citations[0];
  if (first) {
    const article = articles.find((a) => a.id === first.articleId);
    const number = Number(first.sentenceId.slice(first.sentenceId.lastIndexOf('#') + 1));
    blocks.push({ kind: 'quote', spans: [{ text: first.text }] });
    blocks.push(citationLine({
      articleId: first.articleId,
      sentenceNumber: Number.isFinite(number) ? number : 0,
      title: article?.title ?? first.articleId,
      published: article?.published ?? '',
      publisher: article?.publisher ?? null,
      url: article?.url ?? null,
    }, lang, articles));
  }
  return blocks;
}

/** Splits events into pages of at most TIMELINE_PAGE_SIZE, each fitting (as judged by `fits`). */
export function paginateTimeline(timeline: Timeline, articles: readonly Article[], fits: (blocks: Block[]) => boolean): TimelineEvent[][] {
  const pages: TimelineEvent[][] = [];
  let page: TimelineEvent[] = [];
  let blocks: Block[] = [paragraph(timelineHeading(timeline.lang, timeline.filter, 98, 99), { bold: true })];
  for (const event of timeline.events) {
    const candidate = [...blocks, ...eventBlocks(event, timeline.lang, articles)];
    if (page.length > 0 && (page.length >= TIMELINE_PAGE_SIZE || !fits(candidate))) {
      pages.push(page);
      page = [];
      blocks = [blocks[0] as Block, ...eventBlocks(event, timeline.lang, articles)];
    } else {
      blocks = candidate;
    }
    page.push(event);
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** One page of a timeline with previous / next buttons. `page` is clamped into range. */
export function timelineView(
  timeline: Timeline,
  page: number,
  articles: readonly Article[],
  fits: (blocks: Block[]) => boolean = () => true,
): View {
  const { lang, filter } = timeline;
  const pages = paginateTimeline(timeline, articles, fits);
  if (pages.length === 0) return textView(lang, noEvents(lang, filter));
  const current = Math.min(Math.max(0, Math.trunc(page)), pages.length - 1);
  const blocks: Block[] = [
    paragraph(timelineHeading(lang, filter, current, pages.length), { bold: true }),
    ...(pages[current] as TimelineEvent[]).flatMap((event) => eventBlocks(event, lang, articles)),
  ];
  const buttons: Button[] = [];
  if (current > 0) buttons.push({ label: PREVIOUS_PAGE[lang], role: 'previous', action: { kind: 'timeline', lang, page: current - 1, filter } });
  if (current < pages.length - 1) buttons.push({ label: NEXT_PAGE[lang], role: 'next', action: { kind: 'timeline', lang, page: current + 1, filter } });
  return { lang, blocks, buttons };
}
