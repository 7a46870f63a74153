import { describe, expect, it } from 'vitest';
import { escapeHtml, fitsOneMessage, MAX_MESSAGE_LENGTH, plainText, renderHtml, renderMessages, renderPlain, splitText } from '../../src/views/format.ts';
import type { Block } from '../../src/views/view.ts';
import { parseFormattedText } from '../helpers/fake-bot-api.ts';

/** Parses HTML as Telegram does (via the fake server's parser), throwing on malformed markup. */
function telegramParse(html: string) {
  return parseFormattedText(html, 'HTML');
}

const SENTENCE_AR = 'استمرت المعارك في مدينة القامشلي، اليوم الأحد 25 من نيسان، بين قوات الأسايش والدفاع الوطني. ';

describe('escapeHtml', () => {
  it('escapes the characters Telegram HTML reserves', () => {
    expect(escapeHtml('<b>title:~*</b> & "x"')).toBe('&lt;b&gt;title:~*&lt;/b&gt; &amp; &quot;x&quot;');
  });

  it('leaves Arabic, emoji and RTL marks as they are', () => {
    const text = '\u200fمن يسيطر؟ 😀\u200e';
    expect(escapeHtml(text)).toBe(text);
  });
});

describe('renderHtml', () => {
  it('draws quotes, styles and links, escaping text and attributes', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', spans: [{ text: 'a < b' }] },
      { kind: 'quote', spans: [{ text: 'quoted & "verbatim"' }] },
      { kind: 'paragraph', tight: true, spans: [{ text: 'Title', italic: true }, { text: ' · ' }, { text: 'link', href: 'https://example.org/?a=1&b="2"' }] },
      { kind: 'paragraph', spans: [{ text: 'bold', bold: true }] },
    ];
    const html = renderHtml(blocks);
    expect(html).toBe('a &lt; b\n\n<blockquote>quoted &amp; &quot;verbatim&quot;</blockquote>\n<i>Title</i> · <a href="https://example.org/?a=1&amp;b=&quot;2&quot;">link</a>\n\n<b>bold</b>');
    const parsed = telegramParse(html);
    expect(parsed.text).toContain('quoted & "verbatim"');
    expect(parsed.entities.map((e) => e.type).sort()).toEqual(['blockquote', 'bold', 'italic', 'text_link']);
  });

  it('renders plain text for terminals with quotes marked and links written out', () => {
    const text = renderPlain({ blocks: [
      { kind: 'quote', spans: [{ text: 'سطر' }] },
      { kind: 'paragraph', tight: true, spans: [{ text: 'link', href: 'https://x.org' }] },
    ] });
    expect(text).toBe('│ سطر\nlink (https://x.org)');
  });
});

describe('splitText', () => {
  it('splits at sentence boundaries when it can', () => {
    const text = SENTENCE_AR.repeat(10);
    const pieces = splitText(text, 300);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(300);
      expect(piece.endsWith('.')).toBe(true);
    }
    expect(pieces.join(' ')).toBe(text.trim());
  });

  it('falls back to words, then characters, and measures escaped length', () => {
    const words = Array.from({ length: 400 }, () => 'كلمة').join(' ');
    for (const piece of splitText(words, 100)) expect(piece.length).toBeLessThanOrEqual(100);
    const amp = '&'.repeat(50);
    for (const piece of splitText(amp, 20)) expect(escapeHtml(piece).length).toBeLessThanOrEqual(20);
    const emoji = '😀'.repeat(100);
    const pieces = splitText(emoji, 25);
    expect(pieces.join('')).toBe(emoji); // never cut inside a surrogate pair
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(25);
  });
});

describe('renderMessages', () => {
  it('keeps a short view in one message', () => {
    const messages = renderMessages({ blocks: [{ kind: 'paragraph', spans: [{ text: 'hi' }] }] });
    expect(messages).toEqual([{ html: 'hi', last: true }]);
  });

  it('splits long views between blocks, every message within 4096 and valid HTML', () => {
    const blocks: Block[] = Array.from({ length: 40 }, (_, i): Block[] => [
      { kind: 'quote', spans: [{ text: `${i} ${SENTENCE_AR.repeat(2)} <b>&` }] },
      { kind: 'paragraph', tight: true, spans: [{ text: `— source ${i}`, italic: true }] },
    ]).flat();
    const messages = renderMessages({ blocks });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.filter((m) => m.last)).toHaveLength(1);
    expect(messages.at(-1)?.last).toBe(true);
    let seen = '';
    for (const message of messages) {
      expect(message.html.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      seen += telegramParse(message.html).text;
    }
    for (let i = 0; i < 40; i += 1) expect(seen).toContain(`— source ${i}`);
  });

  it('splits one huge quote at sentences, each part still a closed blockquote', () => {
    const text = SENTENCE_AR.repeat(120); // ~12,000 characters
    const messages = renderMessages({ blocks: [{ kind: 'quote', spans: [{ text }] }] });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const message of messages) {
      expect(message.html.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(message.html.startsWith('<blockquote>')).toBe(true);
      expect(message.html.endsWith('</blockquote>')).toBe(true);
      const parsed = telegramParse(message.html);
      expect(parsed.text.endsWith('.')).toBe(true);
    }
    const shown = messages.map((m) => telegramParse(m.html).text).join(' ');
    expect(shown.replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
  });

  it('survives hostile text: 10,000 characters of markup', () => {
    const hostile = '<b>title:~*</b> & <a href="x">'.repeat(350);
    const messages = renderMessages({ blocks: [{ kind: 'paragraph', spans: [{ text: hostile, bold: true }] }] });
    for (const message of messages) {
      expect(message.html.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(() => telegramParse(message.html)).not.toThrow();
    }
    expect(messages.map((m) => telegramParse(m.html).text).join('').replace(/\s/g, '')).toBe(hostile.replace(/\s/g, ''));
  });

  it('measures what fits one message', () => {
    expect(fitsOneMessage([{ kind: 'paragraph', spans: [{ text: 'x'.repeat(4096) }] }])).toBe(true);
    expect(fitsOneMessage([{ kind: 'paragraph', spans: [{ text: '&'.repeat(1000) }] }])).toBe(false);
    expect(plainText([{ kind: 'paragraph', spans: [{ text: 'a' }] }, { kind: 'quote', tight: true, spans: [{ text: 'b' }] }])).toBe('a\nb');
  });
});
