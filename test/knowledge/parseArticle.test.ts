import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeFileError } from '../../src/errors.js';
import { doubts, problems } from '../../src/knowledge/checkerMessages.js';
import { parseArticle as parseWith } from '../../src/knowledge/parseArticle.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { DEFAULT_LANGUAGE_PACK } from '../../src/projectRoot.js';

const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);
const parseArticle = (source: string, file: string) => parseWith(source, file, pack);
import { SECOND_KNOWLEDGE, SECOND_KNOWLEDGE_MD, SHARED_ARTICLE } from '../support/paths.js';

const shared = parseArticle(readFileSync(SHARED_ARTICLE, 'utf8'), SHARED_ARTICLE);
const fileIn = (directory: string) => join(directory, readdirSync(directory)[0]!);

describe('parseArticle on the shared article', () => {
  it('reads the category, the title and the intro', () => {
    expect(shared.category).toBe('Comparaison');
    expect(shared.title).toBe('Différences entre un Chef de produit numérique et un Chef de produit marketing');
    expect(shared.intro[0]).toMatch(/^Les différences entre le Chef de produit digital/);
  });

  it('names the roles as the lists write them, with the title name as an alias', () => {
    expect(shared.roles.map((role) => role.id)).toEqual(['chef-de-produit-digital', 'chef-de-produit-marketing']);
    expect(shared.roles[0]!.aliases).toEqual(['Chef de produit numérique']);
    expect(shared.roles[0]!.abbreviations).toContain('cpd');
    expect(shared.roles[1]!.abbreviations).toContain('cpm');
  });

  it('slugs every heading into a section id, in article order', () => {
    expect(shared.sections.map((section) => section.id)).toEqual([
      'definition-des-roles',
      'les-competences-requises',
      'responsabilites-principales',
      'objectifs-et-indicateurs-de-succes',
      'collaboration-et-interaction',
      'origine-et-formation',
      'conclusion-des-differences',
    ]);
  });

  it('keeps each role list in article order, with its header', () => {
    const skills = shared.sections[1]!;
    expect(skills.byRole['chef-de-produit-digital']!.items.map((item) => item.text)).toEqual([
      'Analyse de données',
      'Connaissance des outils Agile',
      'Compétences techniques (développement, UX/UI)',
      'Gestion de projets numériques',
    ]);
    expect(shared.sections[2]!.byRole['chef-de-produit-marketing']!.header).toBe('Responsabilités du Chef de produit marketing');
    expect(skills.intro).toEqual(['Les compétences requises pour ces deux rôles varient significativement :']);
  });

  it('gives each role its paragraph of the definition section', () => {
    const definitions = shared.sections[0]!;
    expect(definitions.isDefinition).toBe(true);
    expect(definitions.byRole['chef-de-produit-digital']!.prose[0]).toMatch(/^Le Chef de produit digital est responsable/);
    expect(definitions.byRole['chef-de-produit-marketing']!.prose[0]).toMatch(/^En revanche, le Chef de produit marketing/);
  });

  it('drops the "A lire aussi" line and keeps typographic apostrophes as written', () => {
    const text = JSON.stringify(shared);
    expect(text).not.toContain('A lire aussi');
    expect(text).toContain('Nombre de téléchargements ou d’utilisateurs actifs');
  });

  it('finds the conclusion', () => {
    expect(shared.sections.at(-1)!.isConclusion).toBe(true);
    expect(shared.conclusion[0]).toMatch(/^Il est clair que/);
  });
});

describe('parseArticle on other articles of the family', () => {
  it('reads another pair of roles and other headings from the text export', () => {
    const file = fileIn(SECOND_KNOWLEDGE);
    const article = parseArticle(readFileSync(file, 'utf8'), file);
    expect(article.roles.map((role) => role.id)).toEqual(['responsable-des-relations-publiques', 'charge-de-communication']);
    expect(article.roles[0]!.abbreviations).toContain('rp');
    expect(article.sections.map((section) => section.id)).toContain('salaire-et-evolution');
  });

  it('reads the same article from Markdown into the same structure', () => {
    const text = fileIn(SECOND_KNOWLEDGE);
    const markdown = fileIn(SECOND_KNOWLEDGE_MD);
    const fromText = parseArticle(readFileSync(text, 'utf8'), text);
    const fromMarkdown = parseArticle(readFileSync(markdown, 'utf8'), markdown);
    const shape = (article: typeof fromText) => ({
      title: article.title,
      roles: article.roles,
      sections: article.sections.map((section) => ({
        id: section.id,
        intro: section.intro,
        byRole: Object.fromEntries(Object.entries(section.byRole).map(([id, content]) => [id, { prose: content.prose, items: content.items.map((item) => item.text) }])),
      })),
    });
    expect(shape(fromMarkdown)).toEqual(shape(fromText));
  });

  it('takes a role name written inline ("Rôle : valeur") as that role\'s item', () => {
    const article = parseArticle(
      [
        'Différences entre un Pilote et un Copilote',
        '',
        'Salaire',
        '',
        '  • Pilote : 80 000 €',
        '  • Copilote : 60 000 €',
      ].join('\n'),
      'pilotes.txt',
    );
    expect(article.sections[0]!.byRole['pilote']!.items[0]!.text).toBe('80 000 €');
    expect(article.sections[0]!.byRole['copilote']!.items[0]!.text).toBe('60 000 €');
  });
});


