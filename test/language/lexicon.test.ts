import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KnowledgeFileError } from '../../src/errors.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { conceptOf, conceptsOfText, loadLexicon } from '../../src/language/lexicon.js';
import { conceptSequence } from '../../src/understanding/articleIndex.js';
import { DEFAULT_LANGUAGE_PACK, DEFAULT_LEXICON } from '../../src/projectRoot.js';
import { words } from '../../src/text/normalize.js';
import { packWith } from '../support/reader.js';

const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);
const lexicon = loadLexicon(DEFAULT_LEXICON, pack);
/** The concepts the lexicon reads in a text, in order. */
const concepts = (text: string) => conceptSequence(words(text), lexicon).map((token) => token.concept);

describe('the HR lexicon with the language pack', () => {
  it('gives each word or phrase of its synonym groups to one group only: a later group would silently take it', () => {
    const groups = (parse(readFileSync(DEFAULT_LEXICON, 'utf8')) as { synonyms: Record<string, string[]> }).synonyms;
    const owners = new Map<string, Set<string>>();
    for (const [group, entries] of Object.entries(groups)) for (const entry of entries) owners.set(words(entry).join(' '), (owners.get(words(entry).join(' ')) ?? new Set()).add(group));
    expect([...owners].filter(([, inGroups]) => inGroups.size > 1)).toEqual([]);
  });

  it('reads synonyms as their group and keeps subject words out of the stop words', () => {
    expect(conceptOf(lexicon, 'diplomes')).toBe('formation');
    // The machines and appliances a job works with are its tools; « équipe » is no « équipement », though their
    // stems are one: a word as listed is its concept before its stem is looked up.
    expect(conceptOf(lexicon, 'machines')).toBe('outil');
    expect(conceptOf(lexicon, 'matos')).toBe('outil');
    expect(conceptOf(lexicon, 'equipements')).toBe('outil');
    expect(conceptOf(lexicon, 'equipes')).toBe('collaboration');
    // « Sur quels programmes informatiques travaille-t-il ? »: software, not the code a developer writes.
    expect(conceptSequence(words('programmes informatiques'), lexicon).map((token) => token.concept)).toEqual(['outil']);
    expect(conceptOf(lexicon, 'programme')).toBe('langage');
    expect(lexicon.stopWords.has('le')).toBe(true);
    // « Quel profil pour un cariste ? »: the profile a recruiter looks for is the skills a role asks.
    expect(conceptOf(lexicon, 'profil')).toBe('competence');
  });

  it('reads the steps of a job and who a role reports to as the words articles head such sections with', () => {
    expect(conceptOf(lexicon, 'etapes')).toBe('deroulement');
    expect(conceptOf(lexicon, 'processus')).toBe('deroulement');
    expect(conceptOf(lexicon, 'superieur')).toBe('rattachement');
    // A role's hierarchy is who it reports to, not the company's organisation chart (a topic no article covers).
    expect(conceptOf(lexicon, 'hierarchie')).toBe('rattachement');
    // "tempérament" stemmed like "temps": "Temps consacré et statut" was a heading about skills.
    expect(conceptOf(lexicon, 'temps')).not.toBe('competence');
    // "rapporte" (what a job pays) stems like "rapport" (a report): only its phrases say salary.
    expect(conceptOf(lexicon, 'rapport')).not.toBe('salaire');
    expect(lexicon.topics.get('organisation')?.signals.has('hierarchi')).toBe(false);
    expect(conceptSequence(words('il rend des comptes à qui'), lexicon).map((token) => token.concept)).toContain('rattachement');
    // "Le N+1 du RAF" is whom a role reports to; "mon N+1" is the asker's own manager, a subject no article covers.
    expect(conceptSequence(words('le n+1 du raf'), lexicon).map((token) => token.concept)).toContain('rattachement');
    expect(conceptSequence(words('qui est mon n+1'), lexicon).map((token) => token.concept).some((concept) => concept.startsWith('topic:organisation'))).toBe(true);
    // A table row « Responsable direct » says who a role reports to, not what it is responsible for.
    expect(conceptSequence(words('responsable direct'), lexicon).map((token) => token.concept)).toEqual(['rattachement']);
    expect(conceptOf(lexicon, 'consignes')).toBe('regle');
  });

  it('rewrites « je suis », « je sais » and « faut » as typed on a phone (« jsuis », « chuis », « il fo »)', () => {
    expect(lexicon.rewrites.get('jsuis')).toEqual(['je', 'suis']);
    expect(lexicon.rewrites.get('chuis')).toEqual(['je', 'suis']);
    expect(lexicon.rewrites.get('fo')).toEqual(['faut']);
  });

  it('rewrites the week-end as typed on a phone ("le we", "le wk")', () => {
    expect(lexicon.rewrites.get('we')).toEqual(['week', 'end']);
    expect(lexicon.rewrites.get('wk')).toEqual(lexicon.rewrites.get('we'));
  });

  it('reads « Comment sont-ils payés ? » as a heading about pay, and « congés payés » not', () => {
    const concepts = (text: string) => conceptSequence(words(text), lexicon).map((token) => token.concept);
    expect(concepts('comment sont-ils payés').some((concept) => concept.includes('salaire'))).toBe(true);
    expect(concepts('mes congés payés').some((concept) => concept.includes('salaire'))).toBe(false);
  });

  it('reads « Organisation du travail » as a heading about the working hours', () => {
    expect(conceptSequence(words('organisation du travail'), lexicon).map((token) => token.concept).some((concept) => concept.startsWith('topic:horaires'))).toBe(true);
  });

  it('reads the time a day starts or ends (« à quelle heure », « le matin ») as the working hours, not the night premium', () => {
    const hours = (text: string) => conceptSequence(words(text), lexicon).map((token) => token.concept).some((concept) => concept.startsWith('topic:horaires'));
    expect(hours('il commence à quelle heure le matin')).toBe(true);
    expect(hours('elle bosse le matin')).toBe(true);
    expect(hours('les nuits sont mieux payées')).toBe(false);
  });

  it('covers the working hours with a section about the working conditions (topics.within)', () => {
    expect([...lexicon.topics.get('horaires')!.within]).toEqual(['environnement']);
  });

  it('covers the employment contracts with a heading about the status (« Statut, employeur et saisonnalité »)', () => {
    const statusHeading = conceptSequence(words('statut employeur et saisonnalite'), lexicon).map((token) => token.concept);
    expect(statusHeading.some((concept) => lexicon.topics.get('contrat')!.headingSignals.has(concept))).toBe(true);
  });

  it('reads « avoir le droit de » as a way of asking, no subject of its own', () => {
    const tokens = conceptSequence(words("pour avoir le droit d'emmener des clients"), lexicon);
    expect(tokens.filter((token) => token.kind === 'content').map((token) => token.concept)).not.toContain('droit');
  });

  it('refuses a topic covered "within" a group the lexicon does not have, with the line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lexicon-within-'));
    const file = join(folder, 'lexique.yaml');
    writeFileSync(file, ['synonyms:', '  salaire: [paie]', 'topics:', '  horaires:', '    name: "les horaires"', '    within: [ambiance]', ''].join('\n'));
    expect(() => loadLexicon(file, pack)).toThrow(/ambiance.*n'est pas un groupe de synonymes/);
  });

  it("reads « se sert d'un » as the tools, « points forts » as the skills, and the seasons as the year's rhythm", () => {
    expect(concepts("qui se sert d'un autoclave")).toContain('outil');
    expect(concepts("ils se servent d'une potence")).toContain('outil');
    expect(concepts('quels points forts chercher')).toContain('competence');
    expect(concepts('un poste saisonnier')).toContain('saison');
    expect(concepts('rythme de travail et saisonnalité')).toContain('saison');
  });

  it('reads « combien touche » and « qui touche une prime » as the pay, « outillage » as the tools', () => {
    expect(concepts('qui touche une prime')).toContain('salaire');
    expect(concepts('ils touchent combien')).toContain('salaire');
    expect(concepts('niveau outillage')).toContain('outil');
  });

  it('reads « travaille avec » as the colleagues only when no « quel » asks its object (« avec quels outils »)', () => {
    expect(concepts('il travaille avec qui')).toContain('collaboration');
    expect(concepts('il bosse avec quels outils')).toEqual(expect.not.arrayContaining(['collaboration']));
    expect(concepts('il bosse avec quels outils')).toContain('outil');
    // The asked object may be the colleagues themselves.
    expect(concepts('il travaille avec quels services')).toContain('collaboration');
    expect(concepts('il est en lien avec quels collègues')).toContain('collaboration');
  });

  it('reads « il voit qui », « il côtoie » as the people worked with', () => {
    expect(concepts("il voit qui en dehors de l'équipe")).toContain('collaboration');
    expect(concepts('ils côtoient les clients')).toContain('collaboration');
  });

  it('reads the works a job does (« pour quels travaux ») as its tasks', () => {
    expect(concepts('qui monte quoi, et pour quels travaux')).toContain('responsabilite');
  });

  it('reads « le travail est bien fait » as how the work is judged, its « travail » no longer the tasks', () => {
    expect(concepts('Comment sait-on si le travail est bien fait ?')).toEqual(expect.arrayContaining(['indicateur']));
    expect(concepts('Comment sait-on si le travail est bien fait ?')).not.toContain('responsabilite');
  });

  it('reads « leur rôle » as the tasks a heading covers (« Leur rôle auprès du patient »), but not « son rôle », which asks what a role is', () => {
    expect(concepts('Leur rôle auprès du patient')).toContain('responsabilite');
    expect(concepts("c'est quoi son rôle")).not.toContain('responsabilite');
    expect(concepts("c'est quoi le rôle de l'ergo")).not.toContain('responsabilite');
  });

  it('reads danger at work (« un boulot dangereux », « les accidents ») as the safety a section heads', () => {
    expect(concepts('est-ce un boulot dangereux')).toContain('securite');
    expect(concepts('conditions de travail et sécurité')).toContain('securite');
  });

  it('reads what a role may do (« a le droit de », « autorisé ») as the rules a section of permitted acts heads', () => {
    expect(concepts("qu'est-ce qu'il a le droit de faire")).toContain('regle');
    expect(concepts('ce que chacun a le droit de faire')).toContain('regle');
    expect(concepts('actes autorisés')).toContain('regle');
    // What one is entitled to is no permission: « il a droit à des tickets resto » asks about the benefits.
    expect(concepts('il a droit à des tickets resto')).not.toContain('regle');
  });

  it('reads what the law says (« la loi », « légalement ») as the rules a regulatory section heads', () => {
    expect(concepts("qu'est-ce que la loi autorise")).toContain('regle');
    expect(concepts('légalement il peut faire quoi')).toContain('regle');
    expect(concepts('cadre réglementaire')).toContain('regle');
  });

  it('reads "peut devenir quoi" as a question about the career', () => {
    const signals = [...lexicon.topics.get('carriere')!.signals];
    expect(signals.some((signal) => signal.startsWith('topic:carriere:peut'))).toBe(true);
  });

  it('reads "monter vers" a post as a question about the career', () => {
    expect(concepts('il peut monter vers quels postes').some((concept) => concept?.startsWith('topic:carriere'))).toBe(true);
  });

  it('reads the diploma levels, the way to become one and the collective agreement as the HR subjects they are', () => {
    expect(concepts('il faut un bac+2')).toContain('formation');
    expect(concepts('comment on fait pour devenir chef de rayon')).toContain('formation');
    expect(concepts('quel niveau dans la convention collective')).toContain('statut');
    expect(concepts('quelle classification')).toContain('statut');
  });

  it('reads a hitch at work (« un pépin », « un imprévu ») as an incident, not as a breakdown of a machine', () => {
    expect(concepts("s'il y a un gros pépin")).toContain('incident');
    expect(concepts('en cas d’incident')).toContain('incident');
    expect(concepts('une panne')).not.toContain('incident');
    expect(concepts("quand une alarme se déclenche")).toContain('incident');
  });

  it('reads colleagues as whom one works with, and a job « physique » as a hard one', () => {
    expect(concepts('qui sont ses collègues')).toContain('collaboration');
    expect(concepts("c'est physique ?")).toContain('difficulte');
  });

  it('reads a calendar as the planning, and a place in the organisation as whom one reports to', () => {
    expect(concepts('le calendrier de production')).toContain('planning');
    expect(concepts('planning des cultures')).toContain('planning');
    expect(concepts("sa place dans l'organisation")).toContain('rattachement');
  });

  it('reads "responsable" after a form of "être" as the responsibilities asked about, whatever the word order', () => {
    for (const question of ['de quoi est responsable le cpd', 'de quoi je serai responsable', 'de quoi je vais etre responsable']) {
      expect(conceptSequence(words(question), lexicon).map((token) => token.concept)).toContain('responsabilite');
    }
  });

  it('reads "qu\'est-ce qu\'il fait" as a question about the tasks', () => {
    expect(conceptSequence(words("qu'est-ce qu'il fait le cpd"), lexicon).map((token) => token.concept)).toContain('responsabilite');
  });

  it('reads how to reach a role ("comment joindre", "numéro", "qui appeler") as the words of a contacts section', () => {
    for (const question of ['comment joindre le magasinier', 'numero du tech biomed', 'qui appeler la nuit', 'qui contacter']) {
      expect(conceptSequence(words(question), lexicon).map((token) => token.concept)).toContain('contact');
    }
  });

  it('reads « les contacts » of a role as the people it works with («Qui sont les contacts du responsable ?»)', () => {
    expect(concepts('les contacts du responsable')).toContain('collaboration');
  });

  it('reads « se sert du », « s\'en sert » as using a tool, as « se sert de » is', () => {
    expect(concepts('qui se sert du testeur')).toContain('outil');
    expect(concepts("c'est qui qui s'en sert")).toContain('outil');
  });

  it('reads « travail avec », the verb typed without its ending, as working with someone, not as the job', () => {
    expect(concepts('le scieur il travail avec qui')).toEqual(expect.arrayContaining(['collaboration']));
    expect(concepts('le scieur il travail avec qui')).not.toContain('responsabilite');
  });

  it('keeps the phases of a job apart: "avant" and "après" are words of the subject, not stop words', () => {
    expect(conceptOf(lexicon, 'avant')).toBe('avant');
    expect(conceptOf(lexicon, 'apres')).toBe('apres');
    expect(lexicon.stopWords.has('apres')).toBe(false);
  });

  it('reads "monter à un poste plus haut" as a question about the career', () => {
    const concepts = conceptSequence(words('il peut monter a un poste plus haut'), lexicon).map((token) => token.concept);
    expect(concepts.some((concept) => concept.startsWith('topic:carriere'))).toBe(true);
  });

  it('takes its cue phrases from the pack, compared stem by stem', () => {
    expect(lexicon.overview.find(words("c'est pas un peu le même taf"))).not.toEqual([]);
    expect(lexicon.comparison.find(words('les différences'))).toEqual([[1, 2]]);
    const other = loadLexicon(DEFAULT_LEXICON, packWith({ comparisonCues: ['versus'] }));
    expect(other.comparison.find(words('les différences'))).toEqual([]);
  });

  it('compares word for word a cue that stems like a word of a synonym group ("respectifs" beside "respecter")', () => {
    expect(lexicon.comparison.find(words('il doit respecter les règles'))).toEqual([]);
    expect(lexicon.comparison.find(words('leurs missions respectives'))).toEqual([[2, 3]]);
    expect(lexicon.markerConcepts.has('regle')).toBe(false);
  });

  it('never lets a comparison or overview cue name a section (markerConcepts)', () => {
    expect(lexicon.markerConcepts.has(conceptOf(lexicon, 'differencient'))).toBe(true);
  });

  it('takes its fillers from the pack, word for word', () => {
    expect(lexicon.fillers.hasWord('svp')).toBe(true);
    expect(lexicon.fillers.find(words('environnement'))).toEqual([]);
  });

  it('compiles a lexicon file once while its text is unchanged, and again after any edit', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lexicon-once-')), 'lexique.yaml');
    writeFileSync(file, 'synonyms:\n  salaire: [paie]\n');
    const first = loadLexicon(file, pack);
    expect(loadLexicon(file, pack)).toBe(first);
    // Same length, written at once: only the text tells the two apart.
    writeFileSync(file, 'synonyms:\n  salaire: [paye]\n');
    const edited = loadLexicon(file, pack);
    expect(edited).not.toBe(first);
    expect(conceptOf(edited, 'paye')).toBe('salaire');
    // Compiled with another pack, the same text is another lexicon.
    expect(loadLexicon(file, packWith({}))).not.toBe(edited);
  });

  it('refuses grammar word classes in lexique.yaml: they belong to the language pack', () => {
    const directory = mkdtempSync(join(tmpdir(), 'lexicon-'));
    const file = join(directory, 'lexique.yaml');
    writeFileSync(file, 'synonyms:\n  outil: [logiciel]\ncomparison: [versus]\n');
    expect(() => loadLexicon(file, pack)).toThrow(KnowledgeFileError);
  });

  it('reads what a heading is about, synonym phrases first, stop words left out (conceptsOfText)', () => {
    const about = (heading: string) => [...conceptsOfText(lexicon, words(heading))];
    expect(about('Avec qui il travaille')).toContain('collaboration');
    expect(about('Ses interlocuteurs')).toEqual(['collaboration']);
    expect(about('Salaire')).toEqual(about('Rémunération'));
    expect(about('Au quotidien')).not.toEqual(about('Outils du quotidien'));
  });

  it('keeps the words that cover a subject only in a heading apart from its words (topics.headings)', () => {
    const contract = lexicon.topics.get('contrat')!;
    expect(contract.headingSignals.size).toBeGreaterThan(0);
    expect([...contract.headingSignals].some((signal) => contract.signals.has(signal))).toBe(false);
  });
});
