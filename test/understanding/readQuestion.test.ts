/**
 * The question reader, one word class of the language pack at a time: what each class makes of a
 * question, and that the behaviour follows the data (a class changed in the pack changes the reading).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { DEFAULT_LANGUAGE_PACK, PROJECT_ROOT } from '../../src/projectRoot.js';
import { READING_LIMITS, splitClauses, type Markers } from '../../src/understanding/readQuestion.js';
import { fold } from '../../src/text/normalize.js';
import { SHARED_KNOWLEDGE } from '../support/paths.js';
import { packWith, readerFor } from '../support/reader.js';

const reader = readerFor(SHARED_KNOWLEDGE);
const markers = (question: string) => reader.read(question).markers;
/** The words of the clauses that ask, in order. */
const focusWords = (question: string) => {
  const reading = reader.read(question);
  return reading.tokens.filter((_, position) => reading.inFocus.has(position));
};

describe('reading the kind of question', () => {
  it.each<[string, Partial<Markers>, string]>([
    ['Est-ce que le CPD code ?', { yesNo: true }, 'closedQuestionStarts'],
    ['Faut-il un master ?', { yesNo: true, pronoun: false }, 'closedQuestionStarts, impersonalInversions'],
    ['Y a-t-il des points communs ?', { yesNo: true, pronoun: false, comparison: true }, 'impersonalInversions'],
    ['Y-a-t-il une différence ?', { pronoun: false }, 'impersonalInversions, hyphenated or not'],
    ['Le CPD travaille-t-il avec les développeurs ?', { yesNo: true, pronoun: true }, 'a personal inversion'],
    ['Est-il bien payé, le CPD ?', { yesNo: true, pronoun: false }, 'emptyInversionVerbs'],
    ["C'est le CPD qui fait les prototypes ?", { yesNo: true, who: false }, 'cleftStarts, cleftRelatives'],
    ["C'est qui le CPD ?", { yesNo: false, who: true, definition: true }, 'not a cleft: "qui" right after "c\'est"'],
    ["Je suis stagiaire, c'est qui le CPD ?", { yesNo: false, rising: false, who: true }, 'askingPhrases: "c\'est qui" asks wherever it stands'],
    ['Quelles compétences faut-il pour être CPD ?', { yesNo: false }, 'interrogatives make it open'],
    ['Peux-tu me dire ce que fait le CPD ?', { yesNo: false, rising: false }, 'requestPhrases'],
    ['Le CPM fait de l’analyse de données ?', { yesNo: false, rising: true }, 'a statement with a rising tone'],
    ['Le CPM, il est plutôt au bureau ou sur le terrain ?', { rising: false }, 'alternativeWords: alternatives are no yes/no'],
    ['Le CPM travaille le week-end ou pas ?', { rising: true }, 'closingNegations: "ou pas" keeps it yes/no'],
    ['Et pour le marketing ?', { rising: false, followUp: true }, 'followUpOpeners, followUpCues'],
    ['Que fait-il ?', { yesNo: false, pronoun: true }, 'openingInterrogatives at the start'],
    ['Avec qui travaille le CPD ?', { who: false, yesNo: false }, 'askingPhrases, relativeWhoOpeners'],
    ['Qui conçoit des prototypes ?', { who: true }, 'whoQuestions'],
    ["Le prototypage, c'est obligatoire pour qui ?", { who: true }, 'whoQuestions: « pour qui » asks which role, wherever it stands'],
    ['Celle qui fait les prototypes, elle gagne combien ?', { who: false }, 'describingPhrases: their « qui » asks about no one'],
    ['CPD ou CPM, ça change quoi ?', { overview: true }, 'overviewCues: « ça change quoi » asks for the difference'],
    ['Qui est la personne qui fait les prototypes ?', { who: true }, 'a « qui » that opens the question still asks'],
    ['Compare les KPI', { comparison: true, overview: false }, 'comparisonCues'],
    ['En gros, quelle différence ?', { overview: true, comparison: true }, 'overviewCues'],
    ["Tuteur, maître d'apprentissage : je m'y perds", { overview: true }, 'overviewCues'],
    ['jsuis perdu, quel diplôme pour être tuteur ?', { overview: false }, 'fillers: « je suis perdu », typed « jsuis » (rewrites), asks for nothing by itself'],
    ['Jsuis perdu entre tuteur et formateur', { overview: true }, 'overviewCues: « perdu entre » two roles asks what tells them apart'],
    ['Tuteur, formateur, maître d’apprentissage : qui fait quoi ?', { overview: true }, 'overviewCues: "qui fait quoi" asks who does what in general'],
    ['Ses missions ?', { pronoun: true }, 'pronouns'],
    ["C'est quoi un CPD ?", { definition: true }, 'definitionCues'],
    ["Qu'est-ce qu'on appelle un chemin de fer ?", { definition: true }, 'definitionCues'],
    ['Je ne connais pas le métier de CPD', { definition: true }, 'definitionCues: not knowing a job asks to be told what it is'],
    ['Et lui ?', { otherOne: true }, 'addingWords, stressedPronouns'],
    ["et l'autre", { otherOne: true }, 'otherWords'],
    ['Compare les deux', { allRoles: true, roleCount: 2 }, 'allRolesCues, cardinals'],
    ['Les outils sont-ils les mêmes ?', { comparison: true }, 'comparisonCues'],
    ['Pareil pour le front ?', { comparison: false }, 'comparisonCues: "pareil" alone asks the same again'],
    ['Les outils sont pareils pour les deux ?', { comparison: true }, 'comparisonCues: "sont pareils" compares'],
    ["Qu'est-ce qui s'applique à tout le personnel, peu importe le poste ?", { shared: true }, 'commonGroundCues: what holds whatever the role'],
    ["Qu'est-ce qui est pareil pour les deux postes ?", { shared: true }, 'commonGroundCues: « ce qui est pareil » asks what the roles share'],
    ['Agent ou chef, c’est pas un peu pareil ?', { shared: false }, 'whether they are alike asks for the difference, not what they share'],
    ['compare les 3', { allRoles: true, roleCount: 3 }, 'allRolesCues, a digit'],
    ['Et pour chacun ?', { allRoles: true, roleCount: null }, 'allRolesCues without a number'],
    ['Et leurs horaires ?', { plural: true, pronoun: true }, 'pluralPronouns'],
    ['Et ses horaires ?', { plural: false, pronoun: true }, 'a singular pronoun is no plural one'],
    ['Compare les évolutions des trois métiers', { allRoles: true, roleCount: 3 }, 'allRolesCues: "des trois"'],
    ['Lequel des trois a une voiture ?', { allRoles: false, who: true }, 'whoQuestions: "lequel des trois" asks which one'],
  ])('%s → %o (%s)', (question, expected) => {
    expect(markers(question)).toMatchObject(expected);
  });

  it('notes the words a hyphen joins to the one before ("sage-femme"), after rewrites and corrections', () => {
    const reading = reader.read('Combien gagne une sage-femme ou un expert-comptable ?');
    expect([...reading.joined].map((position) => reading.tokens.slice(position - 1, position + 1).join('-'))).toEqual(['sage-femme', 'expert-comptable']);
  });

  it('marks only the interrogative of "quel poste", so the noun stays a word of the question (whoQuestions)', () => {
    const reading = reader.read('Quel poste conçoit les prototypes ?');
    expect(reading.markers.who).toBe(true);
    expect(reading.markerPositions.has(0)).toBe(true);
    expect(reading.markerPositions.has(1)).toBe(false);
    // « Quel profil faut-il ? » asks what a job needs, never which role: no lookup.
    expect(reader.read('Quel profil faut-il pour devenir chef de produit ?').markers.who).toBe(false);
    expect([...reader.read("C'est qui le CPD ?").markerPositions].sort()).toEqual(expect.arrayContaining([2]));
  });

  it('marks the words of a follow-up and of "the other one", so they are not the subject', () => {
    const reading = reader.read("et l'autre");
    expect([...reading.markerPositions].sort()).toEqual([0, 1, 2]);
  });
});

