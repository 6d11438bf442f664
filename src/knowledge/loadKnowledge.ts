/** Loads every article of a knowledge folder (.txt and .md) and the HR lexicon beside them. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeFileError } from '../errors.js';
import { loadLexicon, type Lexicon } from '../language/lexicon.js';
import type { KnowledgeBase } from './knowledgeBase.js';
import { parseArticle } from './parseArticle.js';

/** The lexicon's file name inside a knowledge folder. */
export const LEXICON_FILE = 'lexique.yaml';
const ARTICLE_FILE = /\.(?:txt|md|markdown)$/i;

/** Whether a file name in a knowledge folder is read by {@link loadKnowledge}: an article or the lexicon. */
export function isKnowledgeFile(name: string): boolean {
  return !name.startsWith('.') && (ARTICLE_FILE.test(name) || name === LEXICON_FILE);
}

export interface LoadedKnowledge {
  knowledge: KnowledgeBase;
  lexicon: Lexicon;
}

/**
 * Reads the folder. The lexicon is taken from the folder if it has one, otherwise from
 * `fallbackLexicon` (the project's own), so a folder of articles alone is enough.
 */
export function loadKnowledge(directory: string, fallbackLexicon: string): LoadedKnowledge {
  let entries: string[];
  try {
    entries = readdirSync(directory).sort();
  } catch {
    throw new KnowledgeFileError(directory, 0, 'the knowledge folder cannot be read');
  }
  const files = entries.filter((name) => ARTICLE_FILE.test(name) && !name.startsWith('.') && statSync(join(directory, name)).isFile());
  if (files.length === 0) throw new KnowledgeFileError(directory, 0, 'no article (.txt or .md) in the knowledge folder');
  const articles = files.map((name) => parseArticle(readFileSync(join(directory, name), 'utf8'), join(directory, name)));
  const ids = new Set<string>();
  for (const article of articles) {
    if (ids.has(article.id)) throw new KnowledgeFileError(article.file, 1, `two articles have the id "${article.id}"`);
    ids.add(article.id);
  }
  const lexiconFile = entries.includes(LEXICON_FILE) ? join(directory, LEXICON_FILE) : fallbackLexicon;
  return { knowledge: { articles }, lexicon: loadLexicon(lexiconFile) };
}
