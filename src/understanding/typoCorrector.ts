/**
 * Word-level typo tolerance with fuse.js: a word the knowledge base and lexicon do not
 * know is replaced by the closest known word ("compétance" → "competence",
 * "prodiut" → "produit"), or kept as it is when nothing is close enough.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { gluedElision, hasAbstractNounEnding, hasPersonNounEnding, looksPlural, masculine } from '../text/morphology.js';
import { stem } from '../text/normalize.js';

/** Fuse options for matching one misspelt word against the known vocabulary. */
export const TYPO_SEARCH_OPTIONS: IFuseOptions<string> = Object.freeze({
  /** We need the score to reject far matches ourselves. */
  includeScore: true,
  /** Bitap error ratio for candidates: loose enough for a swap in a five-letter word ("fornt"); the edit distance decides. */
  threshold: 0.45,
  /** A typo can be anywhere in the word, not only near its start. */
  ignoreLocation: true,
  /** Words are already folded to lower case without accents. */
  isCaseSensitive: true,
  /** Very short fragments say nothing. */
  minMatchCharLength: 3,
  shouldSort: true,
});

/** Words shorter than this are left alone: too little to tell a typo from another word. */
const MIN_CORRECTABLE_LENGTH = 5;
/** A truncated word ("tréso", "dipl") is completed when exactly one known word starts with it. */
const MIN_PREFIX_LENGTH = 4;

/** The bucket of words with `letter` at `position` (0 or 1) and this length. */
function bucketKey(position: number, letter: string, length: number): string {
  return `${position}${letter}${length}`;
}

/** Edits allowed for a word of this length: one up to 7 letters, two beyond ("confie" is not "confond"). */
export function maxEdits(length: number): number {
  return length <= 7 ? 1 : 2;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, table[i - 2]![j - 2]! + 1);
      table[i]![j] = best;
    }
  }
  return table[a.length]![b.length]!;
}
/** A word without the plural's final letter, when it looks plural ("stocks" → "stock"). */
function singular(word: string): string {
  return looksPlural(word) ? word.slice(0, -1) : word;
}

/** Corrections are cached; the cap bounds memory under adversarial input. */
const CACHE_LIMIT = 20_000;

/**
 * Known words are split into small buckets by length and by first (or second) letter, one Fuse
 * index each: a misspelt word is searched only against words it could be one or two edits from,
 * which keeps a cold correction well under a millisecond.
 */
export class TypoCorrector {
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly known: Set<string>;
  private readonly knownStems: Set<string>;
  private readonly cache = new Map<string, string | null>();
  /** Known words, sorted, for completing truncated words by binary search. */
  private readonly sorted: string[];
  /** The correction targets, and the same by sound, indexed on the first word typed by ear (most questions have none). */
  private readonly targets: string[];
  private bySoundIndex: Map<string, string[]> | null = null;

  /**
   * @param correctable words a typo may be corrected to (content words of the articles and lexicon)
   * @param alsoKnown words that are known but never a correction target (stop words)
   * @param isRealWord says whether a word exists in the language
   * @param articleWords the articles' own words: a real word is corrected only towards one of them
   * @param salientWords words of role names and headings: between two equally close words, the one people ask about
   * @param soundKey how a word sounds (the language pack's spellings that sound alike), to find a word typed by ear
   */
  constructor(
    correctable: Iterable<string>,
    alsoKnown: Iterable<string>,
    private readonly isRealWord: (word: string) => boolean = () => false,
    private readonly articleWords: ReadonlySet<string> = new Set(),
    private readonly salientWords: ReadonlySet<string> = new Set(),
    private readonly soundKey: ((word: string) => string) | null = null,
  ) {
    const targets = [...new Set(correctable)].filter((word) => word.length >= MIN_CORRECTABLE_LENGTH - 1 && word.length <= 32);
    this.targets = targets;
    this.known = new Set([...correctable, ...alsoKnown]);
    this.knownStems = new Set([...this.known].map(stem));
    const grouped = new Map<string, string[]>();
    for (const word of targets) {
      for (const key of [bucketKey(0, word[0]!, word.length), bucketKey(1, word[1]!, word.length)]) {
        const bucket = grouped.get(key) ?? [];
        bucket.push(word);
        grouped.set(key, bucket);
      }
    }
    for (const [key, bucket] of grouped) this.buckets.set(key, new Fuse(bucket, TYPO_SEARCH_OPTIONS));
    this.sorted = [...new Set(correctable)].filter((word) => word.length > MIN_PREFIX_LENGTH).sort();
  }

  /** True when the word, or a word with the same stem, is known. */
  isKnown(word: string): boolean {
    return this.known.has(word) || this.knownStems.has(stem(word));
  }

