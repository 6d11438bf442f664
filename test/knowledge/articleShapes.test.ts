import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doubts } from '../../src/knowledge/checkerMessages.js';
import type { Article } from '../../src/knowledge/knowledgeBase.js';
import { parseArticle } from '../../src/knowledge/parseArticle.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { loadLexicon } from '../../src/language/lexicon.js';
import { DEFAULT_LANGUAGE_PACK, DEFAULT_LEXICON, PROJECT_ROOT } from '../../src/projectRoot.js';
import { THEMED_SECTION_ARTICLE } from '../support/articles.js';

const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);
const lexicon = loadLexicon(DEFAULT_LEXICON, pack);
const parse = (source: string, file = 'article.md') => parseArticle(source, file, pack);
const fixture = (folder: string): Article => {
  const directory = join(PROJECT_ROOT, 'test/fixtures', folder);
  const file = join(directory, readdirSync(directory)[0]!);
  return parseArticle(readFileSync(file, 'utf8'), file, pack);
};
const texts = (article: Article, sectionId: string, roleId: string) =>
  article.sections.find((section) => section.id === sectionId)!.byRole[roleId]?.items.map((item) => item.text);

describe('an article of three roles in Markdown, as HR teams write it', () => {
  const article = fixture('shapes-md');

  it('finds the three roles from a title without "entre" and from the labels', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['assistant-rh', 'charge-de-formation', 'gestionnaire-de-paie']);
  });

  it('reads a bold label alone on its line as the owner of the list below, in the feminine too', () => {
    expect(texts(article, 'que-fait-chacun-au-quotidien', 'charge-de-formation')).toContain('Recenser les besoins de formation');
    expect(article.roles[1]!.aliases).toContain('Chargée de formation');
  });

  it('reads ### sub-headings as role labels and keeps the lead-in paragraph as the section intro', () => {
    const skills = article.sections.find((section) => section.id === 'quelles-competences')!;
    expect(skills.byRole['gestionnaire-de-paie']!.items.map((item) => item.text)).toEqual(["Maîtrise d'un logiciel de paie", 'Connaissance des conventions collectives']);
    expect(skills.intro).toEqual(['Les trois postes demandent de la rigueur, mais pas les mêmes savoir-faire.']);
  });

  it('gives each cell of a table with roles as columns to its role, under its row label, and skips empty cells', () => {
    const table = article.sections.find((section) => section.id === 'remuneration-et-conditions')!;
    expect(table.blocks[0]).toMatchObject({ type: 'table', orientation: 'rolesAsColumns' });
    expect(texts(article, 'remuneration-et-conditions', 'charge-de-formation')).toEqual([
      'Salaire brut annuel débutant : 32 000 €',
      'Part variable : Prime annuelle',
      'Télétravail : 2 jours par semaine',
    ]);
    expect(texts(article, 'remuneration-et-conditions', 'gestionnaire-de-paie')).toHaveLength(2);
    expect(table.byRole['assistant-rh']!.items[0]!.label).toBe('Salaire brut annuel débutant');
  });

  it('reads "**Rôle** : texte" as that role\'s paragraph, not as a definition of the role', () => {
    const partners = article.sections.find((section) => section.id === 'avec-qui-travaillent-ils')!;
    expect(partners.byRole['assistant-rh']!.prose).toEqual(['il travaille avec les managers et le service juridique.']);
    // After the lists, a paragraph each says who they work with, not what they are.
    expect(partners.isDefinition).toBe(false);
  });

  it('reads "Points communs" as a section every role shares, and the closing section as the conclusion', () => {
    const common = article.sections.find((section) => section.id === 'points-communs')!;
    expect(common.isShared).toBe(true);
    expect(common.sharedItems.map((item) => item.text)).toContain('Respect de la confidentialité des données du personnel');
    expect(article.sections.at(-1)!.isConclusion).toBe(true);
  });

  it('has no doubt to report about a well-formed article', () => {
    expect(article.diagnostics).toEqual([]);
  });
});

describe('an article of three roles in the text export', () => {
  const article = fixture('shapes-txt');

  it('splits a title that lists three names with commas and "et"', () => {
    expect(article.roles.map((role) => role.name)).toEqual(['Serveur', 'Chef de rang', 'Sommelier']);
    expect(article.roles[1]!.aliases).toEqual([]);
  });

  it('gives each role its paragraph of the definition section and its list after "Pour la Sommelière :"', () => {
    expect(article.sections[0]!.isDefinition).toBe(true);
    expect(texts(article, 'competences-requises', 'sommelier')).toEqual(['Culture œnologique', 'Dégustation']);
  });

  it('keeps a "Points communs aux trois métiers" list as shared items', () => {
    const skills = article.sections.find((section) => section.id === 'competences-requises')!;
    expect(skills.sharedItems[0]!.text).toBe('Points communs aux trois métiers');
  });
});

describe('roles from labels alone, and doubts for the writer', () => {
  it('finds roles that the title does not name when labels name them in several sections', () => {
    const article = parse(
      ['# Les métiers de la salle', '', '## Missions', '', '**Serveur**', '- Servir', '', '**Barman**', '- Préparer les cocktails', '', '## Qualités', '', '**Serveur**', '- Rapidité', '', '**Barman**', '- Créativité'].join('\n'),
    );
    expect(article.roles.map((role) => role.id)).toEqual(['serveur', 'barman']);
  });

  it('reads a table with roles as rows, each cell under its column header', () => {
    const article = parse(
      [
        '# Différences entre un Serveur et un Barman',
        '',
        '## Conditions',
        '',
        '| Métier | Salaire | Horaires |',
        '|---|---|---|',
        '| Serveur | 1 900 € | Midi et soir |',
        '| Barman | 2 000 € | Soir |',
        '',
        '## Missions',
        '',
        '- Serveur : servir',
        '- Barman : préparer les cocktails',
      ].join('\n'),
    );
    const conditions = article.sections[0]!;
    expect(conditions.blocks[0]).toMatchObject({ type: 'table', orientation: 'rolesAsRows' });
    expect(conditions.byRole['barman']!.items.map((item) => item.text)).toEqual(['Salaire : 2 000 €', 'Horaires : Soir']);
  });

  it('reads a text export\'s table written without its outer pipes, one row a line', () => {
    const article = parse(
      [
        'Différences entre un Serveur et un Barman',
        '',
        'Deux métiers de la salle.',
        '',
        'Conditions',
        '',
        'Métier | Salaire | Horaires',
        'Serveur | 1 900 € | Midi et soir',
        'Barman | 2 000 € | Soir',
        '',
        'Missions',
        '',
        '  • Serveur : servir',
        '  • Barman : préparer les cocktails',
      ].join('\n'),
      'article.txt',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['conditions', 'missions']);
    expect(article.sections[0]!.byRole['barman']!.items.map((item) => item.text)).toEqual(['Salaire : 2 000 €', 'Horaires : Soir']);
  });

  it('reads a plain-text page that underlines its headings: the title under « ==== », sections under « ---- », the lines between them text', () => {
    const article = parse(
      [
        'SERVEUR, BARMAN : QUI FAIT QUOI ?',
        '=================================',
        '',
        'Fiche métiers comparée - Département salle',
        'Direction des ressources humaines',
        '',
        'Deux métiers de la salle que les clients confondent.',
        '',
        'MISSIONS',
        '--------',
        '',
        '► Le serveur',
        '- Prendre les commandes',
        '- Servir les plats',
        '',
        '► Le barman',
        '- Préparer les cocktails',
      ].join('\n'),
      'article.txt',
    );
    expect(article.title).toBe('SERVEUR, BARMAN : QUI FAIT QUOI ?');
    expect(article.sections.map((section) => section.id)).toEqual(['missions']);
    // A mark that opens the list and comes back only before runs of another mark heads those runs.
    expect(article.sections[0]!.byRole['serveur']!.items.map((item) => item.text)).toEqual(['Prendre les commandes', 'Servir les plats']);
    // The name written in running text, not the title's capitals.
    expect(article.roles.map((role) => role.name)).toEqual(['serveur', 'barman']);
  });

  it('reads a paragraph with a second sentence opened by a bold role as two paragraphs, and a lead-in after one paragraph per role as the section\'s', () => {
    const article = parse(
      [
        '# Différences entre un Serveur, un Barman et un Commis',
        '',
        '## Horaires',
        '',
        '**En salle, le serveur** travaille le midi et le soir. **Le commis** commence plus tôt, vers 8 h.',
        '',
        '**Au bar, le barman** travaille le soir.',
        '',
        "Les temps forts de l'année :",
        '',
        '- Noël',
        '- Le 14 juillet',
        '',
        '## Missions',
        '',
        '- Serveur : servir',
        '- Barman : préparer les cocktails',
        '- Commis : dresser',
      ].join('\n'),
    );
    const hours = article.sections[0]!;
    expect(hours.byRole['commis']!.prose).toEqual(['Le commis commence plus tôt, vers 8 h.']);
    expect(hours.byRole['barman']!.items).toEqual([]);
    expect(hours.sharedItems.flatMap((item) => item.children.map((child) => child.text))).toEqual(['Noël', 'Le 14 juillet']);
  });

  it('reads a slide deck: the first slide\'s title under its subtitle, one slide per role as parts of the slide that announces them, « (suite) » with its slide, points without marks under a lead-in', () => {
    const deck = [
      'Diapositive 1', 'Serveur, barman : qui fait quoi ?', "Parcours d'intégration – Pôle Salle", '',
      'Diapositive 2', 'Les missions', 'Un métier par diapositive', '',
      'Diapositive 3', 'Le serveur', '• Prendre les commandes', '• Servir les plats', '',
      'Diapositive 4', 'Le barman', '• Préparer les cocktails', '',
      'Diapositive 5', 'Outils', 'Serveur :', 'Carnet de commandes', 'Terminal de paiement', 'Barman :', 'Shaker', '',
      'Diapositive 6', 'Avec qui', 'Serveur : le chef de rang, la cuisine et les clients en salle', 'Barman : les clients au comptoir', '',
      'Diapositive 7', 'Horaires', 'Serveur :', '• Midi et soir', '',
      'Diapositive 8', 'Horaires (suite)', 'Barman :', '• Soir', '',
    ].join('\n');
    const article = parse(deck, 'deck.txt');
    expect(article.title).toBe('Serveur, barman : qui fait quoi ?');
    expect(article.sections.map((section) => section.id)).toEqual(['les-missions', 'outils', 'avec-qui', 'horaires']);
    expect(texts(article, 'les-missions', 'barman')).toEqual(['Préparer les cocktails']);
    expect(texts(article, 'outils', 'serveur')).toEqual(['Carnet de commandes', 'Terminal de paiement']);
    expect(article.sections[2]!.byRole['barman']!.prose).toEqual(['les clients au comptoir']);
    expect(texts(article, 'horaires', 'barman')).toEqual(['Soir']);
  });

  it('reports a label that names no role and a table whose columns are not roles, in French, with their lines', () => {
    const article = parse(
      [
        '# Différences entre un Serveur et un Barman',
        '',
        '## Missions',
        '',
        '**Serveur**',
        '- Servir',
        '',
        '**Plongeur**',
        '- Laver la vaisselle',
        '',
        '**Barman**',
        '- Préparer les cocktails',
        '',
        '## Horaires',
        '',
        '| Jour | Midi | Soir |',
        '|---|---|---|',
        '| Lundi | oui | non |',
      ].join('\n'),
    );
    expect(article.diagnostics).toEqual([
      { line: 8, severity: 'doubt', message: expect.stringMatching(/^le libellé « Plongeur » ne correspond à aucun rôle/) },
      { line: 16, severity: 'doubt', message: expect.stringMatching(/^le tableau de la section « Horaires » n'a de rôles ni en colonnes ni en lignes/) },
    ]);
  });

  it('keeps article text plain: HTML tags dropped, a link keeps its words and its address', () => {
    const article = parse(
      [
        '# Différences entre un Serveur et un Barman',
        '',
        '## Missions',
        '',
        '- Serveur : servir <img src="https://exemple.org/x.png"> les clients',
        '- Barman : voir le [Portail RH](https://rh.exemple.org/bar) <script>alert(1)</script>',
      ].join('\n'),
    );
    const missions = article.sections[0]!;
    expect(missions.byRole['serveur']!.items[0]!.text).toBe('servir les clients');
    expect(missions.byRole['barman']!.items[0]!.text).toBe('voir le Portail RH (https://rh.exemple.org/bar)');
  });

  it('merges initialisms used as labels into the roles whose names they abbreviate, instead of new roles', () => {
    const section = (heading: string, first: string, second: string) => [`## ${heading}`, '', `${first} :`, '- un point', '', `${second} :`, '- un autre point', ''];
    const article = parse(
      [
        '# Différences entre un Technicien de maintenance et un Responsable des achats',
        '',
        ...section('Missions', 'Technicien de maintenance', 'Responsable des achats'),
        ...section('Compétences', 'TM', 'RA'),
        ...section('Salaire', 'TM', 'RA'),
      ].join('\n'),
    );
    expect(article.roles.map((role) => role.id)).toEqual(['technicien-de-maintenance', 'responsable-des-achats']);
    expect(article.roles.map((role) => role.aliases)).toEqual([['TM'], ['RA']]);
    expect(texts(article, 'salaire', 'responsable-des-achats')).toEqual(['un autre point']);
  });

  it('spells out an initialism two role names could stand for from the text, and joins it to the role of that name', () => {
    const section = (heading: string, first: string, second: string) => [heading, '', `${first} :`, '• un point', `${second} :`, '• un autre point', ''];
    const article = parse(
      [
        'Agent de service hospitalier ou assistant de soins hospitaliers : qui fait quoi ?',
        '',
        "Dans la suite, l'agent de service hospitalier (ASH) est désigné par son sigle.",
        '',
        ...section('Missions', 'Agent de service hospitalier', 'Assistant de soins hospitaliers'),
        ...section('Compétences', 'ASH', 'Assistant de soins hospitaliers'),
        ...section('Salaire', 'ASH', 'Assistant de soins hospitaliers'),
      ].join('\n'),
      'article.txt',
    );
    expect(article.roles.map((role) => role.id)).toEqual(['agent-de-service-hospitalier', 'assistant-de-soins-hospitaliers']);
    expect(article.roles[0]!.aliases).toEqual(['ASH']);
    expect(texts(article, 'salaire', 'agent-de-service-hospitalier')).toEqual(['un point']);
  });

  it('reads lines without bullet under a bullet as its points, a wrapped line as the same point, and "X —" as a label', () => {
    const article = parse(
      [
        'Différences entre un Caviste et un Sommelier',
        '',
        'Fiche des postes',
        '',
        '  • Caviste',
        '    Statut : employé',
        '    Formation : CAP, puis une mention',
        '    complémentaire en sommellerie',
        '  • Sommelier',
        '    Statut : agent de maîtrise',
        '',
        'Horaires',
        '',
        '  • Caviste —',
        '    • Travail le samedi',
        '  • Sommelier —',
        '    • Service du soir',
      ].join('\n'),
      'article.txt',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['fiche-des-postes', 'horaires']);
    expect(texts(article, 'fiche-des-postes', 'caviste')).toEqual(['Statut : employé', 'Formation : CAP, puis une mention complémentaire en sommellerie']);
    expect(texts(article, 'horaires', 'sommelier')).toEqual(['Service du soir']);
    expect(article.roles.map((role) => role.aliases)).toEqual([[], []]);
  });

  it('takes both names of "on dit souvent X ou Y" as aliases of the role the paragraph is about', () => {
    const article = parse(
      [
        '# Différences entre un Conseiller de clientèle et un Chargé de recouvrement',
        '',
        '## Définition',
        '',
        'Le Conseiller de clientèle (on dit souvent téléconseiller ou téléconseillère) répond aux appels.',
        '',
        'Le Chargé de recouvrement relance les impayés.',
        '',
        '## Missions',
        '',
        '- Conseiller de clientèle : répondre',
        '- Chargé de recouvrement : relancer',
      ].join('\n'),
    );
    expect(article.roles[0]!.aliases).toEqual(['téléconseiller', 'téléconseillère']);
  });

  it('gives each role the names in quotes that open its points in a section about what people call them', () => {
    const article = parse(
      [
        '# Différences entre un Conducteur de bus et un Régulateur',
        '',
        '## Missions',
        '',
        '- Conducteur de bus : conduire',
        '- Régulateur : réguler le trafic',
        '',
        '## Dans le jargon du dépôt',
        '',
        '**Conducteur de bus**',
        '- « Le machiniste » ou « le chauffeur », les termes les plus courants',
        '',
        '**Régulateur**',
        '- « Le PC » : on désigne souvent le poste plutôt que la personne',
        '',
        '## Horaires',
        '',
        '- Conducteur de bus : « le matin » surtout',
        '- Régulateur : en journée',
      ].join('\n'),
    );
    expect(article.roles.map((role) => role.aliases)).toEqual([['machiniste', 'chauffeur'], ['PC']]);
  });

  it('makes each sub-heading written as a question (a FAQ) a section every role shares, and drops the empty heading above them', () => {
    const article = parse(
      [
        '# Différences entre un Veilleur de nuit et un Agent d’accueil',
        '',
        '## Missions',
        '',
        '**Veilleur de nuit :**',
        '- surveiller',
        '',
        '**Agent d’accueil :**',
        '- accueillir',
        '',
        '## Questions fréquentes',
        '',
        '### Les nuits sont-elles majorées ?',
        '',
        'Oui, de 25 %.',
        '',
        '### Qui paie les formations ?',
        '',
        "L'employeur.",
      ].join('\n'),
    );
    expect(article.sections.map((section) => [section.id, section.isShared, section.isConclusion])).toEqual([
      ['missions', false, false],
      ['les-nuits-sont-elles-majorees', true, false],
      ['qui-paie-les-formations', true, false],
    ]);
    expect(article.roles).toHaveLength(2);
    expect(article.diagnostics).toEqual([]);
  });

  it('takes the quoted names after « Appelé » in a role\'s bullet of the definition section as aliases, and nothing after « appelé à »', () => {
    const article = parse(
      [
        '# Les postes de la sécurité : qui fait quoi ?',
        '',
        '## Les postes en bref',
        '',
        '**Agent de prévention et de sécurité :**',
        '- Appelé « APS » ou « agent de sûreté » sur le site, il protège les biens.',
        '',
        '**Opérateur vidéo :**',
        '- Il est appelé à surveiller les écrans.',
        '',
        '## Missions',
        '',
        '- Agent de prévention et de sécurité : rondes',
        '- Opérateur vidéo : surveiller',
      ].join('\n'),
    );
    expect(article.roles.map((role) => role.aliases)).toEqual([['APS', 'agent de sûreté'], []]);
  });
});

describe('an article organised role first', () => {
  const article = parse(
    [
      '# Caviste ou sommelier : quelles différences ?',
      '',
      '## Le caviste',
      '',
      'Le caviste tient une boutique de vins.',
      '',
      '### Missions',
      '- Conseiller les clients',
      '### Salaire',
      '- 1 900 € brut',
      '',
      '## Le sommelier',
      '',
      'Le sommelier sert le vin au restaurant.',
      '',
      '### Missions',
      '- Composer la carte des vins',
      '### Salaire',
      '- 2 200 € brut',
      '',
      '## Questions fréquentes',
      '',
      '**Un caviste peut-il devenir sommelier ?**',
      'Oui, avec une mention complémentaire.',
    ].join('\n'),
  );

  it('reads one section per sub-heading, each role\'s part under its name, and the roles from the title', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['caviste', 'sommelier']);
    expect(article.sections.map((section) => section.id)).toEqual(['caviste-ou-sommelier-quelles-differences', 'missions', 'salaire', 'questions-frequentes']);
    expect(texts(article, 'missions', 'sommelier')).toEqual(['Composer la carte des vins']);
    expect(texts(article, 'salaire', 'caviste')).toEqual(['1 900 € brut']);
  });

  it("defines each role with what its block says before its first sub-heading", () => {
    const definition = article.sections[0]!;
    expect(definition.isDefinition).toBe(true);
    expect(definition.byRole['caviste']!.prose).toEqual(['Le caviste tient une boutique de vins.']);
  });

  it('takes no role from a bold question of its FAQ', () => {
    expect(article.roles).toHaveLength(2);
  });
});

