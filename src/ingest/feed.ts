/**
 * RSS 2.0 and Atom feeds, read by @rowanmanning/feed-parser (dates in RFC 822 and ISO 8601 alike).
 * That parser is lenient by design, so the XML is first checked as well-formed with fast-xml-parser's
 * validator: a truncated or broken feed is reported, not half-read.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { IngestError } from './errors.ts';

export interface FeedItem {
  /** The item's page. */
  url: string;
  title: string | null;
  /** ISO date-time, when the feed gives one. */
  published: string | null;
  /** The item's guid / id, else its URL: what "seen" is remembered by. */
  key: string;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

export function readFeed(xml: string, feedUrl: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new IngestError('malformed-feed', `${feedUrl} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new IngestError('malformed-feed', `${feedUrl} is not an RSS or Atom feed`, { cause: error });
  }
  const items: FeedItem[] = [];
  for (const item of feed.items) {
    if (!item.url) continue;
    let url: string;
    try {
      url = new URL(item.url, feedUrl).href;
    } catch {
      continue;
    }
    items.push({ url, title: item.title, published: item.published?.toISOString() ?? null, key: item.id ?? url });
  }
  if (items.length === 0 && feed.items.length > 0) throw new IngestError('malformed-feed', `${feedUrl} has items but none links to a page`);
  return { title: feed.title, items };
}
