/**
 * French text normalisation shared by the article indexer and the question reader,
 * so that both sides of every comparison are written the same way.
 */
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { agentNoun, ELISION, masculine } from './morphology.js';

/** Characters that never carry meaning in a question: C0/C1 controls, bidi marks, lone surrogates. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes control characters, invisible marks and broken surrogates; keeps line breaks and tabs. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Removes control characters and broken surrogates, keeps line breaks and tabs as spaces. */
export function sanitize(text: string): string {
  return stripInvisible(text).replace(/[\t\r\n]+/g, ' ');
}

/**
 * Removes markup from a question pasted from a web page or typed as a joke: script and style blocks
 * whole, other tags but their text ("<b>compétences</b>" → "compétences"), HTML entities.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39|apos);/g, (entity) => ({ '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" })[entity] ?? ' ');
}

/**
 * Lower case, no accents, straight apostrophes, ligatures expanded.
 * "Compétences du Chef’s" → "competences du chef's".
 */
export function fold(text: string): string {
  return sanitize(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´ʼ′]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/**
 * Splits folded text into words: elisions split off ("l'analyse" → "l", "analyse"), any non-alphanumeric is a separator
 * (so "a-t-il", "UX/UI" and "week-end" split), digits kept.
 */
export function words(text: string): string[] {
  const cached = wordsCache.get(text);
  if (cached) return [...cached];
  const split = fold(text)
    // "1 900 €" and "1900 €" are the same number.
    .replace(/(\d)[\s.](?=\d{3}\b)/g, '$1')
    // The elided word stays as a word of its own: "l'infirmier" → "l infirmier", so "de l'infirmier" names a role.
    .replace(ELISION, '$& ')
    .split(/[^a-z0-9+€]+/)
    .filter((word) => word.length > 0);
  // Short texts repeat (role names, labels, lexicon entries): they are split once. The cap bounds memory.
  if (text.length <= MAX_CACHED_TEXT) {
    if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
    wordsCache.set(text, split);
  }
  return [...split];
}

/** Texts up to this length have their words cached; longer ones are rarely seen twice. */
const MAX_CACHED_TEXT = 120;
const WORDS_CACHE_LIMIT = 20_000;
const wordsCache = new Map<string, string[]>();

const stemCache = new Map<string, string>();

/**
 * Snowball French stem of a folded word, cached (the vocabulary is small and questions repeat words).
 * Words are stemmed without accents on both sides, so "etudes" and "études" meet.
 */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    const singular = masculine(word);
    stemmed = word.length <= 3 ? word : (agentNoun(singular) ?? frenchStemmer(singular));
    if (stemCache.size < 50_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Slug used for ids: lower case, accents removed, non-alphanumerics → '-', trimmed. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
