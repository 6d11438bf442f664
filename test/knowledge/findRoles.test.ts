/** Finding the role a paragraph is about, as the article builder asks it. */
import { describe, expect, it } from 'vitest';
import { abbreviationsOf, aliasesInProse, findRoles, bracketedInitialisms, bracketedNicknames, clippedNicknames, isFeminine, jobTitlesForTrades, labelRolesNicknamed, namesDesignated, namesGivenInClauses, namesInTitle, namesInApposition, slashedInTitle, namesInParallelList, namesInDashedAside, nicknamesFor, quotedNames, spellOutInitialisms, subjectOf } from '../../src/knowledge/findRoles.js';
import type { Role } from '../../src/knowledge/knowledgeBase.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { DEFAULT_LANGUAGE_PACK } from '../../src/projectRoot.js';

const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);
const role = (id: string, name: string): Role => ({ id, name, aliases: [], abbreviations: [], feminine: false });
const roles = [role('editeur', 'Éditeur'), role('correcteur', 'Correcteur'), role('chef-de-rayon', 'Chef de rayon')];
const subject = (text: string) => subjectOf(text, roles, pack)?.id ?? null;

describe('the role a paragraph is about (subjectOf)', () => {
  it('is the role a first-person speaker says she is, in the feminine too (firstPersonPronouns, labelOpeners)', () => {
    expect(subject("Moi, en tant qu'éditrice, je suis responsable d'un livre de A à Z.")).toBe('editeur');
    expect(subject('Je suis correctrice, et on me demande souvent si cela suffit.')).toBe('correcteur');
  });

  it('is no role named after three other words, even after a pronoun that is no speaker', () => {
    expect(subject('Il fixe les objectifs, manage les chefs de rayon et gère le budget.')).toBeNull();
    expect(subject('Au quotidien, le chef de rayon encadre une équipe.')).toBe('chef-de-rayon');
  });
});

describe('the role a paragraph is about, named by part of its name', () => {
  const network = [role('technicien-raccordeur-fibre', 'Technicien raccordeur fibre'), role('technicien-d-intervention-reseau', "Technicien d'intervention réseau"), role('charge-d-affaires-reseau', "Chargé d'affaires réseau")];
  const about = (text: string) => subjectOf(text, network, pack)?.id ?? null;

  it('is the role a word of its name shaped like a job title names, no other role holding it', () => {
    expect(about('Le raccordeur travaille presque toujours en extérieur.')).toBe('technicien-raccordeur-fibre');
    expect(about("Le chargé d'affaires partage son temps entre l'agence et les chantiers.")).toBe('charge-d-affaires-reseau');
    expect(about('Quant au raccordeur, il travaille presque toujours en extérieur.')).toBe('technicien-raccordeur-fibre');
  });

  it('is none for a word no job title is shaped like, a shared head, a usual head alone or a plural', () => {
    expect(about('La fibre arrive au pied de l’immeuble.')).toBeNull();
    expect(about('Le technicien part le matin.')).toBeNull();
    expect(about('Le chargé de la paie valide.')).toBeNull();
    expect(about('Les raccordeurs partent en déplacement.')).toBeNull();
  });

  it('is none for a title after a word that says what the subject was (formerTitleWords)', () => {
    expect(about('Le plus souvent ancien raccordeur, il encadre les équipes.')).toBeNull();
    expect(about('Le raccordeur, ancien électricien, travaille dehors.')).toBe('technicien-raccordeur-fibre');
  });

  it("is the role a usual head alone opens the sentence with, when asked (headAlone) and no complement follows", () => {
    const school = [role('enseignant', 'Enseignant de la conduite'), role('secretaire', "Secrétaire d'auto-école"), role('responsable', 'Responsable pédagogique')];
    expect(subjectOf('La secrétaire fait le lien entre les élèves et l’équipe.', school, pack, { headAlone: true })?.id).toBe('secretaire');
    expect(subjectOf('La secrétaire fait le lien entre les élèves et l’équipe.', school, pack)).toBeNull();
    expect(subjectOf('La secrétaire de direction valide les congés.', school, pack, { headAlone: true })).toBeNull();
    expect(subjectOf('Qui est le responsable hiérarchique des moniteurs ?', school, pack, { headAlone: true })).toBeNull();
  });

  it('is none when only whole names are asked for (wholeNamesOnly)', () => {
    expect(subjectOf('Le raccordeur travaille dehors.', network, pack, { wholeNamesOnly: true })).toBeNull();
  });
});

