import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problems } from '../../src/knowledge/checkerMessages.js';
import { articleReport, skippedReport, totalsReport } from '../../src/knowledge/checkReport.js';
import { readArticles } from '../../src/knowledge/loadKnowledge.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { DEFAULT_LANGUAGE_PACK, PROJECT_ROOT } from '../../src/projectRoot.js';

const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

describe('the article checker report', () => {
  const shapes = join(PROJECT_ROOT, 'test/fixtures/shapes-md');
  const source = readFileSync(join(shapes, readdirSync(shapes)[0]!), 'utf8');
  const folder = folderWith({
    'metiers-rh.md': source,
    'bar.md': '# Différences entre un Serveur et un Barman\n\n## Missions\n\n**Serveur**\n- Servir\n\n**Plongeur**\n- Laver\n\n**Barman**\n- Cocktails\n',
    'brouillon.txt': 'Différences entre un A et un B\n\n  • une puce avant tout titre\n',
  });
  const { articles, skipped } = readArticles(folder, pack);
  const report = articles.flatMap(articleReport).join('\n');

  it("shows every role's lists and the table's cells per role, in French", () => {
    expect(report).toContain('rôle « Chargé de formation » (charge-de-formation) — aussi : « Chargée de formation »');
    expect(report).toContain('[tableau, rôles en colonnes] : Assistant RH (3 cases), Chargé de formation (3 cases), Gestionnaire de paie (2 cases)');
    expect(report).toContain('« Points communs » (points-communs) [commune à tous les rôles] : commun à tous (2 puces)');
  });

  it('counts the ticked cells of a who-does-what matrix as such', () => {
    const matrix = readArticles(
      folderWith({ 'matrice.md': '# Chargé de recrutement ou gestionnaire de paie : qui fait quoi ?\n\n## Qui fait quoi ?\n\n| Activité | Chargé de recrutement | Gestionnaire de paie |\n|---|---|---|\n| Publier les offres | ✔ | ✘ |\n| Établir les bulletins | ✘ | ✔ |\n| Accueillir | ✔ | ✔ |\n' }),
      pack,
    ).articles;
    expect(matrix.flatMap(articleReport).join('\n')).toContain('Chargé de recrutement (2 cases cochées), Gestionnaire de paie (2 cases cochées)');
  });

  it('flags a label that matches no role with its file and line', () => {
    expect(report).toContain(`⚠ ${join(folder, 'bar.md')}:8 : le libellé « Plongeur » ne correspond à aucun rôle`);
  });

  it('skips a file that is not an article, says why in French, and counts it', () => {
    expect(skipped.map(skippedReport)).toEqual([
      `✘ ${join(folder, 'brouillon.txt')}:1 : ${problems.noSection} Ce fichier est ignoré ; les autres articles répondent.`,
    ]);
    expect(totalsReport(articles, skipped)).toBe('2 articles servis, 1 doute, 1 fichier ignoré.');
  });
});
