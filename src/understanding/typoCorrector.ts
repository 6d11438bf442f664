/**
 * Word-level typo tolerance with fuse.js: a word the knowledge base and lexicon do not
 * know is replaced by the closest known word ("compétance" → "competence",
 * "prodiut" → "produit"), or kept as it is when nothing is close enough.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { stem } from './normalize.js';

/** Fuse options for matching one misspelt word against the known vocabulary. */
export const TYPO_SEARCH_OPTIONS: IFuseOptions<string> = Object.freeze({
  /** We need the score to reject far matches ourselves. */
  includeScore: true,
  /** Bitap error ratio allowed: about one wrong letter in three before a word counts as unknown. */
  threshold: 0.34,
  /** A typo can be anywhere in the word, not only near its start. */
  ignoreLocation: true,
  /** Words are already folded to lower case without accents. */
  isCaseSensitive: true,
  /** Very short fragments say nothing. */
  minMatchCharLength: 3,
  shouldSort: true,
});

/** Words shorter than this are left alone: too little to tell a typo from another word. */
const MIN_CORRECTABLE_LENGTH = 4;
/** Corrections are cached; the cap bounds memory under adversarial input. */
const CACHE_LIMIT = 20_000;

export class TypoCorrector {
  private readonly fuse: Fuse<string>;
  private readonly known: Set<string>;
  private readonly knownStems: Set<string>;
  private readonly cache = new Map<string, string | null>();

  /**
   * @param correctable words a typo may be corrected to (content words of the articles and lexicon)
   * @param alsoKnown words that are known but never a correction target (stop words)
   */
  constructor(correctable: Iterable<string>, alsoKnown: Iterable<string>) {
    const targets = [...new Set(correctable)].filter((word) => word.length >= MIN_CORRECTABLE_LENGTH - 1);
    this.known = new Set([...correctable, ...alsoKnown]);
    this.knownStems = new Set([...this.known].map(stem));
    this.fuse = new Fuse(targets, TYPO_SEARCH_OPTIONS);
  }

  /** True when the word, or a word with the same stem, is known. */
  isKnown(word: string): boolean {
    return this.known.has(word) || this.knownStems.has(stem(word));
  }

  /** The known word a typo stands for, or null when the word is known already or nothing is close. */
  correct(word: string): string | null {
    if (word.length < MIN_CORRECTABLE_LENGTH || /\d/.test(word) || word.length > 32 || this.isKnown(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    for (const result of this.fuse.search(word, { limit: 8 })) {
      const candidate = result.item;
      const score = result.score ?? 1;
      // Bitap finds the word inside longer ones ("ment" in "management"): keep lengths close.
      if (Math.abs(candidate.length - word.length) > Math.max(1, Math.floor(word.length / 4))) continue;
      if (candidate[0] !== word[0] && score > 0.15) continue;
      best = candidate;
      break;
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
