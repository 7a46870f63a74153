/**
 * A news site on loopback for the ingest tests: article pages with chrome, RSS and Atom feeds (with
 * ETag / 304), a malformed feed, and the failures a real site has: 404, 500, a slow page, a huge page,
 * a redirect loop, a JSON answer where HTML was expected. `{{BASE}}` in fixtures becomes its address.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const INGEST_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ingest');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface NewsServer {
  base: string;
  /** Requests per path, in order. */
  requests: string[];
  /** Adds or replaces a route. */
  route(path: string, handler: Handler): void;
  /** Serves `body` as `type` at `path`, with an ETag, answering 304 when it matches. */
  serve(path: string, type: string, body: string): void;
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';

/** windows-1256 bytes of a text (Arabic letters, ASCII and the Arabic comma are all a page needs). */
function encodeWindows1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((char) => table.get(char) ?? 0x3f));
}

export async function startNewsServer(): Promise<NewsServer> {
  const routes = new Map<string, Handler>();
  const requests: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': HTML }).end('<html><body><h1>404</h1></body></html>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fill = (text: string): string => text.replaceAll('{{BASE}}', base);
  const fixture = (file: string): string => fill(readFileSync(join(INGEST_FIXTURES, file), 'utf8'));

  const serve = (path: string, type: string, body: string): void => {
    const etag = `"${Buffer.from(body).length}-${body.length}-${[...body].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)}"`;
    routes.set(path, (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': type, etag, 'last-modified': 'Mon, 30 Nov 2026 08:00:00 GMT' }).end(body);
    });
  };

  serve('/news/enab/tayy-clashes', HTML, fixture('pages/enab-tayy-clashes.html'));
  serve('/news/north/tayy-toll', HTML, fixture('pages/north-tayy-clashes.html'));
  serve('/news/syria-tv/airport-reinforcements', HTML, fixture('pages/syria-tv-airport.html'));
  serve('/news/mirror/tayy-clashes-copy', HTML, fixture('pages/mirror-enab-copy.html'));
  serve('/news/french', HTML, fixture('pages/french.html'));
  serve('/news/index', HTML, fixture('pages/index.html'));
  serve('/news/future', HTML, fixture('pages/future.html'));
  serve('/news/undated', HTML, fixture('pages/undated.html'));
  serve('/feeds/rss.xml', 'application/rss+xml; charset=utf-8', fixture('feeds/rss.xml'));
  serve('/feeds/atom.xml', 'application/atom+xml', fixture('feeds/atom.xml'));
  serve('/feeds/malformed.xml', 'application/rss+xml', fixture('feeds/malformed.xml'));
  serve('/news/json', 'application/json', JSON.stringify({ title: 'not a page' }));
  // An older Arabic site: windows-1256, declared only in the page itself.
  routes.set('/news/cp1256', (_req, res) => {
    const html = fixture('pages/syria-tv-airport.html').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
      .replace('{{BASE}}/news/syria-tv/airport-reinforcements', `${base}/news/cp1256`);
    res.writeHead(200, { 'content-type': 'text/html' }).end(encodeWindows1256(html));
  });
  routes.set('/news/error', (_req, res) => res.writeHead(500, { 'content-type': HTML }).end('<h1>Internal Server Error</h1>'));
  routes.set('/news/redirect', (_req, res) => res.writeHead(302, { location: '/news/enab/tayy-clashes' }).end());
  routes.set('/news/loop', (_req, res) => res.writeHead(302, { location: '/news/loop' }).end());
  // Headers at once, then nothing: a server that hangs mid-answer.
  routes.set('/news/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': HTML });
    res.write('<html><body><p>');
  });
  // Streamed without a Content-Length, so only counting while reading can catch it.
  routes.set('/news/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': HTML });
    const chunk = `<p>${'اشتباكات في القامشلي '.repeat(200)}</p>\n`;
    let sent = 0;
    const pump = (): void => {
      while (sent < 20 * 1024 * 1024) {
        sent += Buffer.byteLength(chunk);
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
  });
  routes.set('/news/huge-declared', (_req, res) => {
    res.writeHead(200, { 'content-type': HTML, 'content-length': String(50 * 1024 * 1024) });
    res.write('<html>');
    res.on('error', () => undefined);
  });

  return {
    base,
    requests,
    route: (path, handler) => routes.set(path, handler),
    serve,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