describe('names in quotes said to stand for a role', () => {
  const snow: Role[] = [{ ...role('nivoculteur', 'Nivoculteur'), aliases: ['Nivocultrice'] }, role('dameur', 'Dameur')];

  it('gives the role named whole after « pour » the names in quotes before it', () => {
    expect(nicknamesFor('On dit « le nivo » ou « la nivo » pour le nivoculteur / la nivocultrice, et « le CED » pour le conducteur d\'engin.', snow, pack)).toEqual([{ role: snow[0], names: ['nivo'] }]);
  });

  it('gives each role its names when one sentence pairs several names with several roles', () => {
    const salon: Role[] = [role('coiffeur', 'Coiffeur'), role('coloriste', 'Coloriste'), { ...role('estheticien', 'Esthéticien'), aliases: ['Esthéticienne'] }];
    const sentence = "On parle de « styliste » pour le coiffeur, de « technicien couleur » pour le coloriste et d'« esthé » pour l'esthéticienne.";
    expect(nicknamesFor(sentence, salon, pack).map(({ role: named, names }) => [named.id, names])).toEqual([
      ['coiffeur', ['styliste']],
      ['coloriste', ['technicien couleur']],
      ['estheticien', ['esthé']],
    ]);
  });

  it('gives each role the abbreviations said « pour » it without quotes, and one more in a bracket', () => {
    const mission = [role('chef-de-mission', 'Chef de mission'), role('coordinateur-logistique', 'Coordinateur logistique'), role('administrateur-terrain', 'Administrateur terrain')];
    const sentence = 'On les désigne par leur abréviation : CdM (ou HoM, pour Head of Mission) pour le chef de mission, LogCo pour le coordinateur logistique et AT pour l’administrateur terrain.';
    expect(nicknamesFor(sentence, mission, pack).map(({ role: named, names }) => [named.id, names])).toEqual([
      ['chef-de-mission', ['CdM', 'HoM']],
      ['coordinateur-logistique', ['LogCo']],
      ['administrateur-terrain', ['AT']],
    ]);
  });

  it('gives a role the name in quotes a naming clause right after its name gives, unless the clause names a role of its own', () => {
    const farm = [role('chef-de-culture', 'Chef de culture'), role('technicien-agricole', 'Technicien agricole')];
    expect(nicknamesFor('Le chef de culture et le technicien agricole, que nos adhérents appellent souvent le « conseiller de terrain ».', farm, pack).map(({ role: named, names }) => [named.id, names])).toEqual([['technicien-agricole', ['conseiller de terrain']]]);
    const zoo = [role('soigneur-animalier', 'Soigneur animalier'), { ...role('chef-soigneur', 'Chef soigneur'), aliases: ['cheffe soigneuse'] }];
    expect(nicknamesFor('La soigneuse animalière, la cheffe soigneuse (qu’on appelle aussi « cheffe de secteur ») et les autres.', zoo, pack).filter(({ role: named }) => named.id === 'soigneur-animalier')).toEqual([]);
  });

  it('reads a naming clause opened by a dash, every name of its run, and an abbreviation in quotes set beside a role', () => {
    const cleaning = [role('agent-de-nettoyage', 'Agent de nettoyage'), role('chef-d-equipe-nettoyage', "Chef d'équipe nettoyage")];
    const sentence = "On confond l'agent de nettoyage – que beaucoup appellent toujours « agent de surface » ou « agent de ménage » – et le chef d'équipe nettoyage, le « CEN » de la grille.";
    expect(nicknamesFor(sentence, cleaning, pack).map(({ role: named, names }) => [named.id, names])).toEqual([
      ['agent-de-nettoyage', ['agent de surface', 'agent de ménage']],
      ['chef-d-equipe-nettoyage', ['CEN']],
    ]);
    expect(nicknamesFor("Le chef d'équipe nettoyage, le « cœur » de la grille.", cleaning, pack)).toEqual([]);
  });

  it('gives the name to the role whose longer name the clause follows, not to the role that name ends with', () => {
    const workshop = [role('soudeur', 'Soudeur'), role('aide-soudeur', 'Aide soudeur')];
    expect(nicknamesFor("L'aide soudeur, que tout le monde appelle « l'aide », prépare les pièces du soudeur.", workshop, pack).map(({ role: named, names }) => [named.id, names])).toEqual([['aide-soudeur', ['aide']]]);
  });

  it('reads past an aside in the bracket the names close on (« le véto » (ou « le Doc », à l\'accueil) pour …)', () => {
    const clinic = [role('auxiliaire-specialise-veterinaire', 'Auxiliaire spécialisé vétérinaire'), role('veterinaire-praticien', 'Vétérinaire praticien')];
    const sentence = "Tout le monde dit « l'ASV » (ou « l'auxi ») pour l'auxiliaire spécialisé vétérinaire, et « le véto » (ou « le Doc », à l'accueil) pour le vétérinaire praticien.";
    expect(nicknamesFor(sentence, clinic, pack).map(({ role: named, names }) => [named.id, names])).toEqual([
      ['auxiliaire-specialise-veterinaire', ['ASV', 'auxi']],
      ['veterinaire-praticien', ['véto', 'Doc']],
    ]);
    expect(nicknamesFor('Ici (on dit « le véto » pour le vétérinaire praticien) rien ne change.', clinic, pack).map(({ names }) => names)).toEqual([['véto']]);
  });

  it("never gives a role another role's own name, in quotes as in bold (« … et « chef d'atelier » »)", () => {
    const workshop = [role('receptionnaire', 'Réceptionnaire'), role('chef-d-atelier', "Chef d'atelier")];
    expect(nicknamesFor("Le « réceptionnaire » (la « récep' », parfois appelée conseillère service) et le « chef d'atelier ».", workshop, pack)).toEqual([]);
  });

  it('gives none for « pour » followed by what names no role whole', () => {
    expect(nicknamesFor('Le dameur — « le ratrak » pour tout le monde ici — prépare les pistes.', snow, pack)).toEqual([]);
  });
});

