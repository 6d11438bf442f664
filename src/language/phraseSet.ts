/**
 * A list of words and phrases compiled for search over a question's words. By default phrases are
 * compared stem by stem, so "confonds" meets "confondre" and "distinguent" meets "distingue".
 */
import { stem, words } from '../text/normalize.js';

export class PhraseSet {
  /** First word key → the phrases starting with it, longest first: a question is scanned once. */
  private readonly byFirst = new Map<string, string[][]>();
  private readonly surface = new Set<string>();
  /** Whether some entry is compared stem by stem (else the question's stems need not be computed). */
  private readonly stemmed: boolean;

  /**
   * `exact`: compare folded words, not stems (job titles: "recruteur" is not "recruté"); `exactWhen`: the
   * entries compared that way in a set otherwise stemmed ("respectifs" stems like "respecter").
   */
  constructor(entries: readonly string[], options: { exact?: boolean; exactWhen?: (entry: string) => boolean } = {}) {
    let stemmed = false;
    for (const entry of entries) {
      const folded = words(entry);
      for (const word of folded) this.surface.add(word);
      const exact = options.exact === true || options.exactWhen?.(entry) === true;
      stemmed ||= !exact;
      // An exact part is kept as "=word", a stemmed one as its stem: the two never meet.
      const parts = folded.map((word) => (exact ? `=${word}` : stem(word)));
      if (parts.length === 0) continue;
      const bucket = this.byFirst.get(parts[0]!) ?? [];
      if (!bucket.some((phrase) => phrase.join(' ') === parts.join(' '))) bucket.push(parts);
      bucket.sort((a, b) => b.length - a.length);
      this.byFirst.set(parts[0]!, bucket);
    }
    this.stemmed = stemmed;
  }

  /** Positions [start, end) of every phrase of the set found in `tokens`, longest first at each start. */
  find(tokens: readonly string[]): [number, number][] {
    const keys = this.keysOf(tokens);
    const found: [number, number][] = [];
    tokens.forEach((_, start) => {
      const length = this.lengthAt(keys, start);
      if (length > 0) found.push([start, start + length]);
    });
    return found;
  }

  /** The length in words of the longest phrase of the set that starts at `start`, or 0. */
  matchAt(tokens: readonly string[], start: number): number {
    return this.lengthAt(this.keysOf(tokens), start);
  }

  /** True when some phrase of the set ends exactly at `end` (exclusive) in `tokens`. */
  endsAt(tokens: readonly string[], end: number): boolean {
    const keys = this.keysOf(tokens);
    for (let start = 0; start < end; start += 1) {
      for (const phrase of this.phrasesAt(keys, start)) {
        if (start + phrase.length === end && matches(phrase, keys, start)) return true;
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

  /** The question's words as both keys: stems (when some entry is stemmed) and "=word". */
  private keysOf(tokens: readonly string[]): Keys {
    return { stems: this.stemmed ? tokens.map(stem) : [], exact: tokens.map((word) => `=${word}`) };
  }

  private phrasesAt(keys: Keys, start: number): string[][] {
    const exact = this.byFirst.get(keys.exact[start]!) ?? [];
    const stemmed = this.stemmed ? this.byFirst.get(keys.stems[start]!) ?? [] : [];
    return stemmed.length === 0 ? exact : exact.length === 0 ? stemmed : [...exact, ...stemmed].sort((a, b) => b.length - a.length);
  }

  private lengthAt(keys: Keys, start: number): number {
    const match = this.phrasesAt(keys, start).find((phrase) => phrase.length <= keys.exact.length - start && matches(phrase, keys, start));
    return match?.length ?? 0;
  }
}

/** A question's words keyed two ways. */
interface Keys {
  stems: readonly string[];
  exact: readonly string[];
}

/** Whether `phrase` matches the question from `start`, each part by its own key. */
function matches(phrase: readonly string[], keys: Keys, start: number): boolean {
  return phrase.every((part, offset) => (part.startsWith('=') ? keys.exact[start + offset] : keys.stems[start + offset]) === part);
}
