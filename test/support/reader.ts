/** The question reader and evidence weigher over one knowledge folder, for tests at the tagger level. */
import { readerToolsFor } from '../../src/answers/engine.js';
import { loadDialogs } from '../../src/answers/dialogs.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import type { Lexicon } from '../../src/language/lexicon.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compileLanguagePack, loadLanguagePack, type LanguagePack, type WordClass } from '../../src/language/languagePack.js';
import { DEFAULT_LANGUAGE_PACK, DEFAULT_LEXICON } from '../../src/projectRoot.js';
import { indexArticle, libraryRoleStems, type ArticleIndex } from '../../src/understanding/articleIndex.js';
import { readQuestion, type QuestionReading, type ReaderTools } from '../../src/understanding/readQuestion.js';
import { weigh, type Evidence } from '../../src/understanding/weighEvidence.js';
import { DIALOGS } from './paths.js';

export interface Reader {
  lexicon: Lexicon;
  indexes: ArticleIndex[];
  tools: ReaderTools;
  read(question: string): QuestionReading;
  /** The evidence the first article of the folder, or the given one, holds for a question. */
  weigh(question: string, index?: ArticleIndex): Evidence;
}

/** Loads a knowledge folder and builds the reader's tools once, with the French pack or another one. */
export function readerFor(folder: string, pack: LanguagePack = loadLanguagePack(DEFAULT_LANGUAGE_PACK)): Reader {
  const { knowledge, lexicon } = loadKnowledge(folder, DEFAULT_LEXICON, pack);
  const libraryRoles = libraryRoleStems(knowledge.articles, lexicon);
  const indexes = knowledge.articles.map((article) => indexArticle(article, lexicon, libraryRoles));
  const tools = readerToolsFor(indexes, lexicon, loadDialogs(DIALOGS));
  const read = (question: string) => readQuestion(question, tools);
  return { lexicon, indexes, tools, read, weigh: (question, index = indexes[0]!) => weigh(read(question), index, lexicon) };
}

/** The French pack's data with some classes replaced, to show that behaviour follows the data. */
export function packWith(changes: Partial<Record<WordClass, string[]>>): LanguagePack {
  const data = parse(readFileSync(DEFAULT_LANGUAGE_PACK, 'utf8')) as Record<WordClass, string[]>;
  return compileLanguagePack({ ...data, ...changes });
}