describe('telling the question from its context', () => {
  it('splits clauses at punctuation and before a conjunction between two words (clauseConjunctions)', () => {
    const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);
    expect(splitClauses(fold("je suis manager et je recrute, quel diplome mais aussi quel salaire ? et"), pack)).toEqual([
      'je suis manager', 'et je recrute,', ' quel diplome', 'mais aussi quel salaire ?', ' et',
    ]);
  });

  it('splits before a subordinating conjunction too: a condition about the asker is context (« … à qui si je suis embauchée comme … »)', () => {
    const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);
    expect(splitClauses(fold('je rends des comptes a qui si je suis embauchee comme modeliste ?'), pack)).toEqual(['je rends des comptes a qui', 'si je suis embauchee comme modeliste ?']);
  });

  it('leaves out a sentence ending with a full stop beside one that asks, and reads "qui" after a noun as relative', () => {
    const reading = reader.read("J'ai un technicien qui veut évoluer, il aimerait changer. Quelles compétences pour être préparateur ?");
    const asked = reading.tokens.filter((_, at) => reading.inFocus.has(at));
    expect(asked).toEqual(['quelles', 'competences', 'pour', 'etre', 'preparateur']);
    expect(reading.aroundQuestion.has(reading.tokens.indexOf('technicien'))).toBe(true);
    // Without a sentence that asks, nothing is set aside.
    expect(reader.read('Je veux les compétences du préparateur.').aroundQuestion.size).toBe(0);
  });

  it('leaves out a clause about the person asking (contextClauseCues)', () => {
    expect(focusWords('Je suis en reconversion, quelle formation faut-il ?')).toEqual(['quelle', 'formation', 'faut']);
    expect(focusWords('Dans mon équipe tout le monde les confond : quelle différence ?')).toEqual(['quelle', 'difference']);
  });

  it('keeps a long clause the question points back to, but not one about the person asking (resumptiveStarts)', () => {
    expect(focusWords("Les compétences attendues chez un chef de produit numérique et chez un CPM, c'est quoi la différence ?")).toContain('competences');
    expect(focusWords("Je suis manager dans une grande équipe, c'est quoi un CPD ?")).not.toContain('manager');
  });

  it('reads "qui" right after a form of "être" as asking (identityVerbs), so the clause before it is context', () => {
    expect(focusWords("Je suis stagiaire, c'est qui le CPD en fait ?")).toEqual(['c', 'est', 'qui', 'le', 'cpd', 'en', 'fait']);
  });

  it('keeps every clause when none asks (askingWords)', () => {
    expect(focusWords('Je suis manager, compétences du CPD')).toEqual(['je', 'suis', 'manager', 'competences', 'du', 'cpd']);
    expect(focusWords('Je suis manager, je voudrais savoir ce que fait le CPD')).toEqual(['je', 'voudrais', 'savoir', 'ce', 'que', 'fait', 'le', 'cpd']);
  });
});