describe('a role named by its trade', () => {
  it('takes the job title the text writes for it, the trade staying one of its names', () => {
    const trade: Role[] = [role('conducteur-offset', 'Conducteur offset'), role('faconnage', 'façonnage')];
    jobTitlesForTrades(trade, ["Qui fait quoi entre le conducteur offset et l'agent de façonnage ?", 'Pour l\'agent de façonnage :'], pack);
    expect(trade[1]).toMatchObject({ id: 'agent-de-faconnage', name: 'Agent de façonnage', aliases: ['façonnage'] });
    expect(trade[0]!.name).toBe('Conducteur offset');
  });

  it('takes no job title written once, as a role may evolve into (« Évolution possible vers chef forgeron »)', () => {
    const forge: Role[] = [role('ferronnier-d-art', "Ferronnier d'art"), role('forgeron', 'Forgeron')];
    jobTitlesForTrades(forge, ['Différences entre le ferronnier d\'art et le forgeron', 'Missions du forgeron :', 'Évolution possible vers chef forgeron ou formateur en forge'], pack);
    expect(forge[1]).toMatchObject({ id: 'forgeron', name: 'Forgeron' });
  });

  it('takes no job title for an initialism, which the article spells out instead', () => {
    const texts = ["L'IESSA (ingénieur électronicien des systèmes de la sécurité aérienne) maintient les radars.", "Le TSEEAC (technicien supérieur des études et de l'exploitation de l'aviation civile) est polyvalent.", "Pas de licence de contrôleur : l'IESSA est qualifié sur ses équipements."];
    const acronyms: Role[] = [role('iessa', 'IESSA'), role('tseeac', 'TSEEAC')];
    jobTitlesForTrades(acronyms, texts, pack);
    spellOutInitialisms(acronyms, texts, pack);
    expect(acronyms.map((named) => named.name)).toEqual(['Ingénieur électronicien des systèmes de la sécurité aérienne', "Technicien supérieur des études et de l'exploitation de l'aviation civile"]);
  });
});

describe('the gender of a role name (isFeminine)', () => {
  const texts = ['La régisseuse plateau encadre les machinistes ; la régisseuse plateau monte le décor.', 'La cheffe de rang accueille les clients.', 'Le régisseur plateau range.'];

  it('is the gender of the name\'s own job-title ending, however the article writes the role', () => {
    expect(isFeminine({ ...role('regisseur-plateau', 'Régisseur plateau'), aliases: ['Régisseuse plateau'] }, texts, pack)).toBe(false);
    expect(isFeminine(role('gouvernante', 'Gouvernante'), ['Le gouvernante'], pack)).toBe(true);
  });

  it('is read from the determiners the article writes when the name takes either gender', () => {
    expect(isFeminine(role('chef-de-rang', 'Chef de rang'), texts, pack)).toBe(false);
    expect(isFeminine({ ...role('chef-de-rang', 'Chef de rang'), aliases: ['Cheffe de rang'] }, texts, pack)).toBe(true);
    expect(isFeminine(role('secretaire', 'Secrétaire'), ['La secrétaire tape.', 'La secrétaire range.'], pack)).toBe(true);
  });
});