/** The missions section the pilot articles below end with. */
const PILOT_MISSIONS = ['## Missions', '', '- Pilote : décoller', '- Copilote : surveiller'];

describe('parseArticle on layouts seen in other exports', () => {
  it('reads numbered headings as headings', () => {
    const article = parseArticle(
      ['Différences entre un Pilote et un Copilote', '', 'Intro.', '', '1. Missions principales', '', '  • Pilote :', '    • Décoller', '  • Copilote :', '    • Surveiller'].join('\n'),
      'numeros.txt',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['missions-principales']);
  });

  it('reads « Article 1 – » or « Partie II : » before a heading as its number', () => {
    const article = parseArticle(
      ['# Différences entre un Pilote et un Copilote', '', 'Intro.', '', '## Article 1 – Missions', '', PILOT_MISSIONS.slice(2).join('\n'), '', '## Partie II : Formation', '', '- Pilote : ATPL', '- Copilote : CPL'].join('\n'),
      'articles.md',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'formation']);
  });

  it('reads a paragraph opened by the initialism the title gives in brackets as that role\'s', () => {
    const article = parseArticle(
      [
        "# Différences entre le surveillant et le conseiller d'insertion et de probation (CPIP)",
        '',
        'Intro.',
        '',
        '## Missions',
        '',
        "S'agissant du surveillant, il assure la garde des détenus.",
        '',
        'Pour sa part, le CPIP prépare la sortie.',
        '',
        '## Horaires',
        '',
        'Quant au surveillant, il travaille en roulement.',
        '',
        'Pour sa part, le CPIP travaille en horaires de bureau.',
      ].join('\n'),
      'prose.md',
    );
    expect(article.roles.map((role) => role.id)).toEqual(['surveillant', 'conseiller-d-insertion-et-de-probation']);
    expect(article.sections[1]!.byRole['conseiller-d-insertion-et-de-probation']!.prose).toEqual(['Pour sa part, le CPIP travaille en horaires de bureau.']);
  });

  it('reads decimal numbers before a heading as its number, and keeps a heading that opens on a quantity', () => {
    const article = parseArticle(
      [
        'Différences entre un Pilote et un Copilote', '', 'Intro.', '',
        '1.1 Au quotidien', '', '  • Pilote :', '    • Décoller', '  • Copilote :', '    • Surveiller', '',
        '35 heures par semaine', '', '  • Pilote :', '    • Vols de nuit', '  • Copilote :', '    • Vols de jour',
      ].join('\n'),
      'numeros.txt',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['au-quotidien', '35-heures-par-semaine']);
  });

  it('reads "2.1 Le pilote" under "2. Missions" as a role label one level down, however often the numbers go up', () => {
    const article = parseArticle(
      [
        'Différences entre un Pilote et un Copilote', '', 'Intro.', '',
        '1. Missions', '', '1.1 Le pilote', '', '  • Décoller', '', '1.2 Le copilote', '', '  • Surveiller', '',
        '2. Formation', '', '2.1 Le pilote', '', '  • Licence ATPL', '', '2.2 Le copilote', '', '  • Licence CPL', '',
        '3. Salaire', '', '3.1 Le pilote', '', '  • 8 000 €', '', '3.2 Le copilote', '', '  • 5 000 €',
      ].join('\n'),
      'numeros.txt',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'formation', 'salaire']);
    expect(article.sections[2]!.byRole['copilote']!.items.map((item) => item.text)).toEqual(['5 000 €']);
  });

  it('reads numbered sub-headings over lists led in by roles as themes of their own, one level up', () => {
    const article = parseArticle(
      [
        'Différences entre un Pilote et un Copilote', '', 'Intro.', '',
        '1. Missions', '', '  • Pour le pilote :', '    • Décoller', '  • Pour le copilote :', '    • Surveiller', '',
        '1.1 Au quotidien', '', '  • Pour le pilote :', '    • Briefer', '  • Pour le copilote :', '    • Vérifier', '',
        '1.2 Les cas difficiles', '', '  • Pour le pilote :', '    • Dérouter', '  • Pour le copilote :', '    • Alerter',
      ].join('\n'),
      'numeros.txt',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'au-quotidien', 'les-cas-difficiles']);
    expect(article.sections[1]!.byRole['pilote']!.items.map((item) => item.text)).toEqual(['Briefer']);
  });

  it('takes Markdown sub-headings for role labels, and a paragraph opened by one role for that role', () => {
    const article = parseArticle(
      [
        '# Différences entre un Pilote et un Copilote',
        '',
        '## Définition',
        '',
        '### Pilote',
        '',
        "Le pilote commande l'appareil.",
        '',
        '### Copilote',
        '',
        'Le copilote assiste le pilote (on parle aussi de premier officier).',
        '',
        '## Missions',
        '',
        '### Pilote',
        '- Décoller',
        '### Copilote',
        '- Surveiller les instruments',
      ].join('\n'),
      'pilotes.md',
    );
    const [definition, missions] = article.sections;
    expect(definition!.isDefinition).toBe(true);
    expect(definition!.byRole['copilote']!.prose).toEqual(['Le copilote assiste le pilote (on parle aussi de premier officier).']);
    expect(missions!.byRole['pilote']!.items.map((item) => item.text)).toEqual(['Décoller']);
    expect(article.roles[1]!.aliases).toEqual(['premier officier']);
  });

  it('reads a legal annex: numbered « Emploi de … » sub-headings name the roles, a lead-in under one stays its own, « ci-après » gives a name', () => {
    const article = parseArticle(
      [
        '# Annexe 2 — Pilote et copilote de ligne : emplois comparés',
        '',
        '## Préambule',
        '',
        "Le pilote de ligne commande l'appareil. Le copilote, appelé en interne « le second », l'assiste.",
        '',
        '## Article 1 – Champ d’application',
        '',
        '- pilote de ligne, ci-après « le commandant » ;',
        '- copilote de ligne, ci-après « le copilote ».',
        '',
        '## Article 2 – Activités principales',
        '',
        '### 2.1 – Emploi de pilote de ligne',
        '',
        "Le titulaire de l'emploi :",
        '',
        '- décide du carburant emporté ;',
        '- signe le devis de masse.',
        '',
        '### 2.2 – Emploi de copilote de ligne',
        '',
        "Le titulaire de l'emploi :",
        '',
        '- prépare le plan de vol ;',
        '- surveille les instruments.',
        '',
        '## Article 3 – Compétences requises',
        '',
        '### 3.1 – Emploi de pilote de ligne',
        '',
        '- leadership ;',
        '',
        '### 3.2 – Emploi de copilote de ligne',
        '',
        '- rigueur.',
      ].join('\n'),
      'annexe.md',
    );
    expect(article.roles.map((role) => role.id)).toEqual(['pilote-de-ligne', 'copilote-de-ligne']);
    const activities = article.sections.find((section) => section.id === 'activites-principales')!;
    expect(activities.byRole['pilote-de-ligne']!.items.map((item) => item.text)).toEqual(['décide du carburant emporté ;', 'signe le devis de masse.']);
    expect(activities.byRole['copilote-de-ligne']!.items.map((item) => item.text)).toEqual(['prépare le plan de vol ;', 'surveille les instruments.']);
    expect(activities.sharedItems).toEqual([]);
    expect(article.roles[0]!.aliases).toContain('commandant');
    expect(article.roles[1]!.aliases).toContain('second');
    expect(article.roles[0]!.aliases).not.toContain('second');
  });

  it('reads a section headed by the purpose of the jobs (« Finalité des emplois ») as the definition (definitionHeadings)', () => {
    const article = parseArticle(
      ['# Pilote ou copilote', '', '## Missions', '', '### Pilote', '- Décoller', '### Copilote', '- Surveiller', '', '## Finalité des emplois', '', '### Pilote', '', "Le pilote commande l'appareil.", '', '### Copilote', '', 'Le copilote assiste le pilote.'].join('\n'),
      'finalite.md',
    );
    expect(article.sections.map((section) => [section.id, section.isDefinition])).toEqual([['missions', false], ['finalite-des-emplois', true]]);
  });

  it('gives a quoted box that opens on a role\'s bold label to that role, and a call-out after a role\'s list to the section', () => {
    const article = parseArticle(
      [
        '# Pilote ou copilote', '', '## Qui sont-ils ?', '',
        '> ✈️ **Le pilote**', '>', "> Diplômé de l'ENAC, il commande l'appareil.", '',
        '> 🧭 **Le copilote**', '>', '> Second à bord, il surveille les instruments.', '',
        '## Missions', '', '**Pilote :**', '', '- Décoller', '', '**Copilote :**', '', '- Surveiller', '', '> Bon à savoir : les deux passent une visite médicale.',
      ].join('\n'),
      'boxes.md',
    );
    const [who, missions] = article.sections;
    expect(who!.byRole['pilote']!.prose).toEqual(["Diplômé de l'ENAC, il commande l'appareil."]);
    expect(who!.byRole['copilote']!.prose).toEqual(['Second à bord, il surveille les instruments.']);
    expect(missions!.intro).toEqual(['Bon à savoir : les deux passent une visite médicale.']);
  });

  it('prefers, of two sections whose headings say they define the roles, the one that gives each role a paragraph', () => {
    const article = parseArticle(
      [
        '# Différences entre un Pilote et un Copilote',
        '',
        '## En bref',
        '',
        '| Rôle | Statut |',
        '| --- | --- |',
        '| Pilote | cadre |',
        '| Copilote | cadre |',
        '',
        '## Quel est le rôle de chacun ?',
        '',
        'Le pilote commande l’avion.',
        '',
        'Le copilote assiste le pilote.',
        '',
        ...PILOT_MISSIONS,
      ].join('\n'),
      'deux.md',
    );
    expect(article.sections.filter((section) => section.isDefinition).map((section) => section.id)).toEqual(['quel-est-le-role-de-chacun']);
  });

  it('reads a section whose heading asks who is who, with one "Rôle : …" bullet per role, as the definition', () => {
    const article = parseArticle(
      [
        '# Différences entre un Pilote et un Copilote',
        '',
        '## En deux mots : qui est qui ?',
        '',
        '- Pilote : commandant de bord, il décide.',
        '- Copilote : il assiste le pilote.',
        '',
        ...PILOT_MISSIONS,
      ].join('\n'),
      'qui.md',
    );
    expect(article.sections.map((section) => section.isDefinition)).toEqual([true, false]);
  });
});

