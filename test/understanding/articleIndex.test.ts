/** The article index's use of the language pack: heading words, link words, the sections parsed as definition and conclusion. */
import { describe, expect, it } from 'vitest';
import { headingWeights, indexArticle, linkWordsOf, SECTION_FIELD_WEIGHTS, topicTerm } from '../../src/understanding/articleIndex.js';
import { parseArticle } from '../../src/knowledge/parseArticle.js';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { stem } from '../../src/text/normalize.js';
import { SHARED_KNOWLEDGE } from '../support/paths.js';
import { THEMED_SECTION_ARTICLE } from '../support/articles.js';
import { packWith, readerFor } from '../support/reader.js';

const reader = readerFor(SHARED_KNOWLEDGE);
const weights = (heading: string, lexicon = reader.lexicon) => Object.fromEntries(headingWeights(heading, lexicon));

describe('bullets that name another role', () => {
  it("mark a bullet of one role's list that names another role whole, at its opening or further on", () => {
    const estate = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout156'));
    const items = estate.indexes[0]!.items;
    const colleague = items.find((item) => item.text.startsWith("L'œnologue, pour les analyses"))!;
    expect(colleague).toMatchObject({ roleId: 'maitre-de-chai', namesOthers: true });
    // A bullet of the role's own list about its own task names no other role.
    expect(items.find((item) => item.text.startsWith('Conduire les vinifications'))?.namesOthers).toBe(false);
    const clinic = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout206')).indexes[0]!.items;
    expect(clinic.find((item) => item.text.startsWith('En résumé : le podologue soigne'))).toMatchObject({ roleId: 'podologue', namesOthers: true });
  });
});

describe('a timetable of the day', () => {
  it('answers the hours (lexicon `timetables`) when no section is headed with them: its lines open with a time of day', () => {
    const windows = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout291')).indexes[0]!.sections;
    const hours = windows.filter((section) => section.terms.has(topicTerm('horaires'))).map((section) => section.section.id);
    expect(hours).toEqual(['journee-type']);
  });
});

describe("the points of a role's paragraph", () => {
  it('are its sentences, and the tasks of a sentence listed between semicolons, each one a point', () => {
    const datacenter = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout285')).indexes[0]!.items;
    const technician = datacenter.filter((item) => item.roleId === 'technicien-d-exploitation-datacenter' && item.section.id === 'missions' && item.prose);
    expect(technician.map((item) => item.text)).toContain('réalise les interventions « remote hands » demandées par les clients');
    expect(technician.some((item) => item.text.includes(' ; '))).toBe(false);
  });
});

describe('the heads of a role\'s name', () => {
  it('take the other parts of a hyphenated head that read as job titles (« voiturier »), not the others (« pêche »)', () => {
    const hotel = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout280')).indexes[0]!.roles.find((role) => role.role.id === 'bagagiste-voiturier')!;
    expect([...hotel.headStems]).toEqual([stem('bagagiste'), stem('voiturier')]);
    const river = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout267')).indexes[0]!.roles.find((role) => role.role.id === 'garde-peche')!;
    expect([...river.headStems]).toEqual([stem('garde')]);
  });
});

describe('the initialisms a role is known by', () => {
  it('leave out one the HR lexicon knows as another word (« CDD » is a contract, not the Comédien de doublage)', () => {
    const dubbing = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout185'));
    const actor = dubbing.indexes[0]!.roles.find((role) => role.role.id === 'comedien-de-doublage')!;
    expect(actor.role.abbreviations).toContain('cdd');
    expect([...actor.abbreviations]).not.toContain('cdd');
    expect([...actor.abbreviations]).toContain('cd');
  });
});