  /** The known word a typo stands for, or null when the word is known already or nothing is close. */
  correct(word: string): string | null {
    if (word.length < MIN_PREFIX_LENGTH || /\d/.test(word) || word.length > 32 || this.isKnown(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    // "daffaires", "lentreprise": an elided article glued to a known word — unless the whole is a word ("sauter" is no
    // "s'auter").
    const glued = gluedElision(word);
    if (glued && word.length - glued.length >= MIN_PREFIX_LENGTH && this.isKnown(word.slice(glued.length)) && !this.isRealWord(word)) {
      const rest = word.slice(glued.length);
      this.remember(word, rest);
      return rest;
    }
    const completed = this.complete(word);
    if (completed) {
      this.remember(word, completed);
      return completed;
    }
    // A feminine form of a known word ("acheteuse") is known; of a misspelt one, corrected as masculine.
    const male = masculine(word);
    if (male !== word && (this.isKnown(male) || this.correct(male) !== null)) {
      const corrected = this.isKnown(male) ? male : this.correct(male);
      this.remember(word, corrected);
      return corrected;
    }
    if (word.length < MIN_CORRECTABLE_LENGTH) {
      // Four letters: only a swap or slip in a word of a role name or heading ("bakc" → "back"), never a real word.
      const salient = this.closestSalient(word) ?? this.soundingLike(word);
      this.remember(word, salient);
      return salient;
    }
    // Fuse finds candidates fast; the edit distance decides, so a correction is never a far word.
    let best: string | null = null;
    let bestDistance = Infinity;
    const edits = maxEdits(word.length);
    const results = [];
    for (let length = word.length - edits; length <= word.length + edits; length += 1) {
      for (const key of [bucketKey(0, word[0]!, length), bucketKey(1, word[1]!, length)]) {
        results.push(...(this.buckets.get(key)?.search(word, { limit: 4 }) ?? []));
      }
    }
    for (const result of results) {
      const candidate = result.item;
      if (Math.abs(candidate.length - word.length) > maxEdits(word.length)) continue;
      const distance = editDistance(word, candidate);
      // Ties go to the word with the same first letter ("mision" → "mission", not "cision"), then to a
      // word of a role name or heading ("recrutemnt" → "recrutement", not "recrutent").
      const rank = distance - (candidate[0] === word[0] ? 0.5 : 0) - (this.salientWords.has(candidate) ? 0.25 : 0);
      if (distance <= maxEdits(word.length) && rank < bestDistance) {
        best = candidate;
        bestDistance = rank;
      }
    }
    // A real word is another word, not a typo: "commencer" is not "commerce", "viennent" not "tiennent".
    // The list holds rare forms too ("misions", "désinger"), so one edit from an article's own word is
    // still taken as a typo. Checked last: most questions never load the dictionary.
    if (best !== null && (bestDistance >= 1.25 || !this.articleWords.has(best)) && this.isRealWord(word)) best = null;
    // "un terminologue" is a person, maybe another job: never the article's "terminologie".
    if (best !== null && hasPersonNounEnding(word) && hasAbstractNounEnding(best)) best = null;
    // "abilleur", "actuere": a word typed by ear, too far in letters from the word it sounds like.
    if (best === null) best = this.soundingLike(word);
    // "doficine": the apostrophe and a letter both missing; the rest is corrected, unless the whole word is closer.
    // A real word is no glued elision ("semelles" is no "s'emelles").
    if (glued && word.length - glued.length >= MIN_CORRECTABLE_LENGTH && (best === null || bestDistance >= 1) && !this.isRealWord(word)) {
      best = this.correct(word.slice(glued.length)) ?? best;
    }
    this.remember(word, best);
    return best;
  }

  /** The one known word family that sounds like the word ("foto" → "photo"), never for a real word. */
  private soundingLike(word: string): string | null {
    if (this.soundKey === null) return null;
    if (this.bySoundIndex === null) {
      this.bySoundIndex = new Map();
      for (const target of this.targets) {
        const key = this.soundKey(target);
        const same = this.bySoundIndex.get(key);
        if (same) same.push(target);
        else this.bySoundIndex.set(key, [target]);
      }
    }
    const found = this.bySoundIndex.get(this.soundKey(word));
    // "photo" and "photos" are one family.
    if (!found || new Set(found.map((target) => stem(singular(target)))).size !== 1 || this.isRealWord(word)) return null;
    return found.reduce((a, b) => (a.length <= b.length ? a : b));
  }

  private closestSalient(word: string): string | null {
    // "stok" for the "stocks" of "Gestionnaire de stocks": a plural is also compared in the singular.
    const near = [...this.salientWords].filter((candidate) => [candidate, singular(candidate)].some((form) => Math.abs(form.length - word.length) <= 1 && editDistance(word, form) === 1));
    if (near.length !== 1 || this.isRealWord(word)) return null;
    return near[0]!;
  }

  private remember(word: string, correction: string | null): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, correction);
  }

  /** The only known word family that starts with `prefix` ("treso" → "tresorerie"), or null. */
  private complete(prefix: string): string | null {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const matches: string[] = [];
    for (let at = low; at < this.sorted.length && this.sorted[at]!.startsWith(prefix); at += 1) matches.push(this.sorted[at]!);
    if (matches.length === 0) return null;
    // "tresorerie" and "tresoreries" are one family: the same stem.
    return new Set(matches.map(stem)).size === 1 ? matches.reduce((a, b) => (a.length <= b.length ? a : b)) : null;
  }
}
