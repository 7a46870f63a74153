import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/text/memo.ts';

describe('the bounded memo', () => {
  it('computes a key once while it is kept, null and undefined results included', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => {
      calls.push(key);
      return key === 'none' ? null : key.length;
    }, 10);
    expect([memo('ab'), memo('ab'), memo('none'), memo('none')]).toEqual([2, 2, null, null]);
    expect(calls).toEqual(['ab', 'none']);
  });

  it('never holds more than its bound: when full it starts afresh', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => calls.push(key), 2);
    for (const key of ['a', 'b', 'c', 'a']) memo(key);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
