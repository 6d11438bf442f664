/**
 * Is this a real French word? A word the articles do not use but French does ("commencer", "pose")
 * is not a typo, so it is never "corrected" into an article word ("commerce", "poste").
 *
 * The list (an-array-of-french-words, ~336,000 words, ~324,000 once folded) is read in a compact form
 * that `npm run build` writes once (dist/data/french-words.txt): folded, deduplicated, sorted, one word
 * a line. Loading it is one file read (a few milliseconds and 3.6 MB, against ~0.5 s and ~40 MB for
 * a Set of strings); a word is found by binary search over the bytes. Without the file (tests run from the sources), the same form is built in memory from the
 * package. Loaded on first use or at `warmUpFrenchDictionary()`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { COMPACT_FRENCH_WORDS } from '../projectRoot.js';
import { fold } from '../text/normalize.js';

const SOURCE_PACKAGE = 'an-array-of-french-words';
/** The line separator of the compact file, as a byte. */
const NEWLINE = 0x0a;

/**
 * Sorted, distinct folded words, one a line (each line ending with a newline), searched in place: a
 * binary search over the bytes that steps back to the start of the line it lands in. Nothing is built
 * at load time beyond the bytes themselves.
 */
export class SortedWordList {
  constructor(private readonly bytes: Buffer) {}

  /** The list of `words` (folded already), deduplicated and sorted. */
  static from(words: Iterable<string>): SortedWordList {
    return new SortedWordList(Buffer.from(serialize(words), 'utf8'));
  }

  /** How many words the list holds (counted on demand: only tests ask). */
  get size(): number {
    let count = 0;
    for (let at = this.bytes.indexOf(NEWLINE); at !== -1; at = this.bytes.indexOf(NEWLINE, at + 1)) count += 1;
    return count;
  }

  /** True when `word` (folded, ASCII like every folded French word) is in the list. */
  has(word: string): boolean {
    // [low, high) always starts at the start of a line and ends after a newline.
    let low = 0;
    let high = this.bytes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = middle === 0 ? 0 : Math.max(low, this.bytes.lastIndexOf(NEWLINE, middle - 1) + 1);
      const end = this.bytes.indexOf(NEWLINE, start);
      const order = this.compare(word, start, end);
      if (order === 0) return true;
      if (order < 0) high = start;
      else low = end + 1;
    }
    return false;
  }

  /** Negative when `word` sorts before the line [start, end), 0 when equal, positive after. */
  private compare(word: string, start: number, end: number): number {
    const length = end - start;
    for (let at = 0; at < word.length && at < length; at += 1) {
      const difference = word.charCodeAt(at) - this.bytes[start + at]!;
      if (difference !== 0) return difference;
    }
    return word.length - length;
  }
}

/** Folded words, deduplicated and sorted by character code, one a line. */
function serialize(words: Iterable<string>): string {
  return `${[...new Set(words)].sort().join('\n')}\n`;
}

/** The package's words, folded like every question word. */
function foldedSourceWords(): string[] {
  const list = createRequire(import.meta.url)(SOURCE_PACKAGE) as string[];
  return list.map((word) => (/^[a-z]+$/.test(word) ? word : fold(word)));
}

/** The first line of the compact file: which list, which version, so a newer package is noticed. */
function header(): string {
  const { version } = createRequire(import.meta.url)(`${SOURCE_PACKAGE}/package.json`) as { version: string };
  return `# ${SOURCE_PACKAGE} ${version}\n`;
}

/** The text of the compact file for the installed package: `npm run build` writes it. */
export function compactFrenchWords(): string {
  return header() + serialize(foldedSourceWords());
}

/** Reads the compact file when it matches the installed package, else builds the list in memory. */
export function loadFrenchWords(file: string = COMPACT_FRENCH_WORDS): SortedWordList {
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    const expected = Buffer.from(header(), 'utf8');
    if (bytes.subarray(0, expected.length).equals(expected)) return new SortedWordList(bytes.subarray(expected.length));
  }
  return SortedWordList.from(foldedSourceWords());
}

let words: SortedWordList | null = null;

/** True when `word` (folded: lower case, no accents) is a French word. */
export function isFrenchWord(word: string): boolean {
  words ??= loadFrenchWords();
  return words.has(word);
}

/** Loads the list now, so no question waits for it. */
export function warmUpFrenchDictionary(): void {
  words ??= loadFrenchWords();
}