describe('an article organised role first, each role\'s sub-headings worded its own way', () => {
  const article = parse(
    [
      '# Fiches de poste comparées : fontainier, égoutier, opérateur STEP',
      '',
      '## Sommaire',
      '',
      '- [Fontainier / Fontainière](#fontainier)',
      '- [Égoutier / Égoutière](#egoutier)',
      '',
      '## Fontainier / Fontainière',
      '',
      '### Missions principales',
      '- Réparer les fuites',
      '### Formation / accès au poste',
      '- CAP canalisateur',
      '### Rémunération',
      '- 1 900 € brut',
      '',
      '[↑ Retour au sommaire](#sommaire)',
      '',
      '## Égoutier / Égoutière',
      '',
      '### Ses missions',
      '- Curer les collecteurs',
      '### Formation requise',
      '- CAP assainissement',
      '### Salaire',
      '- 2 000 € brut',
      '',
      '## Opérateur / Opératrice de station d’épuration',
      '',
      '### Le rôle',
      '- Piloter le traitement des eaux usées',
      '### Diplômes et formation',
      '- Bac pro',
      '### Rémunération indicative',
      '- 2 100 € brut',
    ].join('\n'),
  );

  it('gathers the sub-headings about one subject — by their words, else by their place — under the first role\'s heading, keeping the others', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['missions-principales', 'formation-acces-au-poste', 'remuneration']);
    expect(texts(article, 'missions-principales', 'egoutier')).toEqual(['Curer les collecteurs']);
    expect(texts(article, 'remuneration', 'egoutier')).toEqual(['2 000 € brut']);
    expect(article.sections[0]!.otherHeadings).toEqual(['Ses missions', 'Le rôle']);
  });

  it('takes a block headed by the head word of one title name, in both genders, as that role\'s (« Opérateur / Opératrice de station d\'épuration » for « opérateur STEP »)', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['fontainier', 'egoutier', 'operateur-step']);
    expect(texts(article, 'remuneration', 'operateur-step')).toEqual(['2 100 € brut']);
  });

  it('reads neither a table of contents nor a link back to it (noiseLines)', () => {
    expect(article.sections.some((section) => section.heading === 'Sommaire')).toBe(false);
    expect(article.sections.flatMap((section) => Object.values(section.byRole).flatMap((content) => content.prose))).toEqual([]);
  });
});

describe('role names as intranets write them', () => {
  it('reads text-export headings that start with an emoji', () => {
    const article = parse(['Comparaison', '', 'Différences entre un Caviste et un Sommelier', '', '🎯 Missions', '', 'Caviste :', '• conseiller', 'Sommelier :', '• servir', '', '💶 Salaire', '', 'Caviste :', '• 1 900 €', 'Sommelier :', '• 2 200 €'].join('\n'), 'emoji.txt');
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'salaire']);
  });

  it('names a role by the title\'s full name when the lists shorten it, and leaves the initialism in brackets out of the name', () => {
    const article = parse(
      [
        'Comparaison',
        '',
        "Différences entre l'assistant médico-administratif (AMA) et l'agent d'escale commercial",
        '',
        'Missions',
        '',
        "L'AMA :",
        '• coder les actes',
        "Chez l'agent d'escale :",
        '• enregistrer les passagers',
        '',
        'Horaires',
        '',
        "L'AMA :",
        '• de jour',
        "Chez l'agent d'escale :",
        '• en décalé',
      ].join('\n'),
      'names.txt',
    );
    expect(article.roles.map((role) => role.name)).toEqual(['Assistant médico-administratif', "Agent d'escale commercial"]);
    expect(article.roles[1]!.aliases).toContain("agent d'escale");
    expect(texts(article, 'missions', 'agent-d-escale-commercial')).toEqual(['enregistrer les passagers']);
  });

  it('reads "Éditeur / éditrice" as one role in both genders, and a bullet grouping tasks as no role', () => {
    const article = parse(
      [
        '# Différences entre éditeur et correcteur',
        '',
        '## Missions',
        '',
        '- **Éditeur / éditrice** — choisit les textes',
        '- **Correcteur / correctrice** — relit',
        '',
        '## Compétences',
        '',
        '**Éditeur :**',
        '- Corriger les épreuves',
        '  - relire',
        '',
        '**Correcteur :**',
        '- Corriger les épreuves',
        '  - pointer',
      ].join('\n'),
    );
    expect(article.roles.map((role) => [role.id, role.aliases])).toEqual([
      ['editeur', ['éditrice']],
      ['correcteur', ['correctrice']],
    ]);
  });

  it("keeps a bullet that groups tasks under a role's own heading as that role's point, with its sub-points", () => {
    const article = parse(
      [
        '# Différences entre éditeur et correcteur',
        '',
        '## Missions',
        '',
        '### Éditeur',
        '',
        '- Piloter la fabrication',
        '  - Établir le calendrier',
        '',
        '### Correcteur',
        '',
        '- Corriger les épreuves',
        '  - Relever les fautes',
        '',
        '## Salaire',
        '',
        '- Éditeur : 2 500 €',
        '- Correcteur : 2 000 €',
      ].join('\n'),
    );
    const missions = article.sections.find((section) => section.id === 'missions')!;
    expect(missions.byRole['editeur']!.items).toEqual([{ text: 'Piloter la fabrication', line: 7, children: [{ text: 'Établir le calendrier', line: 8, children: [] }] }]);
    expect(missions.sharedItems).toEqual([]);
  });
});


describe('an article written as prose, one paragraph per role', () => {
  const prose = (closing: string[]) =>
    parse(
      [
        "# Différences entre le CPE, l'assistant d'éducation et le professeur principal",
        '',
        '## Qui sont-ils ?',
        '',
        "Le conseiller principal d'éducation (CPE) est responsable de la vie scolaire.",
        '',
        "L'assistant d'éducation (AED) surveille les élèves, titulaire du diplôme d'État d'éducateur spécialisé (DEES) ou non.",
        '',
        'Le professeur principal est un enseignant qui suit une classe.',
        '',
        '## Que font-ils au quotidien ?',
        '',
        'Le CPE organise le service de vie scolaire.',
        '',
        "L'assistant d'éducation fait l'appel en étude.",
        '',
        'Le professeur principal prépare le conseil de classe.',
        '',
        ...closing,
      ].join('\n'),
    );

  it('takes its roles from the title names its paragraphs open with, an initialism spelled out as the text does', () => {
    const article = prose([]);
    expect(article.roles.map((role) => role.id).sort()).toEqual(['assistant-d-education', 'conseiller-principal-d-education', 'professeur-principal']);
    const daily = article.sections.find((section) => section.id === 'que-font-ils-au-quotidien')!;
    expect(daily.byRole['conseiller-principal-d-education']!.prose).toEqual(['Le CPE organise le service de vie scolaire.']);
  });

  it("takes an initialism in brackets after a role's name as another of its names, not a diploma's initialism", () => {
    const article = prose([]);
    const assistant = article.roles.find((role) => role.id === 'assistant-d-education')!;
    expect(assistant.aliases).toContain('AED');
    expect(assistant.aliases).not.toContain('DEES');
    expect(article.roles.find((role) => role.id === 'conseiller-principal-d-education')!.aliases).toContain('CPE');
  });

  it('reads a last section whose heading says what the roles share as shared, not as a conclusion', () => {
    const article = prose(["## Ce qu'ils partagent", '', 'Tous les trois travaillent pour la réussite des élèves.']);
    const shared = article.sections.find((section) => section.id === 'ce-qu-ils-partagent')!;
    expect(shared.isShared).toBe(true);
    expect(shared.isConclusion).toBe(false);
  });

  it('keeps a paragraph opening on a short form of a labelled role as that role, not a new one', () => {
    const article = parse(
      [
        '# Conservateur, bibliothécaire : quelles différences ?',
        '',
        '## Missions',
        '',
        '**Conservateur des bibliothèques** : diriger le réseau.',
        '',
        '**Bibliothécaire** : accueillir le public.',
        '',
        '## Carrière',
        '',
        'Le conservateur devient directeur.',
        '',
        'Le bibliothécaire passe le concours.',
        '',
        '## Salaire',
        '',
        '**Conservateur des bibliothèques** : 3 000 €.',
        '',
        '**Bibliothécaire** : 2 200 €.',
      ].join('\n'),
    );
    expect(article.roles.map((role) => role.id)).toEqual(['conservateur-des-bibliotheques', 'bibliothecaire']);
  });
});

describe('salary lines written per role and level', () => {
  const article = parse(
    [
      'Comparaison',
      '',
      'Différences entre un Traducteur et un Interprète',
      '',
      'Missions',
      '',
      'Missions du traducteur :',
      '',
      '  • Traduire des documents',
      '',
      'Missions de l’interprète :',
      '',
      '  • Interpréter en cabine',
      '',
      'Rémunération indicative',
      '',
      '  • Traducteur junior : 28 000 à 32 000 €',
      '  • Traducteur confirmé (3 à 8 ans d’expérience) : 33 000 à 40 000 €',
      '  • Traducteur-réviseur senior : 41 000 à 48 000 €',
      '  • Interprète junior : 32 000 à 36 000 €',
      '  • Interprète et traducteur stagiaires : 1 200 €',
    ].join('\n'),
    'article.txt',
  );
  const pay = article.sections.find((section) => section.id === 'remuneration-indicative')!;

  it("gives a line opening on a role's name and a level (an aside in brackets aside) to that role, level and all, in one list", () => {
    expect(pay.byRole['traducteur']!.items.map((item) => item.text)).toEqual([
      'Traducteur junior : 28 000 à 32 000 €',
      'Traducteur confirmé (3 à 8 ans d’expérience) : 33 000 à 40 000 €',
      'Traducteur-réviseur senior : 41 000 à 48 000 €',
    ]);
    expect(pay.blocks.filter((block) => block.type === 'roleList' && block.roleId === 'traducteur')).toHaveLength(1);
    expect(pay.byRole['interprete']!.items.map((item) => item.text)).toEqual(['Interprète junior : 32 000 à 36 000 €']);
  });

  it('leaves a line naming two roles to neither', () => {
    expect(pay.sharedItems.map((item) => item.text)).toEqual(['Interprète et traducteur stagiaires : 1 200 €']);
  });
});

describe('a FAQ whose questions name one role', () => {
  const article = parse(
    [
      '# FAQ : géomètre-topographe ou dessinateur-projeteur ?',
      '',
      '## Le quotidien',
      '',
      '### Que fait un géomètre-topographe sur un chantier ?',
      '',
      '- Il implante les axes des ouvrages',
      '',
      '### Le dessinateur va-t-il sur le terrain ?',
      '',
      'Rarement : il travaille surtout au bureau.',
      '',
      '### Comment se passe un projet, étape par étape ?',
      '',
      '- Le relevé, puis le dessin',
      '',
      '### Quels logiciels ?',
      '',
      '**Géomètre-topographe**',
      '- Covadis',
      '',
      '**Dessinateur-projeteur**',
      '- Mensura',
    ].join('\n'),
  );
  const section = (id: string) => article.sections.find((candidate) => candidate.id === id)!;

  it("gives what a question about one role answers to that role, named whole or by its head word", () => {
    expect(section('que-fait-un-geometre-topographe-sur-un-chantier').byRole['geometre-topographe']!.items.map((item) => item.text)).toEqual(['Il implante les axes des ouvrages']);
    expect(section('le-dessinateur-va-t-il-sur-le-terrain').byRole['dessinateur-projeteur']!.prose).toEqual(['Rarement : il travaille surtout au bureau.']);
  });

  it('splits a paragraph where a later sentence turns to another role', () => {
    const week = parse(
      [
        '# FAQ : géomètre-topographe ou dessinateur-projeteur ?',
        '',
        '## Le métier',
        '',
        "### Qu'est-ce qu'un géomètre-topographe ?",
        '',
        'Le géomètre-topographe mesure le terrain.',
        '',
        "### Qu'est-ce qu'un dessinateur-projeteur ?",
        '',
        'Le dessinateur-projeteur dessine les ouvrages.',
        '',
        '### Le métier est-il physique ?',
        '',
        'Pour le géomètre-topographe, oui : il marche beaucoup. Il porte la station. Le dessinateur-projeteur, lui, travaille assis.',
      ].join('\n'),
    );
    const physical = week.sections.find((candidate) => candidate.id === 'le-metier-est-il-physique')!;
    expect(physical.byRole['geometre-topographe']!.prose).toEqual(['Pour le géomètre-topographe, oui : il marche beaucoup. Il porte la station.']);
    expect(physical.byRole['dessinateur-projeteur']!.prose).toEqual(['Le dessinateur-projeteur, lui, travaille assis.']);
    // Each role is defined under its own question, not by the section that happens to give both a paragraph.
    expect(week.sections.filter((candidate) => candidate.isDefinition).map((candidate) => candidate.id)).toEqual([
      'qu-est-ce-qu-un-geometre-topographe',
      'qu-est-ce-qu-un-dessinateur-projeteur',
    ]);
  });

  it('keeps a question about no role shared, and the labels under a question still give each role its list', () => {
    expect(section('comment-se-passe-un-projet-etape-par-etape').isShared).toBe(true);
    expect(Object.keys(section('quels-logiciels').byRole)).toEqual(['geometre-topographe', 'dessinateur-projeteur']);
  });
});

describe('a heading that uses a word of a role name as a thing', () => {
  it('does not give the section to that role ("Comment se passe une escale ?" beside the Agent d\'escale)', () => {
    const article = parse(
      [
        "# Agent d'escale ou agent de piste : quelles différences ?",
        '',
        '## Missions',
        '',
        "**Agent d'escale** : enregistrer les passagers.",
        '',
        '**Agent de piste** : charger les bagages.',
        '',
        '## Comment se passe une escale ?',
        '',
        "- L'avion arrive, puis repart",
        '',
        '## Salaire',
        '',
        "**Agent d'escale** : 1 900 €.",
        '',
        '**Agent de piste** : 1 850 €.',
      ].join('\n'),
    );
    expect(article.sections.find((section) => section.id === 'comment-se-passe-une-escale')!.isShared).toBe(true);
  });
});

describe('a list header that names several roles', () => {
  const article = parse(
    [
      'Comparaison',
      '',
      'Différences entre Conducteur de bus, Contrôleur et Régulateur',
      '',
      'Missions',
      '',
      '  • Pour le conducteur de bus :',
      '    • Conduire le bus',
      '  • Côté contrôleur :',
      '    • Contrôler les titres',
      '  • Le régulateur :',
      '    • Réguler le réseau',
      '',
      'Horaires',
      '',
      '  • Conducteur et contrôleur :',
      '    • Travail en roulement',
      '  • Le régulateur :',
      '    • Travail en 3x8',
      '  • Conducteur, contrôleur et régulateur :',
      '    • Une tenue fournie',
    ].join('\n'),
    'article.txt',
  );
  const hours = article.sections.find((section) => section.id === 'horaires')!;

  it('gives the list to each role it names when it names some of them', () => {
    expect(hours.byRole['conducteur-de-bus']!.items.map((item) => item.text)).toEqual(['Travail en roulement']);
    expect(hours.byRole['controleur']!.items.map((item) => item.text)).toEqual(['Travail en roulement']);
    expect(hours.byRole['regulateur']!.items.map((item) => item.text)).toEqual(['Travail en 3x8']);
  });

  it('makes the list shared when it names them all, kept under its header as written', () => {
    expect(hours.sharedItems.map((item) => [item.text, item.children.map((child) => child.text)])).toEqual([['Conducteur, contrôleur et régulateur', ['Une tenue fournie']]]);
  });
});

describe('a list header naming a role whose name holds another role', () => {
  it('gives the list to the longer name only ("Missions de l’Auxiliaire spécialisé vétérinaire", not also the Vétérinaire)', () => {
    const article = parse(
      [
        'Comparaison',
        '',
        'Différences entre un Vétérinaire et un Auxiliaire spécialisé vétérinaire',
        '',
        'Missions',
        '',
        '  • Missions du Vétérinaire :',
        '    • Opérer',
        '  • Missions de l’Auxiliaire spécialisé vétérinaire :',
        '    • Stériliser le matériel',
      ].join('\n'),
      'article.txt',
    );
    const missions = article.sections.find((section) => section.id === 'missions')!;
    expect(missions.byRole['veterinaire']!.items.map((item) => item.text)).toEqual(['Opérer']);
    expect(missions.byRole['auxiliaire-specialise-veterinaire']!.items.map((item) => item.text)).toEqual(['Stériliser le matériel']);
  });
});

describe('prose that gives each role a clause of the same sentence', () => {
  const article = parse(
    [
      '# Chef de culture, ouvrier agricole polyvalent, technicien agricole : quelles différences ?',
      '',
      '## Missions',
      '',
      '- **Chef de culture** : planifier.',
      '- **Ouvrier agricole polyvalent** : planter.',
      '- **Technicien agricole** : conseiller.',
      '',
      '## Le rythme de la saison',
      '',
      "L'hiver est le temps de la préparation : le chef de culture arrête l'assolement, pendant que l'ouvrier révise les outils et que le technicien présente le bilan.",
    ].join('\n'),
  );
  const season = article.sections.find((section) => section.id === 'le-rythme-de-la-saison')!;

  it("gives each role its clause after what the sentence says first, without the word that joined it", () => {
    expect(season.byRole['chef-de-culture']!.prose).toEqual(["L'hiver est le temps de la préparation : le chef de culture arrête l'assolement."]);
    expect(season.byRole['ouvrier-agricole-polyvalent']!.prose).toEqual(["L'hiver est le temps de la préparation : l'ouvrier révise les outils."]);
    expect(season.byRole['technicien-agricole']!.prose).toEqual(["L'hiver est le temps de la préparation : le technicien présente le bilan."]);
    expect(season.intro).toEqual([]);
  });

  it('does not take clauses of one sentence for paragraphs that define the roles', () => {
    expect(season.isDefinition).toBe(false);
  });
});

