import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/answers/engine.js';
import { emptyContext, type ConversationContext } from '../../src/understanding/context.js';
import { READING_WEIGHTS, scoreOf } from '../../src/understanding/readingModel.js';
import { DEFAULT_DIALOGS_DIR, PROJECT_ROOT } from '../../src/projectRoot.js';
import { LIBRARY_KNOWLEDGE, LIBRARY_LOAD_TIMEOUT_MS, SHARED_KNOWLEDGE } from '../support/paths.js';

const threeRoles = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/shapes-md'), dialogsDir: DEFAULT_DIALOGS_DIR });
const ARTICLE = 'differences-assistant-rh-charge-de-formation-gestionnaire-paie';
const after = (section: string, roles: string[]): ConversationContext => ({ article: ARTICLE, section, roles, pendingQuestion: null });

/** The best candidate with a given label prefix, and its features. */
function candidate(question: string, prefix: string, context = emptyContext()) {
  return threeRoles.candidates(question, context).find((entry) => entry.label.startsWith(prefix));
}

describe('candidate readings for an article of three roles', () => {
  it('offer a section for exactly the two roles named, marked as all named and none missing', () => {
    const reading = candidate("Différence de compétences entre l'assistant RH et le gestionnaire de paie ?", 'section:quelles-competences[assistant-rh,gestionnaire-de-paie]');
    expect(reading?.features.rolesAllNamed).toBe(1);
    // A candidate carries only its non-zero features: an absent one is 0.
    expect(reading?.features.rolesNamedMissing).toBeUndefined();
    const all = candidate("Différence de compétences entre l'assistant RH et le gestionnaire de paie ?", 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]');
    expect(all?.features.rolesUnnamedExtra).toBe(1);
  });

  it('offer the roles not discussed so far for "les deux autres", marked as the complement', () => {
    const reading = candidate('Et pour les deux autres ?', 'section:quelles-competences[charge-de-formation,gestionnaire-de-paie]', after('quelles-competences', ['assistant-rh']));
    expect(reading?.features).toMatchObject({ rolesComplement: 1, sectionFromContext: 1 });
  });

  it('offer every role for "compare les trois", marked as asked', () => {
    const reading = candidate('Compare les trois sur les compétences', 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]');
    expect(reading?.features).toMatchObject({ rolesAllAsked: 1, comparisonAsked: 1 });
  });

  it('offer the roles the conversation has not seen yet for "les deux autres", once two were answered about', () => {
    const context: ConversationContext = { ...after('quelles-competences', ['charge-de-formation']), discussed: ['assistant-rh', 'charge-de-formation'] };
    const reading = candidate('Et les deux autres ?', 'section:quelles-competences[gestionnaire-de-paie]', context);
    expect(reading?.features).toMatchObject({ rolesNotYetDiscussed: 1 });
    expect(candidate('Et les deux autres ?', 'section:quelles-competences[assistant-rh,gestionnaire-de-paie]', context)?.features.rolesNotYetDiscussed ?? 0).toBe(0);
  });

  it('offer every role for "compare avec les autres" about the role in question, and not for "et les deux autres ?"', () => {
    const everyRole = 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]';
    expect(candidate('Compare avec les deux autres', everyRole, after('quelles-competences', ['assistant-rh']))?.features).toMatchObject({ rolesWithTheOthers: 1 });
    expect(candidate('Et les deux autres ?', everyRole, after('quelles-competences', ['assistant-rh']))?.features.rolesWithTheOthers ?? 0).toBe(0);
  });

  it('offer to ask which role is meant for "et l\'autre ?" when two roles are left', () => {
    const reading = candidate("Et l'autre ?", 'clarify-roles', after('quelles-competences', ['assistant-rh']));
    expect(reading?.features).toMatchObject({ otherOneAmbiguous: 1 });
    expect(reading?.answer.kind).toBe('clarify');
  });

  it('take "l\'autre régisseur" for the one other role whose name holds that word, with no question which', async () => {
    const theatre = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout72'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const context: ConversationContext = { article: 'differences-directeur-technique-regisseur-general-regisseur-plateau', section: 'quel-rythme-de-travail', roles: ['regisseur-plateau'], pendingQuestion: null };
    const readings = theatre.candidates("et l'autre régisseur ?", context);
    expect(readings.find((entry) => entry.label === 'section:quel-rythme-de-travail[regisseur-general]')?.features).toMatchObject({ rolesComplement: 1 });
    expect(readings.some((entry) => entry.features.otherOneAmbiguous === 1)).toBe(false);
  });

  it('offer the two roles the conversation was about last for "compare les deux" among three, and count all three as too many', () => {
    const context: ConversationContext = { ...after('quelles-competences', ['gestionnaire-de-paie']), discussed: ['assistant-rh', 'charge-de-formation', 'gestionnaire-de-paie'] };
    const lastTwo = candidate('Compare les deux', 'section:quelles-competences[charge-de-formation,gestionnaire-de-paie]', context);
    expect(lastTwo?.features).toMatchObject({ rolesLastDiscussed: 1 });
    const all = candidate('Compare les deux', 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]', context);
    expect(all?.features).toMatchObject({ rolesCountDiffers: 1 });
    expect(all?.features.rolesAllAsked ?? 0).toBe(0);
  });

  it('offer the role in question beside the one named for "compare avec le gestionnaire de paie", and not for two roles named', () => {
    const context = after('quelles-competences', ['assistant-rh']);
    const withNamed = candidate('Compare avec le gestionnaire de paie', 'section:quelles-competences[assistant-rh,gestionnaire-de-paie]', context);
    expect(withNamed?.features).toMatchObject({ rolesContextWithNamed: 1 });
    const otherPair = candidate('Compare avec le gestionnaire de paie', 'section:quelles-competences[charge-de-formation,gestionnaire-de-paie]', context);
    expect(otherPair?.features.rolesContextWithNamed ?? 0).toBe(0);
    const bothNamed = candidate('Compare le chargé de formation et le gestionnaire de paie', 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]', context);
    expect(bothNamed?.features.rolesContextWithNamed ?? 0).toBe(0);
  });

  it('offer the shared section without counting the roles that share it as left out ("qu\'ont en commun l\'assistant RH et le chargé de formation ?")', () => {
    const shared = threeRoles.candidates("Qu'ont en commun l'assistant RH et le chargé de formation ?", emptyContext()).find((entry) => entry.label.endsWith('[]') && entry.features.sectionSharedAsked === 1);
    expect(shared?.label).toBe('section:points-communs[]');
    expect(shared?.features.rolesNamedMissing ?? 0).toBe(0);
    expect(shared?.features.noRoleButNamed ?? 0).toBe(0);
  });

  it('mark the shared section as saying nothing of how the roles differ when the question compares them all, but not when it asks what they share', async () => {
    const packaging = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout77'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const shared = (question: string) => packaging.candidates(question, emptyContext()).find((entry) => entry.label === 'section:lexique-de-l-atelier[]');
    expect(shared("Quelles différences entre les quatre postes de l'atelier ?")?.features.noRoleButAllCompared).toBe(1);
    expect(shared("Le lexique de l'atelier ?")?.features.noRoleButAllCompared ?? 0).toBe(0);
    const sharing = candidate("Qu'ont en commun les trois postes ?", 'section:points-communs[]');
    expect(sharing?.features.noRoleButAllCompared ?? 0).toBe(0);
  });

  it('read "chacun" after two roles named as each of those two, not every role', () => {
    const question = "Assistant RH ou gestionnaire de paie : quelles compétences pour chacun ?";
    const all = candidate(question, 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]');
    expect(all?.features).toMatchObject({ rolesUnnamedExtra: 1, rolesAllUnasked: 1 });
    expect(candidate('Quelles compétences pour chacun ?', 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]')?.features.rolesAllAsked).toBe(1);
    expect(candidate("L'assistant RH et le gestionnaire de paie, et les trois : quelles compétences ?", 'section:quelles-competences[assistant-rh,charge-de-formation,gestionnaire-de-paie]')?.features.rolesAllAsked).toBe(1);
  });

  it('offer, in an article without a section that defines the roles, the first section giving each role its part for "c\'est quoi un X ?"', async () => {
    const telecom = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout82'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const reading = telecom.candidates("C'est quoi un technicien hotline ?", emptyContext()).find((entry) => entry.label === 'section:missions[technicien-hotline]');
    expect(reading?.features.sectionDefinitionAsked).toBe(1);
    const later = telecom.candidates("C'est quoi un technicien hotline ?", emptyContext()).find((entry) => entry.label === 'section:competences-attendues[technicien-hotline]');
    expect(later?.features.sectionDefinitionAsked ?? 0).toBe(0);
  });

  it('offer the roles discussed so far for a plural pronoun ("Et leurs salaires ?"), not for a singular one', () => {
    const context: ConversationContext = { ...after('quelles-competences', ['charge-de-formation']), discussed: ['assistant-rh', 'charge-de-formation'] };
    const label = 'section:remuneration-et-conditions[assistant-rh,charge-de-formation]';
    expect(candidate('Et leurs salaires ?', label, context)?.features.rolesPluralDiscussed).toBe(1);
    expect(candidate('Et son salaire ?', label, context)?.features.rolesPluralDiscussed ?? 0).toBe(0);
  });

  it('offer, for a plural pronoun after an answer about several roles ("Et les deux autres ?"), those roles, not all discussed', () => {
    const context: ConversationContext = {
      ...after('quelles-competences', ['charge-de-formation', 'gestionnaire-de-paie']),
      discussed: ['assistant-rh', 'charge-de-formation', 'gestionnaire-de-paie'],
    };
    const lastTwo = candidate('Et leurs salaires ?', 'section:remuneration-et-conditions[charge-de-formation,gestionnaire-de-paie]', context);
    expect(lastTwo?.features.rolesPluralDiscussed).toBe(1);
    const everyRole = candidate('Et leurs salaires ?', 'section:remuneration-et-conditions[assistant-rh,charge-de-formation,gestionnaire-de-paie]', context);
    expect(everyRole?.features.rolesPluralDiscussed ?? 0).toBe(0);
  });

  it("offer no section of what the roles share for a cue of common ground inside a role's name (« parties communes »)", async () => {
    const building = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout239'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const sharedAsked = (question: string) => building.candidates(question, emptyContext()).some((entry) => (entry.features.sectionSharedAsked ?? 0) > 0);
    expect(sharedAsked("Quelles sont les missions de l'agent d'entretien des parties communes ?")).toBe(false);
    expect(sharedAsked("Qu'ont en commun le gardien et l'agent d'entretien des parties communes ?")).toBe(true);
  });

  it('offer a table cell as a bullet of its role', () => {
    const reading = candidate('Qui a une prime de fin d\'année ?', 'item:remuneration-et-conditions[gestionnaire-de-paie]');
    expect(reading?.features.itemMatchWho ?? 0).toBeGreaterThan(0);
  });

  it("mark a bullet of the role a yes/no question is about as that role's own, and another role's bullet not", () => {
    const question = "Est-ce que l'assistant RH prépare les contrats de travail ?";
    const own = candidate(question, 'item:que-fait-chacun-au-quotidien[assistant-rh]');
    expect(own?.features).toMatchObject({ itemOwnerAsked: 1 });
    const others = threeRoles.candidates(question, emptyContext()).filter((entry) => entry.label.startsWith('item:') && !entry.label.includes('[assistant-rh]'));
    expect(others.every((entry) => (entry.features.itemOwnerAsked ?? 0) === 0)).toBe(true);
  });

  it('always offer the abstention', () => {
    expect(candidate('Quelle est la couleur préférée ?', 'abstain')).toBeDefined();
  });
});

