/**
 * Is this a real French word? A word the articles do not use but French does ("commencer", "pose")
 * is not a typo, so it is never "corrected" into an article word ("commerce", "poste").
 * The list (an-array-of-french-words, ~336,000 words) is folded and loaded once, on first use or
 * at `warmUp()`, which the server calls in the background after start-up.
 */
import { createRequire } from 'node:module';
import { fold } from '../text/normalize.js';

let folded: Set<string> | null = null;

function load(): Set<string> {
  const list = createRequire(import.meta.url)('an-array-of-french-words') as string[];
  const words = new Set<string>();
  for (const word of list) words.add(/^[a-z]+$/.test(word) ? word : fold(word));
  return words;
}

/** True when `word` (folded: lower case, no accents) is a French word. */
export function isFrenchWord(word: string): boolean {
  folded ??= load();
  return folded.has(word);
}

/** Loads the list now, so no question waits for it. */
export function warmUpFrenchDictionary(): void {
  folded ??= load();
}