describe('roles named in the lists by the nicknames the text gives them', () => {
  const article = parse(
    [
      'Fiches métiers',
      '',
      'Différences entre un Masseur-kinésithérapeute et un Ergothérapeute',
      '',
      'Définition des métiers',
      '',
      'Le Masseur-kinésithérapeute (le « kiné » dans les services) rééduque le corps en mouvement.',
      '',
      'L’Ergothérapeute (l’« ergo ») part des activités de la vie quotidienne.',
      '',
      'Missions au quotidien',
      '',
      '  • Chez le kiné :',
      '    • Mener les séances de rééducation',
      '  • Pour l’ergo :',
      '    • Préconiser les aides techniques',
      '',
      'Patients suivis',
      '',
      '  • Chez le kiné :',
      '    • Suites d’opération',
      '  • Pour l’ergo :',
      '    • Suites d’AVC',
    ].join('\n'),
    'article.txt',
  );

  it('takes a name in quotes in the bracket after a role as its nickname, and the lists by that nickname as its own', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['masseur-kinesitherapeute', 'ergotherapeute']);
    expect(article.roles[0]!.aliases).toContain('kiné');
    expect(article.roles[1]!.aliases).toContain('ergo');
    const missions = article.sections.find((section) => section.id === 'missions-au-quotidien')!;
    expect(missions.byRole['masseur-kinesitherapeute']!.items.map((item) => item.text)).toEqual(['Mener les séances de rééducation']);
    expect(missions.byRole['ergotherapeute']!.items.map((item) => item.text)).toEqual(['Préconiser les aides techniques']);
  });

  it('takes it after other asides of the bracket too, without its determiner (« GK », not « le GK »)', () => {
    const golf = parse(
      [
        '# Intendant de terrain ou greenkeeper : qui fait quoi ?',
        '',
        '## Qui sont-ils ?',
        '',
        "**Le greenkeeper** (jardinier ou jardinière de golf, « le GK » dans l'équipe) entretient le parcours.",
        '',
        "**L'intendant de terrain** (ou l'intendante) dirige l'équipe.",
        '',
        '## Missions',
        '',
        '**Greenkeeper** :',
        '- Tondre les greens',
        '',
        '**Intendant de terrain** :',
        '- Planifier les travaux',
      ].join('\n'),
    );
    const keeper = golf.roles.find((role) => role.id === 'greenkeeper')!;
    expect(keeper.aliases).toContain('GK');
    expect(keeper.aliases).not.toContain('le GK');
  });
});

describe('role names in inclusive writing', () => {
  const article = parse(
    [
      '# Chargé(e) de recrutement ou Technicien·ne de paie : quelles différences ?',
      '',
      '## Missions',
      '',
      '**Chargé·e de recrutement**',
      '- Rédiger les annonces',
      '',
      '**Technicien·ne de paie**',
      '- Établir les bulletins',
      '',
      '## Compétences',
      '',
      'Pour le/la chargé(e) de recrutement :',
      "- Sens de l'écoute",
      '',
      'Pour le/la technicien(ne) de paie :',
      '- Rigueur',
    ].join('\n'),
  );

  it('names each role once, in the masculine, whatever inclusive form the title and the labels use', () => {
    expect(article.roles.map((role) => [role.id, role.name])).toEqual([
      ['charge-de-recrutement', 'Chargé de recrutement'],
      ['technicien-de-paie', 'Technicien de paie'],
    ]);
    const skills = article.sections.find((section) => section.id === 'competences')!;
    expect(skills.byRole['technicien-de-paie']!.items.map((item) => item.text)).toEqual(['Rigueur']);
  });
});

describe('text-export bullets marked with arrows, ticks or emoji', () => {
  it('reads "– ", "✓ ", "→ " and an indented emoji as bullets, and an emoji at the margin as a heading', () => {
    const article = parse(
      [
        'Fiches métiers',
        '',
        'Différences entre un Boulanger et un Pâtissier',
        '',
        '🎯 Missions',
        '',
        'Missions du boulanger :',
        '– Pétrir la pâte',
        'Missions du pâtissier :',
        '✓ Réaliser les entremets',
        '',
        'Horaires',
        '',
        'Pour le boulanger :',
        '→ Travail de nuit',
        'Pour le pâtissier :',
        '  ✅ Travail en journée',
      ].join('\n'),
      'article.txt',
    );
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'horaires']);
    const hours = article.sections.find((section) => section.id === 'horaires')!;
    expect(hours.byRole['boulanger']!.items.map((item) => item.text)).toEqual(['Travail de nuit']);
    expect(hours.byRole['patissier']!.items.map((item) => item.text)).toEqual(['Travail en journée']);
    expect(article.sections[0]!.byRole['patissier']!.items.map((item) => item.text)).toEqual(['Réaliser les entremets']);
  });
});

describe('list headers that put the role after a dash', () => {
  it('names the role whole after the dash ("Fourchettes de salaire – Agent d\'exploitation station d\'épuration"), not its tail', () => {
    const article = parse(
      [
        'Nos métiers',
        '',
        "Différences entre un Technicien réseau et un Agent d'exploitation station d'épuration",
        '',
        'Au quotidien',
        '',
        '  • Au quotidien, le Technicien réseau :',
        '    • Répare les fuites',
        "  • Au quotidien, l'Agent d'exploitation station d'épuration :",
        '    • Règle les bassins',
        '',
        'Rémunération',
        '',
        '  • Fourchettes de salaire – Technicien réseau :',
        '    • 2 100 € brut',
        "  • Fourchettes de salaire – Agent d'exploitation station d'épuration :",
        '    • 1 950 € brut',
      ].join('\n'),
      'article.txt',
    );
    expect(article.roles.map((role) => role.id)).toEqual(['technicien-reseau', 'agent-d-exploitation-station-d-epuration']);
    expect(texts(article, 'remuneration', 'agent-d-exploitation-station-d-epuration')).toEqual(['1 950 € brut']);
  });
});

describe('a first section that sums up who is who', () => {
  it('defines the roles under "En bref : qui fait quoi ?", bold labels in inclusive writing, rather than concluding', () => {
    const article = parse(
      [
        '# Régisseur·euse, médiateur·rice : quelles différences ?',
        '',
        '## En bref : qui fait quoi ?',
        '',
        '**Le·la régisseur·euse** est le·la garant·e des œuvres. Il·elle organise leurs déplacements.',
        '',
        '**Le·la médiateur·rice** fait le lien entre les œuvres et les visiteurs.',
        '',
        '## Missions',
        '',
        '**Régisseur·euse :**',
        '- Tenir l’inventaire',
        '',
        '**Médiateur·rice :**',
        '- Animer les visites',
        '',
        '## Évolutions possibles',
        '',
        '**Régisseur·euse** Il·elle peut devenir régisseur·euse général·e.',
        '',
        '**Médiateur·rice** Il·elle peut encadrer une équipe.',
      ].join('\n'),
    );
    expect(article.roles.map((role) => [role.id, role.aliases])).toEqual([['regisseur', []], ['mediateur', []]]);
    expect(article.sections.filter((section) => section.isDefinition).map((section) => section.id)).toEqual(['en-bref-qui-fait-quoi']);
    expect(article.sections[0]!.isConclusion).toBe(false);
  });
});

describe('a nickname given after a naming cue in brackets', () => {
  it('takes « demand planner » in "(souvent appelé « demand planner » dans les offres)" as another name of the role before it', () => {
    const article = parse(
      [
        '# Acheteur ou prévisionniste de la demande : qui fait quoi ?',
        '',
        "Cette page compare l'Acheteur et le Prévisionniste de la demande (souvent appelé « demand planner » dans les offres d'emploi).",
        '',
        '## Missions',
        '',
        '**Acheteur** :',
        '- Négocier les prix',
        '',
        '**Prévisionniste de la demande** :',
        '- Construire les prévisions',
      ].join('\n'),
    );
    expect(article.roles.find((role) => role.id === 'previsionniste-de-la-demande')!.aliases).toContain('demand planner');
  });

  it('leaves a quoted phrase after words that name nothing ("(voir « Nos métiers »)")', () => {
    const article = parse(['# Acheteur ou vendeur : qui fait quoi ?', '', "L'Acheteur (voir aussi « Nos métiers ») et le Vendeur.", '', '## Missions', '', '**Acheteur** :', '- Négocier', '', '**Vendeur** :', '- Vendre'].join('\n'));
    expect(article.roles.find((role) => role.id === 'acheteur')!.aliases).not.toContain('Nos métiers');
  });
});

describe('a who-does-what matrix of ticks and crosses', () => {
  it('gives each role the row labels it ticks, and nothing for a cross', () => {
    const article = parse(
      [
        '# Chargé de recrutement ou gestionnaire de paie : qui fait quoi ?',
        '',
        '## Qui fait quoi ?',
        '',
        '| Activité | Chargé de recrutement | Gestionnaire de paie |',
        '|---|:---:|:---:|',
        "| Rédiger les offres d'emploi | ✔ | ✘ |",
        '| Établir les bulletins de salaire | ❌ | ✅ |',
        '| Accueillir les nouveaux arrivants | ✔ | ✔ |',
        '| Télétravail | Oui | Non |',
      ].join('\n'),
    );
    expect(texts(article, 'qui-fait-quoi', 'charge-de-recrutement')).toEqual(["Rédiger les offres d'emploi", 'Accueillir les nouveaux arrivants', 'Télétravail : Oui']);
    expect(texts(article, 'qui-fait-quoi', 'gestionnaire-de-paie')).toEqual(['Établir les bulletins de salaire', 'Accueillir les nouveaux arrivants', 'Télétravail : Non']);
  });
});

describe('a bold role name, a dash and a tagline before each numbered list', () => {
  const article = parse(
    [
      '# Chef de salle, chef de rang : qui fait quoi ?',
      '',
      '## Que fait chacun le jour J ?',
      '',
      '**Chef de salle** — côté salle.',
      '1. Répartit les rangs.',
      '2. Tient le timing du repas.',
      '',
      '**Chef de rang** — côté tables.',
      '1. Sert et dessert les tables de son rang.',
      '',
      '> 💡 À retenir : les invités s’adressent d’abord au chef de rang.',
      '',
      '## Quelles compétences ?',
      '',
      '**Chef de salle** — un meneur.',
      '1. Savoir encadrer une équipe.',
      '',
      '**Chef de rang** — un as du service.',
      '1. Porter trois assiettes.',
      '',
      '## Lexique',
      '',
      '- **Le rang** : le groupe de tables confié à un chef de rang.',
      '- **L’envoi** : le moment où la cuisine envoie un plat.',
    ].join('\n'),
  );
  const day = article.sections.find((section) => section.id === 'que-fait-chacun-le-jour-j')!;

  it('gives each role the numbered list after its tagline', () => {
    expect(day.byRole['chef-de-salle']?.items.map((item) => item.text)).toEqual(['Répartit les rangs.', 'Tient le timing du repas.']);
    expect(day.byRole['chef-de-rang']?.items.map((item) => item.text)).toEqual(['Sert et dessert les tables de son rang.']);
  });

  it('keeps a call-out in a blockquote after the last list as the section\'s, not the last role\'s', () => {
    expect(day.byRole['chef-de-rang']?.prose).toEqual(['côté tables.']);
    expect(day.intro.some((paragraph) => paragraph.includes('À retenir'))).toBe(true);
  });

  it('takes no role from a glossary term that is only ever written as the end of a role\'s name ("Le rang")', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['chef-de-salle', 'chef-de-rang']);
  });
});

describe('tables with the roles as columns, a « Points communs » column and « En résumé » under each', () => {
  const article = parse(
    [
      '# Chef de rayon, chef de secteur : quelles différences ?',
      '',
      '## Missions principales',
      '',
      '| Domaine | Chef de rayon | Chef de secteur | Points communs |',
      '|---|---|---|---|',
      '| Gestion | Gérer les stocks du rayon | Suivre le budget du secteur | Contrôler les marges |',
      '',
      '**En résumé :** le chef de rayon exécute, le chef de secteur décide.',
      '',
      '## Indicateurs de performance',
      '',
      '| Domaine | Chef de rayon | Chef de secteur | Points communs |',
      '|---|---|---|---|',
      '| Gestion | Démarque connue | Respect du budget | Marge brute |',
      '',
      '**En résumé :** chacun est jugé sur son périmètre.',
    ].join('\n'),
  );
  const missions = article.sections.find((section) => section.id === 'missions-principales')!;

  it('takes no role from the shared column, the summary label or the criteria written in both tables', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['chef-de-rayon', 'chef-de-secteur']);
  });

  it('reads each line of a cell broken by « <br> » as a point of its own, under the row label', () => {
    const split = parse(
      ['# Chef de rayon, chef de secteur : quelles différences ?', '', '## Missions', '', '| Domaine | Chef de rayon | Chef de secteur |', '|---|---|---|', '| Équipe | Organiser le travail<br>Former les nouveaux | Animer les chefs de rayon |'].join('\n'),
    );
    expect(split.sections[0]!.byRole['chef-de-rayon']?.items.map((item) => item.text)).toEqual(['Équipe : Organiser le travail', 'Équipe : Former les nouveaux']);
  });

  it('gives the « Points communs » column to every role, under its row label', () => {
    expect(missions.sharedItems.map((item) => item.text)).toEqual(['Gestion : Contrôler les marges']);
  });
});

describe('a FAQ whose answers open on a role, after a table that positions the roles', () => {
  const article = parse(
    [
      '# Chef de rayon, chef de secteur : quelles différences ?',
      '',
      '## Rôle et positionnement',
      '',
      '| Critère | Chef de rayon | Chef de secteur |',
      '|---|---|---|',
      '| En une phrase | Fait vivre un rayon | Pilote plusieurs rayons |',
      '',
      '## Questions fréquentes',
      '',
      '**Un chef de rayon peut-il devenir chef de secteur ?**',
      '',
      'Le chef de rayon peut postuler après trois ans.',
      '',
      '**Le chef de secteur travaille-t-il le dimanche ?**',
      '',
      'Le chef de secteur assure une permanence un dimanche sur quatre.',
    ].join('\n'),
  );

  it('takes the section whose heading positions the roles as their definition, not the FAQ (definitionHeadings)', () => {
    expect(article.sections.filter((section) => section.isDefinition).map((section) => section.id)).toEqual(['role-et-positionnement']);
  });
});

describe('list headers written as questions', () => {
  const article = parse(
    [
      'Comparaison',
      '',
      'Différences entre un Exploitant transport et un Affréteur',
      '',
      'Missions au quotidien',
      '',
      '  • Que fait l’exploitant transport au quotidien ?',
      '    • Planifier les tournées',
      '  • Que fait l’affréteur au quotidien ?',
      '    • Trouver un sous-traitant',
      '',
      'Outils et interlocuteurs',
      '',
      '  • Avec qui et avec quels outils travaille l’exploitant transport ?',
      '    • Les conducteurs salariés',
      '  • Avec qui et avec quels outils travaille l’affréteur ?',
      '    • Les bourses de fret',
    ].join('\n'),
    'article.txt',
  );

  it('count as writing the title\'s names, so both roles are found', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['exploitant-transport', 'affreteur']);
  });

  it('give each role its list, a grammar word in lower case being no initialism ("et" is not the Exploitant transport\'s ET)', () => {
    const tools = article.sections.find((section) => section.id === 'outils-et-interlocuteurs')!;
    expect(tools.byRole['affreteur']?.items.map((item) => item.text)).toEqual(['Les bourses de fret']);
    expect(tools.sharedItems).toEqual([]);
  });
});

describe('an IT department\'s page: numbered lead-ins, codes in the title, a glossary', () => {
  const article = parse(
    [
      '# Technicien helpdesk (N1) ou analyste support applicatif (N2) : quelles différences ?',
      '',
      '## 1. Périmètre',
      '',
      '1) Le technicien helpdesk :',
      '- Point d’entrée unique des incidents',
      '',
      '2) L’analyste support applicatif :',
      '- Support des applis métier',
      '',
      '## 2. Outils',
      '',
      '1) Le technicien helpdesk :',
      '- GLPI, module Assistance',
      '',
      '2) L’analyste support applicatif :',
      '- GLPI : files N2',
      '',
      '## 3. Glossaire',
      '',
      '- **GLPI** : outil de gestion des tickets',
      '- **SLA** : engagement de délai',
    ].join('\n'),
  );

  it('gives each role the list after its numbered lead-in, and takes no role from the glossary\'s terms (glossaryHeadings)', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['technicien-helpdesk', 'analyste-support-applicatif']);
    expect(article.sections[1]!.byRole['technicien-helpdesk']?.items.map((item) => item.text)).toEqual(['GLPI, module Assistance']);
  });

  it('takes a code in brackets after a name of the title as that role\'s name ("N1")', () => {
    expect(article.roles[0]!.aliases).toContain('N1');
    expect(article.roles[1]!.aliases).toContain('N2');
  });

  it('reads « Périmètre » as the section that defines the roles (definitionHeadings)', () => {
    expect(article.sections.filter((section) => section.isDefinition).map((section) => section.id)).toEqual(['perimetre']);
  });
});

describe('boxes that speak for the company ("**Chez nous :** …")', () => {
  it('take no role from a pronoun after a label opener (personalPronouns)', () => {
    const article = parse(
      [
        '# Différences entre un directeur technique et un régisseur plateau',
        '',
        '## Que font-ils ?',
        '',
        '**Directeur technique :**',
        '- Établit le budget technique',
        '',
        '**Régisseur plateau :**',
        '- Monte les décors',
        '',
        '**Chez nous :** le régisseur plateau rend compte au régisseur général.',
        '',
        '## Quel rythme ?',
        '',
        '**Directeur technique :**',
        '- Horaires de bureau',
        '',
        '**Régisseur plateau :**',
        '- Soirées et week-ends',
        '',
        '**Chez nous :** les heures de nuit sont récupérées.',
      ].join('\n'),
    );
    expect(article.roles.map((role) => role.id)).toEqual(['directeur-technique', 'regisseur-plateau']);
  });
});

describe('a wiki export with toggles and call-out boxes', () => {
  const article = parse(
    [
      '# Standardiste ou assistant d’accueil : qui fait quoi ?',
      '',
      '> [!NOTE]',
      '> Cette page décrit l’organisation type du siège.',
      '',
      '## Missions',
      '',
      '<details>',
      '<summary><strong>Standardiste</strong></summary>',
      '',
      '- Répondre aux appels entrants',
      '- Transférer les appels vers les bons services',
      '',
      '</details>',
      '',
      '<details>',
      '<summary>Assistant d&#39;accueil :</summary>',
      '',
      '- Accueillir les visiteurs',
      '- Remettre les badges',
      '',
      '</details>',
      '',
      '> [!TIP] Un colis à retirer ? Passez au rez-de-chaussée.',
      '',
      '## Compétences',
      '',
      '**Standardiste :**',
      '- Aisance au téléphone',
      '',
      '**Assistant d’accueil :**',
      '- Sens de l’accueil',
    ].join('\n'),
  );
  const missions = article.sections.find((section) => section.id === 'missions')!;

  it("reads a toggle's title as the label of the list it folds, markup and character references read as text", () => {
    expect(texts(article, 'missions', 'standardiste')).toEqual(['Répondre aux appels entrants', 'Transférer les appels vers les bons services']);
    expect(texts(article, 'missions', 'assistant-d-accueil')).toEqual(['Accueillir les visiteurs', 'Remettre les badges']);
    expect(missions.sharedItems).toEqual([]);
  });

  it('keeps the words of a call-out without its type marker', () => {
    expect(missions.intro).toEqual(['Un colis à retirer ? Passez au rez-de-chaussée.']);
    expect(article.intro.join(' ')).toBe('Cette page décrit l’organisation type du siège.');
  });
});

