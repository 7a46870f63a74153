/**
 * Careful HTTP GET for pages and feeds: a clear user agent, a timeout over the whole exchange (body
 * included), a size cap checked on the header and while reading, a redirect limit, http(s) only, and a
 * content-type check. Failures are `IngestError`s with a code a person can act on.
 */
import { IngestError } from './errors.ts';

export const USER_AGENT = 'QamishliQA-Bot/0.1 (+https://github.com/; news ingest for a Q&A bot)';

export type ResourceKind = 'html' | 'feed';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Conditional GET validators from the last fetch of a feed. */
  etag?: string | null;
  lastModified?: string | null;
}

export const DEFAULT_FETCH: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: USER_AGENT,
};

export type Fetched =
  | { notModified: true; url: string }
  | { notModified: false; url: string; status: number; contentType: string; body: string; etag: string | null; lastModified: string | null };

const ACCEPTED: Record<ResourceKind, { header: string; types: readonly string[] }> = {
  html: { header: 'text/html,application/xhtml+xml;q=0.9', types: ['text/html', 'application/xhtml+xml'] },
  feed: {
    header: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9',
    types: ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'],
  },
};

/** An absolute http(s) URL, or a `bad-input` error. */
export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IngestError('bad-input', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError('bad-input', `only http and https URLs can be fetched: ${raw}`);
  return url;
}

function networkError(error: unknown, url: string, timedOut: boolean, timeoutMs: number): IngestError {
  if (error instanceof IngestError) return error;
  if (timedOut) return new IngestError('timeout', `${url} did not answer within ${timeoutMs / 1000} s`, { cause: error });
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: string } | undefined)?.code;
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new IngestError('unreachable', `cannot reach ${url} (${detail})`, { cause: error });
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new IngestError('too-large', `${url} is larger than the ${Math.round(maxBytes / 1024)} KB cap`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The body's character set: from the Content-Type header, else from the document's own declaration
 * in its first bytes (`<meta charset>`, `http-equiv`, `<?xml encoding?>`): older Arabic sites still
 * serve windows-1256 that way. UTF-8 when nothing says.
 */
function charsetOf(bytes: Uint8Array, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  if (declared) return declared;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = charsetOf(bytes, contentType);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** GETs a page or a feed, following at most `maxRedirects` redirects. */
export async function fetchResource(rawUrl: string, kind: ResourceKind, options: FetchOptions = DEFAULT_FETCH): Promise<Fetched> {
  let url = parseHttpUrl(rawUrl);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: ACCEPTED[kind].header };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      let response: Response;
      try {
        response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
      } catch (error) {
        throw networkError(error, url.href, timedOut, options.timeoutMs);
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel().catch(() => undefined);
        if (location === null) throw new IngestError('http', `${url.href} answered ${response.status} without a Location`);
        if (redirects >= options.maxRedirects) throw new IngestError('too-many-redirects', `${rawUrl} redirected more than ${options.maxRedirects} times`);
        url = parseHttpUrl(new URL(location, url).href);
        continue;
      }
      if (response.status === 304) return { notModified: true, url: url.href };
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new IngestError('http', `${url.href} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!ACCEPTED[kind].types.includes(mime)) {
        await response.body?.cancel().catch(() => undefined);
        const wanted = kind === 'html' ? 'an HTML page' : 'an RSS or Atom feed';
        throw new IngestError('wrong-type', `${url.href} is ${mime || 'of no declared type'}, not ${wanted}`);
      }
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(length) && length > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new IngestError('too-large', `${url.href} is ${Math.round(length / 1024)} KB, over the ${Math.round(options.maxBytes / 1024)} KB cap`);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, url.href, options.maxBytes);
      } catch (error) {
        throw networkError(error, url.href, timedOut, options.timeoutMs);
      }
      return {
        notModified: false,
        url: url.href,
        status: response.status,
        contentType,
        body: decode(bytes, contentType),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