describe('parseArticle on role names after an elided article', () => {
  it('reads "de l’Ingénieur maintenance" as the role "Ingénieur maintenance"', () => {
    const article = parseArticle(
      [
        'Différences entre un Technicien de maintenance et un Ingénieur maintenance',
        '',
        'Intro.',
        '',
        'Missions',
        '',
        '  • Missions du Technicien de maintenance :',
        '    • Dépanner',
        '  • Missions de l’Ingénieur maintenance :',
        '    • Planifier',
        '',
        'Formation',
        '',
        '  • Technicien de maintenance :',
        '    • BTS',
        '  • Ingénieur maintenance :',
        '    • Diplôme d’ingénieur',
      ].join('\n'),
      'maintenance.txt',
    );
    expect(article.roles.map((role) => role.id)).toEqual(['technicien-de-maintenance', 'ingenieur-maintenance']);
  });
});

describe('parseArticle on flat lists and conclusions', () => {
  const article = parseArticle(
    [
      'Différences entre un Pilote et un Copilote',
      '',
      'Intro.',
      '',
      'Missions',
      '',
      '  • Pilote :',
      '  • Décoller',
      '  • Atterrir',
      '  • Copilote :',
      '  • Surveiller',
      '',
      'Conclusion',
      '',
      'Le pilote décide. Le copilote assiste le pilote.',
    ].join('\n'),
    'plat.txt',
  );

  it('gives a header bullet the bullets that follow it at the same indentation', () => {
    expect(article.sections[0]!.byRole['pilote']!.items.map((item) => item.text)).toEqual(['Décoller', 'Atterrir']);
    expect(article.sections[0]!.byRole['copilote']!.items.map((item) => item.text)).toEqual(['Surveiller']);
  });

  it('keeps the conclusion whole even when it names one role first', () => {
    expect(article.conclusion).toEqual(['Le pilote décide. Le copilote assiste le pilote.']);
  });
});