describe('a role found only in labels that the introduction gives a title role as its name in use', () => {
  const intro = ["Trois métiers : l'ostréiculteur, l'ouvrier ou l'ouvrière ostréicole, qu'on appelle plutôt « l'ouvrier de parc », et le technicien qualité."];
  const title = ['Ostréiculteur', 'ouvrier ostréicole', 'technicien qualité'];

  it('joins the title role it is a nickname of, its name becoming an alias', () => {
    const farm = [role('ostreiculteur', 'Ostréiculteur'), role('ouvrier-ostreicole', 'ouvrier ostréicole'), role('technicien-qualite', 'technicien qualité'), role('ouvrier-de-parc', 'ouvrier de parc')];
    const left = labelRolesNicknamed(farm, title, intro, pack);
    expect(left.map((kept) => kept.id)).toEqual(['ostreiculteur', 'ouvrier-ostreicole', 'technicien-qualite']);
    expect(left[1]!.aliases).toContain('ouvrier de parc');
  });

  it('joins the one title role whose names hold every word of the label role (« Technicien AV planétarium »)', () => {
    const museum = [role('mediateur', 'Médiateur scientifique'), { ...role('technicien', 'Technicien audiovisuel planétarium'), aliases: ['technicien AV'] }, role('technicien-av-planetarium', 'Technicien AV planétarium')];
    const left = labelRolesNicknamed(museum, ['Médiateur scientifique', 'Technicien audiovisuel planétarium'], [], pack);
    expect(left.map((kept) => kept.id)).toEqual(['mediateur', 'technicien']);
    expect(left[1]!.aliases).toContain('Technicien AV planétarium');
  });

  it('keeps a label role the introduction gives no title role as a name', () => {
    const farm = [role('ostreiculteur', 'Ostréiculteur'), role('ouvrier-ostreicole', 'ouvrier ostréicole'), role('technicien-qualite', 'technicien qualité'), role('chef-de-cabane', 'chef de cabane')];
    expect(labelRolesNicknamed(farm, title, intro, pack).map((kept) => kept.id)).toEqual(['ostreiculteur', 'ouvrier-ostreicole', 'technicien-qualite', 'chef-de-cabane']);
  });
});

describe('other names a bracket lists after a role', () => {
  it('gives the role every job title of a bracket opened by a naming cue, the asides between left out (aliasCues)', () => {
    const cleaning = [role('agent-de-proprete', 'Agent de propreté'), role('chef-d-equipe', "Chef d'équipe")];
    bracketedNicknames(cleaning, ["L'agent de propreté (on dit aussi agent d'entretien, agent de service ou, dans les anciennes offres, technicien de surface) nettoie."], pack);
    expect(cleaning[0]!.aliases).toEqual(["agent d'entretien", 'agent de service', 'technicien de surface']);
    expect(cleaning[1]!.aliases).toEqual([]);
  });

  it('gives the role the job title a later part of the bracket names after a naming cue, without the words saying where', () => {
    const agency = [role('negociateur', 'Négociateur'), role('assistant', "Assistant d'agence")];
    bracketedNicknames(agency, ['Le négociateur (le « négo », appelé conseiller commercial dans certaines agences) et l’assistant d’agence (on dit aussi secrétaire commerciale sur nos sites).'], pack);
    expect(agency[0]!.aliases).toEqual(['négo', 'conseiller commercial']);
    expect(agency[1]!.aliases).toEqual(['secrétaire commerciale']);
  });

  it('gives the role the plain noun a bracket cue names in any part of the bracket, never such a phrase outside one (bracketAliasCues)', () => {
    const circus = [role('artiste-de-cirque', 'Artiste de cirque'), role('regisseur', 'Régisseur de chapiteau')];
    bracketedNicknames(circus, ["Trois métiers se croisent : l'artiste de cirque (dans notre troupe, il s'agit d'acrobates), et le régisseur de chapiteau. Le régisseur de chapiteau, il s'agit d'un métier exigeant."], pack);
    expect(circus[0]!.aliases).toEqual(['acrobates']);
    expect(circus[1]!.aliases).toEqual([]);
  });

  it('gives the role the other name of a bracket opened by « ou », up to its first comma (alternativeWords)', () => {
    const shop = [role('vendeur', 'Vendeur'), role('gerant-de-magasin', 'Gérant de magasin')];
    bracketedNicknames(shop, ['Le Gérant de magasin (ou responsable de boutique, selon les enseignes) pilote le point de vente. Le vendeur (ouvrier ou employé) conseille.'], pack);
    expect(shop[1]!.aliases).toEqual(['responsable de boutique']);
    expect(shop[0]!.aliases).toEqual([]);
  });

  it('gives the role a name in quotes opening a bracket after its name spelt out with a complement, not after the next item of a list', () => {
    const school = [role('enseignant', 'Enseignant de la conduite'), role('secretaire', "Secrétaire d'auto-école")];
    bracketedNicknames(school, ['L’enseignant de la conduite et de la sécurité routière (ECSR, le « moniteur » pour la plupart des élèves) forme les candidats.'], pack);
    expect(school[0]!.aliases).toEqual(['moniteur']);
    const clinic = [role('asv', 'Auxiliaire spécialisé vétérinaire'), role('veterinaire', 'Vétérinaire praticien')];
    bracketedNicknames(clinic, ["On dit l'ASV pour l'auxiliaire spécialisé vétérinaire, et le véto (ou « le Doc », à l'accueil) pour le vétérinaire praticien."], pack);
    expect(clinic[0]!.aliases).toEqual([]);
  });

  it('gives the role every name in quotes of the run the bracket opens on, joined by « ou », not past the bracket', () => {
    const lifts = [role('technicien', 'Technicien ascensoriste de maintenance'), role('monteur', 'Monteur ascensoriste')];
    bracketedNicknames(lifts, ["Le technicien ascensoriste de maintenance (le « dépanneur » ou « tech de secteur » dans le jargon de l'agence) entretient le parc, et le monteur ascensoriste « installe »."], pack);
    expect(lifts[0]!.aliases).toEqual(['dépanneur', 'tech de secteur']);
    expect(lifts[1]!.aliases).toEqual([]);
  });

  it('reads past an aside closed by a dash to the name in quotes (« (ASCT, agent du service commercial trains — le « contrôleur ») »)', () => {
    const rail = [role('conducteur', 'Conducteur de train'), role('chef-de-bord', 'Chef de bord')];
    bracketedNicknames(rail, ['Le conducteur de train et le chef de bord (ASCT, agent du service commercial trains — le « contrôleur » pour nos voyageurs) travaillent en binôme.'], pack);
    expect(rail[1]!.aliases).toEqual(['contrôleur']);
    expect(rail[0]!.aliases).toEqual([]);
  });

  it('leaves out the adverbs between the naming cue and the name (namingAdverbs)', () => {
    const studio = [role('modeliste', 'Modéliste'), role('patronnier-gradeur', 'Patronnier-gradeur')];
    bracketedNicknames(studio, ['Le Modéliste et le Patronnier-gradeur (on dit souvent simplement « le gradeur ») travaillent ensemble.'], pack);
    expect(studio[1]!.aliases).toEqual(['gradeur']);
  });

  it('gives none for a bracket no naming cue opens', () => {
    const cleaning = [role('agent-de-proprete', 'Agent de propreté'), role('chef-d-equipe', "Chef d'équipe")];
    bracketedNicknames(cleaning, ["L'agent de propreté (agent d'entretien, le plus souvent à temps partiel) nettoie."], pack);
    expect(cleaning[0]!.aliases).toEqual([]);
  });
});

