/**
 * `npm run kb`: prints what the bot understood of each article (roles, aliases, initialisms,
 * sections and their lists), so an HR author can check a new file before publishing it.
 * `--json` prints the knowledge base as JSON.
 */
import { Command } from 'commander';
import type { Item } from '../knowledge/knowledgeBase.js';
import { skippedReport, totalsReport } from '../knowledge/checkReport.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { loadLanguagePack } from '../language/languagePack.js';
import { config } from '../config.js';
import { DEFAULT_LANGUAGE_PACK } from '../projectRoot.js';

function printItems(items: Item[], depth: number, out: string[]): void {
  for (const item of items) {
    out.push(`${'    '.repeat(depth)}• ${item.text}`);
    printItems(item.children, depth + 1, out);
  }
}

function main(): void {
  const options = new Command()
    .name('kb')
    .description('Affiche la base de connaissances telle que le bot la comprend')
    .option('--knowledge <dir>', 'dossier des articles', config.knowledgeDir)
    .option('--json', 'la structure en JSON')
    .parse(process.argv)
    .opts<{ knowledge: string; json?: boolean }>();
  const { knowledge, skipped } = loadKnowledge(options.knowledge, config.lexiconFile, loadLanguagePack(DEFAULT_LANGUAGE_PACK));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(knowledge, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  for (const article of knowledge.articles) {
    out.push(`Article ${article.id}  (${article.file})`, `  titre     : ${article.title}`);
    if (article.category) out.push(`  catégorie : ${article.category}`);
    out.push('  rôles :');
    for (const role of article.roles) {
      out.push(`    ${role.id}  « ${role.name} »${role.aliases.length ? `  alias : ${role.aliases.join(', ')}` : ''}  sigles : ${role.abbreviations.join(', ')}`);
    }
    out.push('  sections :');
    for (const section of article.sections) {
      const kind = section.isDefinition ? ' [définitions]' : section.isConclusion ? ' [conclusion]' : section.isShared ? ' [commune à tous les rôles]' : '';
      out.push(`    ${section.id}  « ${section.heading} »  (ligne ${section.line})${kind}`);
      for (const paragraph of section.intro) out.push(`      ${paragraph}`);
      for (const [roleId, content] of Object.entries(section.byRole)) {
        out.push(`      ${roleId}${content.header ? `  — « ${content.header} »` : ''}`);
        for (const paragraph of content.prose) out.push(`        ${paragraph}`);
        printItems(content.items, 2, out);
      }
      if (section.sharedItems.length > 0) {
        out.push('      (commun aux rôles)');
        printItems(section.sharedItems, 2, out);
      }
    }
    for (const diagnostic of article.diagnostics) out.push(`  ⚠ ${article.file}:${diagnostic.line} : ${diagnostic.message}`);
    out.push('');
  }
  out.push(...skipped.map(skippedReport), totalsReport(knowledge.articles, skipped));
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