describe('a text export copied out of a PDF', () => {
  const article = parse(
    [
      'Fiches métiers',
      '',
      'Différences entre le cariste et le préparateur de commandes',
      '',
      'Bienvenue sur la plateforme ! Deux métiers se partagent le flux des palettes, de la',
      '  réception à l’expédition.',
      '',
      'LES DEUX POSTES',
      '',
      'Le cariste conduit les chariots élévateurs et range les palettes dans les',
      '  racks de stockage.',
      '',
      'Le préparateur de commandes prélève les colis pour chaque commande.',
      '',
      'Livret d’accueil — page 1/2',
      '',
      'MISSIONS',
      '',
      'Le cariste :',
      '  • Décharger les camions',
      'Livret d’accueil — page 2/2',
      'Le préparateur de commandes :',
      '  • Prélever les colis',
    ].join('\n'),
    'article.txt',
  );

  it('reads an indented line right under a line of prose as the rest of its sentence, not that line as a heading', () => {
    expect(article.intro).toEqual(['Bienvenue sur la plateforme ! Deux métiers se partagent le flux des palettes, de la réception à l’expédition.']);
    expect(article.sections.find((section) => section.id === 'les-deux-postes')!.byRole.cariste?.prose).toEqual([
      'Le cariste conduit les chariots élévateurs et range les palettes dans les racks de stockage.',
    ]);
  });

  it('drops the running footer whose page number goes up, wherever it falls between blocks', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['les-deux-postes', 'missions']);
    expect(texts(article, 'missions', 'preparateur-de-commandes')).toEqual(['Prélever les colis']);
  });

  it('keeps a line repeated with the same number, a role label written again in each section', () => {
    const repeated = parse(
      [
        'Fiches métiers',
        '',
        'Différences entre le technicien de niveau 2 et le technicien de niveau 3',
        '',
        'Missions',
        '',
        'Technicien de niveau 2 :',
        '  • Diagnostiquer les pannes',
        'Technicien de niveau 3 :',
        '  • Corriger les pannes rares',
        '',
        'Horaires',
        '',
        'Technicien de niveau 2 :',
        '  • Journée',
        'Technicien de niveau 3 :',
        '  • Astreinte',
      ].join('\n'),
      'article.txt',
    );
    expect(texts(repeated, 'horaires', 'technicien-de-niveau-2')).toEqual(['Journée']);
    expect(texts(repeated, 'horaires', 'technicien-de-niveau-3')).toEqual(['Astreinte']);
  });
});

describe('a page pasted from a PDF with its running header and footer, and lines wrapped at its margin', () => {
  const header = 'Les Ruchers du Sud – Coopérative agricole                  Guide des métiers · Fiche 04';
  const footer = 'Direction des Ressources Humaines – Diffusion interne              Mise à jour : mars 2024';
  const article = parse(
    [
      header,
      'Direction des Ressources Humaines',
      '',
      'FICHE COMPARATIVE MÉTIERS',
      '',
      'Apiculteur ou technicien apicole : qui fait quoi à la coopérative ?',
      '',
      'Deux métiers se croisent tous les jours entre nos ruchers et la miellerie.',
      '',
      '1. Les métiers en quelques mots',
      '',
      'Le technicien apicole (TA) est le référent technique et sanitaire de la coopérative, il suit',
      'les ruchers des adhérents et forme les apiculteurs.',
      '',
      '2. Missions principales',
      '',
      '   • Apiculteur :',
      '      – Visiter les colonies',
      '',
      footer,
      '                                                                                              Page 1 / 2',
      header,
      '',
      '      – Poser les hausses',
      '   • Technicien apicole :',
      '      – Réaliser les comptages varroa',
      '',
      footer,
      '                                                                                              Page 2 / 2',
    ].join('\n'),
    'article.txt',
  );

  it('drops the header set out in columns and the footer beside the page number, and goes on with the list across the page', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['les-metiers-en-quelques-mots', 'missions-principales']);
    expect(texts(article, 'missions-principales', 'apiculteur')).toEqual(['Visiter les colonies', 'Poser les hausses']);
  });

  it('takes for title the heading that names the roles, under two category lines', () => {
    expect(article.title).toBe('Apiculteur ou technicien apicole : qui fait quoi à la coopérative ?');
    expect(article.roles.map((role) => role.id)).toEqual(['apiculteur', 'technicien-apicole']);
  });

  it('reads a long line that a line in lower case goes on as the start of a paragraph, not as a heading', () => {
    const definitions = article.sections.find((section) => section.id === 'les-metiers-en-quelques-mots')!;
    expect(definitions.byRole['technicien-apicole']?.prose).toEqual([
      'Le technicien apicole (TA) est le référent technique et sanitaire de la coopérative, il suit les ruchers des adhérents et forme les apiculteurs.',
    ]);
  });

  it('keeps a line repeated beside the page number but parted from it by text (a label the slides repeat)', () => {
    const deck = parse(
      [
        'Fiches métiers',
        '',
        'Différences entre le cariste et le préparateur de commandes',
        '',
        'Missions',
        '',
        'Le cariste :',
        '  • Décharger les camions',
        'Le préparateur de commandes :',
        '  • Prélever les colis',
        'Support de formation interne 1',
        '',
        'Horaires',
        '',
        'Le cariste :',
        '  • Journée',
        'Le préparateur de commandes :',
        '  • Nuit',
        'Support de formation interne 2',
      ].join('\n'),
      'article.txt',
    );
    expect(texts(deck, 'horaires', 'cariste')).toEqual(['Journée']);
    expect(texts(deck, 'missions', 'cariste')).toEqual(['Décharger les camions']);
  });
});

describe('a role written with its code in brackets, and by its first word and that code elsewhere', () => {
  const article = parse(
    [
      '# Mécanicien B1 ou avionicien B2 : qui fait quoi à la maintenance ?',
      '',
      '## Missions',
      '',
      '### Mécanicien avion (B1)',
      '',
      '- Remplacer les roues et les freins',
      '',
      '### Technicien avionique (B2)',
      '',
      '- Dépanner les calculateurs',
      '',
      '## Compétences',
      '',
      '### Mécanicien avion (B1)',
      '',
      '- Lecture des manuels de maintenance',
      '',
      '### Technicien avionique (B2)',
      '',
      '- Lecture des schémas électriques',
      '',
      '## Rémunération',
      '',
      '- **Mécanicien B1** : de 32 à 43 k€',
      '- **Technicien avionique B2** : de 33 à 45 k€',
    ].join('\n'),
  );

  it('reads « Mécanicien B1 » as the Mécanicien avion (B1), and the code as one of its names', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['mecanicien-avion', 'technicien-avionique']);
    expect(article.roles[0]!.aliases).toEqual(expect.arrayContaining(['Mécanicien B1', 'B1']));
    expect(texts(article, 'remuneration', 'mecanicien-avion')).toEqual(['de 32 à 43 k€']);
  });
});

describe("a table's row about what people call the roles", () => {
  const article = parse(
    [
      '# Contrôleur qualité ou planificateur : qui fait quoi à la maintenance ?',
      '',
      '## Le comparatif',
      '',
      '| Critère | Contrôleur qualité | Planificateur maintenance |',
      '| --- | --- | --- |',
      '| Surnom au hangar | Le CQ | Le planif, le planner |',
      '| Horaires | Journée | Journée |',
      '',
      '## Missions',
      '',
      '**Contrôleur qualité** : audits et surveillance.',
      '',
      '**Planificateur maintenance** : échéances et dossiers de travaux.',
    ].join('\n'),
  );

  it("gives each role the names of its cell, but not a job's usual head alone (« le planner »)", () => {
    const planner = article.roles.find((role) => role.id === 'planificateur-maintenance')!;
    expect(planner.aliases).toContain('planif');
    expect(planner.aliases).not.toContain('planner');
    expect(article.roles.find((role) => role.id === 'controleur-qualite')!.aliases).toContain('CQ');
  });
});

describe('points written on one line after a role label, separated by semicolons', () => {
  const article = parse(
    [
      '# Caissier ou hôte d’accueil : quelles différences ?',
      '',
      '## Missions',
      '',
      '**Caissier** : encaissement des achats ; ouverture et fermeture de caisse ; contrôle des moyens de paiement.',
      '',
      '- **Hôte d’accueil** : accueil des clients ; gestion des retours ; remise des cartes de fidélité',
      '',
      '## Horaires',
      '',
      '**Caissier** : travail le samedi ; il ferme la caisse à 20 h.',
      '',
      '**Hôte d’accueil** : horaires de journée.',
    ].join('\n'),
  );

  it('reads each point as an item of that role, on a line of its own or in a bullet', () => {
    expect(texts(article, 'missions', 'caissier')).toEqual(['encaissement des achats', 'ouverture et fermeture de caisse', 'contrôle des moyens de paiement']);
    expect(texts(article, 'missions', 'hote-d-accueil')).toEqual(['accueil des clients', 'gestion des retours', 'remise des cartes de fidélité']);
  });

  it('keeps a sentence with fewer than three parts as the role\'s prose', () => {
    expect(article.sections.find((section) => section.id === 'horaires')!.byRole.caissier).toEqual({ items: [], prose: ['travail le samedi ; il ferme la caisse à 20 h.'] });
  });
});

describe('list labels by the nicknames people use on the floor', () => {
  const article = parse(
    [
      'Relation client',
      '',
      'Différences entre un technicien hotline et un chargé de fidélisation',
      '',
      'Missions',
      '',
      'La hotline :',
      '  • Dépanner la box',
      'La fidé :',
      '  • Retenir les clients qui partent',
      '',
      'Horaires',
      '',
      'La hotline :',
      '  • Permanence le dimanche',
      'La fidé :',
      '  • Journée',
    ].join('\n'),
    'article.txt',
  );

  it("takes a label made of a word, or the start of a word, that only one title role's name holds for that role", () => {
    expect(article.roles.map((role) => [role.id, role.aliases])).toEqual([
      ['technicien-hotline', ['hotline']],
      ['charge-de-fidelisation', ['fidé']],
    ]);
    expect(texts(article, 'horaires', 'charge-de-fidelisation')).toEqual(['Journée']);
  });
});

describe('a section split into themes, each role under each theme', () => {
  const article = parse(
    [
      THEMED_SECTION_ARTICLE,
      '',
      '## Horaires',
      '',
      '### Le boucher',
      '- Tôt le matin',
      '### Le charcutier',
      '- En journée',
    ].join('\n'),
  );

  it('makes each theme a section of its own, and keeps every theme in the section above', () => {
    expect(article.sections.map((section) => [section.id, section.themeOf])).toEqual([
      ['competences-attendues', undefined],
      ['savoir-faire', 'competences-attendues'],
      ['savoir-etre', 'competences-attendues'],
      ['horaires', undefined],
    ]);
    expect(texts(article, 'savoir-etre', 'boucher')).toEqual(['Sens du contact']);
    expect(texts(article, 'competences-attendues', 'boucher')).toEqual(['Désosser une carcasse', 'Sens du contact']);
  });

  it('reports no label without a role for a theme heading, and reads role sub-headings as labels, not themes', () => {
    expect(article.diagnostics).toEqual([]);
    expect(texts(article, 'horaires', 'charcutier')).toEqual(['En journée']);
  });
});

describe('a Markdown page a CMS exported with raw HTML left in', () => {
  const article = parse(
    [
      '# Monteur ou câbleur : quelles différences ?',
      '',
      '## Missions',
      '',
      '<strong>Monteur :</strong>',
      '- Assembler les armoires',
      '',
      '<b>Câbleur</b>',
      '- Raccorder les fils',
      '',
      '## Conditions',
      '',
      '<table class="comparatif">',
      '  <tr><th>Critère</th><th>Monteur</th><th>Câbleur</th></tr>',
      '  <tr><td>Horaires</td><td>Journée<br>Samedi matin &amp; astreinte</td><td>2x8</td></tr>',
      '',
      '  <tr><td>Lieu</td><td>Atelier</td><td>Atelier</td></tr>',
      '</table>',
    ].join('\n'),
  );

  it('reads a label set in bold with <strong> or <b> as a Markdown bold one', () => {
    expect(texts(article, 'missions', 'monteur')).toEqual(['Assembler les armoires']);
    expect(texts(article, 'missions', 'cableur')).toEqual(['Raccorder les fils']);
  });

  it('reads an HTML table like a Markdown one, a blank line inside it and a line per <br> included', () => {
    expect(texts(article, 'conditions', 'monteur')).toEqual(['Horaires : Journée', 'Horaires : Samedi matin & astreinte', 'Lieu : Atelier']);
    expect(texts(article, 'conditions', 'cableur')).toEqual(['Horaires : 2x8', 'Lieu : Atelier']);
  });
});

describe('role lists opened by whole sentences that name the role inside them', () => {
  const article = parse(
    [
      'Métiers de la restauration',
      '',
      'Différences entre un chef gérant, un cuisinier et un plongeur',
      '',
      'Missions au quotidien',
      '',
      'Au quotidien, le chef gérant doit :',
      '  – Élaborer les menus',
      'Les tâches indispensables d’un bon cuisinier sont les suivantes :',
      '  – Préparer les plats chauds',
      'Quant au plongeur, il faut savoir que sa journée est surtout organisée ainsi :',
      '  – Laver la vaisselle',
      '',
      'Évolutions',
      '',
      'Un cuisinier expérimenté peut prétendre à :',
      '  – Un poste de second',
      'Le plongeur peut devenir :',
      '  – Commis de cuisine',
      'Pour le chef gérant, la suite est :',
      '  – Responsable de secteur',
    ].join('\n'),
    'article.txt',
  );

  it("gives each list to the title's role its lead-in sentence names, and takes no role from the sentence's other words", () => {
    expect(article.roles.map((role) => role.id).sort()).toEqual(['chef-gerant', 'cuisinier', 'plongeur']);
    expect(texts(article, 'missions-au-quotidien', 'cuisinier')).toEqual(['Préparer les plats chauds']);
    expect(texts(article, 'missions-au-quotidien', 'plongeur')).toEqual(['Laver la vaisselle']);
    expect(texts(article, 'evolutions', 'cuisinier')).toEqual(['Un poste de second']);
  });

  it('keeps a longer name that opens on a title name as that name ("Conservateur des bibliothèques")', () => {
    const longer = parse(
      ['Fiches', '', 'Différences entre le conservateur et le bibliothécaire', '', 'Missions', '', 'Conservateur des bibliothèques :', '  • Diriger', 'Bibliothécaire :', '  • Conseiller', '', 'Horaires', '', 'Conservateur des bibliothèques :', '  • Journée', 'Bibliothécaire :', '  • Soirées'].join('\n'),
      'article.txt',
    );
    expect(longer.roles.map((role) => role.name)).toContain('Conservateur des bibliothèques');
  });
});

describe('a sentence broken after its colon in a document copied out of a PDF', () => {
  it('goes on with the indented line in lower case, and leaves an indented line with a capital as a point', () => {
    const article = parse(
      [
        'Fiches',
        '',
        'Différences entre le cariste et le magasinier',
        '',
        'LES DEUX POSTES',
        '',
        'Le cariste conduit les chariots et prépare les emplacements du stock :',
        '  racks, allées et quais.',
        '',
        'Le magasinier range les colis.',
      ].join('\n'),
      'article.txt',
    );
    expect(article.sections[0]!.byRole.cariste?.prose).toEqual(['Le cariste conduit les chariots et prépare les emplacements du stock : racks, allées et quais.']);
  });
});

describe('paragraphs opened by a person and the role they hold, as in testimonies', () => {
  const article = parse(
    [
      '# Éducateur sportif et préparateur physique : deux métiers racontés',
      '',
      '## Qui sont-ils ?',
      '',
      '**Julie, éducatrice sportive** : « J’anime des séances pour tous les publics. »',
      '',
      '**Karim, préparateur physique** : « Je prépare les athlètes à la performance. »',
      '',
      '## Leur quotidien',
      '',
      '**Julie, éducatrice sportive** : « Une quinzaine de séances par semaine. »',
      '',
      '**Karim, préparateur physique** : « Beaucoup de musculation. »',
    ].join('\n'),
  );

  it("takes the role after the person's name, in the feminine too, and no role from the person", () => {
    expect(article.roles.map((role) => role.id)).toEqual(['educateur-sportif', 'preparateur-physique']);
    expect(article.sections.find((section) => section.id === 'leur-quotidien')!.byRole['educateur-sportif']?.prose).toEqual(['« Une quinzaine de séances par semaine. »']);
  });
});

describe('a paragraph per role followed by an « En pratique : » list that does not name the role again', () => {
  const article = parse(
    [
      'Fiches métiers',
      '',
      'Différences entre un opérateur de production et un technicien de laboratoire',
      '',
      'Missions au quotidien',
      '',
      'Chaque métier a son rythme.',
      '',
      'Pour l’opérateur de production, la journée suit le planning de fabrication.',
      '',
      'En pratique :',
      '  • Peser les matières premières',
      '  • Nettoyer la ligne',
      '',
      'Pour le technicien de laboratoire, tout tourne autour des analyses.',
      '',
      'En pratique :',
      '  • Analyser les échantillons',
      '',
      'Horaires',
      '',
      'Pour l’opérateur de production, travail en 3x8.',
      '',
      'En pratique :',
      '  • Une semaine de nuit sur trois',
      '',
      'Pour le technicien de laboratoire, horaires de journée.',
    ].join('\n'),
    'article.txt',
  );

  it('takes no role from the repeated lead-in, whose words are no job title', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['operateur-de-production', 'technicien-de-laboratoire']);
  });

  it("gives each list to the role of the paragraph before it, and each paragraph opening on a role to that role", () => {
    expect(texts(article, 'missions-au-quotidien', 'operateur-de-production')).toEqual(['Peser les matières premières', 'Nettoyer la ligne']);
    expect(texts(article, 'missions-au-quotidien', 'technicien-de-laboratoire')).toEqual(['Analyser les échantillons']);
    expect(article.sections.find((section) => section.id === 'horaires')!.byRole['technicien-de-laboratoire']?.prose).toEqual(['Pour le technicien de laboratoire, horaires de journée.']);
    expect(article.sections.find((section) => section.id === 'missions-au-quotidien')!.intro).toEqual(['Chaque métier a son rythme.']);
  });
});

describe('a Markdown export from Google Docs, its section headings written as bold lines', () => {
  const article = parse(
    [
      '# Différences entre un chargé de communication et un community manager',
      '',
      '&nbsp;',
      '',
      '**Missions**',
      '',
      '- **Chargé de communication :**',
      '    - Rédiger les communiqués',
      '- **Community manager :**',
      '    - Animer les réseaux sociaux',
      '',
      '**Formation**',
      '',
      '**Chargé de communication**',
      '',
      '- Bac\\+3 en communication',
      '',
      '**Community manager**',
      '',
      '- Bac\\+2 et un portfolio',
    ].join('\n'),
  );

  it("reads a bold line standing alone as a section heading when the file has no other, and one naming a title's role as its label", () => {
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'formation']);
    expect(texts(article, 'missions', 'community-manager')).toEqual(['Animer les réseaux sociaux']);
    expect(texts(article, 'formation', 'charge-de-communication')).toEqual(['Bac+3 en communication']);
  });
});