describe('the chosen reading for an article of three roles', () => {
  const answer = (question: string, context = emptyContext()) => threeRoles.answer(question, context).answer;

  it('compares the roles a yes/no question names after "pour" when it asks whether they are the same', () => {
    expect(answer("Les compétences sont-elles les mêmes pour l'assistant RH et le gestionnaire de paie ?")).toMatchObject({ kind: 'comparison', roles: ['assistant-rh', 'gestionnaire-de-paie'] });
  });

  it('compares exactly the two roles named', () => {
    expect(answer("Différence de compétences entre l'assistant RH et le gestionnaire de paie ?")).toMatchObject({ kind: 'comparison', roles: ['assistant-rh', 'gestionnaire-de-paie'] });
  });

  it('compares the other two after one role, and all three when asked', () => {
    expect(answer('Et pour les deux autres ?', after('quelles-competences', ['assistant-rh']))).toMatchObject({ kind: 'comparison', section: 'quelles-competences', roles: ['charge-de-formation', 'gestionnaire-de-paie'] });
    expect(answer('Compare les trois sur les compétences')).toMatchObject({ kind: 'comparison', roles: ['assistant-rh', 'charge-de-formation', 'gestionnaire-de-paie'] });
  });

  it('compares the two roles discussed last for "compare les deux"', () => {
    const context: ConversationContext = { ...after('quelles-competences', ['charge-de-formation']), discussed: ['assistant-rh', 'charge-de-formation'] };
    expect(answer('Compare les deux', context)).toMatchObject({ kind: 'comparison', section: 'quelles-competences', roles: ['assistant-rh', 'charge-de-formation'] });
  });

  it('takes the one role left for "et l\'autre ?" after two', () => {
    expect(answer("Et l'autre ?", after('quelles-competences', ['assistant-rh', 'gestionnaire-de-paie']))).toMatchObject({ kind: 'list', roles: ['charge-de-formation'] });
  });

  it('answers the salary from the table for one role', () => {
    expect(answer('Quel salaire pour un chargé de formation ?')).toMatchObject({ kind: 'list', section: 'remuneration-et-conditions', roles: ['charge-de-formation'] });
  });
});

