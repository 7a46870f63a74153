/**
 * An article out of a news page: linkedom gives Node a DOM, Mozilla's Readability (Firefox's reader
 * view) finds the article body and leaves menus, footers, "most read" boxes and comments out. The
 * page's metadata (title, publication date, canonical URL, site name) comes from its head.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from './errors.ts';

export interface ExtractedPage {
  title: string;
  /** The article's paragraphs in reading order, white space collapsed, headline not repeated. */
  paragraphs: string[];
  /** As the page states it (ISO date or date-time), when it does. */
  published: string | null;
  publisher: string | null;
  /** The canonical URL when the page names one, else the URL it was fetched from. */
  url: string | null;
  /** The `lang` the page declares, if any (the text itself decides). */
  declaredLanguage: string | null;
}

/** Less text than this is a teaser, an index page or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 200;

/** The little of the DOM used here (the project compiles without the DOM library's types). */
interface DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): Iterable<DomNode>;
}
interface DomDocument extends DomNode {
  documentElement: DomNode | null;
}
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, td';

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/gu, ' ').trim();

function meta(document: DomDocument, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = clean(document.querySelector(selector)?.getAttribute('content'));
    if (value !== '') return value;
  }
  return null;
}

/** `datePublished` and `publisher.name` from the page's JSON-LD, which many news sites carry. */
function jsonLd(document: DomDocument): { published: string | null; publisher: string | null } {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes = (Array.isArray(data) ? data : [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])]) as Record<string, unknown>[];
    for (const node of nodes) {
      if (typeof node !== 'object' || node === null) continue;
      const published = typeof node.datePublished === 'string' ? node.datePublished : null;
      const publisher = (node.publisher as { name?: unknown } | undefined)?.name;
      if (published) return { published, publisher: typeof publisher === 'string' ? publisher : null };
    }
  }
  return { published: null, publisher: null };
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The leaf text blocks of the extracted article (a list item holding a paragraph counts once). */
function paragraphsOf(root: DomNode): string[] {
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null);
  const texts = blocks.length > 0 ? blocks.map((el) => clean(el.textContent)) : (root.textContent ?? '').split(/\n+/u).map((line) => clean(line));
  return texts.filter((text) => /[\p{L}\p{N}]/u.test(text));
}

/** Extracts the article from a page's HTML. `pageUrl` is where it came from (for relative links). */
export function extractPage(html: string, pageUrl: string | null): ExtractedPage {
  const document = parseHTML(html).document as unknown as DomDocument;
  // Read the head first: Readability rewrites the document as it works.
  const ld = jsonLd(document);
  const socialTitle = meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]');
  const pageTitle = clean(document.querySelector('title')?.textContent);
  const published = meta(document, 'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[name="date"]', 'meta[name="DC.date.issued"]')
    ?? ld.published ?? (clean(document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime')) || null);
  const canonical = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl)
    ?? absolute(meta(document, 'meta[property="og:url"]'), pageUrl) ?? pageUrl;
  const publisher = meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]') ?? ld.publisher;
  const declaredLanguage = document.documentElement?.getAttribute('lang') ?? null;

  const article = new Readability<DomNode>(document as unknown as ReadabilityDocument, { serializer: (node) => node as unknown as DomNode }).parse();
  const content = article?.content;
  // Readability's title has the site's name cut from <title>, so it comes before <title> itself.
  const title = clean(socialTitle || article?.title || pageTitle);
  if (!article || !content || clean(article.textContent).length < MIN_ARTICLE_CHARS) {
    throw new IngestError('no-text', `no article text found${pageUrl ? ` in ${pageUrl}` : ''} (an index page, a teaser or an error page?)`);
  }
  const paragraphs = paragraphsOf(content).filter((p) => p !== title);
  return {
    title: title || (paragraphs[0] ?? ''),
    paragraphs,
    published: published ?? article.publishedTime ?? null,
    publisher: publisher ?? (clean(article.siteName) || null),
    url: canonical,
    declaredLanguage,
  };
}
