/**
 * Telegram HTML for views: every piece of corpus or user text escaped, each message at most 4096
 * characters, long text split at sentence boundaries (then words) with tags closed in every part.
 */
import type { Block, Span, View } from './view.ts';

export const MAX_MESSAGE_LENGTH = 4096;

/** Escapes text for Telegram's HTML parse mode (and for attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function renderSpan(span: Span): string {
  let html = escapeHtml(span.text);
  if (span.italic) html = `<i>${html}</i>`;
  if (span.bold) html = `<b>${html}</b>`;
  if (span.href) html = `<a href="${escapeHtml(span.href)}">${html}</a>`;
  return html;
}

export function renderBlock(block: Block): string {
  const inner = block.spans.map(renderSpan).join('');
  return block.kind === 'quote' ? `<blockquote>${inner}</blockquote>` : inner;
}

/** All blocks as one HTML string (no length limit). */
export function renderHtml(blocks: readonly Block[]): string {
  return blocks.map((block, i) => (i === 0 ? '' : block.tight ? '\n' : '\n\n') + renderBlock(block)).join('');
}

/** Timeline pages must fit one message, so that turning a page can edit it in place. */
export function fitsOneMessage(blocks: readonly Block[]): boolean {
  return renderHtml(blocks).length <= MAX_MESSAGE_LENGTH;
}

/** Plain text of the blocks as Telegram would show it, for measuring and for logs. */
export function plainText(blocks: readonly Block[]): string {
  return blocks.map((block, i) => (i === 0 ? '' : block.tight ? '\n' : '\n\n') + block.spans.map((s) => s.text).join('')).join('');
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(granularity: 'sentence' | 'word'): Intl.Segmenter {
  let s = segmenters.get(granularity);
  if (!s) {
    s = new Intl.Segmenter('ar', { granularity });
    segmenters.set(granularity, s);
  }
  return s;
}

/** Greedily joins units into pieces of escaped length <= max; a unit too long on its own goes to `tooLong`. */
function pack(units: Iterable<string>, max: number, tooLong: (unit: string) => string[]): string[] {
  const pieces: string[] = [];
  let current = '';
  let currentLength = 0; // escaped length of `current`, kept as we go (escaping is per character)
  for (const unit of units) {
    const unitLength = escapeHtml(unit).length;
    if (currentLength + unitLength <= max) {
      current += unit;
      currentLength += unitLength;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = '';
    currentLength = 0;
    if (unitLength <= max) {
      current = unit;
      currentLength = unitLength;
    } else {
      pieces.push(...tooLong(unit));
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

const segments = (text: string, granularity: 'sentence' | 'word'): string[] =>
  Array.from(segmenter(granularity).segment(text), (s) => s.segment);

/** Cuts `text` into pieces whose escaped length is at most `max`: at sentences, else words, else characters. */
export function splitText(text: string, max: number): string[] {
  if (escapeHtml(text).length <= max) return [text];
  return pack(segments(text, 'sentence'), max, (sentence) => pack(segments(sentence, 'word'), max, (word) => hardSplit(word, max)))
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** Last resort for a single "word" longer than a message: cut by code points, never inside a surrogate pair. */
function hardSplit(word: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let currentLength = 0;
  for (const char of word) {
    const charLength = escapeHtml(char).length;
    if (current !== '' && currentLength + charLength > max) {
      pieces.push(current);
      current = '';
      currentLength = 0;
    }
    current += char;
    currentLength += charLength;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Splits a block too long for one message into blocks of the same kind and style that each fit. */
function splitBlock(block: Block, max: number): Block[] {
  const overhead = renderBlock({ ...block, spans: block.spans.map((s) => ({ ...s, text: '' })) }).length;
  const room = Math.max(1, max - overhead);
  const parts: Block[] = [];
  let spans: Span[] = [];
  let length = 0;
  const flush = (): void => {
    if (spans.length > 0) parts.push({ kind: block.kind, spans, ...(parts.length === 0 && block.tight ? { tight: true } : {}) });
    spans = [];
    length = 0;
  };
  for (const span of block.spans) {
    for (const piece of splitText(span.text, room)) {
      const rendered = renderSpan({ ...span, text: piece }).length;
      if (length + rendered > room && spans.length > 0) flush();
      spans.push({ ...span, text: piece });
      length += rendered;
    }
  }
  flush();
  return parts;
}

export interface RenderedMessage {
  html: string;
  /** True for the last message of a view: the one that carries the buttons. */
  last: boolean;
}

/**
 * Draws a view as one or more HTML messages of at most `max` characters, breaking between blocks when
 * possible and inside a block (at sentences) only when a single block is too long.
 */
export function renderMessages(view: Pick<View, 'blocks'>, max = MAX_MESSAGE_LENGTH): RenderedMessage[] {
  const messages: string[] = [];
  let current = '';
  for (const block of view.blocks) {
    const parts = renderBlock(block).length <= max ? [block] : splitBlock(block, max);
    for (const part of parts) {
      const html = renderBlock(part);
      const separator = current === '' ? '' : part.tight ? '\n' : '\n\n';
      if (current !== '' && current.length + separator.length + html.length > max) {
        messages.push(current);
        current = html;
      } else {
        current += separator + html;
      }
    }
  }
  if (current !== '' || messages.length === 0) messages.push(current);
  return messages.filter((m) => m.trim() !== '').map((html, i, all) => ({ html, last: i === all.length - 1 }));
}

/** Draws a view as plain text for a terminal: quotes marked with a bar, links written out. */
export function renderPlain(view: Pick<View, 'blocks'>): string {
  return view.blocks.map((block, i) => {
    const text = block.spans.map((s) => (s.href ? `${s.text} (${s.href})` : s.text)).join('');
    const drawn = block.kind === 'quote' ? text.split('\n').map((line) => `│ ${line}`).join('\n') : text;
    return (i === 0 ? '' : block.tight ? '\n' : '\n\n') + drawn;
  }).join('');
}