describe('names in quotes, one after another (quotedNames)', () => {
  it('reads a run joined by « ou », maybe with an adverb after it (namingAdverbs)', () => {
    expect(quotedNames("« l'ambulancier DE », ou simplement « le DE » au planning", pack)).toEqual(['ambulancier DE', 'DE']);
    expect(quotedNames('« le nivo » et « la cheffe »', pack)).toEqual(['nivo']);
  });
});

describe('the initialisms of a name (abbreviationsOf)', () => {
  it('takes a name written as an initialism as its own, even one spelt like a grammar word', () => {
    expect(abbreviationsOf('DE', new Set(), pack)).toEqual(['de']);
    expect(abbreviationsOf('CESF', new Set(), pack)).toEqual(['cesf']);
  });
});

describe('an initialism in brackets right after a role (bracketedInitialisms)', () => {
  it('takes it with or without a determiner before it, and only when it abbreviates the name', () => {
    const brewery = [role('brasseur', 'Brasseur'), role('responsable-qualite', 'Responsable qualité')];
    bracketedInitialisms(brewery, ['Le Responsable qualité (le RQ) contrôle les lots. Le brasseur (le DLC) goûte.'], pack);
    expect(brewery[1]!.aliases).toEqual(['RQ']);
    expect(brewery[0]!.aliases).toEqual([]);
  });

  it('takes one whose letters differ from the name when the bracket spells it out right after it as a job title', () => {
    const rail = [role('conducteur', 'Conducteur de train'), role('chef-de-bord', 'Chef de bord')];
    bracketedInitialisms(rail, ['Le chef de bord (ASCT, agent du service commercial trains) accueille les voyageurs.'], pack);
    expect(rail[1]!.aliases).toEqual(['ASCT']);
    expect(rail[0]!.aliases).toEqual([]);
    const diploma = [role('educateur', 'Éducateur spécialisé'), role('moniteur', 'Moniteur éducateur')];
    bracketedInitialisms(diploma, ["L'éducateur spécialisé (DEES, diplôme d'État d'éducateur spécialisé) encadre."], pack);
    expect(diploma[0]!.aliases).toEqual([]);
  });

  it('reads the name before it in inclusive writing, its closing bracket its own ("agent(e) de sécurité incendie (SSIAP)")', () => {
    const hall = [role('standardiste', 'Standardiste'), role('agent', 'Agent de sécurité incendie')];
    bracketedInitialisms(hall, [], pack, 'Standardiste et agent(e) de sécurité incendie (SSIAP) : quelles différences ?');
    expect(hall[1]!.aliases).toEqual(['SSIAP']);
  });
});