const library = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/library-clash'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('candidate readings in a library', () => {
  it('ask which article is meant when an initialism names a role in two articles and nothing else decides', () => {
    expect(library.answer('Quelles sont les missions du CA ?', emptyContext()).answer.kind).toBe('clarify');
  });

  it('mark a bullet well ahead of every other article\'s as ahead of the library', () => {
    const reading = library.candidates('Qui conseille les exploitants sur leurs cultures ?', emptyContext()).find((entry) => entry.label.startsWith('item:missions[conseiller-agricole]'));
    expect(reading?.features.itemAheadOfLibrary).toBe(1);
  });

  it('mark a role named by words that name roles of other articles too, beyond the shortlist, and offer to ask which', async () => {
    const shelves = await loadEngine({ knowledgeDir: LIBRARY_KNOWLEDGE, dialogsDir: DEFAULT_DIALOGS_DIR });
    const readings = shelves.candidates('Combien gagne un assistant ?', emptyContext());
    const social = readings.find((entry) => entry.label.startsWith('section:formation-salaire-et-teletravail[assistant-de-service-social]'))!;
    expect(social.features.articleRoleNamedElsewhereToo).toBeGreaterThan(0.5);
    const clarify = readings.find((entry) => entry.label === 'clarify-roles-of-articles');
    expect(clarify?.answer.kind).toBe('clarify');
    expect(shelves.answer('Combien gagne un assistant ?', emptyContext()).answer.kind).toBe('clarify');
    // A role only one article has, named whole, is no question of which article.
    const product = shelves.candidates('Quelles sont les missions du chef de produit marketing ?', emptyContext());
    expect(product.some((entry) => (entry.features.articleRoleNamedElsewhereToo ?? 0) > 0)).toBe(false);
  }, LIBRARY_LOAD_TIMEOUT_MS);

  it('do not mark a role a who-question names as the object of the task, nor offer to ask which article for it', async () => {
    const zoo = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout109'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const readings = zoo.candidates('Qui fait les plannings des soigneurs ?', emptyContext());
    expect(readings.some((entry) => (entry.features.articleRoleNamedElsewhereToo ?? 0) > 0)).toBe(false);
    expect(zoo.answer('Qui fait les plannings des soigneurs ?', emptyContext()).answer).toMatchObject({ kind: 'list', roles: ['chef-soigneur'] });
  });

  it("do not mark a role whose other words point to its article (« sur un congrès, le chef de projet »), nor roles named that another article lacks", async () => {
    const projects = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout95'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const events = projects.candidates('Sur un congrès, le chef de projet il gère quoi exactement ?', emptyContext()).filter((entry) => entry.label.includes('chef-de-projet-evenementiel'));
    expect(events.every((entry) => (entry.features.articleRoleNamedElsewhereToo ?? 0) < 0.1)).toBe(true);
    const developers = projects.candidates('Chef de projet ou dev, c\'est quoi la vraie différence ?', emptyContext()).filter((entry) => entry.label === 'overview' && entry.answer.kind === 'overview' && entry.answer.article === 'chef-de-projet-informatique-vs-developpeur');
    expect(developers[0]?.features.articleRoleNamedElsewhereToo ?? 0).toBe(0);
  });

  it("do not mark a role two articles share when only one of them covers the subject asked, and answer from it", async () => {
    const theatre = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout159'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const question = "Quel est le salaire d'un infirmier anesthésiste en début de carrière ?";
    const salary = theatre.candidates(question, emptyContext()).find((entry) => entry.label === 'section:combien-gagne-t-on[infirmier-anesthesiste-diplome-d-etat]');
    expect(salary?.features.articleRoleNamedElsewhereToo ?? 0).toBe(0);
    expect(theatre.answer(question, emptyContext()).answer).toMatchObject({ kind: 'list', article: 'ibode-ou-iade', section: 'combien-gagne-t-on' });
    // Both articles cover the missions: which one is still a question.
    const missions = theatre.candidates("Quelles sont les missions de l'IADE ?", emptyContext()).filter((entry) => entry.label.startsWith('section:') && entry.label.includes('missions'));
    expect(missions.some((entry) => (entry.features.articleRoleNamedElsewhereToo ?? 0) > 0)).toBe(true);
  });

  it('follow the conversation when it is about one of them', () => {
    const context: ConversationContext = { article: 'differences-conseiller-agricole-chef-d-exploitation', section: 'missions', roles: ['chef-d-exploitation'], pendingQuestion: null };
    expect(library.answer('Et pour le CA ?', context).answer).toMatchObject({ kind: 'list', article: 'differences-conseiller-agricole-chef-d-exploitation', roles: ['conseiller-agricole'] });
  });
});