describe('heading words', () => {
  it('weighs the head noun above the words of its complement (complementPrepositions)', () => {
    expect(weights('Outils du quotidien')).toEqual({ outil: 3, quotidien: 2 });
    expect(weights('Perspectives de salaire')).toMatchObject({ perspect: 3, salaire: 2 });
  });

  it("weighs a modifier's own words as a lead-in's, so that they only tell synonyms apart (« Interlocuteurs au quotidien »)", () => {
    expect(weights('Interlocuteurs au quotidien')).toMatchObject({ collaboration: 3, responsabilite: 2, '~quotidien': SECTION_FIELD_WEIGHTS.intro });
    expect(weights('Le quotidien')).toMatchObject({ responsabilite: 3, '~quotidien': 3 });
  });

  it('weighs head nouns joined by a coordinator alike (coordinators)', () => {
    expect(weights('Formation et parcours')).toMatchObject({ formation: 3, '~parcour': 3 });
  });

  it('reads a heading written as a question without its inverted subject, so its phrase is whole', () => {
    expect(weights('À qui rendent-ils compte ?')).toHaveProperty('rattachement');
    expect(weights('Que font-elles ?')).toEqual(weights('Que font ?'));
  });

  it('reads « avec quoi » as the tools and « avec qui » as the people worked with (lexicon)', () => {
    expect(weights('Avec quoi travaille-t-on ?')).toHaveProperty('outil');
    expect(weights('Avec qui travaille-t-on ?')).toHaveProperty('collaboration');
    expect(weights('Avec qui travaille-t-on ?')).not.toHaveProperty('outil');
  });

  it('leaves out the numbering that opens a heading (headingNumberings): « Partie 2 – Missions principales » is about the missions', () => {
    expect(weights('Partie 2 – Missions principales')).toEqual(weights('Missions principales'));
    expect(weights('Article 4 – Compétences requises')).toEqual(weights('Compétences requises'));
    expect(weights('Partie commune aux deux postes')).toHaveProperty('part');
  });

  it('follows the pack: without "et" as a coordinator, the second noun only qualifies the first', () => {
    const other = readerFor(SHARED_KNOWLEDGE, packWith({ coordinators: ['ou'] }));
    expect(weights('Formation et parcours', other.lexicon)).toMatchObject({ formation: 3, '~parcour': SECTION_FIELD_WEIGHTS.intro });
  });
});

describe('the words the article uses', () => {
  it('hold the words of every other name of a role, even one the article only implies, so a question writing it is never corrected', () => {
    const [index] = reader.indexes;
    const article = { ...index!.article, roles: index!.article.roles.map((role, at) => (at === 0 ? { ...role, aliases: [...role.aliases, 'prodman'] } : role)) };
    expect(index!.surfaceWords.has('prodman')).toBe(false);
    expect(indexArticle(article, reader.lexicon).surfaceWords.has('prodman')).toBe(true);
  });
});

describe('link words of role names', () => {
  it('are the determiners and the name prepositions of the pack (determiners, namePrepositions)', () => {
    expect([...linkWordsOf(reader.lexicon.language)].sort()).toEqual(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'l', 'la', 'le', 'les', 'un', 'une']);
  });
});

describe('the sections the parser marks', () => {
  it('answer the pack\'s words for a definition and a conclusion, whatever their headings (definitionWords, conclusionWords)', () => {
    const [index] = reader.indexes;
    const definition = index!.sections.find((entry) => entry.section.isDefinition)!;
    const conclusion = index!.sections.find((entry) => entry.section.isConclusion)!;
    expect(definition.terms.get('definition')).toBe(3);
    expect(conclusion.terms.get('conclusion')).toBe(3);
  });

  it("count what such a section answers as words the article knows, though no text writes them (« la conclusion » of an « En bref »)", () => {
    const article = parseArticle(
      [
        '# Différences entre un Scrum Master et un Product Owner',
        '',
        '## Missions',
        '',
        '**Scrum Master** :',
        '',
        '- Anime les rituels',
        '',
        '**Product Owner** :',
        '',
        '- Priorise le backlog',
        '',
        '## Outils',
        '',
        '**Scrum Master** :',
        '',
        '- Tableau Kanban',
        '',
        '**Product Owner** :',
        '',
        '- Jira',
        '',
        '## En bref',
        '',
        'Le Scrum Master sert l’équipe, le Product Owner sert le produit.',
      ].join('\n'),
      'article.md',
      reader.lexicon.language,
    );
    const index = indexArticle(article, reader.lexicon);
    expect(index.sections.find((entry) => entry.section.isConclusion)?.section.heading).toBe('En bref');
    expect(index.vocabulary.has('conclusion')).toBe(true);
  });

  it("weigh the definition section's own heading words like an intro: « Qui fait quoi ? » defines, it lists no missions", () => {
    const nursery = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout33'));
    const definition = nursery.indexes[0]!.sections.find((entry) => entry.section.isDefinition)!;
    expect(definition.section.heading).toBe('Qui fait quoi dans nos crèches ?');
    expect(definition.terms.get('responsabilite')).toBe(1);
    expect(definition.terms.get('definition')).toBe(3);
  });

  it("keep the definition section's heading subject when no other heading is about it: an FAQ's « qu'est-ce qu'ils font de leurs journées ? »", () => {
    const theatre = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout251'));
    const definition = theatre.indexes[0]!.sections.find((entry) => entry.section.isDefinition)!;
    expect(definition.section.heading).toBe("Concrètement, qu'est-ce qu'ils font de leurs journées ?");
    expect(definition.terms.get('responsabilite')).toBe(3);
  });
});

