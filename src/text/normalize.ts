/**
 * French text normalisation shared by the article indexer and the question reader,
 * so that both sides of every comparison are written the same way.
 */
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { agentNoun, ELISION, irregularVerbStem, masculine, withoutInclusiveEndings } from './morphology.js';
import { TextCache } from './textCache.js';

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
  // Article texts are folded many times while an article is read and indexed (role names, lists, concepts).
  return foldCache.get(text, () =>
    sanitize(text)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[’‘`´ʼ′]/g, "'")
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss'),
  );
}

/** Texts kept while they fit: the cap bounds memory, long texts (pasted pages) are not kept. */
const CACHE_LIMIT = 20_000;
const CACHE_MAX_TEXT_LENGTH = 2_000;
const foldCache = new TextCache<string>(CACHE_LIMIT, CACHE_MAX_TEXT_LENGTH);

/**
 * Splits folded text into words: elisions split off ("l'analyse" → "l", "analyse"), any non-alphanumeric is a separator
 * (so "a-t-il", "UX/UI" and "week-end" split), digits kept.
 */
export function words(text: string): string[] {
  const split = wordsCache.get(text, () =>
    // "chargé·e", "technicien(ne)": one word, in the masculine ("ne" alone would read as a negation).
    withoutInclusiveEndings(fold(text))
      // "1 900 €" and "1900 €" are the same number.
      .replace(/(\d)[\s.](?=\d{3}\b)/g, '$1')
      // The elided word stays as a word of its own: "l'infirmier" → "l infirmier", so "de l'infirmier" names a role.
      .replace(ELISION, '$& ')
      // "ssiap1" is "SSIAP 1": a level or grade typed against its word.
      .replace(/\b([a-z]{3,})(\d{1,2})\b/g, '$1 $2')
      .split(/[^a-z0-9+€]+/)
      .filter((word) => word.length > 0),
  );
  // A copy: callers may change theirs.
  return [...split];
}

/** The words of texts split before. */
const wordsCache = new TextCache<readonly string[]>(CACHE_LIMIT, CACHE_MAX_TEXT_LENGTH);

const stemCache = new TextCache<string>(50_000);

/**
 * Snowball French stem of a folded word, cached (the vocabulary is small and questions repeat words).
 * Words are stemmed without accents on both sides, so "etudes" and "études" meet.
 */
export function stem(word: string): string {
  return stemCache.get(word, () => {
    const singular = masculine(word);
    return word.length <= 3 ? word : (agentNoun(singular) ?? irregularVerbStem(singular) ?? frenchStemmer(singular));
  });
}

/** Slug used for ids: lower case, accents removed, non-alphanumerics → '-', trimmed. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** How many letters two folded words share from their start ("regie" and "regisseur": 4). */
export function sharedStartLength(a: string, b: string): number {
  let shared = 0;
  while (shared < Math.min(a.length, b.length) && a[shared] === b[shared]) shared += 1;
  return shared;
}