const productManagers = await loadEngine({ knowledgeDir: SHARED_KNOWLEDGE, dialogsDir: DEFAULT_DIALOGS_DIR });
const banking = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout29'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('candidate readings in a library, after an answer from another article', () => {
  const afterBranch: ConversationContext = {
    article: 'differences-conseiller-clientele-particuliers-conseiller-patrimonial',
    section: 'missions-principales',
    roles: ['conseiller-patrimonial'],
    pendingQuestion: null,
  };

  it("carry the conversation's subject to the section about the same thing in the article whose role a follow-up names", () => {
    const reading = banking.candidates("et pour le chargé d'affaires ?", afterBranch).find((entry) => entry.label === 'section:missions[charge-d-affaires-entreprises]');
    expect(reading?.features).toMatchObject({ sectionFromContext: 1 });
  });

  it('carry nothing to an article whose roles the question does not name', () => {
    const readings = banking.candidates('Et pour les salaires ?', afterBranch).filter((entry) => entry.label.startsWith('section:missions['));
    expect(readings.every((entry) => (entry.features.sectionFromContext ?? 0) === 0)).toBe(true);
  });
});

const contactCentre = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout116'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe("candidate readings of a follow-up that names another section than the conversation's", () => {
  const afterContacts: ConversationContext = {
    article: 'differences-teleconseiller-superviseur-de-plateau',
    section: 'interlocuteurs-au-quotidien',
    roles: ['superviseur-de-plateau'],
    pendingQuestion: null,
  };
  const reading = (question: string, label: string) => contactCentre.candidates(question, afterContacts).find((entry) => entry.label === label);

  it("do not carry the conversation's section when the words point to another more (« Interlocuteurs au quotidien » then « et ses missions ? »)", () => {
    expect(reading('et ses missions ?', 'section:interlocuteurs-au-quotidien[superviseur-de-plateau]')?.features.sectionFromContext).toBeUndefined();
    expect(reading('et ses missions ?', 'section:missions-au-quotidien[superviseur-de-plateau]')?.features).toMatchObject({ sectionBest: 1 });
  });

  it("still carry it when the follow-up names no section (« et pour le téléconseiller ? »)", () => {
    expect(reading('et pour le téléconseiller ?', 'section:interlocuteurs-au-quotidien[teleconseiller]')?.features).toMatchObject({ sectionFromContext: 1 });
  });
});

