/**
 * Button actions as Telegram callback data (at most 64 bytes): `more:<lang>:<key>,<key>...` (stable
 * sentence keys, never corpus positions, so a button keeps quoting the same sentences however many
 * articles arrive), `tl:<lang>:<page>:<filter>`, `src:<lang>:<page>` (the /sources pages) and
 * `fb:<answerId>:<u|d>`. A timeline filter too long to fit is kept in a small in-memory memo and
 * referred to as `#<id>`; after a restart such a button answers "expired".
 */
import type { Language } from '../corpus/article.ts';
import type { Action } from '../views/view.ts';

export const MAX_CALLBACK_DATA_BYTES = 64;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Remembers long timeline filters for buttons; bounded, oldest forgotten first. */
export class FilterMemo {
  private readonly byId = new Map<number, string>();
  private readonly byFilter = new Map<string, number>();
  private next = 1;

  constructor(private readonly capacity = 1000) {}

  idFor(filter: string): number {
    const known = this.byFilter.get(filter);
    if (known !== undefined) return known;
    const id = this.next++;
    this.byId.set(id, filter);
    this.byFilter.set(filter, id);
    if (this.byId.size > this.capacity) {
      const [oldestId, oldestFilter] = this.byId.entries().next().value as [number, string];
      this.byId.delete(oldestId);
      this.byFilter.delete(oldestFilter);
    }
    return id;
  }

  filter(id: number): string | undefined {
    return this.byId.get(id);
  }
}

/** Encodes an action; "more" keeps as many keys as fit. Never longer than 64 bytes. */
export function encodeAction(action: Action, memo: FilterMemo): string {
  if (action.kind === 'feedback') return `fb:${action.answerId}:${action.vote === 1 ? 'u' : 'd'}`;
  if (action.kind === 'more') {
    let data = `more:${action.lang}:`;
    let first = true;
    for (const key of action.keys) {
      const next = `${data}${first ? '' : ','}${key}`;
      if (bytes(next) > MAX_CALLBACK_DATA_BYTES) break;
      data = next;
      first = false;
    }
    return data;
  }
  if (action.kind === 'sources') return `src:${action.lang}:${action.page}`;
  const prefix = `tl:${action.lang}:${action.page}:`;
  if (action.filter === null) return prefix;
  const inline = prefix + action.filter;
  // '#' starts a memo id, so a filter starting with '#' always goes through the memo.
  if (bytes(inline) <= MAX_CALLBACK_DATA_BYTES && !action.filter.startsWith('#')) return inline;
  return `${prefix}#${memo.idFor(action.filter)}`;
}

export type Decoded = { ok: true; action: Action } | { ok: false; reason: 'malformed' | 'expired' };

const isLanguage = (value: string | undefined): value is Language => value === 'ar' || value === 'en';

export function decodeAction(data: string, memo: FilterMemo): Decoded {
  const feedback = /^fb:(\d{1,15}):([ud])$/.exec(data);
  if (feedback) return { ok: true, action: { kind: 'feedback', answerId: Number(feedback[1]), vote: feedback[2] === 'u' ? 1 : -1 } };
  const more = /^more:(ar|en):([0-9a-z]+(?:,[0-9a-z]+)*)?$/.exec(data);
  if (more) {
    const lang = more[1];
    if (!isLanguage(lang)) return { ok: false, reason: 'malformed' };
    const keys = more[2] ? more[2].split(',') : [];
    return { ok: true, action: { kind: 'more', lang, keys } };
  }
  const sources = /^src:(ar|en):(\d{1,4})$/.exec(data);
  if (sources) {
    const lang = sources[1];
    if (!isLanguage(lang)) return { ok: false, reason: 'malformed' };
    return { ok: true, action: { kind: 'sources', lang, page: Number(sources[2]) } };
  }
  const timeline = /^tl:(ar|en):(\d{1,4}):(.*)$/s.exec(data);
  if (timeline) {
    const lang = timeline[1];
    if (!isLanguage(lang)) return { ok: false, reason: 'malformed' };
    const page = Number(timeline[2]);
    const raw = timeline[3] ?? '';
    if (raw === '') return { ok: true, action: { kind: 'timeline', lang, page, filter: null } };
    const memoId = /^#(\d+)$/.exec(raw);
    if (memoId) {
      const filter = memo.filter(Number(memoId[1]));
      return filter === undefined ? { ok: false, reason: 'expired' } : { ok: true, action: { kind: 'timeline', lang, page, filter } };
    }
    return { ok: true, action: { kind: 'timeline', lang, page, filter: raw } };
  }
  return { ok: false, reason: 'malformed' };
}
