/**
 * Parses message text the way the Bot API does before sending: HTML, MarkdownV2 and legacy Markdown
 * into plain text plus entities, rejecting malformed markup with Telegram's "can't parse entities"
 * wording. Modelled on the documented rules (core.telegram.org/bots/api#formatting-options) and the
 * error messages tdlib produces; offsets and lengths are UTF-16 code units, like Telegram's.
 *
 * One deliberate difference: Telegram passes a bare `&` that starts no entity through unchanged, but
 * its docs require escaping it, so the fake rejects it to catch bots that forget to escape.
 */
import { EntityParseError } from './errors.ts';
import type { MessageEntity } from './types.ts';

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

export const PARSE_MODES = ['html', 'markdownv2', 'markdown'] as const;

export function isSupportedParseMode(mode: string): boolean {
  return (PARSE_MODES as readonly string[]).includes(mode.toLowerCase());
}

/**
 * Text as the recipient sees it: markup parsed (when `parseMode` is set), leading and trailing
 * whitespace trimmed, entities clipped to the trimmed text.
 * @throws EntityParseError when the markup is malformed.
 */
export function parseFormattedText(raw: string, parseMode: string | undefined, explicitEntities?: MessageEntity[]): FormattedText {
  let parsed: FormattedText;
  switch (parseMode?.toLowerCase()) {
    case undefined:
    case '':
      parsed = { text: raw, entities: explicitEntities ? [...explicitEntities] : [] };
      break;
    case 'html':
      parsed = parseHtml(raw);
      break;
    case 'markdownv2':
      parsed = parseMarkdownV2(raw);
      break;
    case 'markdown':
      parsed = parseMarkdownLegacy(raw);
      break;
    default:
      throw new Error(`unsupported parse mode ${parseMode}`);
  }
  return trimFormatted(parsed);
}

function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const clipped: MessageEntity[] = [];
  for (const entity of entities) {
    const start = Math.max(0, entity.offset - lead);
    const end = Math.min(trimmed.length, entity.offset + entity.length - lead);
    if (end > start) clipped.push({ ...entity, offset: start, length: end - start });
  }
  return { text: trimmed, entities: clipped };
}

function byteOffset(src: string, index: number): number {
  return Buffer.byteLength(src.slice(0, index), 'utf8');
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

// ---------------------------------------------------------------- HTML

const HTML_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler',
  'code', 'pre', 'blockquote', 'tg-emoji',
]);

const ENTITY_TYPE_BY_TAG: Record<string, string> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', span: 'spoiler', 'tg-spoiler': 'spoiler',
  code: 'code', pre: 'pre', blockquote: 'blockquote', a: 'text_link', 'tg-emoji': 'custom_emoji',
};