const cleaning = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout118'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('candidate readings for a role two articles share', () => {
  const question = "Quelles évolutions possibles pour un chef d'équipe propreté ?";
  const labels = (context: ConversationContext) => cleaning.candidates(question, context).map((entry) => entry.label);

  it('offer no « not covered » from the article that lacks the subject when the other one, naming the role too, covers it', () => {
    expect(labels(emptyContext())).not.toContain('topic:carriere');
    expect(labels(emptyContext())).toContain('section:evolution-professionnelle[chef-d-equipe-proprete]');
  });

  it('still offer it when the conversation is about the article that lacks the subject', () => {
    const context: ConversationContext = { article: 'chef-d-equipe-ou-chef-de-site', section: 'responsabilites-principales', roles: ['chef-d-equipe-proprete'], pendingQuestion: null };
    expect(labels(context)).toContain('topic:carriere');
  });
});

const workshop = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout117'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('candidate readings of an overview that counts the roles', () => {
  it('offer every role when the question counts as many as the article has, whatever words of their names it holds', () => {
    const readings = workshop.candidates("Qu'est-ce qui distingue les quatre métiers de l'atelier après-vente ?", emptyContext());
    const all = readings.find((entry) => entry.label === 'overview:all');
    expect(all?.answer.roles).toHaveLength(4);
    expect(all?.features).toMatchObject({ rolesAllAsked: 1 });
    expect(all?.features.rolesCountDiffers).toBeUndefined();
  });

  it('offer only the roles named when the question counts no more of them', () => {
    const readings = workshop.candidates("Qu'est-ce qui distingue le réceptionnaire après-vente et le chef d'atelier ?", emptyContext());
    expect(readings.some((entry) => entry.label === 'overview:all')).toBe(false);
  });
});