describe('a nickname that clips a role\'s word (clippedNicknames)', () => {
  const riding = [role('moniteur', "Moniteur d'équitation"), role('palefrenier', 'Palefrenier-soigneur'), role('directeur', 'Directeur de centre équestre')];
  const nicknames = (text: string) => clippedNicknames(text, riding, pack).map(({ role: named, names }) => [named.id, names]);

  it('gives the one role whose word it clips, with or without the vowel spoken French adds (clippingEndings)', () => {
    expect(nicknames('Les cavaliers disent « le mono », les anciens disent « le palef », et tout le monde dit « la direction ».')).toEqual([
      ['moniteur', ['mono']],
      ['palefrenier', ['palef']],
    ]);
  });

  it('gives none for a name that clips no role word, or clips too little', () => {
    expect(nicknames('On dit « le club » ou « la mo ».')).toEqual([]);
  });

  it('reads the clips a sentence in quotes lists, each a determiner and one word', () => {
    expect(nicknames("On nous demande souvent : « le mono, le palef et la direction, ce n'est pas un peu la même chose ? ».")).toEqual([
      ['moniteur', ['mono']],
      ['palefrenier', ['palef']],
    ]);
  });

  it('reads a clip in the plural as the singular clip, and never a role word merely in the plural', () => {
    expect(nicknames('Vous entendrez parler des « monos » et des « palefreniers ».')).toEqual([['moniteur', ['mono']]]);
  });
});

describe('another job title set beside a role\'s name between commas (namesInApposition)', () => {
  const shop = [role('vendeur-cycle', 'Vendeur cycle'), role('mecanicien-cycle', 'Mécanicien cycle'), role('responsable-d-atelier', "Responsable d'atelier")];
  const given = (text: string) => namesInApposition(text, shop, pack).map(({ role: named, names }) => [named.id, names]);

  it('gives the role that opens a sentence the title after « ou », without its determiner', () => {
    expect(given('Le Vendeur cycle, ou vendeur conseil, accueille le client sur la surface de vente.')).toEqual([['vendeur-cycle', ['vendeur conseil']]]);
    expect(given("Il répare les vélos. Le mécanicien cycle, ou le technicien vélo, monte aussi les vélos neufs.")).toEqual([['mecanicien-cycle', ['technicien vélo']]]);
  });

  it('gives nothing when the apposition names another role, is no job title, or the role is no subject', () => {
    expect(given("Le mécanicien cycle, ou le responsable d'atelier, valide le diagnostic.")).toEqual([]);
    expect(given('Le vendeur cycle, ou plus simplement son équipe, prépare la remise.')).toEqual([]);
    expect(given('En magasin, le vendeur cycle, ou vendeur conseil, accueille le client.')).toEqual([]);
  });
});

describe('names an aside between dashes lists right after a role (namesInDashedAside)', () => {
  const imaging = [role('manipulateur', 'Manipulateur en électroradiologie médicale'), role('physicien', 'Physicien médical')];
  const given = (text: string) => namesInDashedAside(text, imaging, pack).map(({ role: named, names }) => [named.id, names]);

  it('gives the role the abbreviation and the names in quotes the aside joins by commas or « ou »', () => {
    expect(given('Le manipulateur en électroradiologie médicale — MERM, ou plus simplement « manip radio » dans le service — est un paramédical.')).toEqual([['manipulateur', ['MERM', 'manip radio']]]);
  });

  it('lets a later part of the aside say more before its own name in quotes', () => {
    expect(given("Le physicien médical — on dit « physicien », et pour les internes c'est tout simplement « le physmed » — calcule les doses.")).toEqual([['physicien', ['physicien', 'physmed']]]);
  });

  it('gives nothing when the aside says anything else, or names another role', () => {
    expect(given('Le manipulateur en électroradiologie médicale — formé en trois ans — est un paramédical.')).toEqual([]);
    expect(given('Le manipulateur en électroradiologie médicale — ou « physicien médical » — est un paramédical.')).toEqual([]);
  });
});

describe('the job titles a glossary sentence says short names stand for (namesDesignated)', () => {
  const mill = [role('meunier', 'Meunier'), role('conducteur-ensachage', 'Conducteur ensachage'), role('labo', 'Labo')];
  const designated = (text: string) => namesDesignated(text, mill, pack).map(({ role: named, names }) => [named.id, names]);

  it('gives each role in quotes the title after it, the verb written once (designationCues)', () => {
    const sentence =
      "Dans cette FAQ, « le meunier » désigne le conducteur de moulin, « le conducteur ensachage » le conducteur de ligne d'ensachage et « le labo » le technicien ou la technicienne qualité laboratoire.";
    expect(designated(sentence)).toEqual([
      ['meunier', ['conducteur de moulin']],
      ['conducteur-ensachage', ["conducteur de ligne d'ensachage"]],
      ['labo', ['technicienne qualité laboratoire']],
    ]);
  });

  it('gives nothing without the verb, for a quote that names no role, or for a title holding another role', () => {
    expect(designated('On parle du « meunier » et du conducteur de moulin.')).toEqual([]);
    expect(designated('Ici, « le moulin » désigne le bâtiment entier.')).toEqual([]);
    expect(designated('Ici, « le labo » désigne le conducteur ensachage de nuit.')).toEqual([]);
  });
});

