/**
 * Is this a real French word? A word the articles do not use but French does ("commencer", "pose")
 * is not a typo, so it is never "corrected" into an article word ("commerce", "poste").
 *
 * The list (an-array-of-french-words, ~336,000 words, ~324,000 once folded) is read in a compact form
 * that `npm run build` writes once (dist/data/french-words.txt): folded, deduplicated, sorted, one word
 * a line. Loading it is one file read and one pass to find the line starts (a few milliseconds and
 * about 5 MB, against ~0.5 s and ~40 MB for a Set of strings); a word is found by binary search over
 * the bytes. Without the file (tests run from the sources), the same form is built in memory from the
 * package. Loaded on first use or at `warmUpFrenchDictionary()`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { COMPACT_FRENCH_WORDS } from '../projectRoot.js';
import { fold } from '../text/normalize.js';

const SOURCE_PACKAGE = 'an-array-of-french-words';
const NEWLINE = 0x0a;

/** Sorted, distinct folded words, one a line, searched in place. */
export class SortedWordList {
  /** Byte offset of each word's first character. */
  private readonly starts: Uint32Array;

  constructor(private readonly bytes: Buffer) {
    // Two native scans for the newlines: counting, then recording where each word starts.
    let count = 0;
    for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count += 1;
    if (bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE) count += 1;
    this.starts = new Uint32Array(count);
    for (let word = 1, at = bytes.indexOf(NEWLINE); word < count; at = bytes.indexOf(NEWLINE, at + 1), word += 1) this.starts[word] = at + 1;
  }

  /** The list of `words` (folded already), deduplicated and sorted. */
  static from(words: Iterable<string>): SortedWordList {
    return new SortedWordList(Buffer.from(serialize(words), 'utf8'));
  }

  get size(): number {
    return this.starts.length;
  }

  /** True when `word` (folded, ASCII like every folded French word) is in the list. */
  has(word: string): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(word, middle);
      if (order === 0) return true;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return false;
  }

  /** Negative when `word` sorts before the list's `index`-th word, 0 when equal, positive after. */
  private compare(word: string, index: number): number {
    const start = this.starts[index]!;
    const end = index + 1 < this.starts.length ? this.starts[index + 1]! - 1 : this.bytes[this.bytes.length - 1] === NEWLINE ? this.bytes.length - 1 : this.bytes.length;
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
