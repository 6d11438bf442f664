/**
 * Loads a library: every article of a knowledge folder (.txt and .md) and the HR lexicon beside
 * them. One bad file never stops the others: it is skipped with its `file:line` problem in French;
 * only a folder with no valid article at all is fatal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeFileError } from '../errors.js';
import type { LanguagePack } from '../language/languagePack.js';
import { loadLexicon, type Lexicon } from '../language/lexicon.js';
import { doubts, problems } from './checkerMessages.js';
import type { Article, KnowledgeBase } from './knowledgeBase.js';
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
  /** Files left out of the library, each with its `file:line` problem. */
  skipped: KnowledgeFileError[];
}

/** Reads the articles of a folder, keeping the good ones and the problems of the others. */
export function readArticles(directory: string, pack: LanguagePack, lexicon?: Lexicon): { articles: Article[]; skipped: KnowledgeFileError[] } {
  let entries: string[];
  try {
    entries = readdirSync(directory).sort();
  } catch {
    throw new KnowledgeFileError(directory, 0, problems.unreadableFolder);
  }
  const files = entries.filter((name) => isKnowledgeFile(name) && name !== LEXICON_FILE && statSync(join(directory, name)).isFile());
  const articles: Article[] = [];
  const skipped: KnowledgeFileError[] = [];
  const ids = new Map<string, Article>();
  for (const name of files) {
    const file = join(directory, name);
    try {
      const article = parseArticle(readFileSync(file, 'utf8'), file, pack, lexicon);
      if (ids.has(article.id)) throw new KnowledgeFileError(file, 1, problems.duplicateArticle(article.id));
      ids.set(article.id, article);
      articles.push(article);
    } catch (error) {
      if (!(error instanceof KnowledgeFileError)) throw error;
      skipped.push(error);
    }
  }
  noteAbbreviationClashes(articles);
  return { articles, skipped };
}

/** An initialism two articles give to different roles ("CA") is a doubt for both writers. */
function noteAbbreviationClashes(articles: readonly Article[]): void {
  const owners = new Map<string, Article[]>();
  for (const article of articles) {
    for (const abbreviation of new Set(article.roles.flatMap((role) => role.abbreviations))) {
      owners.set(abbreviation, [...(owners.get(abbreviation) ?? []), article]);
    }
  }
  for (const [abbreviation, sharing] of owners) {
    if (sharing.length < 2) continue;
    for (const article of sharing) {
      const other = sharing.find((candidate) => candidate !== article)!;
      article.diagnostics.push({ line: 1, severity: 'doubt', message: doubts.abbreviationClash(abbreviation, other.title) });
    }
  }
}

/**
 * Reads the folder. The lexicon is taken from the folder if it has one, otherwise from
 * `fallbackLexicon` (the project's own), so a folder of articles alone is enough.
 */
export function loadKnowledge(directory: string, fallbackLexicon: string, pack: LanguagePack): LoadedKnowledge {
  const lexicon = loadLexicon(lexiconFileOf(directory, fallbackLexicon), pack);
  // The lexicon first: an article written role first is read through it ("Salaire" under one role is "Rémunération" under another).
  const { articles, skipped } = readArticles(directory, pack, lexicon);
  if (articles.length === 0) {
    const reasons = skipped.map((error) => error.message).join(' ; ');
    throw new KnowledgeFileError(directory, 0, reasons ? `${problems.noArticle} (${reasons})` : problems.noArticle);
  }
  return { knowledge: { articles }, lexicon, skipped };
}

/** The folder's own lexicon if it has one, otherwise `fallbackLexicon`. */
export function lexiconFileOf(directory: string, fallbackLexicon: string): string {
  let entries: string[] = [];
  try {
    entries = readdirSync(directory);
  } catch {
    // An unreadable folder is reported by readArticles, in French.
  }
  return entries.includes(LEXICON_FILE) ? join(directory, LEXICON_FILE) : fallbackLexicon;
}