describe('names each clause of a sentence gives the role it opens on (namesGivenInClauses)', () => {
  const port = [role('maitre-de-port', 'Maître de port'), role('agent-portuaire', 'Agent portuaire'), role('agent-d-accueil', "Agent d'accueil de capitainerie")];
  const given = (text: string, roles = port) => namesGivenInClauses(text, roles, pack).map(({ role: named, names }) => [named.id, names]);

  it('gives each role the job titles and the names in quotes after its naming cue (aliasCues)', () => {
    const sentence = "Le maître de port est parfois abrégé MdP, l'agent portuaire est aussi appelé agent de port ou « agent de quai », et l'agent d'accueil de capitainerie est souvent désigné simplement comme « l'accueil » ou hôte / hôtesse d'accueil.";
    expect(given(sentence)).toEqual([
      ['agent-portuaire', ['agent de port', 'agent de quai']],
      ['agent-d-accueil', ['accueil']],
    ]);
  });

  it('stops at what is no name: the rest of the sentence after a name in quotes, a long phrase without quotes', () => {
    const social = [role('assistant-de-service-social', 'Assistant de service social'), role('educateur', 'Éducateur spécialisé')];
    expect(given("L'assistant de service social, que tout le monde appelle « assistant social », aide les familles à surmonter une difficulté sociale ou financière.", social)).toEqual([['assistant-de-service-social', ['assistant social']]]);
    expect(given("L'assistant de service social est aussi appelé « assistant social », aide les familles à surmonter une difficulté sociale ou financière.", social)).toEqual([['assistant-de-service-social', ['assistant social']]]);
  });

  it('gives the role named right before the cue late in a clause every name of the list « A, B ou C »', () => {
    const river = [role('eclusier', 'Éclusier'), role('marinier', 'Marinier')];
    expect(given('Cette fiche présente ces deux métiers, que le marinier soit appelé batelier, conducteur de bateau fluvial ou capitaine selon les entreprises.', river)).toEqual([['marinier', ['batelier', 'conducteur de bateau fluvial']]]);
    const waste = [role('ripeur', 'Ripeur'), role('conducteur', 'Conducteur de benne')];
    expect(given('Le ripeur, qu’on appelle aussi équipier de collecte, ou « rippeur » sur certaines agences, travaille à l’arrière.', waste)).toEqual([['ripeur', ['équipier de collecte', 'rippeur']]]);
  });

  it('takes a longer name only inside a list that « ou » goes on with, not the clause after a name', () => {
    const ambulance = [role('ambulancier', 'Ambulancier'), role('auxiliaire', 'Auxiliaire ambulancier')];
    expect(given("L'auxiliaire ambulancier, que tout le monde appelle « l'auxiliaire », est l'équipier de l'ambulancier diplômé.", ambulance)).toEqual([['auxiliaire', ['auxiliaire']]]);
  });

  it('gives none when two roles come before the cue', () => {
    const agency = [role('chef-de-projet', 'Chef de projet localisation'), role('relecteur', 'Relecteur-réviseur')];
    expect(given('Le chef de projet localisation et le relecteur-réviseur (le plus souvent appelé simplement « réviseur ») travaillent ensemble.', agency)).toEqual([]);
  });
});

describe('the name a list in the roles\' order gives the one role it does not name (namesInParallelList)', () => {
  const post = [role('facteur', 'Facteur'), role('charge', 'Chargé de clientèle en bureau de poste'), role('chef', "Chef d'équipe distribution")];
  const given = (text: string, roles = post) => namesInParallelList(text, roles, pack).map(({ role: named, names }) => [named.id, names]);

  it('gives the role at the unknown name\'s place that name, the others named by their names or their first words', () => {
    expect(given("Ce mois-ci : « Facteur, guichetier, chef d'équipe… qui fait quoi ? ». Ces trois métiers servent les mêmes clients.")).toEqual([['charge', ['guichetier']]]);
  });

  it('gives none when two names are unknown, when the list has another length, or with only two roles', () => {
    expect(given("Facteur, guichetier, trieur… qui fait quoi ?")).toEqual([]);
    expect(given("Le facteur, le guichetier, le trieur et le chef d'équipe se croisent chaque jour.")).toEqual([]);
    expect(given("L'éclusier et le capitaine se parlent à la radio.", [role('eclusier', 'Éclusier'), role('marinier', 'Marinier')])).toEqual([]);
  });
});

