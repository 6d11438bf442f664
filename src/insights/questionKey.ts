/**
 * The normalised form under which the dashboard groups unanswered questions: the same question
 * typed with other capitals, accents, word order or little words gets the same key, and
 * near-identical keys are clustered.
 */
import { createRequire } from 'node:module';
import { stem, words } from '../text/normalize.js';

/** French stop words from the stopwords-iso data package, folded like question words. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  ((createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).fr ?? []).flatMap((word) => words(word)),
);

/** Two groups whose word sets overlap this much (Jaccard) are shown as one. */
export const CLUSTER_SIMILARITY = 0.6;

/** Sorted, de-duplicated word stems of a question, stop words left out; the folded text when nothing is left. */
export function questionKey(question: string): string {
  const all = words(question);
  const content = all.filter((word) => !STOP_WORDS.has(word));
  const stems = [...new Set((content.length > 0 ? content : all).map(stem))].sort();
  return stems.join(' ').slice(0, 2000);
}

/** Jaccard similarity of two keys' words. */
export function keySimilarity(a: string, b: string): number {
  const left = new Set(a.split(' ').filter(Boolean));
  const right = new Set(b.split(' ').filter(Boolean));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}