describe('candidate readings of a definition cue', () => {
  const definition = (question: string) =>
    productManagers.candidates(question, emptyContext()).find((entry) => entry.label === 'section:definition-des-roles[chef-de-produit-digital]');

  it('mark the definition as asked for "c\'est quoi un X ?"', () => {
    expect(definition("C'est quoi un chef de produit digital ?")?.features.sectionDefinitionAsked).toBe(1);
  });

  it('do not when the words point strongly to another section ("c\'est quoi les compétences du X ?")', () => {
    expect(definition("C'est quoi les compétences du chef de produit digital ?")?.features.sectionDefinitionAsked ?? 0).toBe(0);
  });
});

describe('the overview candidate', () => {
  it('is marked as comparing other things when the question compares two things that are no roles', () => {
    const overview = (question: string) => productManagers.candidates(question, emptyContext()).find((entry) => entry.label === 'overview');
    expect(overview("C'est quoi la différence entre un CDD et un CDI ?")?.features.overviewOfOtherThings).toBe(1);
    expect(overview('Quelle différence entre le CPD et le CPM ?')?.features.overviewOfOtherThings ?? 0).toBe(0);
  });
});

const production = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout18'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('the "not covered" reading of a subject the article has no section for', () => {
  const topics = (question: string) =>
    production
      .candidates(question, emptyContext())
      .filter((entry) => entry.label.startsWith('topic:'))
      .map((entry) => entry.label);

  it('is not offered for a lookup that a bullet holding the subject word answers ("Qui forme les intérimaires ?")', () => {
    expect(topics('Qui forme les intérimaires au poste ?')).toEqual([]);
  });

  it('is offered when the question asks about the subject itself', () => {
    expect(topics('Quel contrat pour les intérimaires ?')).toEqual(['topic:contrat']);
    expect(topics('Combien de jours de congés ?')).toEqual(['topic:conges']);
  });
});

describe('the smalltalk reading', () => {
  it('is marked as beside a question when the message also names a role, and not for smalltalk alone', () => {
    expect(candidate("Salut, quelles compétences pour l'assistant RH ?", 'smalltalk:')?.features.smalltalkBesideQuestion).toBe(1);
    expect(candidate('Merci beaucoup !', 'smalltalk:')?.features.smalltalkBesideQuestion ?? 0).toBe(0);
  });

  it('is marked as beside a question when the message also asks about a subject of the HR vocabulary', () => {
    expect(candidate("Comment ça marche la mutuelle de l'entreprise ?", 'smalltalk:')?.features.smalltalkBesideQuestion).toBe(1);
    expect(candidate('Comment ça marche ?', 'smalltalk:')?.features.smalltalkBesideQuestion ?? 0).toBe(0);
  });
});

const fourRoles = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout52'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('candidate readings for an article of four roles', () => {
  const PORT = 'differences-docker-grutier-pointeur-chef-de-bord';
  const context: ConversationContext = { article: PORT, section: 'quelles-evolutions-possibles', roles: ['docker'], discussed: ['chef-de-bord', 'docker'], pendingQuestion: null };

  it('take "l\'autre" as the other role of the pair just discussed when two roles have not been', () => {
    const other = fourRoles.candidates("Et l'autre ?", context).find((entry) => entry.label === 'section:quelles-evolutions-possibles[chef-de-bord]');
    expect(other?.features).toMatchObject({ rolesComplement: 1 });
    expect(fourRoles.candidates("Et l'autre ?", context).some((entry) => entry.label.startsWith('clarify-roles'))).toBe(false);
  });

  it('offer "not covered" for a salary asked first, the career only qualifying it, and mark answers from the career section', () => {
    const question = "Quel est le salaire d'un grutier en début de carrière ?";
    const readings = fourRoles.candidates(question, emptyContext());
    expect(readings.some((entry) => entry.label === 'topic:salaire')).toBe(true);
    expect(readings.find((entry) => entry.label === 'section:quelles-evolutions-possibles[grutier]')?.features).toMatchObject({ missingTopicAsked: 1 });
    expect(fourRoles.answer(question, emptyContext()).answer.kind).toBe('fallback');
  });

  it('still ask which one is meant when the conversation has seen no other role', () => {
    const alone: ConversationContext = { ...context, discussed: ['docker'] };
    expect(fourRoles.candidates("Et l'autre ?", alone).some((entry) => entry.label.startsWith('clarify-roles'))).toBe(true);
  });
});