describe('the reading follows the language pack', () => {
  it('reads a closed question only from the starts the pack lists', () => {
    const without = readerFor(SHARED_KNOWLEDGE, packWith({ closedQuestionStarts: ['est-il'] }));
    expect(without.read('Est-ce que le CPD code ?').markers.yesNo).toBe(false);
  });

  it('takes "Et lui ?" as the other role only with the pack\'s adding words', () => {
    const other = readerFor(SHARED_KNOWLEDGE, packWith({ addingWords: ['ou'] }));
    expect(other.read('Et lui ?').markers.otherOne).toBe(false);
    expect(other.read('Ou lui ?').markers.otherOne).toBe(true);
  });

  it('asks about a role with a lone "qui" unless a relative opener precedes it', () => {
    const other = readerFor(SHARED_KNOWLEDGE, packWith({ relativeWhoOpeners: ['ce'] }));
    expect(other.read('Avec qui travaille le CPD ?').markers.who).toBe(true);
  });
});

describe('the cost of reading a question', () => {
  it('reads a bounded number of words and looks up a bounded number of typos, whatever is typed', () => {
    const junk = Array.from({ length: 300 }, (_, at) => `zq${String.fromCharCode(97 + (at % 26))}xwv${at}`).join(' ');
    const reading = reader.read(junk);
    expect(reading.tokens.length).toBeLessThanOrEqual(READING_LIMITS.words);
    expect(reading.corrections.length).toBeLessThanOrEqual(READING_LIMITS.typoLookups);
  });
});

describe('smalltalk words', () => {
  const intents = (question: string) => reader.read(question).smalltalk.map((found) => found.intent);

  it('count when they open or close a clause', () => {
    expect(intents('Merci, et pour le marketing ?')).toEqual(['thanks']);
    expect(intents('ok, à plus')).toEqual(['goodbye']);
  });

  it('do not count inside a clause, where the same words say something else', () => {
    expect(intents("Qui s'occupe des tests quand on n'a plus de budget ?")).toEqual([]);
  });
});