describe('a text export whose sections open on lines ending with a colon, with no heading under the title', () => {
  const article = parse(
    [
      'Comparaison',
      '',
      'Différences entre auxiliaire de puériculture et agent d’entretien',
      '',
      'Deux métiers se croisent chaque jour à la crèche.',
      '',
      'Les missions de chacun :',
      '– pour l’auxiliaire :',
      '  • Donner les repas.',
      '– pour l’agent d’entretien :',
      '  • Laver le linge.',
      '',
      'Les diplômes :',
      '– pour l’auxiliaire :',
      '  • Diplôme d’État d’auxiliaire de puériculture.',
      '– pour l’agent d’entretien :',
      '  • Pas de diplôme exigé.',
      '',
      'Bienvenue dans l’équipe !',
      'Sandrine, directrice',
    ].join('\n'),
    'article.txt',
  );

  it('reads each lead-in line opening a list, naming no role, as a section heading, and the signature closing the file as no heading', () => {
    expect(article.sections.map((section) => section.id).slice(0, 2)).toEqual(['les-missions-de-chacun', 'les-diplomes']);
    expect(texts(article, 'les-missions-de-chacun', 'agent-d-entretien')).toEqual(['Laver le linge.']);
    expect(texts(article, 'les-diplomes', 'auxiliaire-de-puericulture')).toEqual(['Diplôme d’État d’auxiliaire de puériculture.']);
  });
});

describe('a wiki page whose role parts open on an emoji and the short name in bold, its lists as tables of role columns', () => {
  const article = parse(
    [
      '# Analyste cybersécurité et RSSI : qui fait quoi ?',
      '',
      'Cette page explique la différence entre l’analyste cybersécurité et le RSSI.',
      '',
      '## Missions au quotidien',
      '',
      '🛡️ **Analyste**',
      '- Surveiller les alertes du SIEM',
      '',
      '🎯 **RSSI**',
      '- Rédiger la politique de sécurité',
      '',
      '## Parcours',
      '',
      '🛡️ **Analyste**',
      '- Bac+3 en réseaux',
      '',
      '🎯 **RSSI**',
      '- Bac+5 et dix ans d’expérience',
      '',
      '## Compétences attendues',
      '',
      '| Analyste | RSSI |',
      '|---|---|',
      '| Lecture de logs | Vision globale des risques |',
      '| Scripting en Python | Management d’équipe |',
    ].join('\n'),
  );

  it('reads a bold label after pictographs as the label of the list below', () => {
    expect(texts(article, 'missions-au-quotidien', 'analyste-cybersecurite')).toEqual(['Surveiller les alertes du SIEM']);
    expect(texts(article, 'missions-au-quotidien', 'rssi')).toEqual(['Rédiger la politique de sécurité']);
  });

  it('reads a table whose every header cell names a role as one list per column, with no row label', () => {
    expect(texts(article, 'competences-attendues', 'analyste-cybersecurite')).toEqual(['Lecture de logs', 'Scripting en Python']);
    expect(texts(article, 'competences-attendues', 'rssi')).toEqual(['Vision globale des risques', 'Management d’équipe']);
  });
});

describe('a text export where each role speaks in the first person before its list', () => {
  const article = parse(
    [
      'Fiches métiers',
      '',
      'Éditeur, correcteur : qui fait quoi chez nous ?',
      '',
      'Nos missions au quotidien',
      '',
      "Moi, en tant qu'éditrice, je suis responsable d'un livre de A à Z. Concrètement :",
      '  • Lire les manuscrits',
      '  • Négocier les contrats',
      '',
      'Je suis correctrice, et je lis le texte mot à mot, deux fois.',
      '  • Corriger l’orthographe',
      '',
      'Formation et parcours',
      '',
      'Éditeur :',
      '  • Un master Lettres',
      'Correcteur :',
      '  • Une formation de correcteur',
    ].join('\n'),
    'article.txt',
  );

  it('gives each list to the role its paragraph opens on, when every paragraph before a list opens on a role of its own', () => {
    expect(texts(article, 'nos-missions-au-quotidien', 'editeur')).toEqual(['Lire les manuscrits', 'Négocier les contrats']);
    expect(texts(article, 'nos-missions-au-quotidien', 'correcteur')).toEqual(['Corriger l’orthographe']);
    expect(article.sections[0]!.byRole['editeur']!.prose[0]).toMatch(/^Moi, en tant qu'éditrice/);
  });
});

describe('a wiki page that gives each role the name people use, and writes its points on ✔ lines', () => {
  const article = parse(
    [
      '# Parfumeur ou évaluateur olfactif : qui fait quoi ?',
      '',
      '## En deux mots',
      '',
      '**Le parfumeur** (ou la parfumeuse — « le nez » dans le jargon de la maison) crée les parfums.',
      '',
      '**L’évaluateur olfactif** (« l’éval » pour tout le monde ici) fait le pont avec le client.',
      '',
      '## Compétences',
      '',
      '**Parfumeur**',
      '',
      '✔ Une mémoire olfactive',
      '✔ De solides bases en chimie',
      '',
      '**Évaluateur olfactif**',
      '',
      '✔ Un odorat entraîné',
      '✔ Le sens de la négociation',
      '',
      '## Avec qui travaille-t-on ?',
      '',
      '| Le nez | L’éval |',
      '|---|---|',
      '| Le labo de pesée | Les chefs de projet |',
    ].join('\n'),
  );

  it('takes a name in quotes followed by what says people use it as that role\'s other name (aliasAfterCues), before reading the tables', () => {
    expect(article.roles[0]!.aliases).toContain('nez');
    expect(texts(article, 'avec-qui-travaille-t-on', 'evaluateur-olfactif')).toEqual(['Les chefs de projet']);
  });

  it('reads a paragraph whose every line opens on a mark (✔) as a list', () => {
    expect(texts(article, 'competences', 'parfumeur')).toEqual(['Une mémoire olfactive', 'De solides bases en chimie']);
  });
});

describe('a Word document converted to Markdown by pandoc', () => {
  const article = parse(
    [
      '---',
      'title: "Production : qui fait quoi"',
      '---',
      '',
      '# []{#_Toc1 .anchor}Directeur de production, premier assistant réalisateur : qui fait quoi ? {#qui-fait-quoi}',
      '',
      '## []{#_Toc2 .anchor}En bref {#en-bref}',
      '',
      'Directeur de production',
      '',
      ':   Il ou elle est responsable du **budget** du film[^1].',
      '',
      'Premier assistant réalisateur',
      '',
      ':   Il ou elle est le chef d’orchestre du plateau.',
      '',
      '## []{#_Toc3 .anchor}Compétences {#compétences}',
      '',
      '-   **Directeur de production**',
      '    -   Maîtrise d’un budget',
      '-   **1^er^ assistant réalisateur**',
      '    -   Sens du rythme',
      '',
      '[^1]: Selon la convention collective,',
      '    article 12.',
    ].join('\n'),
  );

  it('leaves out heading attributes, bookmark spans and footnotes', () => {
    expect(article.title).toBe('Directeur de production, premier assistant réalisateur : qui fait quoi ?');
    expect(article.sections.map((section) => section.id)).toEqual(['en-bref', 'competences']);
    expect(article.sections[0]!.byRole['directeur-de-production']!.prose).toEqual(['Il ou elle est responsable du budget du film.']);
  });

  it('reads a definition list\'s term as the label of its definition, and an ordinal in figures as the word (« 1er » for « premier »)', () => {
    expect(article.sections[0]!.byRole['premier-assistant-realisateur']!.prose).toEqual(['Il ou elle est le chef d’orchestre du plateau.']);
    expect(article.roles.map((role) => role.id)).toEqual(['directeur-de-production', 'premier-assistant-realisateur']);
    expect(texts(article, 'competences', 'premier-assistant-realisateur')).toEqual(['Sens du rythme']);
  });
});

describe('an onboarding slide deck saved as text', () => {
  const article = parse(
    [
      'Diapositive 1',
      'Bienvenue au Pôle Antenne !',
      'Animateur, réalisateur : qui fait quoi derrière le micro ?',
      '',
      'Radio Cap · Intégration · Usage interne\t\t1',
      '',
      'Diapositive 2',
      'Au programme',
      '•\tLes missions',
      '•\tLes compétences',
      '',
      'Radio Cap · Intégration · Usage interne\t\t2',
      '',
      'Diapositive 3',
      'Les missions au quotidien',
      'Animateur·rice d’antenne',
      '•\tPrésenter l’émission en direct',
      'Réalisateur·rice radio',
      '•\tPiloter la régie pendant le direct',
      '',
      'Notes de l’intervenant :',
      'Insister : l’animatrice ne choisit pas la musique.',
      '',
      'Radio Cap · Intégration · Usage interne\t\t3',
      '',
      'Diapositive 4',
      'Une journée type',
      'Animateur·rice d’antenne',
      '•\t5 h : préparation de la matinale',
      'Réalisateur·rice radio',
      '•\t5 h 30 : tests de la régie',
      '',
      'Radio Cap · Intégration · Usage interne\t\t4',
      '',
      'Diapositive 5',
      'Les compétences clés',
      '\tAnimateur·rice\tRéalisateur·rice',
      'Qualité n° 1\tAisance au micro\tRigueur technique',
      'Savoir-être\tSens de la repartie\tSang-froid',
      '',
      'Radio Cap · Intégration · Usage interne\t\t5',
    ].join('\n'),
    'deck.txt',
  );

  it('reads each slide title as a section, the agenda and the speaker-notes marker as no content, and the footer as a running line', () => {
    expect(article.title).toBe('Animateur, réalisateur : qui fait quoi derrière le micro ?');
    expect(article.sections.map((section) => section.id)).toEqual(['les-missions-au-quotidien', 'une-journee-type', 'les-competences-cles']);
    expect(article.sections[0]!.intro).toEqual(['Insister : l’animatrice ne choisit pas la musique.']);
  });

  it('reads a line standing alone inside a slide as a label, and a title\'s short name as the role the lists name in full', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['animateur-d-antenne', 'realisateur-radio']);
    expect(texts(article, 'les-missions-au-quotidien', 'realisateur-radio')).toEqual(['Piloter la régie pendant le direct']);
  });

  it('reads lines of cells separated by tabs as a table', () => {
    expect(texts(article, 'les-competences-cles', 'animateur-d-antenne')).toEqual(['Qualité n° 1 : Aisance au micro', 'Savoir-être : Sens de la repartie']);
  });
});

describe('a page that is one big table of criteria by role before its first heading', () => {
  const article = parse(
    [
      '# Charpentier de marine, gréeur : qui fait quoi au chantier ?',
      '',
      '| Critère | Charpentier de marine | Gréeur |',
      '|---|---|---|',
      '| **Missions** | Fabriquer les structures en bois<br>Tracer les pièces | Installer les mâts ; régler le gréement ; épisser les cordages |',
      '| **Salaire\\*** | Débutant : 1 900 € | Débutant : 1 950 € |',
      '',
      '\\* Salaires bruts mensuels.',
      '',
      '## Bon à savoir',
      '',
      'Le chantier finance les formations.',
    ].join('\n'),
  );

  it('reads each row as a section headed by its label, without its footnote mark, each cell as its role\'s points', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'salaire', 'bon-a-savoir']);
    expect(texts(article, 'missions', 'charpentier-de-marine')).toEqual(['Fabriquer les structures en bois', 'Tracer les pièces']);
    expect(texts(article, 'missions', 'greeur')).toEqual(['Installer les mâts', 'régler le gréement', 'épisser les cordages']);
  });
});

describe('a summary table of criteria, then some of its criteria detailed under headings of their own', () => {
  const source = [
    '# Charpentier de marine, gréeur : qui fait quoi au chantier ?',
    '',
    '| Critère | Charpentier de marine | Gréeur |',
    '|---|---|---|',
    '| Missions | Fabriquer les structures en bois | Installer les mâts |',
    '| Salaire | Débutant : 1 900 € | Débutant : 1 950 € |',
    '',
    'Certains critères sont détaillés plus bas.',
    '',
    '## Missions',
    '',
    '**Charpentier de marine**',
    '',
    '- Tracer les pièces sur le plancher',
    '',
    '**Gréeur**',
    '',
    '- Épisser les cordages',
  ].join('\n');
  const article = parse(source);

  it('keeps one section for a subject: the detailed heading\'s points follow the table\'s, under the same id', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'salaire']);
    expect(texts(article, 'missions', 'charpentier-de-marine')).toEqual(['Fabriquer les structures en bois', 'Tracer les pièces sur le plancher']);
    expect(texts(article, 'missions', 'greeur')).toEqual(['Installer les mâts', 'Épisser les cordages']);
  });

  it('tells the writer the repeated heading was joined to the first, by its line', () => {
    expect(article.diagnostics).toContainEqual({ line: 10, severity: 'doubt', message: doubts.repeatedHeadingJoined('Missions', 3) });
  });
});

describe('an FAQ page whose sections are question headings one level under a closing table', () => {
  const article = parse(
    [
      '# FAQ — Médiation, publics : qui fait quoi au musée ?',
      '',
      '### Que fait un médiateur culturel au quotidien ?',
      '',
      '**Médiateur culturel** :',
      '- Animer les visites',
      '',
      '> **Bon à savoir :** le planning est validé par la chargée des publics.',
      '',
      '### Et la chargée des publics, elle fait quoi ?',
      '',
      '**Chargé des publics** :',
      '- Concevoir les offres',
      '',
      '## Tableau comparatif',
      '',
      '| Poste | Lieu |',
      '|---|---|',
      '| Médiateur culturel | En salle |',
      '| Chargé des publics | Au bureau |',
    ].join('\n'),
  );

  it('reads the question headings that open the page over their content as sections, beside the closing table', () => {
    expect(article.sections.map((section) => section.heading)).toEqual(['Que fait un médiateur culturel au quotidien ?', 'Et la chargée des publics, elle fait quoi ?', 'Tableau comparatif']);
  });

  it('reads no role from a call-out\'s title (calloutLabels), and a title\'s word for a trade as the role whose name ends with it', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['mediateur-culturel', 'charge-des-publics']);
    expect(article.roles[1]!.aliases).toContain('publics');
  });
});

describe('a section of one paragraph per role, one of which does not open on its role', () => {
  const article = parse(
    [
      "# Agent d'accueil, technicien de maintenance ou animateur : quelles différences ?",
      '',
      '## Que fait chacun ?',
      '',
      "L'agent d'accueil tient la caisse.",
      '',
      'Le technicien de maintenance répare les karts.',
      '',
      "L'animateur anime les anniversaires.",
      '',
      '## Faut-il un diplôme ?',
      '',
      "Aucun diplôme n'est exigé pour devenir agent d'accueil. Une expérience en caisse est appréciée.",
      '',
      'Le technicien de maintenance est recruté avec un CAP Maintenance des véhicules.',
      '',
      "Pour l'animateur, le BAFA est fortement conseillé.",
    ].join('\n'),
  );

  it('gives the paragraph left, which names only the role left, to that role', () => {
    const section = article.sections.find((candidate) => candidate.id === 'faut-il-un-diplome')!;
    expect(section.byRole['agent-d-accueil']?.prose).toEqual(["Aucun diplôme n'est exigé pour devenir agent d'accueil. Une expérience en caisse est appréciée."]);
    expect(section.intro).toEqual([]);
  });
});

describe('a paragraph per role after the lists', () => {
  const TITLE = ['# Conseiller funéraire ou porteur : quelles différences ?', ''];
  const MISSIONS = ['## Missions', '', '### Conseiller funéraire', '', '- Accueillir les familles', '', '### Porteur', '', '- Porter le cercueil'];
  const article = parse(
    [
      ...TITLE,
      ...MISSIONS,
      '',
      '## Horaires et astreintes',
      '',
      '### Conseiller funéraire',
      '',
      "Le conseiller travaille aux heures d'ouverture de l'agence.",
      '',
      '### Porteur',
      '',
      'Les journées du porteur commencent tôt.',
    ].join('\n'),
  );

  it('tells a topic of its own, not what the roles are: a page introduces its roles before it lists their work', () => {
    expect(article.sections.find((section) => section.id === 'horaires-et-astreintes')!.isDefinition).toBe(false);
  });

  it('still defines the roles when it comes before every list', () => {
    const first = parse(
      [
        ...TITLE,
        '## Les deux métiers',
        '',
        '### Conseiller funéraire',
        '',
        'Le conseiller accompagne les familles.',
        '',
        '### Porteur',
        '',
        'Le porteur assure le transport du défunt.',
        '',
        ...MISSIONS,
      ].join('\n'),
    );
    expect(first.sections.filter((section) => section.isDefinition).map((section) => section.id)).toEqual(['les-deux-metiers']);
  });
});

describe('a responsibility matrix with its key', () => {
  const article = parse(
    [
      '# Préparateur de commandes, cariste : qui fait quoi ?',
      '',
      '## Matrice des responsabilités',
      '',
      '| Activité | Préparateur de commandes | Cariste |',
      '|---|:---:|:---:|',
      '| Inventaires tournants | R | R/A |',
      '| Recharge des batteries | — | R |',
      '',
      "*Légende : R = Réalise l'activité · A = Approuve et rend des comptes · — = non concerné.*",
    ].join('\n'),
  );

  it('answers each code with what the key says it means, and still leaves out the cells of no one', () => {
    expect(texts(article, 'matrice-des-responsabilites', 'cariste')).toEqual([
      "Inventaires tournants : Réalise l'activité ; Approuve et rend des comptes (R/A)",
      "Recharge des batteries : Réalise l'activité (R)",
    ]);
    expect(texts(article, 'matrice-des-responsabilites', 'preparateur-de-commandes')).toEqual(["Inventaires tournants : Réalise l'activité (R)"]);
  });

  it('takes no sentence that merely holds « = » for a key', () => {
    const plain = parse(
      [
        '# Préparateur de commandes, cariste : qui fait quoi ?',
        '',
        '## Primes',
        '',
        '| Prime | Préparateur de commandes | Cariste |',
        '|---|---|---|',
        '| Objectif | P | C |',
        '',
        'Le calcul est simple : prime = 2 % du salaire.',
      ].join('\n'),
    );
    expect(texts(plain, 'primes', 'cariste')).toEqual(['Objectif : C']);
  });
});