describe("subjects every role's list speaks of", () => {
  const training = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout55'));
  const tutors = training.indexes.find((index) => index.article.id === 'differences-formateur-interne-tuteur-maitre-d-apprentissage')!;

  it('are the concepts a bullet of each role of one section holds ("Prime d’animation…", "Prime de tutorat…")', () => {
    expect(tutors.everyRoleConcepts.has('salaire')).toBe(true);
  });

  it('need the same word in each role\'s list, not two words of one synonym group ("la paie" beside "le rapport")', () => {
    const audit = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout58')).indexes[0]!;
    expect(audit.everyRoleConcepts.has('salaire')).toBe(false);
  });

  it('need a word some bullet of the section opens with, not one each list only writes further in (« Le service paie… », « … le paiement des transporteurs »)', () => {
    const transport = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout69')).indexes[0]!;
    expect(transport.everyRoleConcepts.has('salaire')).toBe(false);
  });

  it("leave out what only some roles' bullets hold", () => {
    const onlyOne = tutors.items.find((item) => item.text.startsWith('Formation « Maître'))!;
    const own = [...onlyOne.concepts].filter((concept) => !tutors.items.some((other) => other !== onlyOne && other.roleId !== onlyOne.roleId && other.concepts.has(concept)));
    expect(own.length).toBeGreaterThan(0);
    for (const concept of own) expect(tutors.everyRoleConcepts.has(concept)).toBe(false);
  });
});

describe('role names', () => {
  /** The indexed roles of a two-role text export whose lists are headed « Missions du … : ». */
  const indexedRoles = (first: string, second: string, secondLabel: string) => {
    const source = ['Fiches', '', `Différences entre un ${first} et un ${second}`, '', 'Missions', '', `Missions du ${first} :`, '• Une mission', `${secondLabel} :`, '• Une autre'].join('\n');
    return indexArticle(parseArticle(source, 'article.txt', reader.lexicon.language), reader.lexicon).roles;
  };

  it("are also read in the lexicon's rewritten spelling (\"Gestionnaire de paye\" is named by \"gestionnaire de paie\")", () => {
    const payroll = indexedRoles('Gestionnaire de paye', 'Comptable', 'Missions du Comptable').find((role) => role.role.id === 'gestionnaire-de-paye')!;
    expect(payroll.foldedNames).toContain('gestionnaire de paie');
  });

  it('are also read with a head in -er written -ère, the feminine the stemmer reads apart (« conseillère de vente »)', () => {
    const roles = indexedRoles('Conseiller de vente', 'Opticien', "Missions de l'Opticien");
    const seller = roles.find((role) => role.role.id === 'conseiller-de-vente')!;
    expect(seller.foldedNames).toContain('conseillere de vente');
    expect([...seller.headStems]).toEqual(['conseil', 'conseiller']);
    expect([...roles.find((role) => role.role.id === 'opticien')!.headStems]).toEqual(['opticien']);
  });
});

describe('glossary-like bullets', () => {
  const therapists = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout48')).indexes[0]!;

  it('know the term they explain ("AVQ : activités de la vie quotidienne"), and other bullets none', () => {
    expect([...(therapists.items.find((item) => item.text.startsWith('AVQ :'))?.term ?? [])]).toEqual(['avq']);
    expect(therapists.items.find((item) => item.text.startsWith('Évaluer l’autonomie'))?.term).toBeNull();
  });
});

