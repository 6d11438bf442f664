/**
 * `npm run check:knowledge [-- --knowledge DIR] [--strict]`: the article checker for an HR team's own
 * CI. Prints, in French and per `file:line`, what the bot understood of each article and every doubt;
 * exits 1 when a file cannot be served (or, with --strict, when any doubt remains).
 */
import { Command } from 'commander';
import { config } from '../config.js';
import { articleReport, skippedReport, totalsReport } from '../knowledge/checkReport.js';
import { lexiconFileOf, readArticles } from '../knowledge/loadKnowledge.js';
import { loadLanguagePack } from '../language/languagePack.js';
import { loadLexicon } from '../language/lexicon.js';
import { DEFAULT_LANGUAGE_PACK } from '../projectRoot.js';

function main(): number {
  const options = new Command()
    .name('check:knowledge')
    .description('Vérifie les articles du dossier de connaissances et dit ce que le bot en a compris')
    .option('--knowledge <dir>', 'dossier des articles', config.knowledgeDir)
    .option('--strict', 'échoue aussi quand un doute reste')
    .parse(process.argv)
    .opts<{ knowledge: string; strict?: boolean }>();
  const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);
  // Articles are read as the bot reads them, through the folder's lexicon (or the project's).
  const { articles, skipped } = readArticles(options.knowledge, pack, loadLexicon(lexiconFileOf(options.knowledge, config.lexiconFile), pack));
  const lines = [...articles.flatMap((article) => [...articleReport(article), '']), ...skipped.map(skippedReport), totalsReport(articles, skipped)];
  process.stdout.write(`${lines.join('\n')}\n`);
  const doubts = articles.some((article) => article.diagnostics.length > 0);
  return articles.length === 0 || skipped.length > 0 || (options.strict === true && doubts) ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