describe('an HR e-mail pasted as a text article', () => {
  const article = parse(
    [
      'Objet : TR: [Flash RH] Nivoculteur / Dameur : qui fait quoi ?',
      '',
      'Pour info, à faire suivre.',
      'Sandrine',
      '',
      "-----Message d'origine-----",
      'De : Service RH <rh@example.fr>',
      'Envoyé : lundi 2 décembre 08:47',
      'À : Tous les saisonniers',
      'Objet : [Flash RH] Nivoculteur / Dameur : qui fait quoi ?',
      '',
      'Bonjour à toutes et à tous,',
      '',
      'Dans l\'équipe on dit « le nivo » ou « la nivo » pour le nivoculteur / la nivocultrice.',
      '',
      '1/ LES MISSIONS',
      '',
      'LE NIVOCULTEUR :',
      '* Lancer les enneigeurs',
      '',
      'LE DAMEUR :',
      '* Damer les pistes',
      '',
      '2/ HORAIRES',
      '',
      'LE NIVOCULTEUR :',
      '> Travail de nuit',
      '> Astreintes le week-end',
      '',
      'LE DAMEUR :',
      '> Travail de 17 h à 1 h',
      '',
      'P.S. : Les deux services recrutent encore.',
      '',
      'Belle saison à toutes et à tous,',
      '',
      'Claire Mathieu',
      'Chargée RH saisonniers',
      'Tél. : 04 79 55 12 38',
      "Pensez à l'environnement avant d'imprimer ce mail.",
    ].join('\n'),
    'flash.txt',
  );

  it('takes the subject for the title, without its forward prefix and tag, and leaves out the envelope and what came before it', () => {
    expect(article.title).toBe('Nivoculteur / Dameur : qui fait quoi ?');
    expect(article.intro.join(' ')).not.toContain('Sandrine');
    expect(article.intro.join(' ')).not.toContain('Service RH');
  });

  it('reads the sections, the roles named in capitals by their name in running text, and « > » lines as points', () => {
    expect(article.sections.map((section) => section.heading)).toEqual(['1/ LES MISSIONS', '2/ HORAIRES']);
    expect(article.roles.map((role) => role.name)).toEqual(['Nivoculteur', 'Dameur']);
    expect(texts(article, '2-horaires', 'nivoculteur')).toEqual(['Travail de nuit', 'Astreintes le week-end']);
  });

  it("gives a role the names said in quotes to stand for it (aliasForWords), and leaves the P.S. and the signature out of the last role's part", () => {
    expect(article.roles[0]!.aliases).toContain('nivo');
    const hours = article.sections.find((section) => section.id === '2-horaires')!;
    expect(hours.byRole['dameur']!.prose).toEqual([]);
    expect(hours.intro).toEqual(['P.S. : Les deux services recrutent encore.']);
    expect(article.sections.flatMap((section) => section.intro).join(' ')).not.toContain('Claire Mathieu');
  });
});

describe('labels that write a role in two forms', () => {
  const article = parse(
    [
      '# Éducateur sportif, préparateur physique, analyste de la performance : qui fait quoi ?',
      '',
      '## Les missions',
      '',
      '**Préparateur physique**',
      '- Planifier la charge',
      '',
      '**Analyste de la performance :**',
      '- Monter les vidéos',
      '',
      '## Les compétences',
      '',
      '**Préparatrice / préparateur physique :**',
      '- Physiologie',
      '',
      '**Analyste vidéo / analyste de la performance :**',
      '- Logiciels de montage',
    ].join('\n'),
  );

  it('gives the role the other forms, a bare head with the complement of the form that names it', () => {
    const [trainer, analyst] = [article.roles.find((role) => role.id === 'preparateur-physique')!, article.roles.find((role) => role.id === 'analyste-de-la-performance')!];
    expect(trainer.aliases).toContain('Préparatrice physique');
    expect(analyst.aliases).toContain('Analyste vidéo');
    expect(texts(article, 'les-competences', 'analyste-de-la-performance')).toEqual(['Logiciels de montage']);
  });
});

describe('a text export with picture placeholders', () => {
  const article = parse(
    [
      'Comparaison',
      '',
      'Différences entre le Soigneur animalier et le Médiateur scientifique',
      '',
      '[Image : une soigneuse prépare les rations]',
      'Crédit photo : service communication du parc',
      '',
      'Les missions principales',
      '',
      'Soigneur animalier :',
      '  • Préparer les rations',
      'Médiateur scientifique :',
      '  • Animer les nourrissages commentés',
    ].join('\n'),
    'zoo.txt',
  );

  it('reads no heading nor text in the placeholder and its photo credit', () => {
    expect(article.sections.map((section) => section.heading)).toEqual(['Les missions principales']);
    expect(article.intro).toEqual([]);
  });
});

describe('lines that each compare the roles on one criterion, « Prime — Savonnier : … / Conditionneur : … »', () => {
  const article = parse(
    [
      'Différences entre un Savonnier et un Conditionneur',
      '',
      "À l'atelier, le savonnier fabrique les savons et le conditionneur les emballe.",
      '',
      'Missions',
      '',
      'Savonnier :',
      '- Peser les huiles',
      '',
      'Conditionneur :',
      '- Emballer les savons',
      '',
      'Rémunération',
      '',
      "Salaire à l'embauche — Savonnier : 1 950 € brut par mois / Conditionneur : 1 810 € brut par mois",
      "Prime — Savonnier : prime de création pour chaque recette ajoutée / Conditionneur : prime de fin d'année selon les colis",
    ].join('\n'),
    'savonnerie.txt',
  );

  it('reads them as a table, each line a criterion, each name\'s part that role\'s point under the criterion', () => {
    expect(texts(article, 'remuneration', 'savonnier')).toEqual(["Salaire à l'embauche : 1 950 € brut par mois", 'Prime : prime de création pour chaque recette ajoutée']);
    expect(texts(article, 'remuneration', 'conditionneur')).toEqual(["Salaire à l'embauche : 1 810 € brut par mois", "Prime : prime de fin d'année selon les colis"]);
  });
});

describe('a text export whose role parts are headed by the name in capitals, both genders slashed', () => {
  const article = parse(
    [
      'Différences entre carreleur et plâtrier',
      '',
      'Deux métiers du second œuvre que les nouveaux arrivants confondent souvent sur nos chantiers.',
      '',
      '1 - Missions',
      '',
      'CARRELEUR / CARRELEUSE',
      '* Poser le carrelage et la faïence',
      '',
      'PLÂTRIER / PLÂTRIÈRE',
      '* Monter les cloisons en plaques de plâtre',
      '',
      '2 - Compétences',
      '',
      'CARRELEUR / CARRELEUSE',
      '* Lire un plan de calepinage',
      '',
      'PLÂTRIER / PLÂTRIÈRE',
      '* Travailler en hauteur',
    ].join('\n'),
    'second-oeuvre.txt',
  );

  it('reads each name as the head of its role\'s part, not as a section', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'competences']);
    expect(texts(article, 'competences', 'platrier')).toEqual(['Travailler en hauteur']);
  });
});

describe('a bold lead-in of the writer\'s repeated in every section, « **Ce qui change au quotidien :** »', () => {
  const article = parse(
    [
      '# Orfèvre ou polisseur : quelles différences ?',
      '',
      '## Missions',
      '',
      '| | Orfèvre | Polisseur |',
      '| --- | --- | --- |',
      '| Tâches | Façonner le métal | Polir les pièces |',
      '',
      "**Ce qui change au quotidien :** l'orfèvre passe ses journées à l'établi, le polisseur au touret.",
      '',
      '## Horaires',
      '',
      '| | Orfèvre | Polisseur |',
      '| --- | --- | --- |',
      '| Semaine | 8 h – 17 h | 7 h 30 – 16 h 30 |',
      '',
      "**Ce qui change au quotidien :** le polisseur commence plus tôt, quand l'atelier est calme.",
    ].join('\n'),
  );

  it('reads no role from it: a clause with a relative « qui » is no job title, whatever its words end with', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['orfevre', 'polisseur']);
  });
});

describe('a text export with the page furniture of an intranet', () => {
  const article = parse(
    [
      "Accueil > Vie de l'entreprise > Nos métiers > Production",
      'Publié le 12/03/2025 par l\'équipe RH · Mis à jour le 14/02/2024 · Temps de lecture : 6 min',
      '',
      'Brasseur, technicien qualité : qui fait quoi à la brasserie ?',
      '',
      'Publié le 3 février 2025',
      '',
      'Les missions au quotidien',
      '',
      'Le brasseur conduit les brassins de bout en bout.',
      '',
      'Le technicien qualité, que tout le monde ici appelle « le TQ », vérifie chaque lot.',
      '',
      'Horaires',
      '',
      'Le brasseur commence tôt, à 5 h.',
      '',
      'Le TQ travaille en journée, de 8 h à 16 h 30.',
      '',
      'Cet article vous a-t-il été utile ?   Oui   Non',
      'Partager · Imprimer · Signaler une erreur',
    ].join('\n'),
    'brasserie.txt',
  );

  it('takes neither the breadcrumb nor the bylines for the title or a heading', () => {
    expect(article.title).toBe('Brasseur, technicien qualité : qui fait quoi à la brasserie ?');
    expect(article.sections.map((section) => section.heading)).toEqual(['Les missions au quotidien', 'Horaires']);
  });

  it('knows a name in quotes after « appelle » before reading the sections, so the paragraph it opens is that role\'s', () => {
    expect(article.roles.find((role) => role.id === 'technicien-qualite')!.aliases).toContain('TQ');
    expect(article.sections[1]!.byRole['technicien-qualite']!.prose).toEqual(['Le TQ travaille en journée, de 8 h à 16 h 30.']);
  });

  it('reads the feedback and sharing lines that close the page as no text of it', () => {
    expect(article.sections[1]!.intro).toEqual([]);
  });
});

describe('a section of prose with one role list led in by a sentence', () => {
  const article = parse(
    [
      'Brasseur, technicien qualité, opérateur de conditionnement : qui fait quoi ?',
      '',
      'Trois métiers se partagent la brasserie.',
      '',
      'Formation et parcours',
      '',
      'La plupart de nos brasseurs ont un BTS Bioqualité.',
      '',
      'Pour un poste de technicien qualité, nous recrutons au minimum à bac +2 :',
      '',
      '  • BTS Bioanalyses et contrôles',
      '  • BUT Génie biologique',
      '',
      "L'opérateur de conditionnement peut arriver avec un CAP.",
    ].join('\n'),
    'brasserie.txt',
  );

  it('still reads its paragraphs by the role they open on, and the paragraph after the list as the next role\'s', () => {
    const training = article.sections[0]!;
    expect(training.byRole['brasseur']!.prose).toEqual(['La plupart de nos brasseurs ont un BTS Bioqualité.']);
    expect(training.byRole['technicien-qualite']!.items.map((item) => item.text)).toEqual(['BTS Bioanalyses et contrôles', 'BUT Génie biologique']);
    expect(training.byRole['operateur-de-conditionnement']!.prose).toEqual(["L'opérateur de conditionnement peut arriver avec un CAP."]);
  });
});

describe("a job description's document control block", () => {
  const article = parse(
    [
      '# Fiches de poste — Modéliste industriel et Technicien méthodes',
      '',
      '## Missions principales',
      '',
      '| Référence | Version | Mise à jour | Rédigé par | Validé par |',
      '|---|---|---|---|---|',
      '| FP-BE-04 | v3 | 12/02/2024 | C. Fayolle | J.-M. Bérard |',
      '',
      '**Modéliste industriel** :',
      '- Traduire le croquis en patron',
      '',
      '**Technicien méthodes** :',
      '- Rédiger les gammes de fabrication',
    ].join('\n'),
  );

  it('is no table of the page: it says who wrote it and when (documentFields)', () => {
    expect(article.sections[0]!.blocks.some((block) => block.type === 'table')).toBe(false);
    expect(article.sections[0]!.sharedItems).toEqual([]);
  });
});

describe('a list whose every point opens on a role of its own', () => {
  const article = parse(
    [
      '# Brasseur, technicien qualité : qui fait quoi ?',
      '',
      '## En résumé',
      '',
      "Pour retenir l'essentiel :",
      '',
      '- le brasseur fabrique la bière ;',
      '- le technicien qualité contrôle la bière et décide si un lot peut partir.',
      '',
      '## Horaires',
      '',
      '- **Brasseur** : dès 5 h ; astreinte un week-end sur quatre ; chaleur',
      '- **Technicien qualité** : en journée',
    ].join('\n'),
  );

  it('gives each point to its role outside a role\'s part, and leaves labelled points to their labels', () => {
    expect(texts(article, 'en-resume', 'technicien-qualite')).toEqual(['le technicien qualité contrôle la bière et décide si un lot peut partir.']);
    expect(article.sections[0]!.sharedItems).toEqual([]);
    expect(texts(article, 'horaires', 'brasseur')).toEqual(['dès 5 h', 'astreinte un week-end sur quatre', 'chaleur']);
  });
});

describe('bold leads that name the trade rather than the job', () => {
  const article = parse(
    [
      '# Régisseur plateau, régisseur lumière : qui fait quoi au théâtre ?',
      '',
      '## Missions',
      '',
      '- **Régisseur plateau** : monte les décors',
      '- **Régisseur lumière** : règle les projecteurs',
      '',
      '## Horaires',
      '',
      '- **Régie plateau** : gros volume horaire pendant les montages',
      '- **Régie lumière** : longues journées de réglage',
    ].join('\n'),
  );

  it('are the role whose head starts like the trade\'s word and whose name goes on the same way (« Régie plateau »)', () => {
    expect(article.roles.find((role) => role.id === 'regisseur-plateau')!.aliases).toContain('Régie plateau');
    expect(texts(article, 'horaires', 'regisseur-lumiere')).toEqual(['longues journées de réglage']);
  });

  it('give the name without its article (« **L\'ingé procédés :** » is « ingé procédés »)', () => {
    const clipped = parse(
      [
        '# Tableautiste et ingénieur procédés : qui fait quoi ?',
        '',
        '## Missions',
        '',
        '**Le tableautiste :**',
        '',
        '- Conduit les unités',
        '',
        "**L'ingénieur procédés :**",
        '',
        '- Optimise les unités',
        '',
        '## Incidents',
        '',
        '**Le tableautiste :**',
        '',
        '- Met l\'unité en sécurité',
        '',
        "**L'ingé procédés :**",
        '',
        "- Mène l'analyse de l'incident",
      ].join('\n'),
    );
    const aliases = clipped.roles.find((role) => role.id === 'ingenieur-procedes')!.aliases;
    expect(aliases).toContain('ingé procédés');
    expect(aliases.filter((alias) => alias.startsWith("L'"))).toEqual([]);
  });
});

describe('a page laid out in two columns, as a SharePoint or Word page exported to text writes it', () => {
  const article = parse(
    [
      'Préparateur de commandes et cariste : qui fait quoi ?',
      '',
      'Type de page                  Fiche métier comparée',
      'Dernière mise à jour          03/11/2026',
      '',
      "Vus de l'extérieur, les deux métiers se ressemblent beaucoup, car ils travaillent dans le même entrepôt et",
      'portent la même tenue ; on dit souvent « le prépa » pour le préparateur de commandes.',
      '',
      'Le métier en bref',
      '',
      'Préparateur de commandes      Il prélève les articles dans les allées et prépare les colis, à la commande,',
      '                              avec un terminal de lecture.',
      'Cariste                       Il déplace les palettes avec son chariot et range les réserves en hauteur.',
      '',
      'Missions principales',
      '',
      'Préparateur de commandes      • Prélever les articles de chaque commande',
      '                              • Contrôler et filmer les colis',
      'Cariste                       • Décharger les camions',
      '                              • Ranger les palettes en réserve',
    ].join('\n'),
    'page.txt',
  );

  it('reads each key at the margin as the label of the value beside it, points as its list', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['preparateur-de-commandes', 'cariste']);
    expect(texts(article, 'missions-principales', 'preparateur-de-commandes')).toEqual(['Prélever les articles de chaque commande', 'Contrôler et filmer les colis']);
    expect(texts(article, 'missions-principales', 'cariste')).toEqual(['Décharger les camions', 'Ranger les palettes en réserve']);
  });

  it('joins a value wrapped onto the lines below into one text', () => {
    const brief = article.sections.find((section) => section.id === 'le-metier-en-bref')!;
    expect(brief.byRole['preparateur-de-commandes']!.prose).toEqual(['Il prélève les articles dans les allées et prépare les colis, à la commande, avec un terminal de lecture.']);
  });

  it('keeps the page properties out of the headings, and a paragraph wrapped at the margin in one piece', () => {
    expect(article.title).toBe('Préparateur de commandes et cariste : qui fait quoi ?');
    expect(article.sections.map((section) => section.id)).toEqual(['le-metier-en-bref', 'missions-principales']);
    expect(article.roles[0]!.aliases).toContain('prépa');
  });
});

describe('a lead-in at the end of a paragraph, and paragraphs naming roles by part of their names', () => {
  const article = parse(
    [
      '# Technicien raccordeur fibre, technicien d’intervention réseau : qui fait quoi ?',
      '',
      '## Outils et matériel',
      '',
      'Chacun a sa caisse à outils. Pour le raccordeur :',
      '',
      '- Soudeuse à fusion',
      '',
      'Côté technicien d’intervention :',
      '',
      '- Réflectomètre portable',
      '',
      '## Conditions de travail',
      '',
      'Le raccordeur travaille presque toujours en extérieur, par tous les temps.',
      '',
      'Le technicien d’intervention réseau a un secteur attitré.',
      '',
      '## Le rythme',
      '',
      'À l’automne, le raccordeur finit les chantiers, et le technicien d’intervention réseau prépare les astreintes.',
    ].join('\n'),
  );

  it('reads a lead-in opening on a role at the end of a paragraph as the label of the list below (labelOpeners)', () => {
    expect(texts(article, 'outils-et-materiel', 'technicien-raccordeur-fibre')).toEqual(['Soudeuse à fusion']);
    expect(article.sections[0]!.intro).toEqual(['Chacun a sa caisse à outils.']);
  });

  it('gives a paragraph of prose to the role a word of its name shaped like a job title names', () => {
    const conditions = article.sections.find((section) => section.id === 'conditions-de-travail')!;
    expect(conditions.byRole['technicien-raccordeur-fibre']!.prose).toEqual(['Le raccordeur travaille presque toujours en extérieur, par tous les temps.']);
  });

  it('still gives each role its clause in a sentence that opens on no role named whole', () => {
    const rhythm = article.sections.find((section) => section.id === 'le-rythme')!;
    expect(Object.keys(rhythm.byRole).sort()).toEqual(['technicien-d-intervention-reseau', 'technicien-raccordeur-fibre']);
  });
});

describe('an article organised role first, its sub-headings synonyms rather than the same words', () => {
  const source = [
    '# Game designer, level designer : quelles différences ?',
    '',
    '## Le game designer',
    '',
    '### Ses missions',
    '- Écrire les règles du jeu',
    '### Outils du quotidien',
    '- Tableur',
    '### Rémunération',
    '- 2 500 € brut',
    '### Avec qui il travaille',
    '- Les programmeurs',
    '',
    '## Le level designer',
    '',
    '### Au quotidien',
    '- Construire les niveaux',
    '### Sa boîte à outils',
    '- Éditeur de niveaux',
    '### Salaire',
    '- 2 300 € brut',
    '### Ses interlocuteurs',
    '- Les graphistes',
  ].join('\n');

  it('gathers the sub-headings about one subject through the HR lexicon (« Salaire » is « Rémunération », « Au quotidien » the missions)', () => {
    const article = parseArticle(source, 'jeu.md', pack, lexicon);
    expect(article.sections.map((section) => section.id)).toEqual(['ses-missions', 'outils-du-quotidien', 'remuneration', 'avec-qui-il-travaille']);
    expect(texts(article, 'ses-missions', 'level-designer')).toEqual(['Construire les niveaux']);
    expect(texts(article, 'remuneration', 'level-designer')).toEqual(['2 300 € brut']);
    expect(texts(article, 'avec-qui-il-travaille', 'level-designer')).toEqual(['Les graphistes']);
  });

  it('cannot read it without the lexicon, the sub-headings sharing too few words', () => {
    expect(() => parse(source, 'jeu.md')).toThrow(/rôles/);
  });
});

