import { describe, expect, it } from 'vitest';
import { agentNoun, firstGroupInfinitive, looksLikeActivity, dropInvertedPronouns, gluedElision, hasJobTitleEnding, hyphenatedPairs, inversions, looksLikeParticiple, looksLikeVerb, looksPlural, masculine, masculineInName, spelledOutFeminines, titleGender, withoutInclusiveEndings, withoutSlashedGenders } from '../../src/text/morphology.js';
import { words } from '../../src/text/normalize.js';

describe('French morphology', () => {
  it('splits elided articles and pronouns off the word they lean on', () => {
    expect(words("l'infirmier d'entreprise qu'il jusqu'au")).toEqual(['l', 'infirmier', 'd', 'entreprise', 'qu', 'il', 'jusqu', 'au']);
  });

  it.each([
    ['daffaires', 'd'],
    ['lentreprise', 'l'],
    ['quil', 'qu'],
    ['bureau', null],
    ['lycee', 'l'],
  ])('reads an elided article glued to %s as %s', (word, elided) => {
    expect(gluedElision(word)).toBe(elided);
  });

  it.each([
    ['infirmiere', 'infirmier'],
    ['approvisionneuses', 'approvisionneurs'],
    ['directrice', 'directeur'],
    ['technicienne', 'technicien'],
    ['chargee', 'charge'],
    ['cheffe', 'chef'],
    ['juriste', 'juriste'],
  ])('gives the masculine of %s: %s', (feminine, male) => {
    expect(masculine(feminine)).toBe(male);
  });

  it('spells out the feminines in « -esse » that inclusive writing gives and no ending rule reads back (spelledOutFeminines)', () => {
    expect(spelledOutFeminines("Standardiste et hôte(-sse) d'accueil")).toEqual([['hôte', 'hôtesse']]);
    expect(spelledOutFeminines('Maître·sse de maison, Chargé(e) de paie')).toEqual([['Maître', 'Maîtresse']]);
    expect(spelledOutFeminines('une adresse, la vitesse')).toEqual([]);
  });

  it('drops the feminine ending written in brackets after a name, whole word endings too (« (-ière) », « (-ive) »)', () => {
    expect(withoutInclusiveEndings("Cavalier(-ière) d'entraînement")).toBe("Cavalier d'entraînement");
    expect(withoutInclusiveEndings('Concepteur(-trice) créatif(-ive)')).toBe('Concepteur créatif');
    expect(withoutInclusiveEndings('Technicien(-ienne) de maintenance')).toBe('Technicien de maintenance');
    expect(withoutInclusiveEndings('caviste-conseil(lère)')).toBe('caviste-conseil');
    // The feminine in « -esse »: « hôtesse », « maîtresse ».
    expect(withoutInclusiveEndings("Hôte(-sse) d'accueil des admissions")).toBe("Hôte d'accueil des admissions");
    expect(withoutInclusiveEndings('maître·sse')).toBe('maître');
    expect(withoutInclusiveEndings('une adresse')).toBe('une adresse');
  });

  it('reads a name written in both genders with « ou » in the masculine, and leaves two different words alone', () => {
    expect(withoutInclusiveEndings('le conducteur ou la conductrice de bus')).toBe('le conducteur de bus');
    expect(withoutInclusiveEndings('Missions du contrôleur ou de la contrôleuse')).toBe('Missions du contrôleur');
    expect(withoutInclusiveEndings('le régleur ou le technicien')).toBe('le régleur ou le technicien');
  });

  it('reads the adjectives of a role name in the masculine inside the name only ("sportive", "professionnelle")', () => {
    expect(masculineInName('sportive')).toBe('sportif');
    expect(masculineInName('professionnelle')).toBe('professionnel');
    expect(masculineInName('educatrice')).toBe('educateur');
    expect(masculineInName('fromagere')).toBe('fromager');
    expect(masculineInName('boulangeres')).toBe('boulangers');
    expect(masculineInName('cremiere')).toBe('cremier');
    expect(masculine('archive')).toBe('archive');
  });

  it('spells out an ordinal a role name writes in figures ("1er assistant" is the "premier assistant")', () => {
    expect(masculineInName('1er')).toBe('premier');
    expect(masculineInName('1re')).toBe('premier');
    expect(masculineInName('premiere')).toBe('premier');
    expect(masculineInName('2e')).toBe('second');
  });

  it('reads a heading naming a role in both genders with a slash in the masculine (withoutSlashedGenders)', () => {
    expect(withoutSlashedGenders("Technicien / Technicienne qualité de l'eau")).toBe("Technicien qualité de l'eau");
    expect(withoutSlashedGenders('Fontainier / Fontainière')).toBe('Fontainier');
    expect(withoutSlashedGenders('Formation / accès au poste')).toBe('Formation / accès au poste');
  });

  it('keeps agent nouns whole, singular', () => {
    expect(agentNoun('utilisateurs')).toBe('utilisateur');
    expect(agentNoun('utilises')).toBeNull();
  });

  it('tells plural, verb and job-title endings', () => {
    expect(looksPlural('developpeurs')).toBe(true);
    expect(looksPlural('travaux')).toBe(true);
    expect(looksPlural('developpeur')).toBe(false);
    expect(['obtenir', 'gerent', 'negociez', 'codons', 'construire'].every(looksLikeVerb)).toBe(true);
    expect(looksLikeVerb('budget')).toBe(false);
    expect(firstGroupInfinitive('utilise')).toBe('utiliser');
    expect(firstGroupInfinitive('cree')).toBeNull();
    expect(firstGroupInfinitive('budget')).toBeNull();
    expect(['notaire', 'huissier', 'influenceur', 'fleuriste', 'technicien', 'magistrat', 'cardiologue', 'photographe', 'kinesitherapeute', 'pediatre'].every(hasJobTitleEnding)).toBe(true);
    expect(titleGender('ergotherapeute')).toBe('either');
    expect(['performant', 'climat'].every(hasJobTitleEnding)).toBe(true);
    expect(['budget', 'couleur'].filter(hasJobTitleEnding)).toEqual(['couleur']);
  });

  it('tells an activity: a verb in the infinitive or a noun of an action, not a place or a term', () => {
    expect(['conduire', 'cueillir', 'habiller', 'repassage', 'toilettages'].every(looksLikeActivity)).toBe(true);
    expect(['jardin', 'forfait', 'direction'].some(looksLikeActivity)).toBe(false);
  });

  it('finds verb-subject inversions and drops their pronoun', () => {
    expect(inversions('le cpd travaille-t-il avec qui ? faut-il un master').map((inversion) => inversion.verb)).toEqual(['travaille', 'faut']);
    expect(inversions('week-end et peux-tu')).toEqual([]);
    expect(dropInvertedPronouns('travaille-t-il avec les devs, ont-ils un bac+5')).toBe('travaille avec les devs, ont un bac+5');
  });

  it('gives the gender of a job-title ending, so "la couleur" is no title', () => {
    expect(titleGender('developpeur')).toBe('masculine');
    expect(titleGender('couleur')).toBe('masculine');
    expect(titleGender('developpeuse')).toBe('feminine');
    expect(titleGender('infirmiere')).toBe('feminine');
    expect(titleGender('notaire')).toBe('either');
    expect(titleGender('budget')).toBeNull();
  });

  it('tells present participles, often qualities', () => {
    expect(['performant', 'exigeante', 'motivants'].every(looksLikeParticiple)).toBe(true);
    expect(looksLikeParticiple('notaire')).toBe(false);
  });

  it('finds words joined by a hyphen', () => {
    expect([...hyphenatedPairs('une sage-femme ou un aide-soignant ?')]).toEqual(['sage femme', 'aide soignant']);
  });
});

describe('withoutInclusiveEndings', () => {
  it('writes inclusive forms in the masculine, names and determiners alike', () => {
    expect(withoutInclusiveEndings('le/la chargé(e) de recrutement')).toBe('le chargé de recrutement');
    expect(withoutInclusiveEndings('Technicien·ne, conseiller.ère, directeur(trice), salarié·e·s')).toBe('Technicien, conseiller, directeur, salarié');
    expect(withoutInclusiveEndings('Directeur(-trice) artistique, Adaptateur(-trice)-dialoguiste')).toBe('Directeur artistique, Adaptateur-dialoguiste');
    expect(withoutInclusiveEndings('Un(e) chef·fe de projet')).toBe('Un chef de projet');
    expect(withoutInclusiveEndings('Le·la régisseur·euse des collections. Il·elle organise')).toBe('Le régisseur des collections. Il organise');
  });

  it('leaves ordinary text alone: a sentence end, an aside in brackets, a web address', () => {
    expect(withoutInclusiveEndings('Il est chargé. Elle aussi (en CDI), voir www.exemple.fr')).toBe('Il est chargé. Elle aussi (en CDI), voir www.exemple.fr');
  });
});