describe('parseArticle on malformed files', () => {
  const failure = (source: string) => {
    try {
      parseArticle(source, 'bad.txt');
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };

  it('refuses an empty file', () => {
    expect(failure('')).toBeInstanceOf(KnowledgeFileError);
  });

  it('names the file and line of a file with no section', () => {
    const error = failure('Différences entre un A et un B\n\n  • orphelin\n') as KnowledgeFileError;
    expect(error.message).toBe(`bad.txt:1: ${problems.noSection}`);
  });

  it('leaves a list before the first heading (a table of contents) out, as a doubt with its line', () => {
    const article = parseArticle(['# Différences entre un Pilote et un Copilote', '', '- [Missions](#missions)', '', ...PILOT_MISSIONS].join('\n'), 'sommaire.md');
    expect(article.sections.map((section) => section.id)).toEqual(['missions']);
    expect(article.diagnostics).toEqual([{ line: 3, severity: 'doubt', message: doubts.listBeforeFirstHeading }]);
  });

  it('says when it cannot find two roles', () => {
    const error = failure('Un titre sans rôles\n\nUne introduction.\n\nSection\n\nDu texte sans liste.\n') as KnowledgeFileError;
    expect(error.message).toMatch(/^bad\.txt:5: impossible de trouver au moins deux rôles/);
  });
});