describe('a name in use set in bold rather than in quotes', () => {
  it('gives the role the names its writer set in bold in a naming sentence (« tout le monde dit **le véto** pour … »)', () => {
    const article = parse(
      [
        '# Auxiliaire spécialisé vétérinaire ou vétérinaire praticien : quelles différences ?',
        '',
        "Dans nos cliniques, tout le monde dit **l'ASV** pour l'auxiliaire spécialisé vétérinaire, et **le véto** (ou « le Doc », à l'accueil) pour le vétérinaire praticien.",
        '',
        '## Que fait-il au quotidien ?',
        '',
        '### Auxiliaire spécialisé vétérinaire',
        '- Accueillir les clients',
        '',
        '### Vétérinaire praticien',
        '- Mener les consultations',
      ].join('\n'),
    );
    expect(article.roles.find((role) => role.id === 'veterinaire-praticien')!.aliases).toEqual(['véto', 'Doc']);
  });

  it("leaves a role's own name in bold to that role (« … et le **chef d'atelier** »)", () => {
    const article = fixture('holdout117');
    expect(article.roles.map((role) => role.id)).toContain('chef-d-atelier');
    expect(article.roles.find((role) => role.id === 'receptionnaire-apres-vente')!.aliases).not.toContain("chef d'atelier");
  });
});

describe('a mind map exported as one outline of points', () => {
  const map = [
    '# Opticien, optométriste : qui fait quoi en magasin ?',
    '',
    '_Carte mentale exportée de Xmind._',
    '',
    '- Nos métiers en magasin',
    '\t- Missions au quotidien',
    "\t\t- Opticien — « l'OL » dans nos magasins",
    "\t\t\t- Analyser l'ordonnance",
    '\t\t\t- Monter les verres',
    "\t\t- Optométriste — « l'optom »",
    '\t\t\t- Réaliser les bilans visuels',
    '\t- Rémunération',
    '\t\t- Opticien',
    '\t\t\t- 1 900 € brut',
    '\t\t- Optométriste',
    '\t\t\t- 2 300 € brut',
    '\t\t- Prime sur objectifs pour tous',
  ].join('\n');

  it('reads each theme under the central topic as a section and each point over points as the label of their list', () => {
    const article = parse(map);
    expect(article.sections.map((section) => section.id)).toEqual(['missions-au-quotidien', 'remuneration']);
    expect(texts(article, 'missions-au-quotidien', 'opticien')).toEqual(["Analyser l'ordonnance", 'Monter les verres']);
    expect(texts(article, 'remuneration', 'optometriste')).toEqual(['2 300 € brut']);
    expect(article.sections[1]!.sharedItems.map((item) => item.text)).toEqual(['Prime sur objectifs pour tous']);
  });

  it("gives a role the names in quotes its label writes after its name (« Optométriste — « l'optom » »)", () => {
    const article = parse(map);
    expect(article.roles.find((role) => role.id === 'optometriste')!.aliases).toContain('optom');
    expect(article.roles.find((role) => role.id === 'opticien')!.aliases).toContain('OL');
  });

  it('leaves a page with headings to its headings, however deep its lists', () => {
    const article = parse(['# Opticien ou optométriste ?', '', '## Missions', '', '**Opticien** :', '- Monter les verres', '  - au meulage', '    - automatique', '', '**Optométriste** :', '- Réaliser les bilans'].join('\n'));
    expect(article.sections.map((section) => section.id)).toEqual(['missions']);
    expect(texts(article, 'missions', 'opticien')).toEqual(['Monter les verres']);
  });
});

describe('a text export whose role labels name the trade (« Côté secrétariat : ») and whose prose goes on with pronouns', () => {
  const article = fixture('holdout132');
  const prose = (roleId: string) => article.sections.find((section) => section.id === 'avec-qui-ils-travaillent')!.byRole[roleId]?.prose ?? [];

  it('reads a label naming the trade of one role as that role, not one more role', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['enseignant-de-la-conduite', 'secretaire-d-auto-ecole', 'responsable-pedagogique']);
    expect(texts(article, 'missions-principales', 'secretaire-d-auto-ecole')).toHaveLength(6);
  });

  it('gives a sentence opened by a pronoun, or by what the subject once was, to the role before it', () => {
    expect(prose('secretaire-d-auto-ecole')).toEqual([expect.stringMatching(/^La secrétaire fait le lien .*\. Elle travaille avec les enseignants/)]);
    expect(prose('enseignant-de-la-conduite')).toEqual([expect.stringMatching(/^L’enseignant passe/)]);
    const roleOfEach = article.sections.find((section) => section.id === 'le-role-de-chacun')!.byRole;
    expect(roleOfEach['responsable-pedagogique']!.prose).toEqual([expect.stringMatching(/Le plus souvent ancien enseignant, il encadre/)]);
    expect(roleOfEach['enseignant-de-la-conduite']!.prose).toHaveLength(1);
  });
});

describe('a sentence that gives each role its names in a clause of its own', () => {
  it("gives them to each role, and none to the role the paragraph opens on (« l'accueil » is the agent d'accueil's)", () => {
    const article = fixture('holdout140');
    const aliases = (id: string) => article.roles.find((candidate) => candidate.id === id)!.aliases;
    expect(aliases('agent-portuaire')).toEqual(['agent de port', 'agent de quai']);
    expect(aliases('agent-d-accueil-de-capitainerie')).toContain('accueil');
    expect(aliases('maitre-de-port')).not.toContain('accueil');
  });
});

describe('a text export whose title comes first, a byline under it', () => {
  const article = parse(
    [
      'Tailleur de pierre, maçon du patrimoine : quelles différences ?',
      '',
      'Direction des ressources humaines – Fiches métiers chantier – mise à jour septembre 2025',
      '',
      'Sur nos chantiers de restauration, deux métiers travaillent côte à côte.',
      '',
      '',
      'MISSIONS PRINCIPALES',
      '',
      '→ TAILLEUR DE PIERRE',
      '- Débiter les blocs à la scie',
      '- Tailler les moulures',
      '',
      '→ MAÇON DU PATRIMOINE',
      '- Rejointoyer au mortier de chaux',
      '- Consolider les maçonneries',
      '',
      '',
      'FORMATION ET PARCOURS',
      '',
      '→ TAILLEUR DE PIERRE',
      '1) Diplôme : CAP tailleur de pierre',
      '2) Évolution : appareilleur',
      '',
      '→ MAÇON DU PATRIMOINE',
      '1) Diplôme : CAP maçon',
      '2) Évolution : chef d’équipe',
    ].join('\n'),
    'article.txt',
  );

  it('takes the line that names the roles as the title and the one under it as a byline, not the reverse', () => {
    expect(article.title).toBe('Tailleur de pierre, maçon du patrimoine : quelles différences ?');
    expect(article.category).toBe('Direction des ressources humaines – Fiches métiers chantier – mise à jour septembre 2025');
    expect(article.intro).toEqual(['Sur nos chantiers de restauration, deux métiers travaillent côte à côte.']);
    // The title names each role, so a repeated label that is no job title (« Évolution : ») is no role.
    expect(article.roles.map((role) => role.id)).toEqual(['tailleur-de-pierre', 'macon-du-patrimoine']);
  });
});

describe('a text export whose title is over a subtitle that lists names of its own', () => {
  const article = parse(
    [
      'Ingénieur acousticien ou technicien de mesures : quelles différences ?',
      '',
      'Parcours d\'intégration — Pôle Bruit & Vibrations',
      '',
      'Deux métiers du bureau d\'études que l\'on confond souvent.',
      '',
      'Missions',
      '',
      'Ingénieur acousticien :',
      '- Concevoir les traitements acoustiques',
      '',
      'Technicien de mesures :',
      '- Poser les sonomètres',
      '',
      'Outils',
      '',
      'Ingénieur acousticien :',
      '- Logiciel de simulation',
      '',
      'Technicien de mesures :',
      '- Sonomètre intégrateur',
    ].join('\n'),
    'article.txt',
  );

  it('takes as the title the line whose names the page goes on to write, and no name of the subtitle as a role\'s', () => {
    expect(article.title).toBe('Ingénieur acousticien ou technicien de mesures : quelles différences ?');
    expect(article.roles.map((role) => [role.id, role.aliases])).toEqual([
      ['ingenieur-acousticien', []],
      ['technicien-de-mesures', []],
    ]);
  });
});

describe('a role whose lists write it short, by its head and an initialism of the rest of its name', () => {
  const article = parse(
    [
      '# Tuyauteur industriel ou usineur sur machines à commande numérique : quelles différences ?',
      '',
      '## Missions',
      '',
      '| Critère | Tuyauteur(-euse) industriel(le) | Usineur(-euse) CN |',
      '|---|---|---|',
      '| Raison d’être | Monte les réseaux de tuyauterie | Produit des pièces sur tour |',
      '',
      '## Outils',
      '',
      '| Critère | Tuyauteur(-euse) industriel(le) | Usineur(-euse) CN |',
      '|---|---|---|',
      '| Machines | Cintreuse | Centre d’usinage |',
    ].join('\n'),
  );

  it('is the title\'s role said short (« Usineur CN » for the usineur sur machines à commande numérique), not one more role', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['tuyauteur-industriel', 'usineur-sur-machines-a-commande-numerique']);
    expect(article.roles[1]!.aliases).toContain('Usineur CN');
  });
});

describe('an e-mail memo pasted under the page\'s own title, its sections opened by bold lines', () => {
  const article = parse(
    [
      '# Relieur ou restauratrice papier : qui fait quoi à l’atelier ?',
      '',
      'Objet : [Accueil] Relieur / restauratrice papier – deux métiers qu’on confond',
      '',
      'Bonjour à toutes et à tous,',
      '',
      'Voici un petit point sur deux métiers de notre atelier.',
      '',
      '**Missions**',
      '',
      'Le relieur :',
      '- coud les cahiers',
      '',
      'La restauratrice papier :',
      '- comble les lacunes du papier',
      '',
      '**Rémunération** (indicative, brut mensuel, primes comprises)',
      '',
      '| | Le relieur | La restauratrice papier |',
      '| --- | --- | --- |',
      '| En début de carrière | environ 2 000 € | environ 2 500 € |',
      '',
      '**Ce qu’ils ont en commun**',
      '',
      '- les mêmes règles de manipulation',
      '',
      'Bien cordialement,',
      '',
      'Claire Vasseur',
      'Cheffe de l’atelier de conservation-restauration',
      'Département de la Conservation – site des Capucins, bâtiment B, 2e sous-sol',
      'Tél. : 01 53 79 42 16 (poste 4216)',
    ].join('\n'),
  );

  it('keeps the page\'s title, drops the envelope and the signature, and opens a section on a bold line with an aside in brackets', () => {
    expect(article.title).toBe('Relieur ou restauratrice papier : qui fait quoi à l’atelier ?');
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'remuneration', 'ce-qu-ils-ont-en-commun']);
    const shared = article.sections[2]!;
    expect(JSON.stringify(shared)).not.toContain('Claire Vasseur');
    expect(JSON.stringify(shared)).not.toContain('cordialement');
  });
});

describe('a talkative text export: one role in a list, the other in a paragraph that turns to it', () => {
  const article = parse(
    [
      'Comparaison',
      '',
      'Différences entre l’artificier et le chef de tir',
      '',
      'Deux métiers du pas de tir.',
      '',
      'Missions au quotidien',
      '',
      'Pour l’artificière :',
      '',
      '  • Préparer les produits au dépôt',
      '  • Câbler les inflammateurs',
      '',
      'Chez le chef de tir, le travail commence bien avant le jour J. Il monte le dossier de déclaration.',
      '',
      'Le matériel de chacun',
      '',
      'Pour l’artificière :',
      '',
      '  • Mortiers et racks',
      '',
      'Le chef de tir, lui, travaille surtout avec le pupitre de tir.',
      '',
      'Compétences attendues',
      '',
      'Côté artificière, on cherche d’abord quelqu’un de soigneux, qui écoute son chef de tir.',
      '',
      'Pour le chef de tir :',
      '',
      '  • Connaître la réglementation',
    ].join('\n'),
    'artifice.txt',
  );
  const [missions, equipment, skills] = article.sections;

  it('gives a paragraph opened by a label\'s opener on the other role to that role, after the first role\'s list (labelOpeners)', () => {
    expect(missions!.byRole['chef-de-tir']!.prose).toEqual(['Chez le chef de tir, le travail commence bien avant le jour J. Il monte le dossier de déclaration.']);
    expect(missions!.byRole['artificier']!.prose).toEqual([]);
  });

  it('gives a paragraph that sets the other role apart with a stressed pronoun to that role (stressedPronouns)', () => {
    expect(equipment!.byRole['chef-de-tir']!.prose).toEqual(['Le chef de tir, lui, travaille surtout avec le pupitre de tir.']);
  });

  it('gives the role with no list the paragraph that opens on it, where the other role has a list', () => {
    expect(skills!.byRole['artificier']!.prose).toEqual(['Côté artificière, on cherche d’abord quelqu’un de soigneux, qui écoute son chef de tir.']);
    expect(skills!.intro).toEqual([]);
  });
});

describe('list labels that name each role by its trade in one word (« Côté marbrerie : »)', () => {
  const article = parse(
    [
      'Comparaison',
      '',
      'Différences entre un Marbrier funéraire, un Graveur sur pierre et un Poseur de monuments',
      '',
      'Trois métiers de la marbrerie.',
      '',
      'Missions',
      '',
      'Missions du marbrier funéraire :',
      '',
      '  • Débiter les blocs',
      '',
      'Missions du graveur sur pierre :',
      '',
      '  • Graver les inscriptions',
      '',
      'Missions du poseur de monuments :',
      '',
      '  • Poser les monuments',
      '',
      'Outils et équipements',
      '',
      '  • Côté marbrerie :',
      '    • Pont roulant et palonnier à ventouses',
      '  • Côté gravure :',
      '    • Cabine de sablage',
      '  • Côté pose :',
      '    • Camion-grue',
      '',
      'Formation',
      '',
      '  • Côté formation :',
      '    • Former les apprentis',
    ].join('\n'),
    'marbrerie.txt',
  );

  it('gives each list to the one role whose head its word starts like, after the label\'s opener (labelOpeners)', () => {
    const tools = article.sections[1]!;
    expect(tools.byRole['marbrier-funeraire']!.items.map((item) => item.text)).toEqual(['Pont roulant et palonnier à ventouses']);
    expect(tools.byRole['graveur-sur-pierre']!.items.map((item) => item.text)).toEqual(['Cabine de sablage']);
    expect(tools.sharedItems).toEqual([]);
  });

  it('leaves a one-word label that starts like no role\'s head to no role', () => {
    expect(Object.keys(article.sections[2]!.byRole)).toEqual([]);
  });
});

describe('a « Note RH » whose numbered sections hold role names in capitals without a colon', () => {
  const note = [
    'Note RH : Gardien(ne) d\'immeuble, concierge d\'entreprise : quelles différences ?',
    '',
    'Cette note fait le point sur deux métiers souvent confondus.',
    '',
    '1) Les missions',
    '',
    'GARDIEN(NE) D\'IMMEUBLE',
    '1. Accueillir les locataires à la loge',
    '2. Réaliser les états des lieux',
    '',
    'CONCIERGE D\'ENTREPRISE',
    '1. Accueillir les salariés au comptoir de la conciergerie',
    '2. Réserver restaurants et spectacles',
    '',
    '2) Les horaires',
    '',
    'GARDIEN(NE) D\'IMMEUBLE',
    '1. Présence en loge du lundi au vendredi',
    '',
    'CONCIERGE D\'ENTREPRISE',
    '1. Horaires de bureau chez le client',
    '',
  ].join('\n');

  it('reads each line in capitals under a numbered section as the role whose list follows, not as a section', () => {
    const article = parse(note, 'note.txt');
    expect(article.roles.map((role) => role.id)).toEqual(['gardien-d-immeuble', 'concierge-d-entreprise']);
    expect(article.sections.map((section) => section.id)).toEqual(['les-missions', 'les-horaires']);
    expect(texts(article, 'les-missions', 'concierge-d-entreprise')).toEqual(['Accueillir les salariés au comptoir de la conciergerie', 'Réserver restaurants et spectacles']);
  });
});

describe('a « Note RH » with a memo header and role names in ordinary case on their own line under numbered sections', () => {
  const note = [
    'Note RH',
    '',
    'Sellier(-ère) maroquinier, piqueur(-euse) en maroquinerie : quelles différences ?',
    '',
    'Émetteur : Service Ressources humaines',
    'Destinataires : ensemble du personnel, nouveaux arrivants',
    'Objet : clarifier le rôle de chacun des deux métiers',
    'Date : mars 2025',
    '',
    'Cette note reprend ce qui distingue deux métiers de l\'atelier.',
    '',
    '1) Missions',
    '',
    'Sellier(-ère) maroquinier',
    '1. Couper les peaux',
    '2. Assembler les pièces à la main',
    '',
    'Piqueur(-euse) en maroquinerie',
    '1. Piquer les pièces à la machine',
    '2. Régler la machine à coudre',
    '',
    '2) Horaires',
    '',
    'Sellier(-ère) maroquinier',
    '1. Journée d\'atelier, 8 h – 16 h',
    '',
    'Piqueur(-euse) en maroquinerie',
    '1. Travail en équipe, deux postes',
    '',
  ].join('\n');
  const article = parse(note, 'note.txt');

  it('keeps the title over the memo header and drops the header\'s lines (Émetteur, Destinataires, Objet, Date)', () => {
    expect(article.title).toBe('Sellier(-ère) maroquinier, piqueur(-euse) en maroquinerie : quelles différences ?');
    expect(article.intro).toEqual(['Cette note reprend ce qui distingue deux métiers de l\'atelier.']);
  });

  it('reads each title name standing alone under a section as the label of that role\'s list, not as a section', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['sellier-maroquinier', 'piqueur-en-maroquinerie']);
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'horaires']);
    expect(texts(article, 'missions', 'piqueur-en-maroquinerie')).toEqual(['Piquer les pièces à la machine', 'Régler la machine à coudre']);
  });
});