describe("a table's row labels", () => {
  const article = parseArticle(
    [
      '# Différences entre un Veilleur de nuit et un Réceptionniste de nuit',
      '',
      '## Qui sont-ils ?',
      '',
      '**Veilleur de nuit** : il veille sur la sécurité de l’hôtel.',
      '',
      '**Réceptionniste de nuit** : il accueille les clients la nuit.',
      '',
      '## Comparatif rapide',
      '',
      '| Critère | Veilleur de nuit | Réceptionniste de nuit |',
      '|---|---|---|',
      '| Horaires habituels | 22 h 30 – 7 h | 23 h – 7 h 30 |',
      '| Outil principal | Registre de sécurité | Logiciel de gestion hôtelière |',
      '',
      '## Horaires de travail',
      '',
      '**Veilleur de nuit** : de 22 h 30 à 7 h, cinq nuits sur sept.',
      '',
      '**Réceptionniste de nuit** : de 23 h à 7 h 30, un week-end sur deux.',
    ].join('\n'),
    'article.md',
    reader.lexicon.language,
  );
  const [, summary, hours] = indexArticle(article, reader.lexicon).sections;

  it("weigh like list headers when no other heading is about their subject (« Outil principal »)", () => {
    expect(summary!.terms.get('outil')).toBe(2);
  });

  it('weigh like an intro when another section\'s heading is about their subject: « Horaires de travail » answers the hours, not the summary', () => {
    expect(hours!.section.heading).toBe('Horaires de travail');
    expect(summary!.terms.get('horair')).toBe(1);
    expect(hours!.terms.get('horair')).toBe(3);
  });
});

/** The headings of the sections of a text export that answer a subject of the lexicon. */
function headingsWithTopic(lines: readonly string[], topic: string): string[] {
  const article = parseArticle(lines.join('\n'), 'article.txt', reader.lexicon.language);
  return indexArticle(article, reader.lexicon).sections.filter((entry) => entry.terms.has(`topic:${topic}`)).map((entry) => entry.section.heading);
}

describe('subjects a heading word covers (topics.headings)', () => {
  it('are answered by the section whose heading says the word, though a question needs more words for it', () => {
    const lines = ['Fiches', '', 'Différences entre un Cuisinier et un Serveur', '', 'Statut et contrat', '', 'Statut du Cuisinier :', '• CDI à temps plein', 'Statut du Serveur :', '• CDD saisonnier', '', 'Missions', '', 'Missions du Cuisinier :', '• Négocier les contrats des fournisseurs', 'Missions du Serveur :', '• Servir'];
    expect(headingsWithTopic(lines, 'contrat')).toEqual(['Statut et contrat']);
  });
});

describe('subjects within another (topics.within)', () => {
  it('are answered by the section headed with the wider subject when no heading names them: « Organisation et conditions de travail » answers the hours', () => {
    const social = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout63')).indexes[0]!;
    const conditions = social.sections.find((entry) => entry.section.heading === 'Organisation et conditions de travail')!;
    expect(conditions.terms.get('topic:horaires')).toBe(2);
    expect(social.sections.filter((entry) => entry.terms.has('topic:horaires'))).toEqual([conditions]);
  });

  it('are not given to the wider section when a heading names them', () => {
    const lines = ['Fiches', '', 'Différences entre un Cuisinier et un Serveur', '', 'Conditions de travail', '', 'Conditions de travail du Cuisinier :', '• En cuisine, debout', 'Conditions de travail du Serveur :', '• En salle', '', 'Horaires', '', 'Horaires du Cuisinier :', '• Coupure l’après-midi', 'Horaires du Serveur :', '• Service du soir'];
    expect(headingsWithTopic(lines, 'horaires')).toEqual(['Horaires']);
  });
});

describe('the other headings of a subject, in an article organised role first', () => {
  it('weigh like list headers: « Horaires et sécurité » under the second role makes the section headed « Conditions de travail » answer the hours', () => {
    const article = parseArticle(
      ['# Fontainier ou égoutier', '', '## Fontainier', '', '### Missions', '- Réparer les fuites', '### Formation', '- CAP', '### Conditions de travail', '- En extérieur', '', '## Égoutier', '', '### Ses missions', '- Curer les collecteurs', '### Formation requise', '- CAP', '### Horaires et sécurité', '- De 6 h à 14 h'].join('\n'),
      'article.md',
      reader.lexicon.language,
    );
    const conditions = indexArticle(article, reader.lexicon).sections.find((entry) => entry.section.heading === 'Conditions de travail')!;
    expect(conditions.section.otherHeadings).toEqual(['Horaires et sécurité']);
    expect(conditions.terms.get('horair')).toBe(2);
  });
});