describe('a role described instead of named (describingPhrases)', () => {
  it('keeps the words after the describing phrase, to the end of their clause, and makes the phrase no word of the question', () => {
    const reading = reader.read('La personne qui gère la playlist, elle a quels outils ?');
    expect(reading.tokens.filter((_, at) => reading.described.has(at))).toEqual(['gere', 'la', 'playlist']);
    expect(reading.markerPositions.has(reading.tokens.indexOf('personne'))).toBe(true);
  });

  it('finds no description in a question that names its role', () => {
    expect(reader.read('Quels outils pour le CPD ?').described.size).toBe(0);
  });

  it('reads what a job is for, after « pour » and a verb in the infinitive, as a description (purposeOpeners)', () => {
    const reading = reader.read('Quelles études faut-il pour fabriquer la bière chez nous ?');
    expect(reading.tokens.filter((_, at) => reading.described.has(at))).toEqual(['fabriquer', 'la', 'biere', 'chez', 'nous']);
  });

  it('finds no description after a verb that only frames the question (« pour devenir comptable », « pour bosser comme … »)', () => {
    expect(reader.read('Quelle formation pour devenir comptable ?').described.size).toBe(0);
    expect(reader.read('Quelle formation pour bosser comme traducteur ?').described.size).toBe(0);
    expect(reader.read('Quelles qualités pour être bon ici ?').described.size).toBe(0);
  });

  it('reads what follows a verb that only frames the question as a description (« pour faire des souliers », « pour bosser à l\'atelier »)', () => {
    const shoes = reader.read('Pour faire des souliers sur mesure, faut être bon en quoi ?');
    expect(shoes.tokens.filter((_, at) => shoes.described.has(at))).toEqual(['des', 'souliers', 'sur', 'mesure']);
    const workshop = reader.read("Pour bosser à l'atelier, faut sortir de quelle école ?");
    expect(workshop.tokens.filter((_, at) => workshop.described.has(at))).toEqual(['a', 'l', 'atelier']);
  });

  const describedWords = (question: string) => {
    const reading = reader.read(question);
    return reading.tokens.filter((_, at) => reading.described.has(at));
  };

  it('reads a person named by where they work, a head followed by a complement, as a description (describingHeads, describingComplements)', () => {
    expect(describedWords("La personne à l'accueil, elle a fait quelles études ?")).toEqual(['a', 'l', 'accueil']);
    expect(describedWords('Le spécialiste des semelles, il fait quoi ?')).toEqual(['des', 'semelles']);
    expect(describedWords('La dame qui conseille les tisanes, elle fait quoi ?')).toEqual(['conseille', 'les', 'tisanes']);
    // « celles de l'aide dentaire » stands for a word said before it, not for a person.
    expect(describedWords("Les missions de la secrétaire et celles de l'aide dentaire, ça se recoupe ?")).toEqual([]);
  });

  it('reads a head whose « qui » comes a few words on as a description, the « qui » a marker (describingRelatives)', () => {
    const reading = reader.read('Le gars en uniforme qui surveille le parc, il fait quoi ?');
    expect(reading.tokens.filter((_, at) => reading.described.has(at))).toEqual(['en', 'uniforme', 'surveille', 'le', 'parc']);
    expect(reading.markerPositions.has(reading.tokens.indexOf('qui'))).toBe(true);
  });

  it('finds no description after a head followed by neither a complement nor « qui » (« le gars, il bosse quand ? »)', () => {
    expect(reader.read('Et le gars, il bosse quand ?').described.size).toBe(0);
  });

  it('goes on with the description over a clause a conjunction opens, unless that clause asks', () => {
    expect(describedWords('Celui qui recoud et recouvre les livres, il fait quoi ?')).toEqual(['recoud', 'et', 'recouvre', 'les', 'livres']);
    expect(describedWords('Celui qui recoud les livres et il gagne combien ?')).toEqual(['recoud', 'les', 'livres']);
  });

  it('never corrects a describing head into an article word (« spécialiste » is no « spécialisée »)', () => {
    const clinic = readerFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout206'));
    expect(clinic.read('Le spécialiste des semelles, il fait quoi ?').tokens).toContain('specialiste');
  });
});