describe('one « fiche de poste » per role, each a two-column table of criteria', () => {
  const article = parse(
    [
      '# Fiches de poste : cordier, voilier',
      '',
      'Deux métiers de la voilerie.',
      '',
      '## Cordier',
      '',
      'Il fabrique les cordages.',
      '',
      '| Rubrique | Contenu |',
      '| --- | --- |',
      '| **Missions** | Tresser les cordages<br>Épisser les boucles |',
      '| **Horaires** | Journée d\'atelier ; samedi matin |',
      '',
      '## Voilier',
      '',
      'Il coupe et coud les voiles.',
      '',
      '| Rubrique | Contenu |',
      '| --- | --- |',
      '| **Missions** | Tracer les laizes<br>Coudre les voiles |',
      '| **Horaires** | Journée d\'atelier |',
    ].join('\n'),
    'fiches.md',
  );

  it('reads each row as the role\'s part of the section its label names, a point a line or a « ; »', () => {
    expect(article.roles.map((role) => role.id)).toEqual(['cordier', 'voilier']);
    expect(article.sections.map((section) => section.id)).toEqual(['fiches-de-poste-cordier-voilier', 'missions', 'horaires']);
    expect(texts(article, 'missions', 'voilier')).toEqual(['Tracer les laizes', 'Coudre les voiles']);
    expect(texts(article, 'horaires', 'cordier')).toEqual(["Journée d'atelier", 'samedi matin']);
  });
});

describe('a role whose name ends with a word of the same family as another role\'s name (« constructeur de marionnettes », « marionnettiste »)', () => {
  const article = parse(
    [
      '# Marionnettiste ou constructeur de marionnettes : quelles différences ?',
      '',
      'Le **marionnettiste** est l\'interprète. Le **constructeur de marionnettes** (ou la constructrice) les fabrique.',
      '',
      '## Missions',
      '',
      'Le marionnettiste interprète les spectacles.',
      '',
      'Le constructeur de marionnettes, lui, conçoit et fabrique les marionnettes.',
    ].join('\n'),
    'marionnettes.md',
  );

  it('gives the name in brackets after the longer name to the role that longer name names, whose paragraph is its own', () => {
    expect(article.roles.map((role) => [role.id, role.aliases])).toEqual([
      ['marionnettiste', []],
      ['constructeur-de-marionnettes', ['constructrice']],
    ]);
    expect(Object.keys(article.sections[0]!.byRole)).toEqual(['marionnettiste', 'constructeur-de-marionnettes']);
  });
});

describe('a text export with a table laid out in columns by spaces, roles as columns', () => {
  const article = parse(
    [
      'Différences entre le toiletteur et l\'éducateur canin',
      '',
      'Deux métiers du centre canin.',
      '',
      'Horaires et rémunération',
      '',
      '                     Toiletteur              Éducateur canin',
      'Horaires habituels   8h30-12h / 13h30-17h    9h-12h / 14h-19h',
      'Jours travaillés     mardi au samedi         mardi au samedi',
      'Primes               commission de 5 %       prime par stage',
      '',
      'Missions',
      '',
      'Toiletteur :',
      '- Laver et sécher les chiens',
      '',
      'Éducateur canin :',
      '- Animer les cours collectifs',
    ].join('\n'),
    'centre.txt',
  );

  it('reads each column as its role\'s list, a point a row, and its header as no section', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['horaires-et-remuneration', 'missions']);
    expect(texts(article, 'horaires-et-remuneration', 'toiletteur')).toEqual(['Horaires habituels : 8h30-12h / 13h30-17h', 'Jours travaillés : mardi au samedi', 'Primes : commission de 5 %']);
  });
});

describe('a role-first page whose last sub-heading of a role is written as a question (« ### Et après ? »)', () => {
  const article = parseArticle(
    [
      '# Cordier, voilier : qui fait quoi ?',
      '',
      '## Le cordier',
      '',
      '### Ses missions',
      '- Tresser les cordages',
      '',
      '### Salaire',
      '- 1 900 € brut',
      '',
      '### Et après ?',
      '- Chef d\'atelier',
      '',
      '## Le voilier',
      '',
      '### Au quotidien',
      '- Coudre les voiles',
      '',
      '### Ce qu\'il gagne',
      '- 2 000 € brut',
      '',
      '### Perspectives',
      '- Maître voilier',
    ].join('\n'),
    'voilerie.md',
    pack,
    lexicon,
  );

  it('reads the question as one of that role\'s subjects, aligned with the others\' at its place, not as a section of its own', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['ses-missions', 'salaire', 'et-apres']);
    expect(texts(article, 'et-apres', 'voilier')).toEqual(['Maître voilier']);
  });
});

describe('parts holding sections whose roles are `####` headings, one section a table with the roles as rows', () => {
  const article = parse(
    [
      '# Cordier ou voilier : quelles différences ?',
      '',
      '## Conditions d\'emploi',
      '',
      '### Formation',
      '',
      '#### Cordier',
      '- CAP matelotage',
      '',
      '#### Voilier',
      '- CAP voilerie',
      '',
      '### Rémunération',
      '',
      '| Métier | Salaire brut |',
      '| --- | --- |',
      '| Cordier | 1 900 € |',
      '| Voilier | 2 000 € |',
      '',
      '### Évolutions',
      '',
      '#### Cordier',
      '- Chef d\'atelier',
      '',
      '#### Voilier',
      '- Maître voilier',
    ].join('\n'),
    'voilerie.md',
  );

  it('reads each section of the part as a section of its own, the table\'s too', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['conditions-d-emploi', 'formation', 'remuneration', 'evolutions']);
    expect(texts(article, 'evolutions', 'voilier')).toEqual(['Maître voilier']);
  });
});

describe('a text export whose sections only are underlined with « ==== », not its title', () => {
  const article = parse(
    [
      'Cordier ou voilier : quelles différences ?',
      '',
      'Deux métiers de la voilerie que l\'on confond.',
      '',
      'Missions',
      '========',
      '',
      'Pour le cordier :',
      '- Tresser les cordages',
      '',
      'Pour le voilier :',
      '- Coudre les voiles',
      '',
      'Horaires',
      '========',
      '',
      'Pour le cordier :',
      '- Journée d\'atelier',
      '',
      'Pour le voilier :',
      '- Journée d\'atelier aussi',
    ].join('\n'),
    'voilerie.txt',
  );

  it('keeps the first line as the title, the introduction under it, and the underlined headings as its sections', () => {
    expect(article.title).toBe('Cordier ou voilier : quelles différences ?');
    expect(article.intro).toEqual(["Deux métiers de la voilerie que l'on confond."]);
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'horaires']);
    expect(texts(article, 'missions', 'voilier')).toEqual(['Coudre les voiles']);
  });
});

describe('a text export whose sections are lines ending with a colon, alone between blank lines', () => {
  const source = [
    'Différences entre le soudeur et le chaudronnier',
    '',
    'Deux métiers de l\'atelier que l\'on confond.',
    '',
    '',
    'Les missions :',
    '',
    'Pour aller vite : l\'un assemble, l\'autre façonne.',
    '',
    'Pour le soudeur :',
    '- Souder les pièces',
    '',
    'Pour le chaudronnier :',
    '- Former les tôles',
    '',
    'A lire aussi :  Différences entre le tuyauteur et le monteur',
    '',
    '',
    'Une journée type :',
    '',
    'Pour le soudeur :',
    '8 h 00 – Préparation des pièces',
    '12 h 00 – Pause déjeuner',
    '13 h 00 – Soudure des assemblages',
    '',
    'Pour le chaudronnier :',
    '7 h 30 – Lecture des plans',
    '12 h 30 – Pause déjeuner',
    '13 h 30 – Roulage des tôles',
    '',
    '',
    'Les horaires, en questions :',
    '',
    '— Le soudeur travaille-t-il le samedi ?',
    '— Jamais.',
    '',
    '',
    'Rémunération :',
    '',
    'Pour le soudeur :',
    '- 2 000 € brut par mois',
    '',
    'Pour le chaudronnier :',
    '- 2 100 € brut par mois',
  ].join('\n');
  const article = parse(source, 'atelier.txt');

  it('reads each of those lines as a section, without its colon, and the lines over a list as its lead-ins', () => {
    expect(article.sections.map((section) => section.heading)).toEqual(['Les missions', 'Une journée type', 'Les horaires, en questions', 'Rémunération']);
    expect(texts(article, 'remuneration', 'chaudronnier')).toEqual(['2 100 € brut par mois']);
  });

  it('reads the rows of a timetable under a lead-in as its points, the same break at another hour included', () => {
    expect(texts(article, 'une-journee-type', 'soudeur')).toEqual(['8 h 00 – Préparation des pièces', '12 h 00 – Pause déjeuner', '13 h 00 – Soudure des assemblages']);
    expect(texts(article, 'une-journee-type', 'chaudronnier')).toEqual(['7 h 30 – Lecture des plans', '12 h 30 – Pause déjeuner', '13 h 30 – Roulage des tôles']);
  });

  it('reads a line written again with its number changed as a running footer, but not a row among rows that open with a number of its shape', () => {
    const footer = (page: number) => ['', `Atelier — page ${page}`, ''];
    const paged = parse(source.split('\n').flatMap((line, index) => (index === 18 ? [...footer(1), line] : index === 37 ? [...footer(2), line] : [line])).join('\n'), 'atelier.txt');
    expect(JSON.stringify(paged.sections)).not.toContain('Atelier — page');
    expect(texts(paged, 'une-journee-type', 'chaudronnier')).toEqual(['7 h 30 – Lecture des plans', '12 h 30 – Pause déjeuner', '13 h 30 – Roulage des tôles']);
  });

  it('keeps a line ending with a colon written again in every section as the lead-in of a role\'s part', () => {
    const prose = parse(
      [
        'Différences entre le soudeur et le chaudronnier',
        '',
        'Deux métiers de l\'atelier que l\'on confond.',
        '',
        'Missions',
        '',
        'Côté soudeur :',
        '',
        'Le soudeur assemble les pièces.',
        '',
        'Côté chaudronnier :',
        '',
        'Le chaudronnier forme les tôles.',
        '',
        'Horaires',
        '',
        'Côté soudeur :',
        '',
        'Le soudeur travaille en équipe du matin.',
        '',
        'Côté chaudronnier :',
        '',
        'Le chaudronnier travaille en journée.',
      ].join('\n'),
      'atelier.txt',
    );
    expect(prose.sections.map((section) => section.heading)).toEqual(['Missions', 'Horaires']);
  });
});

describe('bold labels opened by a pictograph inside the bold', () => {
  const article = parse(
    [
      '# Cuisinier(-ière) ou diététicien(ne) : qui fait quoi ?',
      '',
      '## Missions',
      '',
      '**🍳 Cuisinier(-ière)**',
      '',
      '- Préparer les repas',
      '',
      '**🥗 Diététicien(ne)**',
      '',
      '- Concevoir les menus',
    ].join('\n'),
  );

  it('name their roles without the pictograph', () => {
    expect(article.roles.map((role) => role.name)).toEqual(['Cuisinier', 'Diététicien']);
    expect(article.roles.flatMap((role) => role.aliases).join(' ')).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(texts(article, 'missions', 'dieteticien')).toEqual(['Concevoir les menus']);
  });
});

describe('a text export whose role parts are headed, in capitals like its sections, by a label\'s opener and a role\'s name', () => {
  const article = parse(
    [
      'Laveur de vitres ou chef d\'équipe nettoyage : qui fait quoi ?',
      '',
      'Deux métiers que l\'on confond sur nos chantiers.',
      '',
      'MISSIONS',
      '',
      'CÔTÉ LAVEUR DE VITRES',
      '* Nettoyer les vitrages',
      '',
      'CÔTÉ CHEF D\'ÉQUIPE',
      '* Organiser le chantier',
      '',
      'COMPÉTENCES',
      '',
      'CÔTÉ LAVEUR DE VITRES',
      '* Aisance en hauteur',
      '',
      'CÔTÉ CHEF D\'ÉQUIPE',
      '* Sens de l\'organisation',
    ].join('\n'),
    'livret.txt',
  );

  it('reads each such heading, the name shortened too, as that role\'s part of the section above, not as a section', () => {
    expect(article.sections.map((section) => section.id)).toEqual(['missions', 'competences']);
    expect(texts(article, 'competences', 'chef-d-equipe-nettoyage')).toEqual(["Sens de l'organisation"]);
    expect(texts(article, 'missions', 'laveur-de-vitres')).toEqual(['Nettoyer les vitrages']);
  });
});

describe('role labels set in italics on a line of their own', () => {
  const article = parse(
    [
      '# Magasinier, cariste, agent de quai : quelles différences ?',
      '',
      '## Missions',
      '',
      '*Magasinier*',
      '',
      '- Ranger les réceptions',
      '',
      '*Cariste*',
      '',
      '- Charger les camions',
      '',
      '*Agent de quai*',
      '',
      '- Contrôler les palettes',
      '',
      '## Salaires',
      '',
      '*Magasinier*',
      '',
      '- 1 900 € brut',
      '',
      '*Cariste*',
      '',
      '- 2 000 € brut',
      '',
      '*Agent de quai*',
      '',
      '- 1 850 € brut',
      '',
      '*Montants indicatifs, hors primes.*',
      '',
      '*Le service RH*',
    ].join('\n'),
  );

  it('reads them as labels, as it reads bold ones', () => {
    expect(article.roles.map((role) => role.name)).toEqual(['Magasinier', 'Cariste', 'Agent de quai']);
    expect(texts(article, 'missions', 'cariste')).toEqual(['Charger les camions']);
    expect(texts(article, 'salaires', 'agent-de-quai')).toEqual(['1 850 € brut']);
  });

  it('keeps an italic sentence, or an italic line with no list under it, as the note or signature it is', () => {
    expect(article.diagnostics).toEqual([]);
  });
});

describe('bold role labels that present their role in a whole sentence, each over its list, under sub-headings', () => {
  const article = parse(
    [
      '# Standardiste ou agent(e) de sécurité incendie (SSIAP) : quelles différences ?',
      '',
      '## Les deux métiers en détail',
      '',
      '### Missions',
      '',
      '**Standardiste :** répond aux appels entrants de l\'hôpital et met en relation chaque appelant avec le bon service.',
      '',
      '- Transférer les appels',
      '- Tenir l\'annuaire',
      '',
      '**Agent(e) de sécurité incendie (SSIAP) :** prévient les risques d\'incendie dans les bâtiments et intervient en premier en cas d\'alarme.',
      '',
      '- Faire les rondes de prévention',
      '',
      '### Outils',
      '',
      '**Standardiste :** travaille sur une console reliée à l\'autocommutateur.',
      '',
      '- Console opératrice',
      '',
      '**Agent(e) SSIAP :** passe une grande partie de son poste au PC sécurité, devant le tableau du système de sécurité incendie.',
      '',
      '- Radio portative',
    ].join('\n'),
  );

  it('give each list to the role whose label opens the paragraph before it', () => {
    expect(texts(article, 'missions', 'standardiste')).toEqual(['Transférer les appels', "Tenir l'annuaire"]);
    expect(texts(article, 'missions', 'agent-de-securite-incendie')).toContain('Faire les rondes de prévention');
    expect(texts(article, 'outils', 'standardiste')).not.toContain('Radio portative');
    expect(texts(article, 'outils', 'agent-de-securite-incendie')).toContain('Radio portative');
  });
});

describe("a point of a role's list that leads with a colon into sub-points", () => {
  const article = parse(
    [
      '# Standardiste ou agent de sécurité incendie : quelles différences ?',
      '',
      '## Missions',
      '',
      '**Standardiste**',
      '',
      '- Transférer les appels',
      '',
      '**Agent de sécurité incendie**',
      '',
      '- Surveiller le système de sécurité incendie',
      '- Effectuer les rondes de prévention :',
      '  - contrôle des issues de secours',
      '  - vérification des extincteurs',
      '',
      '## Outils',
      '',
      '**Standardiste**',
      '',
      '- Console opératrice',
      '',
      '**Agent de sécurité incendie**',
      '',
      '- Radio portative',
    ].join('\n'),
  );

  it("is that role's point, with its sub-points, not a list shared by the roles", () => {
    expect(texts(article, 'missions', 'agent-de-securite-incendie')).toEqual(['Surveiller le système de sécurité incendie', 'Effectuer les rondes de prévention :']);
    expect(article.sections.find((section) => section.id === 'missions')!.sharedItems).toEqual([]);
  });
});

describe('a role name whose feminine inclusive writing spells out in « -esse »', () => {
  const article = parse(
    [
      "# Standardiste ou hôte(-sse) d'accueil : quelles différences ?",
      '',
      '## Missions',
      '',
      '**Standardiste**',
      '',
      '- Transférer les appels',
      '',
      "**Hôte(-sse) d'accueil**",
      '',
      '- Accueillir les patients',
    ].join('\n'),
  );

  it('has that feminine as a name too, since « hôtesse » is not read back as « hôte »', () => {
    expect(article.roles[1]).toMatchObject({ name: "Hôte d'accueil", aliases: ["Hôtesse d'accueil"] });
  });
});

describe('a text export that ends on a signature block', () => {
  const note = (ending: readonly string[]) =>
    parse(
      [
        'Gardien ou agent d\'entretien : qui fait quoi ?',
        '',
        'MISSIONS',
        '',
        'Gardien :',
        '– Surveiller la résidence',
        'Agent d\'entretien :',
        '– Nettoyer les halls',
        '',
        'HORAIRES',
        '',
        'Gardien :',
        '– Loge ouverte de 8 h à 12 h',
        'Agent d\'entretien :',
        '– Tournée de 6 h à 13 h',
        '',
        'CONTACTS',
        '',
        'Pour toute question, écrivez à la DRH.',
        '',
        ...ending,
      ].join('\n'),
      'note.txt',
    );

  it('ends before the name, job title and department lines, which head no sections', () => {
    const signed = note(['Claire Vasseur', 'Responsable emploi et compétences', 'Direction des ressources humaines']);
    expect(signed.sections.map((section) => section.id).slice(-2)).toEqual(['horaires', 'contacts']);
    expect(signed.diagnostics.map((diagnostic) => diagnostic.message).join(' ')).not.toContain('Claire Vasseur');
  });

  it('keeps contact lines, which say where to write', () => {
    const contacts = note(['Service RH : poste 4210', 'Atelier : bâtiment B']);
    expect(JSON.stringify(contacts.sections)).toContain('poste 4210');
  });
});

describe('a Markdown page a word processor exported with no heading at all, its title a bold line too', () => {
  const article = parse(
    [
      '**Agent de fourrière ou gardien de fourrière : quelles différences ?**',
      '',
      '*Direction des ressources humaines – mise à jour : mars 2025*',
      '',
      '**1. Missions principales**',
      '',
      '- **Agent de fourrière** :',
      '    - Enlever les véhicules',
      '- **Gardien de fourrière** :',
      '    - Surveiller le parc',
      '',
      '**2. Horaires**',
      '',
      '- **Agent de fourrière** :',
      '    - Astreintes de nuit',
      '- **Gardien de fourrière** :',
      '    - Rondes de jour comme de nuit',
    ].join('\n'),
  );

  it('reads its first bold line as the title and the other bold lines as its sections', () => {
    expect(article.title).toBe('Agent de fourrière ou gardien de fourrière : quelles différences ?');
    expect(article.sections.map((section) => section.id)).toEqual(['missions-principales', 'horaires']);
    expect(texts(article, 'horaires', 'gardien-de-fourriere')).toEqual(['Rondes de jour comme de nuit']);
  });
});
