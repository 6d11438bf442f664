import { describe, expect, it } from 'vitest';
import { TextCache, TextCachePerOwner } from '../../src/text/textCache.js';

describe('TextCache', () => {
  it('computes a text once', () => {
    const cache = new TextCache<number>(10);
    let calls = 0;
    const length = (text: string) => {
      calls += 1;
      return text.length;
    };
    expect(cache.get('abc', length)).toBe(3);
    expect(cache.get('abc', length)).toBe(3);
    expect(calls).toBe(1);
  });

  it('starts over at its limit, so memory stays bounded', () => {
    const cache = new TextCache<string>(2);
    let calls = 0;
    const same = (text: string) => {
      calls += 1;
      return text;
    };
    for (const text of ['a', 'b', 'c', 'a']) cache.get(text, same);
    expect(calls).toBe(4);
  });

  it('keeps one cache per owner', () => {
    const cache = new TextCachePerOwner<object, string>(10);
    const [first, second] = [{}, {}];
    expect(cache.get(first, 'x', () => 'first')).toBe('first');
    expect(cache.get(second, 'x', () => 'second')).toBe('second');
    expect(cache.get(first, 'x', () => 'again')).toBe('first');
  });
});