const HTML_ENTITY = /&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));/y;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeHtmlEntity(src: string, index: number): { text: string; end: number } | null {
  HTML_ENTITY.lastIndex = index;
  const match = HTML_ENTITY.exec(src);
  if (!match) return null;
  const end = index + match[0].length;
  if (match[1] !== undefined) return { text: NAMED_ENTITIES[match[1]] ?? '', end };
  const codePoint = match[2] !== undefined ? Number.parseInt(match[2], 10) : Number.parseInt(match[3] ?? '', 16);
  if (codePoint <= 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  return { text: String.fromCodePoint(codePoint), end };
}

interface OpenTag {
  tag: string;
  attrs: Map<string, string>;
  start: number;
  srcIndex: number;
}

function parseHtml(src: string): FormattedText {
  let out = '';
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  const n = src.length;
  let i = 0;
  const at = (index: number) => `at byte offset ${byteOffset(src, index)}`;

  while (i < n) {
    const ch = src[i] as string;
    if (ch === '&') {
      const decoded = decodeHtmlEntity(src, i);
      if (!decoded) throw new EntityParseError(`Unsupported HTML entity or unescaped "&" ${at(i)}`);
      out += decoded.text;
      i = decoded.end;
      continue;
    }
    if (ch !== '<') {
      out += ch;
      i++;
      continue;
    }
    const tagIndex = i;
    i++;
    if (src[i] === '/') {
      i++;
      const nameStart = i;
      while (i < n && !isSpace(src[i]) && src[i] !== '>') i++;
      const endName = src.slice(nameStart, i).toLowerCase();
      while (i < n && isSpace(src[i])) i++;
      if (src[i] !== '>') throw new EntityParseError(`Unclosed end tag ${at(tagIndex)}`);
      i++;
      const top = open.pop();
      if (!top) throw new EntityParseError(`Unexpected end tag ${at(tagIndex)}`);
      if (endName !== '' && endName !== top.tag) {
        throw new EntityParseError(`Unmatched end tag ${at(tagIndex)}, expected "</${top.tag}>", found "</${endName}>"`);
      }
      closeHtmlTag(top, out, open, entities);
      continue;
    }

    const nameStart = i;
    while (i < n && !isSpace(src[i]) && src[i] !== '>') i++;
    if (i >= n) throw new EntityParseError(`Unclosed start tag ${at(tagIndex)}`);
    const tag = src.slice(nameStart, i).toLowerCase();
    if (!HTML_TAGS.has(tag)) throw new EntityParseError(`Unsupported start tag "${tag}" ${at(tagIndex)}`);

    const attrs = new Map<string, string>();
    for (;;) {
      while (i < n && isSpace(src[i])) i++;
      if (i >= n) throw new EntityParseError(`Unclosed start tag "${tag}" ${at(tagIndex)}`);
      if (src[i] === '>') {
        i++;
        break;
      }
      const attrStart = i;
      while (i < n && !isSpace(src[i]) && !'=>/"\''.includes(src[i] as string)) i++;
      const attrName = src.slice(attrStart, i).toLowerCase();
      if (attrName === '') throw new EntityParseError(`Empty attribute name in the tag "${tag}" ${at(tagIndex)}`);
      while (i < n && isSpace(src[i])) i++;
      if (src[i] !== '=') {
        attrs.set(attrName, '');
        continue;
      }
      i++;
      while (i < n && isSpace(src[i])) i++;
      if (i >= n) throw new EntityParseError(`Unclosed start tag "${tag}" ${at(tagIndex)}`);
      const quote = src[i];
      let value = '';
      if (quote === '"' || quote === "'") {
        i++;
        while (i < n && src[i] !== quote) {
          if (src[i] === '&') {
            const decoded = decodeHtmlEntity(src, i);
            if (decoded) {
              value += decoded.text;
              i = decoded.end;
              continue;
            }
          }
          value += src[i];
          i++;
        }
        if (i >= n) throw new EntityParseError(`Unclosed start tag ${at(tagIndex)}`);
        i++;
      } else {
        const valueStart = i;
        while (i < n && /[A-Za-z0-9.-]/.test(src[i] as string)) i++;
        value = src.slice(valueStart, i).toLowerCase();
        if (i < n && !isSpace(src[i]) && src[i] !== '>') throw new EntityParseError(`Unexpected end of name token ${at(i)}`);
      }
      attrs.set(attrName, value);
    }
    if (tag === 'span' && attrs.get('class') !== 'tg-spoiler') {
      throw new EntityParseError(`Tag "span" must have class "tg-spoiler" ${at(tagIndex)}`);
    }
    open.push({ tag, attrs, start: out.length, srcIndex: tagIndex });
  }

  const unclosed = open[open.length - 1];
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text: out, entities: sortEntities(entities) };
}

