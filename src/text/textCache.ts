/**
 * Bounded caches of what is computed from a text: names, labels, bullets and lexicon entries repeat
 * across a library and its questions, so each is worked out once. A cache that reaches its limit starts
 * over, which bounds memory whatever a client sends.
 */

/** One cache of text → value, bounded. */
export class TextCache<Value> {
  private readonly values = new Map<string, Value>();

  /** `maxTextLength`: longer texts (a pasted page) are computed each time, never kept. */
  constructor(
    private readonly limit: number,
    private readonly maxTextLength = Infinity,
  ) {}

  /** The value for `text`, computed once. */
  get(text: string, compute: (text: string) => Value): Value {
    let value = this.values.get(text);
    if (value === undefined) {
      value = compute(text);
      if (text.length > this.maxTextLength) return value;
      if (this.values.size >= this.limit) this.values.clear();
      this.values.set(text, value);
    }
    return value;
  }
}

/** A cache per owner (a language pack, a lexicon): what a text gives depends on the data it was read with. */
export class TextCachePerOwner<Owner extends object, Value> {
  private readonly byOwner = new WeakMap<Owner, TextCache<Value>>();

  constructor(private readonly limit: number) {}

  get(owner: Owner, text: string, compute: (text: string) => Value): Value {
    let cache = this.byOwner.get(owner);
    if (!cache) {
      cache = new TextCache(this.limit);
      this.byOwner.set(owner, cache);
    }
    return cache.get(text, compute);
  }
}