const supplyChain = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout57'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('the shared sections of an article that has several', () => {
  it('mark as asked the one whose heading says what the roles share, not a shared FAQ', () => {
    const readings = supplyChain.candidates("Qu'est-ce qu'ils ont en commun ?", emptyContext());
    expect(readings.find((entry) => entry.label === 'section:points-communs[]')?.features.sectionSharedAsked).toBe(1);
    expect(readings.find((entry) => entry.label === 'section:questions-frequentes-des-managers[]')?.features.sectionSharedAsked ?? 0).toBe(0);
  });
});

const therapists = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout48'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('a definition question about a term a glossary explains', () => {
  it('marks the bullet that explains that very term, and not a bullet that only uses it', () => {
    const readings = therapists.candidates('AVQ, ça veut dire quoi ?', emptyContext());
    expect(readings.find((entry) => entry.label.startsWith('item:sigles-utilises-dans-cette-fiche[] AVQ'))?.features.itemDefinesTerm).toBe(1);
    expect(readings.find((entry) => entry.label.startsWith('item:missions-au-quotidien'))?.features.itemDefinesTerm ?? 0).toBe(0);
    expect(therapists.answer('AVQ, ça veut dire quoi ?', emptyContext()).answer).toMatchObject({ kind: 'list', section: 'sigles-utilises-dans-cette-fiche' });
  });
});

const observatory = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout272'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('a who-question whose words a glossary explains', () => {
  it('marks the glossary\'s entry, which names no one, and not the bullet a role owns', () => {
    const readings = observatory.candidates('Qui fait la collimation des télescopes ?', emptyContext());
    expect(readings.find((entry) => entry.label.startsWith('item:glossaire[]'))?.features.itemOwnerlessForWho).toBe(1);
    expect(readings.find((entry) => entry.label.startsWith('item:missions[technicien-d-observatoire]'))?.features.itemOwnerlessForWho ?? 0).toBe(0);
    expect(observatory.answer('Qui fait la collimation des télescopes ?', emptyContext()).answer).toMatchObject({ kind: 'list', section: 'missions', roles: ['technicien-d-observatoire'] });
  });
});

const marketing = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout61'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('the clarification between articles', () => {
  it('is marked as an answer despite another job when every article sees one ("les missions d\'un chef de marque")', () => {
    const clarify = marketing.candidates("Quelles sont les missions d'un chef de marque ?", emptyContext()).find((entry) => entry.label === 'clarify');
    expect(clarify?.features.answerDespiteOtherJob).toBe(1);
    expect(marketing.answer("Quelles sont les missions d'un chef de marque ?", emptyContext()).answer.kind).toBe('fallback');
  });
});

describe('a question that counts the roles in a library', () => {
  it('points to the one article with that many roles ("les trois métiers du studio")', () => {
    const question = 'Compare les évolutions des trois métiers du studio';
    const answer = marketing.answer(question, emptyContext()).answer;
    expect(answer).toMatchObject({ kind: 'comparison', article: 'differences-directeur-artistique-concepteur-redacteur-graphiste', section: 'evolutions' });
    expect(marketing.candidates(question, emptyContext()).find((entry) => entry.label.startsWith('section:evolutions[directeur-artistique'))?.features.articleRoleCountFits).toBe(1);
  });
});

describe('a missing subject said around a question that names a role', () => {
  it('is not offered as "not covered" ("Je recrute un DA, quel profil…")', () => {
    expect(marketing.candidates('Je recrute un DA, quel profil je dois chercher ?', emptyContext()).some((entry) => entry.label.startsWith('topic:'))).toBe(false);
    // Without a role, what is asked is the recruitment itself (« quel profil ? » would ask for the skills).
    expect(marketing.candidates("Je recrute, où publier l'annonce ?", emptyContext()).some((entry) => entry.label === 'topic:recrutement')).toBe(true);
  });
});

const radio = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout101'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('candidate readings of a role described instead of named', () => {
  it('offer that role alone, as the subject asked about, marked as described (articleRoleDescribed), not as named', () => {
    const reading = radio.candidates('Quels outils pour la personne qui gère la playlist ?', emptyContext()).find((candidate) => candidate.label === 'section:les-outils-du-quotidien[programmateur-musical]');
    expect(reading?.features).toMatchObject({ articleRoleDescribed: 1, rolesAllNamed: 1 });
    expect(reading?.features.articleRoleNamed).toBeUndefined();
  });

  it('make it the answer', () => {
    const { answer } = radio.answer('Quels outils pour la personne qui gère la playlist ?', emptyContext());
    expect({ kind: answer.kind, section: answer.section, roles: answer.roles }).toEqual({ kind: 'list', section: 'les-outils-du-quotidien', roles: ['programmateur-musical'] });
  });
});