function closeHtmlTag(top: OpenTag, out: string, open: OpenTag[], entities: MessageEntity[]): void {
  const length = out.length - top.start;
  if (top.tag === 'tg-emoji') {
    const id = top.attrs.get('emoji-id') ?? '';
    if (!/^[0-9]+$/.test(id)) throw new EntityParseError('Invalid custom emoji identifier specified');
    if (length > 0) entities.push({ type: 'custom_emoji', offset: top.start, length, custom_emoji_id: id });
    return;
  }
  if (length <= 0) return;
  const className = top.attrs.get('class') ?? '';
  if (top.tag === 'code' && className.startsWith('language-')) {
    // <pre><code class="language-x"> is one pre entity with a language.
    const parent = open[open.length - 1];
    if (parent && parent.tag === 'pre' && parent.start === top.start) {
      parent.attrs.set('data-language', className.slice('language-'.length));
      return;
    }
  }
  if (top.tag === 'a') {
    const url = top.attrs.get('href') ?? out.slice(top.start);
    if (url !== '') entities.push({ type: 'text_link', offset: top.start, length, url });
    return;
  }
  if (top.tag === 'blockquote') {
    entities.push({ type: top.attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote', offset: top.start, length });
    return;
  }
  if (top.tag === 'pre') {
    const language = top.attrs.get('data-language');
    entities.push(language ? { type: 'pre', offset: top.start, length, language } : { type: 'pre', offset: top.start, length });
    return;
  }
  entities.push({ type: ENTITY_TYPE_BY_TAG[top.tag] ?? top.tag, offset: top.start, length });
}

// ---------------------------------------------------------------- MarkdownV2

const MARKDOWN_V2_RESERVED = '_*[]()~`>#+-=|{}.!';

type MarkdownV2Type = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler' | 'text_link' | 'custom_emoji';

const MARKDOWN_V2_NAMES: Record<MarkdownV2Type, string> = {
  bold: 'Bold', italic: 'Italic', underline: 'Underline', strikethrough: 'Strikethrough', spoiler: 'Spoiler',
  text_link: 'TextUrl', custom_emoji: 'CustomEmoji',
};

function isAsciiEscapable(ch: string | undefined): ch is string {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return code >= 1 && code <= 126;
}

function parseMarkdownV2(src: string): FormattedText {
  let out = '';
  const entities: MessageEntity[] = [];
  const open: { type: MarkdownV2Type; start: number; srcIndex: number }[] = [];
  const n = src.length;
  let i = 0;
  let lineStart = true;
  let quote: { start: number; expandable: boolean } | null = null;
  const at = (index: number) => `at byte offset ${byteOffset(src, index)}`;

  const closeQuote = (end: number) => {
    if (quote && end > quote.start) {
      entities.push({ type: quote.expandable ? 'expandable_blockquote' : 'blockquote', offset: quote.start, length: end - quote.start });
    }
    quote = null;
  };

  // Reads a code or pre body up to the closing fence; only '`' and '\' need escaping inside.
  const readUntilFence = (fence: string, type: 'Code' | 'Pre', openIndex: number): string => {
    let body = '';
    while (i < n) {
      if (src[i] === '\\' && isAsciiEscapable(src[i + 1])) {
        body += src[i + 1];
        i += 2;
        continue;
      }
      if (src.startsWith(fence, i)) {
        i += fence.length;
        return body;
      }
      body += src[i];
      i++;
    }
    throw new EntityParseError(`Can't find end of ${type} entity ${at(openIndex)}`);
  };

  while (i < n) {
    const ch = src[i] as string;
    if (lineStart) {
      lineStart = false;
      if (src.startsWith('**>', i)) {
        if (quote === null) quote = { start: out.length, expandable: true };
        i += 3;
        continue;
      }
      if (ch === '>') {
        if (quote === null) quote = { start: out.length, expandable: false };
        i++;
        continue;
      }
      if (quote !== null) closeQuote(Math.max(quote.start, out.length - 1));
    }
    if (ch === '\\') {
      if (isAsciiEscapable(src[i + 1])) {
        out += src[i + 1];
        i += 2;
      } else {
        out += ch;
        i++;
      }
      continue;
    }
    if (ch === '\n') {
      out += ch;
      i++;
      lineStart = true;
      continue;
    }
    if (ch === '`') {
      const openIndex = i;
      const start = out.length;
      if (src.startsWith('```', i)) {
        i += 3;
        let language = '';
        const newline = src.indexOf('\n', i);
        if (newline >= 0 && /^[^\s`\\]*$/.test(src.slice(i, newline))) {
          language = src.slice(i, newline);
          i = newline + 1;
        }
        out += readUntilFence('```', 'Pre', openIndex);
        const length = out.length - start;
        if (length > 0) entities.push(language ? { type: 'pre', offset: start, length, language } : { type: 'pre', offset: start, length });
      } else {
        i++;
        out += readUntilFence('`', 'Code', openIndex);
        const length = out.length - start;
        if (length > 0) entities.push({ type: 'code', offset: start, length });
      }
      continue;
    }
    if (!MARKDOWN_V2_RESERVED.includes(ch)) {
      out += ch;
      i++;
      continue;
    }

    // Closing the innermost open entity?
    const top = open[open.length - 1];
    let closeLength = 0;
    if (top) {
      if (top.type === 'underline' && src.startsWith('__', i)) closeLength = 2;
      else if (top.type === 'italic' && ch === '_') closeLength = 1;
      else if (top.type === 'bold' && ch === '*') closeLength = 1;
      else if (top.type === 'strikethrough' && ch === '~') closeLength = 1;
      else if (top.type === 'spoiler' && src.startsWith('||', i)) closeLength = 2;
      else if ((top.type === 'text_link' || top.type === 'custom_emoji') && ch === ']') closeLength = 1;
    }
    if (top && closeLength > 0) {
      open.pop();
      i += closeLength;
      const length = out.length - top.start;
      if (top.type === 'text_link' || top.type === 'custom_emoji') {
        let url = '';
        if (src[i] === '(') {
          const urlIndex = i;
          i++;
          while (i < n && src[i] !== ')') {
            if (src[i] === '\\' && isAsciiEscapable(src[i + 1])) {
              url += src[i + 1];
              i += 2;
              continue;
            }
            url += src[i];
            i++;
          }
          if (i >= n) throw new EntityParseError(`Can't find end of a URL ${at(urlIndex)}`);
          i++;
        }
        if (top.type === 'custom_emoji') {
          const id = /^tg:\/\/emoji\?id=([0-9]+)$/.exec(url)?.[1];
          if (!id) throw new EntityParseError(`Custom emoji URL must have an emoji identifier ${at(top.srcIndex)}`);
          if (length > 0) entities.push({ type: 'custom_emoji', offset: top.start, length, custom_emoji_id: id });
        } else if (url !== '' && length > 0) {
          entities.push({ type: 'text_link', offset: top.start, length, url });
        }
      } else if (length > 0) {
        entities.push({ type: top.type, offset: top.start, length });
      }
      continue;
    }

    // The `||` that ends an expandable block quote at the end of its last line.
    if (quote?.expandable && src.startsWith('||', i) && (i + 2 === n || src[i + 2] === '\n')) {
      i += 2;
      closeQuote(out.length);
      continue;
    }

    const start = out.length;
    if (ch === '_' && src[i + 1] === '_') {
      open.push({ type: 'underline', start, srcIndex: i });
      i += 2;
    } else if (ch === '_') {
      open.push({ type: 'italic', start, srcIndex: i });
      i++;
    } else if (ch === '*') {
      open.push({ type: 'bold', start, srcIndex: i });
      i++;
    } else if (ch === '~') {
      open.push({ type: 'strikethrough', start, srcIndex: i });
      i++;
    } else if (ch === '|' && src[i + 1] === '|') {
      open.push({ type: 'spoiler', start, srcIndex: i });
      i += 2;
    } else if (ch === '[') {
      open.push({ type: 'text_link', start, srcIndex: i });
      i++;
    } else if (ch === '!' && src[i + 1] === '[') {
      open.push({ type: 'custom_emoji', start, srcIndex: i });
      i += 2;
    } else {
      throw new EntityParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    }
  }
  if (quote !== null) closeQuote(out.length);
  const unclosed = open[open.length - 1];
  if (unclosed) throw new EntityParseError(`Can't find end of ${MARKDOWN_V2_NAMES[unclosed.type]} entity ${at(unclosed.srcIndex)}`);
  return { text: out, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------- legacy Markdown

function parseMarkdownLegacy(src: string): FormattedText {
  let out = '';
  const entities: MessageEntity[] = [];
  const n = src.length;
  let i = 0;
  const cannotFindEnd = (index: number) =>
    new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(src, index)}`);

  while (i < n) {
    const ch = src[i] as string;
    if (ch === '\\' && '_*`['.includes(src[i + 1] ?? ' ')) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (!'_*`['.includes(ch)) {
      out += ch;
      i++;
      continue;
    }
    const openIndex = i;
    const start = out.length;
    if (ch === '[') {
      const close = src.indexOf(']', i + 1);
      if (close < 0) throw cannotFindEnd(openIndex);
      out += src.slice(i + 1, close);
      i = close + 1;
      let url = '';
      if (src[i] === '(') {
        const end = src.indexOf(')', i + 1);
        if (end < 0) throw cannotFindEnd(openIndex);
        url = src.slice(i + 1, end);
        i = end + 1;
      }
      if (url !== '' && out.length > start) entities.push({ type: 'text_link', offset: start, length: out.length - start, url });
      continue;
    }
    if (src.startsWith('```', i)) {
      const end = src.indexOf('```', i + 3);
      if (end < 0) throw cannotFindEnd(openIndex);
      let body = src.slice(i + 3, end);
      let language = '';
      const newline = body.indexOf('\n');
      if (newline >= 0 && /^[^\s`]*$/.test(body.slice(0, newline))) {
        language = body.slice(0, newline);
        body = body.slice(newline + 1);
      }
      out += body;
      i = end + 3;
      if (body.length > 0) entities.push(language ? { type: 'pre', offset: start, length: body.length, language } : { type: 'pre', offset: start, length: body.length });
      continue;
    }
    const end = src.indexOf(ch, i + 1);
    if (end < 0) throw cannotFindEnd(openIndex);
    const body = src.slice(i + 1, end);
    out += body;
    i = end + 1;
    const type = ch === '*' ? 'bold' : ch === '_' ? 'italic' : 'code';
    if (body.length > 0) entities.push({ type, offset: start, length: body.length });
  }
  return { text: out, entities: sortEntities(entities) };
}
