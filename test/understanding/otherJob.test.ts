/**
 * Another job, found by the shape of a job title and the roles the library knows, never by a list of
 * titles: each shape, each class of the language pack it uses, and the misreadings it must avoid.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/answers/engine.js';
import { loadDialogs } from '../../src/answers/dialogs.js';
import { renderText } from '../../src/render/text.js';
import { emptyContext } from '../../src/understanding/context.js';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { DIALOGS, LIBRARY_LOAD_TIMEOUT_MS, SHARED_KNOWLEDGE } from '../support/paths.js';
import { packWith, readerFor } from '../support/reader.js';

const fixture = (name: string) => resolve(PROJECT_ROOT, 'test/fixtures', name);
const shared = readerFor(SHARED_KNOWLEDGE);
const otherJob = (question: string, reader = shared) => reader.weigh(question).otherJob;

describe('another job by its shape', () => {
  it.each([
    ['Quelles compétences pour un chef de projet ?', 'chef de projet', 'a role head with another complement'],
    ['Quel est le rôle d’un ingénieur commercial ?', 'ingenieur commercial', 'jobHeads and a complement'],
    ['Comment devenir directeur des opérations ?', 'directeur des operations', 'jobHeads after becomingWords'],
    ['Comment on devient chef de cuisine ?', 'chef de cuisine', 'a role head after a conjugated becoming verb (jobTitleOpeners)'],
    ['C’est quoi les missions d’un maître d’hôtel ?', 'maitre d hotel', 'jobHeads « maître » and its complement'],
    ['Le métier de conseiller en gestion de patrimoine ?', 'conseiller en gestion', 'jobHeads after jobWords and jobComplementPrepositions'],
    ['Combien gagne un responsable qualité ?', 'responsable qualite', 'adjectivalJobHeads after a determiner'],
    ['C’est quoi un data scientist ?', 'data scientist', 'jobHeadsLast'],
    ['Faut-il parler anglais pour être scrum master ?', 'scrum master', 'jobHeadsLast after copulas'],
    ['Il fait quoi un designer UX ?', 'designer ux', 'a borrowed head first'],
    ['Combien gagne une sage-femme ?', 'sage femme', 'a compound after indefiniteDeterminers'],
    ['Quel est le salaire d’un notaire ?', 'notaire', 'a job-title ending after a determiner'],
    ['Comment devenir magistrat ?', 'magistrat', 'a job-title ending after becomingWords'],
    ['Quelles études pour être notaire ?', 'notaire', 'a job-title ending after copulas'],
    ['Combien gagne une développeuse ?', 'developpeuse', 'a feminine ending after a feminine determiner'],
    ['Combien gagne un huissier de justice ?', 'huissier', 'a one-word title with its complement after an indefinite determiner'],
    ['Quelles compétences pour un kinésithérapeute ?', 'kinesitherapeute', 'a -thérapeute ending after a determiner'],
    ['Que fait un commercial ?', 'commercial', 'a head noun alone after indefiniteDeterminers'],
  ])('%s → %s (%s)', (question, job) => {
    expect(otherJob(question)).toBe(job);
  });
});

describe('what is no other job', () => {
  it.each([
    ['Quelles compétences pour être performant ?', 'a participle after the copula is a quality'],
    ['le climat de travail du CPD', 'a noun with its own complement after a definite determiner (genitivePrepositions)'],
    ['Quel est le climat de travail ?', 'the same without a role'],
    ['Quelle est la couleur préférée ?', 'a masculine ending after a feminine determiner (masculineDeterminers, feminineDeterminers)'],
    ['Faut-il être responsable du budget ?', 'an adjectival head after the copula (adjectivalJobHeads)'],
    ['Faut-il un master en sciences politiques ?', 'a borrowed head that is a word of the HR vocabulary'],
    ['Le chef de produit marketing fait quoi ?', 'a role of the article'],
    ['Qui travaille avec les développeurs ?', 'people the roles work with (plural)'],
    ['Mon responsable RH peut-il refuser mes congés ?', 'a title after a possessive is the asker\'s context'],
    ['Un mi-temps est-il possible ?', 'a compound of the HR vocabulary'],
    ['Qui coupe les griffes du chien ?', 'in a lookup, a noun after the verb is what the task is done to'],
    ['Est-ce que le chef utilise Figma ?', 'after a definite determiner, a head followed by a first-group verb form the dictionary knows is someone acting'],
    ['Le chef prépare les budgets ?', 'the same with an accented verb'],
  ])('%s (%s)', (question) => {
    expect(otherJob(question)).toBeNull();
  });

  it('reads a compound the article writes as what a lookup looks up (« Qui utilise un tire-crin ? »), and another as a job', () => {
    const workshop = readerFor(fixture('holdout182'));
    const upholstery = workshop.indexes.find((index) => index.article.id === 'ebeniste-ou-tapissier-d-ameublement')!;
    expect(workshop.weigh('Qui utilise un tire-crin ?', upholstery).otherJob).toBeNull();
    expect(workshop.weigh('Combien gagne un cannier-rempailleur ?', upholstery).otherJob).not.toBeNull();
  });

  it('reads a role\'s head before a phrase of the lexicon as the role, not a job with a complement (« au jour le jour »)', () => {
    const pharmacy = readerFor(fixture('holdout147'));
    const shelves = pharmacy.indexes.find((index) => index.article.roles.some((role) => role.id === 'rayonniste-en-parapharmacie'))!;
    const job = (question: string) => pharmacy.weigh(question, shelves).otherJob;
    expect(job("C'est quoi le boulot d'un rayonniste au jour le jour ?")).toBeNull();
    expect(job('Combien gagne un rayonniste en jardinerie ?')).toBe('rayonniste en jardinerie');
  });

  it("reads a role's head before a complement of time as the role, not a job with a complement (timePrepositions, timeWords)", () => {
    const shop = readerFor(fixture('holdout155'));
    expect(shop.weigh("Sur quoi est jugé le travail d'un vendeur en fin de mois ?").otherJob).toBeNull();
    expect(shop.weigh('Que fait un vendeur en haute saison ?').otherJob).toBeNull();
    expect(shop.weigh('Que fait un mécanicien en hiver ?').otherJob).toBeNull();
    // A place is still a complement that makes another job.
    expect(shop.weigh('Combien gagne un vendeur en jardinerie ?').otherJob).toBe('vendeur en jardinerie');
  });

  it("reads a role's head before « au » and a place the article speaks of as the role in its setting (settingPrepositions)", () => {
    const museum = readerFor(fixture('holdout50'));
    expect(museum.weigh('Quel diplôme il faut avoir pour être médiateur au musée ?').otherJob).toBeNull();
    // A place the article never names is another job's.
    expect(museum.weigh('Quel diplôme il faut avoir pour être médiateur au tribunal ?').otherJob).toBe('mediateur au tribunal');
  });

  it("reads a role's head before a determiner with no preposition as the role, the determiner opening the next phrase", () => {
    const museum = readerFor(fixture('holdout281'));
    expect(museum.weigh('Cordier vs guide : les horaires ?').otherJob).toBeNull();
    // With a preposition, the phrase is still the head's complement.
    expect(museum.weigh('Cordier vs guide de la montagne : les horaires ?').otherJob).toBe('guide de la montagne');
  });

  it("reads a role's head before a word of the family of its name's words as the role (« thermes » beside « thermales »)", () => {
    const spa = readerFor(fixture('holdout226'));
    expect(spa.weigh('Le technicien des thermes, il touche combien à peu près par mois ?').otherJob).toBeNull();
    // A word only of the role's trade is still another job's complement.
    expect(spa.weigh('Combien gagne un technicien de laboratoire ?').otherJob).toBe('technicien de laboratoire');
  });

  it("reads a role's head before a word of its name misspelt as the role (« souffleur de vere »), not before a real word", () => {
    const glassworks = readerFor(fixture('holdout240'));
    expect(glassworks.weigh('c koi les mission du souffleur de vere').otherJob).toBeNull();
    // "vert" is one letter off the stem of "verre" too, but a word of its own: not the role misspelt.
    expect(glassworks.weigh('Combien gagne un souffleur de vert ?').otherJob).toBe('souffleur de vert');
  });

  it('reads a word shaped like a job title after a preposition saying where and « un » as a place (placePrepositions)', () => {
    const lifts = readerFor(fixture('holdout165'));
    expect(lifts.weigh('Sur un chantier, le monteur est en contact avec quels services ?').otherJob).toBeNull();
    expect(lifts.weigh('Quel salaire pour un infirmier ?').otherJob).toBe('infirmier');
  });

  it('looks up a title the article writes after « qui peut devenir », with its complement, rather than name another job', () => {
    const estate = readerFor(fixture('holdout156'));
    expect(estate.weigh('Qui peut devenir régisseur de domaine ?').otherJob).toBeNull();
    expect(estate.weigh('Qui peut devenir régisseur de production ?').otherJob).toBe('regisseur');
    expect(estate.weigh('Combien gagne un régisseur de domaine ?').otherJob).toBe('regisseur');
  });

  it('reads a word of the HR subjects shaped like a job title as that subject (« comme carrière »)', () => {
    expect(otherJob('On peut faire quoi comme carrière ?')).toBeNull();
  });

  it('reads the word every role name holds after a word that opens a job title as no modifier of it (« devenir vétérinaire »)', () => {
    expect(otherJob('Quelle formation faut-il pour devenir vétérinaire ?', readerFor(fixture('holdout131')))).toBeNull();
  });

  it('reads a role head followed by a word of no job-title shape, then a determiner or a preposition, as that role acting', () => {
    const dental = readerFor(fixture('holdout136'));
    expect(otherJob("Quel matériel l'assistante manipule au cabinet ?", dental)).toBeNull();
    expect(otherJob('Est-ce que la secrétaire touche une commission ?', readerFor(fixture('holdout132')))).toBeNull();
    // A word shaped like a job title after the head is still another job's name ("un chef cuisinier au restaurant").
    expect(otherJob('Combien gagne un chef cuisinier au restaurant ?')).toBe('chef cuisinier');
  });

  it("reads a one-word role's name before a verb as that role acting (« Le boulanger commence… »), whatever forms its index holds", () => {
    expect(otherJob('Le boulanger commence à quelle heure le matin ?', readerFor(fixture('holdout81')))).toBeNull();
  });

  it('reads a title the article writes as what a lookup asks for ("Qui peut devenir…")', () => {
    const engineering = readerFor(fixture('holdout9-article'));
    expect(otherJob("Qui peut devenir responsable du bureau d'études ?", engineering)).toBeNull();
    expect(otherJob("Comment devenir chef d'équipe de production ?", readerFor(fixture('holdout6-article')))).toBe('chef d equipe');
    expect(otherJob('Qui est le notaire ?')).toBe('notaire');
    expect(otherJob('Qui peut devenir notaire ?')).toBe('notaire');
  });

  it('reads a job-like word the article only mentions as another job once "un" introduces it ("le salaire d\'un infirmier")', () => {
    const care = readerFor(fixture('holdout56'));
    expect(otherJob("Quel est le salaire d'un infirmier ?", care)).toBe('infirmier');
    expect(otherJob("Il prévient l'infirmier ?", care)).toBeNull();
  });

  it('reads a job-like word the article only mentions as another job after a subject\'s word and « du » (« les missions du concepteur de jeux »)', () => {
    const escape = readerFor(fixture('holdout213'));
    expect(otherJob('Quelles sont les missions du concepteur de jeux ?', escape)).toBe('concepteur');
    // A word of time is no person (pack timeWords): "les outils du quotidien".
    expect(otherJob('Quels outils du quotidien ?', escape)).toBeNull();
  });

  it("reads a role head with another complement that the article writes as what a lookup asks for (\"Qui est rattaché au…\")", () => {
    const retail = readerFor(fixture('holdout27'));
    expect(otherJob('Qui est rattaché au directeur régional ?', retail)).toBeNull();
    expect(otherJob('Combien gagne un directeur financier ?', retail)).toBe('directeur financier');
  });

  it('reads a thing the article writes beside the word its roles share as what a lookup asks for ("Qui suit le budget formation ?")', () => {
    const training = readerFor(fixture('holdout55'));
    const index = training.indexes.find((candidate) => candidate.article.roles.some((role) => role.id === 'responsable-formation'))!;
    expect(training.weigh('Qui suit le budget formation ?', index).otherJob).toBeNull();
    expect(training.weigh('Quelles compétences pour un assistant formation ?', index).otherJob).toBe('assistant formation');
  });

  it('reads another head before a role\'s qualifier as another job (« le médecin thermal » beside an Agente thermale), unless both heads lead or teach', () => {
    const spa = readerFor(fixture('holdout194'));
    expect(spa.weigh('Quelles sont les missions du médecin thermal ?').otherJob).toBe('medecin thermal');
    expect(spa.weigh("Quelles sont les missions de l'agente thermale ?").otherJob).toBeNull();
    // « le chef de rayon végétal » is the Responsable de rayon végétal said with another leader's head (leaderHeads).
    const garden = readerFor(fixture('holdout152'));
    expect(garden.weigh('le chef de rayon vegetal il evolu vers quoi apres').otherJob).toBeNull();
    // « le moniteur d'équitation » is the Enseignant d'équitation said with another teacher's head (teacherHeads).
    expect(readerFor(fixture('holdout268')).weigh("Ça bosse à quelle heure un moniteur d'équitation ?").otherJob).toBeNull();
  });

  it('never reads a role of another article of the library as another job', () => {
    const library = readerFor(fixture('library'));
    const index = library.indexes.find((candidate) => candidate.article.roles.some((role) => role.id === 'chef-de-produit-digital'))!;
    expect(index.libraryRoles.length).toBeGreaterThan(index.roles.length);
    expect(library.weigh('Quelles compétences pour un responsable logistique ?', index).otherJob).toBeNull();
    expect(library.weigh('Quelles compétences pour un responsable sinistres ?', index).otherJob).toBe('responsable sinistres');
    // The same article alone has no such role in its library.
    expect(otherJob('Quelles compétences pour un responsable logistique ?')).toBe('responsable logistique');
  }, LIBRARY_LOAD_TIMEOUT_MS);
});

describe('the shapes follow the language pack', () => {
  it('finds head nouns only in the pack\'s class', () => {
    const without = readerFor(SHARED_KNOWLEDGE, packWith({ jobHeads: ['chef'] }));
    expect(otherJob('Comment devenir directeur des opérations ?', without)).not.toBe('directeur des operations');
  });

  it('reads a borrowed title only with the pack\'s borrowed heads', () => {
    const without = readerFor(SHARED_KNOWLEDGE, packWith({ jobHeadsLast: ['manager'] }));
    expect(otherJob('C’est quoi un data scientist ?', without)).toBeNull();
  });
});

describe('what the bot says', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine({ knowledgeDir: SHARED_KNOWLEDGE, dialogsDir: DIALOGS });
  });
  const otherRole = loadDialogs(DIALOGS).fallback.otherRole.split(':')[1]!.trim().replace(/\.$/, '');

  it('says another job is not covered', () => {
    const { answer } = engine.answer('Comment devenir magistrat ?', emptyContext());
    expect(answer.kind).toBe('fallback');
    expect(renderText(answer)).toContain(otherRole);
  });

  it.each(['Quelle est la couleur préférée ?', 'Quelles compétences pour être performant ?', 'le climat de travail du CPD'])('never says "no other job" to %s', (question) => {
    const { answer } = engine.answer(question, emptyContext());
    expect(renderText(answer)).not.toContain(otherRole);
    expect(answer.why.reason).not.toMatch(/^other-job/);
  });
});
