/**
 * A list of words and phrases compiled for search over a question's words. By default phrases are
 * compared stem by stem, so "confonds" meets "confondre" and "distinguent" meets "distingue".
 */
import { stem, words } from '../text/normalize.js';

export class PhraseSet {
  /** First word (stem) → the phrases starting with it, longest first: a question is scanned once. */
  private readonly byFirst = new Map<string, string[][]>();
  private readonly surface = new Set<string>();
  private readonly key: (word: string) => string;

  /** `exact`: compare folded words, not stems (job titles: "recruteur" is not "recruté"). */
  constructor(entries: readonly string[], options: { exact?: boolean } = {}) {
    this.key = options.exact ? (word) => word : stem;
    for (const entry of entries) {
      const folded = words(entry);
      for (const word of folded) this.surface.add(word);
      const parts = folded.map(this.key);
      if (parts.length === 0) continue;
      const bucket = this.byFirst.get(parts[0]!) ?? [];
      if (!bucket.some((phrase) => phrase.join(' ') === parts.join(' '))) bucket.push(parts);
      bucket.sort((a, b) => b.length - a.length);
      this.byFirst.set(parts[0]!, bucket);
    }
  }

  /** Positions [start, end) of every phrase of the set found in `tokens`, longest first at each start. */
  find(tokens: readonly string[]): [number, number][] {
    const keys = tokens.map(this.key);
    const found: [number, number][] = [];
    keys.forEach((_, start) => {
      const length = this.lengthAt(keys, start);
      if (length > 0) found.push([start, start + length]);
    });
    return found;
  }

  /** The length in words of the longest phrase of the set that starts at `start`, or 0. */
  matchAt(tokens: readonly string[], start: number): number {
    return this.lengthAt(tokens.map(this.key), start);
  }

  /** True when some phrase of the set ends exactly at `end` (exclusive) in `tokens`. */
  endsAt(tokens: readonly string[], end: number): boolean {
    const keys = tokens.map(this.key);
    for (let start = 0; start < end; start += 1) {
      for (const phrase of this.byFirst.get(keys[start]!) ?? []) {
        if (start + phrase.length === end && phrase.every((part, offset) => keys[start + offset] === part)) return true;
      }
    }
    return false;
  }

  /** True when `word` (folded) is one of the words of the phrases. */
  hasWord(word: string): boolean {
    return this.surface.has(word);
  }

  /** Every folded word of the phrases, for building the typo-correction vocabulary. */
  words(): string[] {
    return [...this.surface];
  }

  private lengthAt(keys: readonly string[], start: number): number {
    const candidates = this.byFirst.get(keys[start]!);
    const match = candidates?.find((phrase) => phrase.length <= keys.length - start && phrase.every((part, offset) => keys[start + offset] === part));
    return match?.length ?? 0;
  }
}
