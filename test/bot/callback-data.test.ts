import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, FilterMemo, MAX_CALLBACK_DATA_BYTES } from '../../src/bot/callback-data.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('callback data', () => {
  it('round-trips "more" and keeps only the refs that fit 64 bytes', () => {
    const memo = new FilterMemo();
    expect(encodeAction({ kind: 'more', lang: 'ar', refs: [12, 3] }, memo)).toBe('more:ar:12,3');
    const many = Array.from({ length: 40 }, (_, i) => 100_000 + i);
    const data = encodeAction({ kind: 'more', lang: 'en', refs: many }, memo);
    expect(bytes(data)).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
    const decoded = decodeAction(data, memo);
    if (!decoded.ok || decoded.action.kind !== 'more') throw new Error(`not decoded: ${data}`);
    expect(decoded.action.refs.length).toBeGreaterThan(3);
    expect(decoded.action.refs).toEqual(many.slice(0, decoded.action.refs.length));
  });

  it('round-trips timeline pages with short filters inline and long ones through the memo', () => {
    const memo = new FilterMemo();
    for (const filter of [null, 'روسيا', 'the National Defence Forces and the Asayish in Halko neighbourhood', '#tag']) {
      const data = encodeAction({ kind: 'timeline', lang: 'ar', page: 3, filter }, memo);
      expect(bytes(data)).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
      expect(decodeAction(data, memo)).toEqual({ ok: true, action: { kind: 'timeline', lang: 'ar', page: 3, filter } });
    }
  });

  it('reports forgotten memo entries as expired, and rejects junk', () => {
    const memo = new FilterMemo(1);
    const long = 'x'.repeat(80);
    const data = encodeAction({ kind: 'timeline', lang: 'en', page: 0, filter: long }, memo);
    encodeAction({ kind: 'timeline', lang: 'en', page: 0, filter: 'y'.repeat(80) }, memo); // evicts the first
    expect(decodeAction(data, memo)).toEqual({ ok: false, reason: 'expired' });
    expect(decodeAction(data, new FilterMemo())).toEqual({ ok: false, reason: 'expired' });
    for (const junk of ['', 'more', 'more:fr:1', 'more:ar:1,,2', 'tl:ar:x:', 'tl:en:99999:', 'rm -rf', 'fb:1:x', 'fb::u', 'fb:12:u:extra']) {
      expect(decodeAction(junk, memo)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('round-trips feedback votes', () => {
    const memo = new FilterMemo();
    expect(encodeAction({ kind: 'feedback', answerId: 123_456_789, vote: -1 }, memo)).toBe('fb:123456789:d');
    expect(decodeAction('fb:123456789:d', memo)).toEqual({ ok: true, action: { kind: 'feedback', answerId: 123_456_789, vote: -1 } });
    expect(decodeAction(encodeAction({ kind: 'feedback', answerId: 7, vote: 1 }, memo), memo)).toEqual({ ok: true, action: { kind: 'feedback', answerId: 7, vote: 1 } });
  });
});