const workAtHeights = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout168'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('candidate readings of two sections that both pass saturation', () => {
  const question = 'Ça paie combien en brut de monter des échafaudages ?';
  const readings = workAtHeights.candidates(question, emptyContext());

  it('mark how far a section falls behind the best one (« monter un échafaudage » in a FAQ beside « paie », « brut » for the salary)', () => {
    const faq = readings.find((entry) => entry.label.startsWith('section:un-cordiste-peut-il-monter-un-echafaudage['));
    const salary = readings.find((entry) => entry.label.startsWith('section:combien-peut-on-esperer-gagner['));
    expect(faq?.features.sectionEvidence).toBe(1);
    expect(faq?.features.sectionBehindBest).toBeGreaterThan(0.5);
    expect(salary?.features.sectionBehindBest).toBeUndefined();
  });

  it('so answer from the salary section', () => {
    const { answer } = workAtHeights.answer(question, emptyContext());
    expect(answer).toMatchObject({ section: 'combien-peut-on-esperer-gagner' });
  });
});

describe('the clarification between articles', () => {
  it('is no help when no article has a section about the subject asked (« la mutuelle de l’entreprise »)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'library-uncovered-'));
    for (const file of ['holdout12-article/differences-avocat-juriste.txt', 'holdout119/fiche-metiers-fromagerie-production-qualite.txt']) {
      copyFileSync(resolve(PROJECT_ROOT, 'test/fixtures', file), join(folder, file.split('/')[1]!));
    }
    const library = await loadEngine({ knowledgeDir: folder, dialogsDir: DEFAULT_DIALOGS_DIR });
    const question = "C'est quoi la mutuelle de l'entreprise ?";
    const clarify = library.candidates(question, emptyContext()).find((entry) => entry.label === 'clarify');
    expect(clarify?.features.answerDespiteMissingTopic).toBe(1);
    expect(library.answer(question, emptyContext()).answer.kind).toBe('fallback');
  });
});

describe('a role described by what it is for (« pour fabriquer la bière »)', () => {
  it('is the role whose points hold the description, answered alone', async () => {
    const brewery = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout151'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const { answer } = brewery.answer('Quelles études faut-il avoir faites pour fabriquer la bière chez nous ?', emptyContext());
    expect(answer).toMatchObject({ kind: 'list', roles: ['brasseur'] });
  });
});

const museum = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout281'), dialogsDir: DEFAULT_DIALOGS_DIR });

describe('the readings of a bullet found in two roles\' lists', () => {
  const best = (question: string) =>
    museum.candidates(question, emptyContext()).reduce((top, entry) => (scoreOf(entry.features, READING_WEIGHTS) > scoreOf(top.features, READING_WEIGHTS) ? entry : top));

  it('rank the reading for both roles first in a lookup that names no role, when both bullets hold the same words', () => {
    const reading = best("Qui a droit à une prime d'ancienneté ?");
    expect(reading.label).toMatch(/^item:remuneration\[(cordier\+guide-animateur-du-musee|guide-animateur-du-musee\+cordier)\]/);
    expect(reading.features.itemShared).toBeUndefined();
  });

  it('rank the reading for both first when the bullets hold the same words, one longer than the other', async () => {
    const studio = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout288'), dialogsDir: DEFAULT_DIALOGS_DIR });
    const readings = studio.candidates("Qui doit faire une déclaration d'activité à l'ARS ?", emptyContext());
    const top = readings.reduce((best, entry) => (scoreOf(entry.features, READING_WEIGHTS) > scoreOf(best.features, READING_WEIGHTS) ? entry : best));
    expect(top.label).toMatch(/^item:formation\[(tatoueur\+perceur|perceur\+tatoueur)\]/);
    // The reading for one role alone pays for the other role's bullet.
    expect(readings.find((entry) => entry.label.startsWith('item:formation[perceur]'))?.features.itemRivalClose).toBe(1);
  });

  it('make the reading for both pay in full when the question names one role', () => {
    const both = museum.candidates("Est-ce que le cordier a une prime d'ancienneté ?", emptyContext()).find((entry) => entry.label.startsWith('item:remuneration[cordier+'));
    expect(both?.features.itemShared).toBe(1);
  });
});
