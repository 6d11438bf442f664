/**
 * What one article's evidence makes of a question's words, one word class of the language pack at
 * a time: how roles are named, which roles are only objects, which words name another job.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { LIBRARY_KNOWLEDGE, LIBRARY_LOAD_TIMEOUT_MS, SHARED_KNOWLEDGE } from '../support/paths.js';
import { packWith, readerFor } from '../support/reader.js';

const DIGITAL = 'chef-de-produit-digital';
const MARKETING = 'chef-de-produit-marketing';
const ACCOUNTING = resolve(PROJECT_ROOT, 'test/fixtures/holdout2-article');

const shared = readerFor(SHARED_KNOWLEDGE);
const accounting = readerFor(ACCOUNTING);
const veterinary = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/nested-role-names'));
const pharmacy = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout25'));
const roles = (reader: typeof shared, question: string) => Object.fromEntries(reader.weigh(question).roles);

const mission = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout122'));

describe('a role whose name holds a subject word', () => {
  it('reads the word before the name written whole as the subject asked, not more of the name', () => {
    const evidence = mission.weigh('Quelles sont les missions du chef de mission ?');
    expect(Object.fromEntries(evidence.roles)).toEqual({ 'chef-de-mission': 3 });
    expect(evidence.sections[0]?.section.id).toBe('missions-principales');
  });
});

const clinical = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout123'));

describe('the subject asked and what qualifies it', () => {
  it('weighs what follows the subject after a preposition below the subject itself (complementPrepositions)', () => {
    expect(clinical.weigh('Le TEC, ce sont qui ses interlocuteurs au jour le jour ?').sections[0]?.section.id).toBe('avec-qui-travaillent-ils');
    expect(clinical.weigh('Que fait le TEC au jour le jour ?').sections[0]?.section.id).toBe('en-quoi-consiste-leur-travail-au-quotidien');
  });
});

describe('naming a role', () => {
  it('reads a distinctive word after a role opener as its role (roleOpeners)', () => {
    expect(roles(shared, 'le marketing')).toEqual({ [MARKETING]: 2 });
    expect(roles(shared, 'côté digital ?')).toEqual({ [DIGITAL]: 2 });
    expect(shared.weigh('marketing digital ?').weakRoles.size).toBeGreaterThan(0);
  });

  it("reads a word of a role's name that heads job titles on its own after a role opener as that role (jobHeads, adjectivalJobHeads)", () => {
    const pharmacy = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout78'));
    expect(roles(pharmacy, "Et l'adjoint ?")).toEqual({ 'pharmacien-adjoint': 2 });
    expect(pharmacy.weigh('un planning adjoint ?').roles.size).toBe(0);
  });

  it('reads a role word after a job word, or after a job word and its preposition (jobWords, jobStandIns, jobComplementPrepositions)', () => {
    expect(roles(shared, 'Le poste digital demande quoi ?')).toEqual({ [DIGITAL]: 2 });
    expect(roles(shared, "Le métier de marketing, c'est quoi ?")).toEqual({ [MARKETING]: 2 });
  });

  it('reads an activity after a preposition saying where, or a verb right after a preposition, as the post of the role whose name shares its root (settingPrepositions, complementPrepositions)', () => {
    const laundry = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout282'));
    expect(Object.keys(roles(laundry, 'Quand on est au repassage, on peut espérer monter en grade ?'))).toEqual(['repasseur']);
    // The same word asked about, not where one works, is the task.
    expect(laundry.weigh('Qui fait le repassage des draps ?').roles.size).toBe(0);
    // A verb right after a preposition names the post too.
    const studio = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout288'));
    expect(Object.keys(roles(studio, 'Il faut un diplôme pour avoir le droit de tatouer des gens ?'))).toEqual(['tatoueur']);
  });

  it("reads a role named whole in the plural after another role's head and « des » as the team that role leads (genitivePrepositions)", () => {
    const post = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout227'));
    expect(roles(post, 'Le chef des facteurs, il a fait quelles études ?')).toEqual({ 'chef-d-equipe-distribution': 2 });
    // In the singular, a list or a comparison names both.
    expect(Object.keys(roles(post, 'Les horaires du chef et du facteur ?')).sort()).toEqual(['chef-d-equipe-distribution', 'facteur']);
  });

  it('reads a role word after « collègue » as its role, as after a determiner (roleOpeners)', () => {
    const studio = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout225'));
    expect(roles(studio, 'Ma collègue retoucheuse, elle peut évoluer ?')).toEqual({ 'retoucheur-photo': 2 });
  });

  it("reads a role's whole name as that role, even inside a longer role name of the same article", () => {
    expect(roles(accounting, 'Le poste comptable demande quoi ?')).toEqual({ comptable: 3 });
    expect(roles(veterinary, 'Les compétences du vétérinaire ?')).toEqual({ veterinaire: 3 });
    expect(roles(veterinary, "Les compétences de l'auxiliaire spécialisé vétérinaire ?")).toEqual({ 'auxiliaire-specialise-veterinaire': 3 });
  });

  it('reads a word every role name holds but only one heads as that one, alone after a role opener or becomingWords', () => {
    const clinic = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout131'));
    expect(roles(clinic, 'Avec qui bosse le vétérinaire ?')).toEqual({ 'veterinaire-praticien': 2 });
    expect(roles(clinic, 'Quelle formation faut-il pour devenir vétérinaire ?')).toEqual({ 'veterinaire-praticien': 2 });
    expect(clinic.weigh('Avec qui bosse le vétérinaire ?').genericRole).toBe(false);
    // The word a name heads in every role stays the trade's: "le chef de produit" is both chefs de produit.
    expect(shared.weigh('Que fait le chef de produit ?').genericRole).toBe(true);
  });

  it('reads a role head in -er in the feminine and the plural (« la conseillère », « les boulangers ») as that role', () => {
    const optician = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout135'));
    expect(roles(optician, 'Quelles sont les missions de la conseillère ?')).toEqual({ 'conseiller-de-vente-en-optique': 2 });
    const bakery = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout81'));
    expect(roles(bakery, 'Les boulangers commencent à quelle heure ?')).toEqual({ boulanger: 3 });
  });

  it('reads a clipping that starts several role words by the role name it follows, and not as another job', () => {
    // "pharma" starts "pharmacien", "pharmacie" and "pharmaceutique": after "délégué" it can only be the Délégué pharmaceutique.
    expect(roles(pharmacy, "Le salaire d'un délégué pharma ?")).toEqual({ 'delegue-pharmaceutique': 3 });
    expect(roles(pharmacy, "les missions d'un préparateur en pharma")).toEqual({ 'preparateur-en-pharmacie': 3 });
    expect(pharmacy.weigh("Le salaire d'un délégué pharma ?").otherJob).toBeNull();
    expect(roles(pharmacy, 'la pharma, ça paie ?')).toEqual({});
  });

  it('reads a clipping ended on a vowel of its own as the role word it clips, and not as another job (clippingEndings)', () => {
    const travel = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout94'));
    // « résa » is « rés(ervation) » with an « a » of its own.
    expect(roles(travel, "c koi les missions d'un agent de resa ?")).toEqual({ 'agent-de-reservation': 3 });
    expect(travel.weigh("c koi les missions d'un agent de resa ?").otherJob).toBeNull();
  });

  it("reads a cue of common ground inside a role's name as part of the name, not as asking what the roles share", () => {
    const building = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout239'));
    expect(building.weigh("Quelles sont les missions de l'agent d'entretien des parties communes ?").sharedAsked).toBe(false);
    expect(building.weigh("Qu'ont en commun le gardien et l'agent d'entretien des parties communes ?").sharedAsked).toBe(true);
  });

  it('reads a clipping in the plural as the role word it clips (« la personne des résas »)', () => {
    const fleet = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout297'));
    const evidence = fleet.weigh("Elle touche combien, la personne qui s'occupe des résas ?");
    expect(evidence.described ?? [...evidence.weakRoles][0]).toBe('agent-de-reservation-et-de-mobilite');
  });

  it('reads a bare word two names hold, beside one of them named whole, as the one left that it heads', () => {
    const zoo = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout109'));
    const levels = zoo.indexes.find((index) => index.roles.length === 3)!;
    expect(Object.fromEntries(zoo.weigh('Horaires et astreintes : soigneur, chef soigneur et RZ, qu\'est-ce qui change ?', levels).roles)).toMatchObject({ 'soigneur-animalier': 2, 'chef-soigneur': 3 });
    // « agent SSIAP 1 » writes the head of both agents' names: the Agent de prévention is not named.
    const security = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout32'));
    expect(security.weigh("Quels sont les horaires d'un agent SSIAP 1 ?").roles.has('agent-de-prevention-et-de-securite')).toBe(false);
  });

  it('reads a bare word two names hold, alone after a role opener, as the role whose name it heads', () => {
    const zoo = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout109'));
    const levels = zoo.indexes.find((index) => index.roles.length === 3)!;
    expect(Object.fromEntries(zoo.weigh('Concrètement, il fait quoi de ses journées, le soigneur ?', levels).roles)).toEqual({ 'soigneur-animalier': 2 });
    // « la cheffe soigneuse » is the Chef soigneur, whole.
    expect(Object.fromEntries(zoo.weigh('Concrètement, elle fait quoi de ses journées, la cheffe soigneuse ?', levels).roles)).toEqual({ 'chef-soigneur': 3 });
  });

  it("reads a role's name with its adjective in the feminine (« éducatrice sportive ») as that role, and as no other job", () => {
    const club = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout107'));
    expect(roles(club, 'Quels diplômes faut-il pour être éducatrice sportive ?')).toEqual({ 'educateur-sportif': 3 });
    expect(club.weigh('Quels diplômes faut-il pour être éducatrice sportive ?').otherJob).toBeNull();
  });

  it('reads a clipping beside a word of the same name as that name\'s word, even when the article writes the clipping (« l\'analyste perf », « le prépa physique »)', () => {
    const club = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout107'));
    const evidence = club.weigh("Je confonds toujours le prépa physique et l'analyste perf, vous pouvez m'expliquer ?");
    expect(Object.fromEntries(evidence.roles)).toEqual({ 'preparateur-physique': 3, 'analyste-de-la-performance': 3 });
    expect(evidence.otherJob).toBeNull();
  });

  it('tells a role named by its whole name or initialism from one named by part of its name', () => {
    const banking = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout29'));
    const business = banking.indexes.find((index) => index.roles.some((role) => role.role.id === 'charge-d-affaires-entreprises'))!;
    expect([...banking.weigh("Que fait un chargé d'affaires entreprises ?", business).wholeNames]).toEqual(['charge-d-affaires-entreprises']);
    expect(banking.weigh("Que fait un chargé d'affaires ?", business).roles.get('charge-d-affaires-entreprises')).toBe(3);
    expect(banking.weigh("Que fait un chargé d'affaires ?", business).wholeNames.size).toBe(0);
  });

  it('does not read a coordinator inside a role name ("Agent de prévention et de sécurité") as naming that role', () => {
    const security = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout32'));
    expect(Object.keys(roles(security, 'Différence entre SSIAP 1 et SSIAP 2 ?'))).toEqual(['agent-de-securite-incendie-ssiap-1', 'chef-d-equipe-ssiap-2']);
    expect(roles(security, "Les missions de l'agent de prévention et de sécurité ?")).toEqual({ 'agent-de-prevention-et-de-securite': 3 });
  });

  it('tells a comparison of two things that are no roles ("entre un CDD et un CDI") from one of the roles (betweenWords)', () => {
    expect(shared.weigh("C'est quoi la différence entre un CDD et un CDI ?").comparesOtherThings).toBe(true);
    expect(shared.weigh('Quelle différence entre le CPD et le CPM ?').comparesOtherThings).toBe(false);
    expect(shared.weigh('Quelle différence entre le digital et le marketing ?').comparesOtherThings).toBe(false);
    // The first thing may take several words before the coordinator; a role among them is no other thing.
    expect(shared.weigh('Différence entre femme de chambre et gouvernante ?').comparesOtherThings).toBe(true);
    expect(shared.weigh('Différence entre chef de produit numérique et CPM ?').comparesOtherThings).toBe(false);
  });

  it('does not count a word asking what the roles share (commonGroundCues) as an unknown word', () => {
    expect(shared.weigh("Qu'est-ce qui rapproche ces deux postes ?").unknown).toEqual([]);
  });

  it('does not count a phrase that only frames the question (fillers: « à quoi ressemble », « je ne comprends pas ») as an unknown word', () => {
    expect(shared.weigh('À quoi ressemble le quotidien du CPD ?').unknown).toEqual([]);
    expect(shared.weigh('Je ne comprends pas bien ce qui distingue ces deux métiers').unknown).toEqual([]);
    // « jsuis perdu » is « je suis perdu » typed on a phone: it frames the question, it asks for nothing.
    const lost = shared.weigh('jsuis perdu, quelles sont les missions du CPD ?');
    expect(lost.unknown).toEqual([]);
  });

  it('reads « je ne connais pas » and « tu connais » as framing, not as knowledge asked of the role (fillers, definitionCues)', () => {
    expect(shared.weigh('Je ne connais pas le métier de CPD, tu peux me le présenter ?').content).toEqual([]);
    expect(shared.weigh('Tu connais les compétences du CPD ?').content).toEqual(['competence']);
    expect(shared.weigh('Quelles connaissances pour le CPD ?').content).toEqual(['competence']);
  });

  it('does not count a clipped or derived role word as an unknown word', () => {
    const logistics = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout11-md'));
    expect(logistics.weigh('il fait quoi au quotidien le resp log ?').unknown).not.toContain('log');
    expect(logistics.weigh('Quelles études pour devenir logisticien ?').unknown).toEqual([]);
  });

  it('reads names joined by a coordinator as both roles (coordinators)', () => {
    expect(roles(accounting, 'comptable ou contrôleur de gestion ?')).toEqual({ comptable: 3, 'controleur-de-gestion': 3 });
    expect(roles(shared, 'Le digital ou le marketing ?')).toEqual({ [DIGITAL]: 3, [MARKETING]: 2 });
  });

  it("reads a role's name in a spelling the lexicon rewrites (\"gestionnaire de paye\" for the Gestionnaire de paie)", () => {
    const hr = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout59'));
    expect([...hr.weigh('compétences du gestionnaire de paye').wholeNames]).toEqual(['gestionnaire-de-paie']);
  });

  it('leaves out a role named only in a sentence around the question when the question names another', () => {
    expect(roles(accounting, "J'ai un comptable dans mon équipe. Quelles compétences pour devenir contrôleur de gestion ?")).toEqual({ 'controleur-de-gestion': 3 });
    expect(roles(accounting, "J'ai un comptable dans mon équipe. Quelles compétences faut-il ?")).toEqual({ comptable: 3 });
  });

  it('keeps a role after an object preposition as an object, not the subject (objectPrepositions)', () => {
    expect([...accounting.weigh('Qui prend les rendez-vous pour le comptable ?').objectRoles]).toEqual(['comptable']);
    expect([...accounting.weigh('Le métier de comptable ?').objectRoles]).toEqual([]);
  });

  it('keeps a role named inside the description of another an object, and finds the role described', () => {
    const cleaning = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout145'));
    const evidence = cleaning.weigh('Celui qui encadre les agents de nettoyage, il est payé combien ?');
    expect([...evidence.objectRoles]).toEqual(['agent-de-proprete']);
    expect(evidence.described).toBe('chef-d-equipe-proprete');
    // A word for a job introduces the role asked about, in a description too.
    const theatre = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout114'));
    expect([...theatre.weigh('Quelles qualités faut-il avoir pour tenir le poste de régisseur plateau ?').objectRoles]).toEqual([]);
  });

  it('keeps a name coordinated with an object an object too (coordinators)', () => {
    expect([...accounting.weigh('Qui prépare les dossiers pour le comptable et le contrôleur de gestion ?').objectRoles].sort()).toEqual(['comptable', 'controleur-de-gestion']);
    expect([...accounting.weigh('Le comptable et le contrôleur de gestion travaillent avec qui ?').objectRoles]).toEqual([]);
  });
});

describe('another job', () => {
  it.each([
    ['Quelles compétences pour un chef de projet ?', 'chef de projet'],
    ['Quel est le salaire d’un notaire ?', 'notaire'],
    ['Comment devenir magistrat ?', 'magistrat'],
    ['Combien gagne un développeur ?', 'developpeur'],
  ])('reads %s as another job: %s', (question, job) => {
    expect(shared.weigh(question).otherJob).toBe(job);
  });

  it('reads no phrase of HR vocabulary as a job title (« le chef direct », « le responsable hiérarchique »)', () => {
    expect(shared.weigh('Qui est le chef direct du chef de produit marketing ?').otherJob).toBeNull();
    expect(shared.weigh('Qui est le chef de projet du chef de produit marketing ?').otherJob).toBe('chef de projet');
  });

  it('never reads a role of the article in another form as another job', () => {
    expect(shared.weigh('Quelles compétences pour un chef de produit digital ?').otherJob).toBeNull();
    expect(accounting.weigh('Quelles missions pour une comptable ?').otherJob).toBeNull();
  });

  it('reads a job title after a singular determiner or a becoming word only (singularDeterminers, becomingWords)', () => {
    const without = readerFor(SHARED_KNOWLEDGE, packWith({ becomingWords: ['comme'] }));
    expect(without.weigh('Comment devenir magistrat ?').otherJob).toBeNull();
    expect(without.weigh('Travailler comme magistrat ?').otherJob).toBe('magistrat');
  });

  it("reads a role's head then a verb with its complements as the role doing something, and after « un » as another job still", () => {
    const travel = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout94'));
    expect(travel.weigh('Quelles tâches le guide assure pendant un circuit ?').otherJob).toBeNull();
    expect(travel.weigh('Quelles tâches le guide assure pendant un circuit ?').roles.get('guide-accompagnateur')).toBeGreaterThan(0);
    expect(travel.weigh('Quel salaire pour un guide interprète ?').otherJob).toBe('guide interprete');
  });

  it('reads a role head after a job-title opener as another job (jobTitleOpeners)', () => {
    expect(shared.weigh('Hésiter entre chef de projet et chef de produit digital').otherJob).toBe('chef de projet');
    const without = readerFor(SHARED_KNOWLEDGE, packWith({ jobTitleOpeners: ['vs'] }));
    expect(without.weigh('Hésiter entre chef de projet et chef de produit digital').otherJob).not.toBe('chef de projet');
  });
});

describe('subjects the article covers', () => {
  const transport = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout45'));
  const conges = (question: string) => transport.weigh(question).topics.find((topic) => topic.id === 'conges');

  it('are covered by a bullet only through the phrase the question asks ("jours fériés"), not another phrase of the subject', () => {
    expect(conges('Combien de jours de congés payés pour un conducteur ?')?.covered).toBe(false);
    expect(conges('Le conducteur travaille-t-il les jours fériés ?')?.covered).toBe(true);
  });
});

describe('subjects asked first and subjects that only qualify them (complementPrepositions)', () => {
  const port = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout52'));
  const topic = (question: string, id: string) => port.weigh(question).topics.find((entry) => entry.id === id);

  it('reads a subject after a preposition that follows what is asked as qualifying it ("le salaire en début de carrière")', () => {
    expect(topic("Quel est le salaire d'un grutier en début de carrière ?", 'salaire')).toMatchObject({ asked: true, qualifying: false, alone: true });
    expect(topic("Quel est le salaire d'un grutier en début de carrière ?", 'carriere')).toMatchObject({ covered: true, qualifying: true });
  });

  it('does not call a subject alone when another word the article knows is asked beside it', () => {
    expect(topic('Formation et salaire du grutier ?', 'salaire')?.alone).toBe(false);
  });

  it('counts a heading that names the subject as covering it ("Évolutions possibles" for the career)', () => {
    expect(topic('Quelles évolutions possibles pour un docker ?', 'carriere')?.covered).toBe(true);
  });

  it('reads what is hard and what people like in a job as the sections that say so ("Ce qui est dur", "Leurs plus grandes satisfactions")', () => {
    const sport = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout84'));
    expect(sport.weigh("Quelles sont les difficultés du métier d'éducateur sportif ?").sections[0]?.section.id).toBe('ce-qui-est-dur-honnetement');
    expect(sport.weigh('Qu\'est-ce qui plaît au préparateur physique dans son métier ?').sections[0]?.section.id).toBe('leurs-plus-grandes-satisfactions');
  });

  it('reads what a newcomer will have to do as the missions ("je vais faire quoi", "on va me demander de faire")', () => {
    const catering = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout85'));
    expect(catering.weigh("Je commence lundi comme cuisinier, qu'est-ce qu'on va me demander de faire ?").sections[0]?.section.id).toBe('missions-au-quotidien');
    expect(catering.weigh('Je commence lundi comme cuisinier, je vais faire quoi ?').sections[0]?.section.id).toBe('missions-au-quotidien');
  });

  it('reads how far and how soon a job leads as career ("monter jusqu\'où", "quel poste plus tard", "au bout de quelques années")', () => {
    const asked = (question: string) => port.weigh(question).topics.find((entry) => entry.id === 'carriere')?.asked;
    expect(asked("Un grutier, il peut monter jusqu'où dans la boîte ?")).toBe(true);
    expect(asked('Un pointeur peut espérer quel poste plus tard ?')).toBe(true);
    expect(asked('Au bout de quelques années, un docker peut passer à quoi ?')).toBe(true);
  });

  it('reads where a seasonal worker sleeps as housing, covered by a heading that says « Je dors où », never by « le resp log »', () => {
    const huts = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout230'));
    expect(huts.weigh('Où est logé le gardien de refuge pendant la saison ?').topics.find((entry) => entry.id === 'logement')).toMatchObject({ asked: true, covered: true });
    expect(huts.weigh('Où est logé le gardien de refuge pendant la saison ?').sections[0]?.section.id).toBe('je-dors-ou-pendant-la-saison');
    const logistics = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout11-md'));
    expect(logistics.weigh('Les indicateurs du resp log ?').topics.find((entry) => entry.id === 'logement')).toBeUndefined();
  });

  it('reads the bridges between jobs as career ("Et après ? Les passerelles entre les postes")', () => {
    const lines = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout77'));
    expect(lines.weigh('Quelles évolutions possibles pour un régleur ?').topics.find((entry) => entry.id === 'carriere')?.covered).toBe(true);
  });
});

describe('the whole name of a role of another article of the library', () => {
  const chargés = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout49'));
  const clientele = chargés.indexes.find((index) => index.article.id === 'differences-charge-clientele-recouvrement')!;
  const payroll = chargés.indexes.find((index) => index.article.id === 'differences-responsable-paie-gestionnaire-paie')!;

  it('is no evidence for this article\'s sections, and stays words this article does not know ("paie" is no salary word there)', () => {
    const elsewhere = chargés.weigh('Et pour un gestionnaire de paie ?', clientele);
    expect(elsewhere.content).not.toContain('salaire');
    expect(elsewhere.unknown.length).toBeGreaterThan(0);
    expect(elsewhere.sections.some((entry) => entry.section.id === 'salaire')).toBe(false);
  });

  it('is read name by name, an initialism of that role aside ("responsable formation" without its "RF")', () => {
    const training = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout55'));
    const referents = training.indexes.find((index) => index.article.id === 'differences-referent-formation-charge-de-formation')!;
    const lookup = training.weigh('À qui est rattaché le responsable formation ?', referents);
    expect(lookup.items[0]?.matched ?? []).not.toContain('respons');
    expect(lookup.unknown.length).toBeGreaterThan(0);
  });

  it("names none of this article's roles with its words, unless one of this article's names holds them all", () => {
    const projects = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout95'));
    const events = projects.indexes.find((index) => index.article.id === 'chef-de-projet-evenementiel-vs-regisseur')!;
    // « chef de projet informatique » is the other article's role, not the Chef de projet événementiel.
    expect(projects.weigh('Quels sont les horaires du chef de projet informatique ?', events).roles.size).toBe(0);
    const library = readerFor(LIBRARY_KNOWLEDGE);
    const insurance = library.indexes.find((index) => index.article.id === 'differences-conseiller-agent-general-courtier-assurance')!;
    // « conseiller clientèle » is another article's role whole, and part of the Conseiller clientèle en assurance.
    expect(library.weigh('Quelle est la différence entre le conseiller clientèle et le courtier ?', insurance).roles.has('conseiller-clientele-en-assurance')).toBe(true);
  }, LIBRARY_LOAD_TIMEOUT_MS);

  it('names the role in its own article', () => {
    expect(chargés.weigh('Et pour un gestionnaire de paie ?', payroll).wholeNames.has('gestionnaire-de-paie')).toBe(true);
  });

  it('takes its words from a shorter role of this article that it holds ("Responsable comptable" is no Comptable)', () => {
    const library = readerFor(LIBRARY_KNOWLEDGE);
    const accounting = library.indexes.find((index) => index.article.id === 'differences-comptable-controleur-de-gestion')!;
    const finance = library.indexes.find((index) => index.article.id === 'differences-responsable-comptable-responsable-administratif-financier')!;
    const question = 'Quelles sont les missions du Responsable comptable ?';
    expect(library.weigh(question, accounting).roles.size).toBe(0);
    expect(library.weigh(question, finance).wholeNames.has('responsable-comptable')).toBe(true);
    expect(library.weigh('Quelles sont les missions du comptable ?', accounting).wholeNames.has('comptable')).toBe(true);
  }, LIBRARY_LOAD_TIMEOUT_MS);
});

describe('section words', () => {
  it("meet a heading's own word when the lexicon read the heading whole as a subject and the question's word alone", () => {
    const rail = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout162'));
    const trains = rail.indexes.find((index) => index.article.id === 'conducteur-de-train-et-chef-de-bord')!;
    // « Évolutions possibles » is the career subject and its own « évolutions »; the salary table's rows say « carrière ».
    const evidence = rail.weigh('Quelles sont les évolutions de carrière possibles pour un chef de bord ?', trains);
    expect(evidence.sections[0]?.section.id).toBe('evolutions-possibles');
  });
});

describe('a role named by its initialism', () => {
  const fireworks = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout209'));

  it('is a subject of the question, as a role named in words is (« l\'artif et le CT »)', () => {
    const evidence = fireworks.weigh("Est-ce que l'artif et le CT utilisent le même matos ?");
    expect([...evidence.roles.keys()].sort()).toEqual(['artificier', 'chef-de-tir']);
    expect([...evidence.objectRoles]).toEqual([]);
  });

  it('is an object after a preposition saying for or with whom (« avec le CT »), as a role named in words is', () => {
    expect([...fireworks.weigh("L'artif travaille avec le CT ?").objectRoles]).toEqual(['chef-de-tir']);
  });
});

describe('the task a who-question asks about', () => {
  const callCentre = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout116'));

  it('reads the verb right after « qui », in words the article does not use, as no sign of another subject', () => {
    expect(callCentre.weigh('Qui regarde le wallboard ?').unknown).toEqual([]);
    expect(callCentre.weigh('Le superviseur regarde le wallboard ?').unknown).not.toEqual([]);
  });

  it('still counts a person after « qui est » and a determiner (« Qui est le DRH ? ») as unknown words', () => {
    expect(callCentre.weigh('Qui est le DRH de la filiale ?').unknown.length).toBeGreaterThan(0);
  });
});

describe('a word for a job before a role\'s name (jobWords)', () => {
  const stonework = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout197'));
  const sectionIds = (question: string) => stonework.weigh(question).sections.map((entry) => entry.section.id);

  it('stands for the role it introduces, through « de » and a determiner: « le boulot d\'un maçon » says no subject', () => {
    expect(sectionIds("C'est quoi le boulot d'un maçon bâti ancien ?")).not.toContain('missions-principales');
    expect(sectionIds('Le boulot du maçon au quotidien ?')).toContain('missions-principales');
  });
});

describe('a role described instead of named', () => {
  const radio = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout101'));

  it('is the one role whose bullet holds most of the description, named by no mention', () => {
    const evidence = radio.weigh('Quels outils pour la personne qui gère la playlist ?');
    expect(evidence.described).toBe('programmateur-musical');
    expect(evidence.roles.size).toBe(0);
  });

  it('is no role when two roles\' bullets hold the description alike, or the article knows too few of its words', () => {
    expect(radio.weigh('Les horaires de celui qui lance les jingles ?').described).toBeNull();
    expect(radio.weigh("La personne qui gère les congés payés de l'usine, c'est qui ?").described).toBeNull();
  });

  it('is not looked for when a role is named', () => {
    expect(radio.weigh("Quels outils pour l'animateur qui gère la playlist ?").described).toBeNull();
  });

  it("leaves out a colleague's bullet that opens on another role (« L'œnologue, pour les analyses » in the chai master's list)", () => {
    const estate = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout156'));
    expect(estate.weigh('La personne qui fait les analyses, elle est payée combien ?').described).toBe('oenologue');
  });
});


describe('a role described instead of named', () => {
  const jewellery = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout124'));

  it("is the role whose bullets hold the description's words together, when no single bullet holds them all", () => {
    expect(jewellery.weigh('Celui qui pose les diamants sur les bagues, il a fait quelles études ?').described).toBe('sertisseur');
  });

  it('is none when the words are spread over several roles alike', () => {
    expect(jewellery.weigh('Celui qui travaille à l’atelier, il a fait quelles études ?').described).toBeNull();
  });
});

describe('the words of a description that has found its role', () => {
  const quarry = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout179'));

  it('point to no section when the question asks for something else too (a definition)', () => {
    const evidence = quarry.weigh("En deux mots, c'est quoi le rôle de la personne qui étudie le gisement ?");
    expect(evidence.described).toBe('geologue-de-carriere');
    // « étudie » would otherwise point to « Formation, salaire et horaires ».
    expect(evidence.sections.map((found) => found.section.id)).not.toContain('formation-salaire-et-horaires');
  });

  it('still point to their section when the description is all the question says', () => {
    const evidence = quarry.weigh('La personne qui étudie le gisement ?');
    expect(evidence.sections.map((found) => found.section.id)).toContain('formation-salaire-et-horaires');
  });
});

describe('a leader, a teacher or a driver named by another word of its kind (leaderHeads, teacherHeads, driverHeads)', () => {
  const agency = resolve(PROJECT_ROOT, 'test/fixtures/holdout150');
  const DIRECTOR = 'directeur-d-agence-immobiliere';

  it('reads « le chef d\'agence » as the one role headed by a leader word whose name holds « agence »', () => {
    expect(roles(readerFor(agency), "Le chef d'agence, il peut évoluer vers quoi ?")).toEqual({ [DIRECTOR]: 2 });
  });

  it('reads « le prof » or « le moniteur d\'équitation » as the one role headed by another teacher word (teacherHeads)', () => {
    const stables = resolve(PROJECT_ROOT, 'test/fixtures/holdout268');
    const TEACHER = 'enseignant-d-equitation';
    expect(roles(readerFor(stables), "Ça bosse à quelle heure un moniteur d'équitation ?")).toEqual({ [TEACHER]: 2 });
    expect(roles(readerFor(stables), "Le prof d'équitation, il peut devenir quoi plus tard ?")).toEqual({ [TEACHER]: 2 });
    expect(roles(readerFor(stables, packWith({ teacherHeads: [] })), "Le prof d'équitation, il peut devenir quoi plus tard ?")).toEqual({});
  });

  it('reads « le chauffeur de bus » as the Conducteur de bus, a driver named by another driver word (driverHeads)', () => {
    const depot = resolve(PROJECT_ROOT, 'test/fixtures/holdout290');
    expect(Object.keys(roles(readerFor(depot), 'Le chauffeur de bus, il fait quoi de ses journées ?'))).toEqual(['conducteur-de-bus']);
    expect(roles(readerFor(depot, packWith({ driverHeads: [] })), 'Le chauffeur de bus, il fait quoi de ses journées ?')).toEqual({});
  });

  it('reads a teacher word alone (« la monitrice ») as the one role headed by another teacher word, but not a plural nor one with a complement of its own', () => {
    const stables = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout268'));
    const TEACHER = 'enseignant-d-equitation';
    expect(roles(stables, 'Concrètement, elle fait quoi de ses journées la monitrice ?')).toEqual({ [TEACHER]: 1 });
    expect(roles(stables, 'la monitrice gagne combien ?')).toEqual({ [TEACHER]: 1 });
    expect(roles(stables, 'Qui prépare les chevaux pour les profs ?')).toEqual({});
    expect(roles(stables, 'Combien gagne un prof de ski ?')).toEqual({});
  });

  it('reads no leader word alone as a role: « le chef » is whoever leads the one who asks', () => {
    expect(roles(readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout150')), 'Il est où le chef ?')).toEqual({});
  });

  it('names no role when the pack lists no leader words, and never reads a role\'s own head this way', () => {
    expect(roles(readerFor(agency, packWith({ leaderHeads: [] })), "Le chef d'agence, il peut évoluer vers quoi ?")).toEqual({});
    expect(roles(shared, 'Quels sont les horaires du chef de projet informatique ?')).toEqual({});
  });
});