describe('the roles of the title and the labels (findRoles)', () => {
  it("names a role by the title's name a label's initialism abbreviates, the initialism an alias (« Le MNS : » beside « maître-nageur sauveteur »)", () => {
    const labels = [0, 1, 2].flatMap((section) => [
      { text: 'MNS', section, line: 10 + section * 10 },
      { text: 'entretien', section, line: 11 + section * 10 },
      { text: 'accueil', section, line: 12 + section * 10 },
      { text: "agent d'entretien des bassins", section, line: 13 + section * 10 },
      { text: "hôte de caisse et d'accueil", section, line: 14 + section * 10 },
    ]);
    const found = findRoles("Différences entre le maître-nageur sauveteur, l'agent d'entretien des bassins et l'hôte de caisse et d'accueil", labels, pack);
    const lifeguard = found.find((entry) => entry.aliases.includes('MNS'));
    expect(lifeguard?.name).toBe('Maître-nageur sauveteur');
    expect(lifeguard?.id).toBe('maitre-nageur-sauveteur');
  });

  it("gives the one role the labels name by a short name both title names a slash joins, when every other title name has its role (« le steward / l'hôtesse de l'air »)", () => {
    const labels = [0, 1].flatMap((section) => [
      { text: 'Pour le PNC', section, line: 10 + section * 10 },
      { text: 'Chef de cabine', section, line: 11 + section * 10 },
      { text: 'Agent de trafic', section, line: 12 + section * 10 },
    ]);
    const found = findRoles("Différences entre le steward / l'hôtesse de l'air (PNC), le chef de cabine principal et l'agent de trafic avion", labels, pack);
    expect(found.map((entry) => entry.name)).toEqual(['PNC', 'Chef de cabine principal', 'Agent de trafic avion']);
    expect(found[0]!.aliases).toEqual(['steward', "hôtesse de l'air"]);
  });

  it('leaves a title name to no role when two jobs of the title are left for one role', () => {
    const labels = [0, 1].flatMap((section) => [
      { text: 'Chef de cabine', section, line: 11 + section * 10 },
      { text: 'PNC', section, line: 12 + section * 10 },
    ]);
    const found = findRoles("Différences entre le steward, l'hôtesse de l'air et le chef de cabine principal", labels, pack);
    expect(found.find((entry) => entry.name === 'PNC')?.aliases).toEqual([]);
  });
});

describe('the names a title joins with a slash (slashedInTitle)', () => {
  it('pairs each name a slash joins to the one before it, and no names a comma or « et » joins', () => {
    expect(slashedInTitle("Différences entre le steward / l'hôtesse de l'air, le chef de cabine et l'agent de trafic", pack)).toEqual([['steward', "hôtesse de l'air"]]);
    expect(slashedInTitle('Différences entre le nivoculteur, le dameur et le pisteur', pack)).toEqual([]);
  });
});

describe('the names a title gives (namesInTitle)', () => {
  it('keeps « et de » inside a name: it joins the name\'s complements, not two names', () => {
    expect(namesInTitle("Différences entre le surveillant, le conseiller d'insertion et de probation et le greffier", pack)).toEqual([
      'surveillant',
      "conseiller d'insertion et de probation",
      'greffier',
    ]);
  });
});

describe('other names a naming cue gives in prose (aliasesInProse)', () => {
  it('reads every name of « X ou Y » after the cue, each of a few words', () => {
    expect(aliasesInProse("Le cordiste, que l'on appelle aussi technicien cordiste ou opérateur de travaux sur cordes, est un ouvrier", pack)).toEqual([
      'technicien cordiste',
      'opérateur de travaux',
    ]);
  });

  it('reads « souvent appelé » as a naming cue', () => {
    expect(aliasesInProse("L'échafaudeur, souvent appelé monteur d'échafaudage sur nos chantiers, construit les ouvrages", pack)).toEqual(["monteur d'échafaudage"]);
  });

  it('reads a name in quotes that goes on from a plain name after « , ou »', () => {
    expect(aliasesInProse('Le forfaitiste – appelé aussi concepteur de voyages, ou « package designer » chez certains tour-opérateurs – travaille au siège.', pack)).toEqual([
      'concepteur de voyages',
      'package designer',
    ]);
  });

  it('reads every name of a bracket the cue opens, a piece opening on « ou » after its comma too', () => {
    expect(aliasesInProse('Le Vernisseur (on dit aussi finisseur, ou vernisseur-polisseur dans les ateliers de tradition) prépare le bois.', pack)).toEqual([
      'finisseur',
      'vernisseur-polisseur',
    ]);
  });

  it('lets « encore » stand between the cue and the names, as « souvent » does', () => {
    expect(aliasesInProse('Le conseiller voyages (on dit encore souvent « agent de voyages », ou « conseiller de vente » dans les annonces) accueille le client.', pack)).toEqual([
      'agent de voyages',
      'conseiller de vente',
    ]);
  });
});