describe('the bullets looked up', () => {
  it('leave out a shared point written as a question (a quiz): it answers nothing', () => {
    const article = parseArticle(
      ['# Animateur ou réalisateur', '', '## Missions', '', '### Animateur', '- Présenter l’émission', '### Réalisateur', '- Monter les interviews', '', '## Quiz', '', '- Qui monte les interviews enregistrées ?', '- Qui présente la matinale ?'].join('\n'),
      'article.md',
      reader.lexicon.language,
    );
    const items = indexArticle(article, reader.lexicon).items.map((item) => item.text);
    expect(items).toContain('Monter les interviews');
    expect(items).not.toContain('Qui monte les interviews enregistrées ?');
  });
});

describe('a section and its themes', () => {
  const article = parseArticle(
    THEMED_SECTION_ARTICLE,
    'themes.md',
    reader.lexicon.language,
  );

  it('looks a bullet up in its theme only, not again in the section that gathers the themes', () => {
    const index = indexArticle(article, reader.lexicon);
    expect(index.items.filter((item) => item.text === 'Désosser une carcasse').map((item) => item.section.id)).toEqual(['savoir-faire']);
  });
});

describe('the words of a list header', () => {
  it("weigh as little as a sentence of the section when another section's heading is about them (a lead-in sentence under the hours)", () => {
    const article = parseArticle(
      [
        'Fiches', '', 'Différences entre un cuisinier et un plongeur', '',
        'Compétences', '', 'Cuisinier :', '  • Cuire', 'Plongeur :', '  • Laver', '',
        'Horaires', '', 'Pour le cuisinier, il faut savoir que la journée est organisée ainsi :', '  • Tôt le matin', 'Plongeur :', '  • Après le service',
      ].join('\n'),
      'article.txt',
      reader.lexicon.language,
    );
    const hours = indexArticle(article, reader.lexicon).sections.find((section) => section.section.id === 'horaires')!;
    expect(hours.terms.get('competence') ?? 0).toBeLessThan(2);
  });
});

describe("a summary table's rows", () => {
  it('weigh what other sections\' points already say like an intro (« Horaires » in « En résumé » beside « Conditions de travail »)', () => {
    const shoes = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout112')).indexes[0]!;
    const summary = shoes.sections.find((entry) => entry.section.id === 'en-resume')!;
    expect(summary.terms.get('horair')).toBeLessThan(SECTION_FIELD_WEIGHTS.listHeader);
    expect(summary.terms.has('topic:horaires')).toBe(false);
    // The section whose points give the hours answers them.
    expect(shoes.sections.find((entry) => entry.section.id === 'conditions-de-travail')!.terms.get('topic:horaires')).toBe(SECTION_FIELD_WEIGHTS.listHeader);
  });
});

describe('the section that stands in for a definition', () => {
  const definitions = (lines: readonly string[]) =>
    indexArticle(parseArticle(lines.join('\n'), 'article.md', reader.lexicon.language), reader.lexicon).definitionSections.map((section) => section.id);
  const themed = (heading: string) => [
    `## ${heading}`,
    '',
    '### Missions',
    '',
    '**Standardiste :**',
    '',
    '- Répondre aux appels',
    '',
    "**Agent d'accueil :**",
    '',
    '- Accueillir les patients',
    '',
    '### Compétences',
    '',
    '**Standardiste :**',
    '',
    '- Garder son calme',
    '',
    "**Agent d'accueil :**",
    '',
    '- Expliquer les démarches',
  ];

  it('is the first theme when one heading gathers every section of the article, a list of themes', () => {
    expect(definitions(["# Standardiste ou agent d'accueil : quelles différences ?", '', ...themed('Les deux métiers en détail'), '', '## Questions fréquentes', '', '**Qui répond la nuit ?**', '', 'Le standard.'])).toEqual(['missions']);
  });

  it('is the whole section when a section split into themes stands among others', () => {
    const article = ["# Standardiste ou agent d'accueil : quelles différences ?", '', ...themed('Le quotidien'), '', '## Horaires', '', '**Standardiste :**', '', '- La nuit', '', "**Agent d'accueil :**", '', '- Le jour'];
    expect(definitions(article)).toEqual(['le-quotidien']);
  });
});
