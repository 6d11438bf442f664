/**
 * What the article checker prints for an HR writer, in French: per file, what the bot understood
 * (roles, sections and who owns what) and every doubt or problem with its line. Plain lines of
 * text; `npm run kb` and `npm run check:knowledge` print them.
 */
import type { KnowledgeFileError } from '../errors.js';
import { counted } from './checkerMessages.js';
import type { Article, Block, Item, Section } from './knowledgeBase.js';

const quoted = (text: string) => `« ${text} »`;
const plural = (count: number, [one, many]: readonly [string, string]) => `${count} ${count > 1 ? many : one}`;

function countItems(items: readonly Item[]): number {
  return items.reduce((sum, item) => sum + 1 + countItems(item.children), 0);
}

/** "Assistant RH (3 puces), Chargé de formation (2 puces et 1 paragraphe)". */
function ownership(section: Section, article: Article): string {
  const parts = article.roles.flatMap((role) => {
    const content = section.byRole[role.id];
    if (!content) return [];
    const bullets = content.items.filter((item) => item.label === undefined && !item.ticked);
    const ticked = content.items.filter((item) => item.ticked).length;
    const cells = content.items.length - bullets.length - ticked;
    const what = [
      ...(bullets.length > 0 ? [plural(countItems(bullets), counted.bullet)] : []),
      ...(cells > 0 ? [plural(cells, counted.cell)] : []),
      ...(ticked > 0 ? [plural(ticked, counted.tickedCell)] : []),
      ...(content.prose.length > 0 ? [plural(content.prose.length, counted.paragraph)] : []),
    ];
    return [`${role.name} (${what.join(' et ')})`];
  });
  const shared = countItems(section.sharedItems);
  if (shared > 0) parts.push(`commun à tous (${plural(shared, counted.bullet)})`);
  if (section.intro.length > 0) parts.push(`introduction (${plural(section.intro.length, counted.paragraph)})`);
  return parts.join(', ');
}

function blockKinds(blocks: readonly Block[]): string {
  const tables = blocks.filter((block): block is Extract<Block, { type: 'table' }> => block.type === 'table');
  return tables
    .map((table) => (table.orientation === 'rolesAsColumns' ? 'tableau, rôles en colonnes' : table.orientation === 'rolesAsRows' ? 'tableau, rôles en lignes' : 'tableau sans rôles'))
    .map((kind) => ` [${kind}]`)
    .join('');
}

function sectionKind(section: Section, article: Article): string {
  const parent = section.themeOf ? article.sections.find((candidate) => candidate.id === section.themeOf) : undefined;
  if (parent) return ` [thème de ${quoted(parent.heading)}]`;
  if (section.isDefinition) return ' [définition des rôles]';
  if (section.isConclusion) return ' [conclusion]';
  if (section.isShared) return ' [commune à tous les rôles]';
  return '';
}

/** The summary of one article: roles, sections with who owns what, and doubts. */
export function articleReport(article: Article): string[] {
  const lines = [`✔ ${article.file} — ${quoted(article.title)} : ${plural(article.roles.length, counted.role)}, ${plural(article.sections.length, counted.section)}`];
  for (const role of article.roles) {
    const extras = [
      ...(role.aliases.length > 0 ? [`aussi : ${role.aliases.map(quoted).join(', ')}`] : []),
      ...(role.abbreviations.length > 0 ? [`sigles : ${role.abbreviations.map((abbreviation) => abbreviation.toUpperCase()).join(', ')}`] : []),
    ];
    lines.push(`  rôle ${quoted(role.name)} (${role.id})${extras.length > 0 ? ` — ${extras.join(' ; ')}` : ''}`);
  }
  for (const section of article.sections) {
    lines.push(`  ligne ${section.line} ${quoted(section.heading)} (${section.id})${sectionKind(section, article)}${blockKinds(section.blocks)} : ${ownership(section, article) || 'vide'}`);
  }
  for (const diagnostic of article.diagnostics) lines.push(`  ⚠ ${article.file}:${diagnostic.line} : ${diagnostic.message}`);
  return lines;
}

/** One line for a file left out of the library. */
export function skippedReport(error: KnowledgeFileError): string {
  return `✘ ${error.file}:${error.line} : ${error.problem} Ce fichier est ignoré ; les autres articles répondent.`;
}

/** The closing line: how many articles serve, how many doubts, how many files are left out. */
export function totalsReport(articles: readonly Article[], skipped: readonly KnowledgeFileError[]): string {
  const doubts = articles.reduce((sum, article) => sum + article.diagnostics.length, 0);
  return `${plural(articles.length, counted.servedArticle)}, ${plural(doubts, counted.doubt)}, ${plural(skipped.length, counted.skippedFile)}.`;
}
