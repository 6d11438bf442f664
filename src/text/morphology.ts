/**
 * French morphology: the shapes of words, not the words themselves. Elision, feminine and plural
 * endings, verb-subject inversion ("travaille-t-il"), verb endings and job-title endings.
 * This is the only code that spells French endings; whole words live in the language pack
 * (language/fr.yaml). Every function takes folded text (lower case, no accents).
 */

/** French elided articles and pronouns: l', d', qu', j'… lean on the next word and are split from it. */
export const ELISION = /\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=[a-z0-9])/g;

/** An elided article or pronoun as written (any case, straight or curly apostrophe) before a word: "l’Infirmier", "D'affaires". */
const WRITTEN_ELISION = /(^|[\s(«"])((?:[ldjmnstc]|qu)['’])(?=\p{L})/giu;

/** Text as written, with each elided article split from the word it leans on: "de l’Infirmier" → "de l’ Infirmier". */
export function splitWrittenElisions(text: string): string {
  return text.replace(WRITTEN_ELISION, '$1$2 ');
}

/** An elided article typed without its apostrophe, glued to the word it leans on ("daffaires", "lentreprise"). */
const GLUED_ELISION = /^(?:d|l|j|n|s|c|qu)(?=[aeiouyh])/;

/** The elided article a folded word starts with when it was typed without its apostrophe, or null. */
export function gluedElision(word: string): string | null {
  return GLUED_ELISION.exec(word)?.[0] ?? null;
}

/** Feminine endings the stemmer misses once accents are gone ("infirmiere", "directrice", "chargee"). */
const FEMININE_ENDINGS: [RegExp, string][] = [
  [/iere(s?)$/, 'ier$1'],
  [/euse(s?)$/, 'eur$1'],
  [/trice(s?)$/, 'teur$1'],
  [/ienne(s?)$/, 'ien$1'],
  [/ee(s?)$/, 'e$1'],
  // "cheffe" → "chef".
  [/effe(s?)$/, 'ef$1'],
];

/**
 * Feminine endings of adjectives in job titles ("éducatrice sportive", "conseillère commerciale", "crémière-fromagère"):
 * read in the masculine only inside a role's name, since as nouns they are words of their own ("une archive").
 */
const FEMININE_ADJECTIVE_ENDINGS: [RegExp, string][] = [
  [/ive(s?)$/, 'if$1'],
  [/elle(s?)$/, 'el$1'],
  // "fromagère", "boulangère", "bergère" (the -ière ones are nouns' feminines, read above).
  [/([^i])ere(s?)$/, '$1er$2'],
];

/** Ordinals a role's name writes in figures ("1er assistant", "2e assistante"), and the word for each. */
const ORDINALS_IN_FIGURES: readonly [RegExp, string][] = [
  [/^1(?:er|re|ere)$/, 'premier'],
  [/^(?:2(?:e|eme|nd|nde)|deuxieme)$/, 'second'],
];

/**
 * The masculine form of a folded word of a role's name, its adjectives included ("sportive" → "sportif"), an ordinal
 * in figures spelled out ("1er" → "premier"), so that "1er assistant réalisateur" is the "Premier assistant réalisateur".
 */
export function masculineInName(word: string): string {
  for (const [ordinal, spelled] of ORDINALS_IN_FIGURES) if (ordinal.test(word)) return spelled;
  const noun = masculine(word);
  if (noun !== word) return noun;
  for (const [ending, replacement] of FEMININE_ADJECTIVE_ENDINGS) if (ending.test(word)) return word.replace(ending, replacement);
  return word;
}

/** The masculine form of a folded word with a feminine ending ("approvisionneuse" → "approvisionneur"). */
export function masculine(word: string): string {
  for (const [ending, replacement] of FEMININE_ENDINGS) if (ending.test(word)) return word.replace(ending, replacement);
  return word;
}

/** Agent nouns keep their ending: Snowball reads "utilisateurs" and "utilisés" alike ("utilis"). */
const AGENT_NOUN = /^(.{3,}ateur)s?$/;

/** The singular of an agent noun ("utilisateurs" → "utilisateur"), or null for any other word. */
export function agentNoun(word: string): string | null {
  return AGENT_NOUN.exec(word)?.[1] ?? null;
}

/**
 * The verbs of "venir" and "tenir" change their stem as they conjugate ("intervient", "interviennent",
 * "intervenir"; "obtient", "obtenir"), which the stemmer does not follow. Participles are left alone: "les candidats
 * retenus" are chosen, not remembered; "tenue" and "venue" are nouns too.
 */
const VENIR_TENIR = /^(.*[vt])(?:ien(?:nen)?t|enir|enant)$/;

/** Nouns that end like those verbs. */
const VENIR_TENIR_LOOKALIKES: ReadonlySet<string> = new Set(['patient', 'quotient', 'lieutenant']);

/** One stem for every form of a verb of the "venir" or "tenir" family ("intervient" → "interven"), or null. */
export function irregularVerbStem(word: string): string | null {
  if (VENIR_TENIR_LOOKALIKES.has(word)) return null;
  const found = VENIR_TENIR.exec(word);
  return found ? `${found[1]}en` : null;
}

/** A plural ending: "développeurs", "travaux". */
const PLURAL_ENDING = /[sx]$/;

/** True when a folded word ends like a plural. */
export function looksPlural(word: string): boolean {
  return PLURAL_ENDING.test(word);
}

/** A noun in the plural, written the regular way (« résa » → « résas »): for words the dictionary does not hold. */
export function regularPlural(word: string): string {
  return `${word}s`;
}

/** Verb endings: infinitives and the commonest present-tense forms ("obtenir", "gèrent", "négociez"). */
const VERB_ENDING = /(?:er|ir|re|ez|ent|ons)$/;

/** The infinitive a present-tense form of a first-group verb would stand for ("utilise" → "utiliser"), or null. */
export function firstGroupInfinitive(word: string): string | null {
  return /[^e]e$/.test(word) ? `${word}r` : null;
}

/** True when a folded word ends like a verb. */
export function looksLikeVerb(word: string): boolean {
  return VERB_ENDING.test(word);
}

/** Infinitive endings ("fabriquer", "obtenir", "conduire"). */
const INFINITIVE_ENDING = /(?:er|ir|re)$/;

/** True when a folded word ends like a verb in the infinitive. */
export function looksLikeInfinitive(word: string): boolean {
  return INFINITIVE_ENDING.test(word);
}

/** Nouns of an action, made from its verb: "repassage", "toilettage", "montages". */
const ACTION_NOUN_ENDING = /ages?$/;

/** True when a folded word names an activity: a verb in the infinitive or a noun of an action ("conduire", "repassage"). */
export function looksLikeActivity(word: string): boolean {
  return INFINITIVE_ENDING.test(word) || ACTION_NOUN_ENDING.test(word);
}

/** Present participles, often adjectives: "performant", "exigeante", "motivants". */
const PARTICIPLE_ENDING = /ante?s?$/;

/** True when a folded word ends like a present participle (a quality more often than a job). */
export function looksLikeParticiple(word: string): boolean {
  return PARTICIPLE_ENDING.test(word);
}

/** Endings of French job titles (notaire, huissier, influenceur, analyste, technicien, magistrat, cardiologue, kinésithérapeute, pédiatre). */
const JOB_TITLE_ENDING = /(?:aire|ier|iere|eur|euse|trice|iste|ien|ienne|ant|ante|at|ate|logue|ographe|therapeute|iatre)$/;

/** True when a folded word ends like a job title. */
export function hasJobTitleEnding(word: string): boolean {
  return JOB_TITLE_ENDING.test(word);
}

/** Endings of nouns for a person who does something (terminologue, traducteur, standardiste, ambulancier). */
const PERSON_NOUN_ENDING = /(?:logue|iste|ographe|therapeute|iatre|eur|euse|trice|ier|iere|ien|ienne)$/;

/** True when a folded word ends like a noun for a person ("terminologue"). */
export function hasPersonNounEnding(word: string): boolean {
  return PERSON_NOUN_ENDING.test(word);
}

/** Endings of abstract nouns: what is done or studied, never who does it (terminologie, traduction, management). */
const ABSTRACT_NOUN_ENDING = /(?:logie|graphie|ion|ment|age|ure|ence|ance|isme|ite)s?$/;

/** True when a folded word ends like an abstract noun ("terminologie", "traduction"). */
export function hasAbstractNounEnding(word: string): boolean {
  return ABSTRACT_NOUN_ENDING.test(word);
}

/** Job-title endings by grammatical gender; the others (-aire, -iste, -logue, -ographe, -thérapeute, -iatre) take either. */
const MASCULINE_TITLE_ENDING = /(?:ier|eur|ien|ant|at)$/;
const FEMININE_TITLE_ENDING = /(?:iere|euse|trice|ienne|ante|ate)$/;

/**
 * The gender a word's job-title ending gives it: "développeur" is masculine, "développeuse" feminine,
 * "notaire" either; null when it has no job-title ending. "la couleur" is no job: a masculine ending
 * after a feminine determiner.
 */
export function titleGender(word: string): 'masculine' | 'feminine' | 'either' | null {
  if (!JOB_TITLE_ENDING.test(word)) return null;
  if (FEMININE_TITLE_ENDING.test(word)) return 'feminine';
  if (MASCULINE_TITLE_ENDING.test(word)) return 'masculine';
  return 'either';
}

/** Endings of feminine nouns of persons: hôtesse, infirmière, vendeuse, directrice, technicienne, gérante, cadette. */
const FEMININE_NOUN_ENDING = /(?:esse|iere|euse|trice|ienne|ante|ette)s?$/;

/** True when a folded noun of a person ends like a feminine one ("hotesse", "gouvernante"). */
export function looksFeminine(word: string): boolean {
  return FEMININE_NOUN_ENDING.test(word);
}

/** Words joined by a hyphen in folded text, as "first second" pairs ("sage-femme" → "sage femme"). */
export function hyphenatedPairs(folded: string): Set<string> {
  return new Set([...folded.matchAll(/([a-z0-9]+)-(?=([a-z0-9]+))/g)].map((match) => `${match[1]} ${match[2]}`));
}

/** Verb-subject inversion: "travaille-t-il", "ont-ils", "peut-on"; the verb is captured. */
const INVERSION = /\b([a-z]+)-(?:t-)?(?:il|elle|ils|elles|on)\b/g;

/** One verb-subject inversion in folded text. */
export interface Inversion {
  /** The verb before the pronoun ("travaille" in "travaille-t-il"). */
  verb: string;
  /** Where the inversion starts and ends in the text. */
  start: number;
  end: number;
}

/** Every verb-subject inversion of a folded text, in order. */
export function inversions(folded: string): Inversion[] {
  return [...folded.matchAll(INVERSION)].map((match) => ({ verb: match[1]!, start: match.index, end: match.index + match[0].length }));
}

/** The text with every inverted subject pronoun dropped: "travaille-t-il avec" → "travaille avec". */
export function dropInvertedPronouns(folded: string): string {
  return folded.replace(INVERSION, '$1');
}

/** Gender and number of a noun phrase: what its article agrees with. */
export interface NounForm {
  feminine: boolean;
  plural: boolean;
}

/** The article forms framing sentences use: "le", "de" + "le", "à" + "le", "un". */
export const ARTICLE_FORMS = ['le', 'du', 'au', 'un'] as const;
export type ArticleForm = (typeof ARTICLE_FORMS)[number];

/** A noun starting with a vowel or a mute h takes the elided article: "l'Assistant RH", "l'Hôtesse". */
const ELIDING_START = /^[aeiouyh]/;

/**
 * A noun phrase with its article, elided and contracted as French writes it: "l'Assistant RH",
 * "de l'Ingénieur", "au Chef de rang", "à la Gouvernante", "du Chef", "une Gouvernante", "des Infirmiers".
 */
export function withArticle(form: ArticleForm, noun: string, { feminine, plural }: NounForm): string {
  const first = noun.normalize('NFD').charAt(0).toLowerCase();
  const elides = !plural && ELIDING_START.test(first);
  const article = {
    le: plural ? 'les ' : elides ? "l'" : feminine ? 'la ' : 'le ',
    du: plural ? 'des ' : elides ? "de l'" : feminine ? 'de la ' : 'du ',
    au: plural ? 'aux ' : elides ? "à l'" : feminine ? 'à la ' : 'au ',
    un: plural ? 'des ' : feminine ? 'une ' : 'un ',
  }[form];
  return `${article}${noun}`;
}

/** "de" and "à" contracted with "le" and "les" where a filled sentence put them side by side. */
const CONTRACTIONS: [RegExp, string][] = [
  [/(^|[\s(«'’])de les\s/g, '$1des '],
  [/(^|[\s(«'’])de le\s/g, '$1du '],
  [/(^|[\s(«'’])à les\s/g, '$1aux '],
  [/(^|[\s(«'’])à le\s/g, '$1au '],
];

/** "L'article ne traite pas de les congés" → "… des congés". */
export function contract(sentence: string): string {
  return CONTRACTIONS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), sentence);
}

/**
 * The endings of inclusive writing, after a word: "Chargé(e)", "Chargé·e", "Technicien·ne", "Conseiller.ère",
 * "Directeur(trice)", "Directeur(-trice)", "Cavalier(-ière)", "Créatif(-ive)", "salarié·e·s", and the doubled determiners and pronouns "le/la", "le·la", "un(e)", "il·elle".
 */
const INCLUSIVE_ENDING = /(?<=\p{L})(?:\(-?(?:e|ne|le|te|se|fe|ère|ere|lère|lere|ière|iere|ienne|ive|euse|rice|trice|sse|esse|s|es)\)|[·•.](?:e|ne|le|te|se|fe|ère|ere|euse|rice|trice|sse|esse|s|es)(?:[·•.]s)?)(?!\p{L})/giu;
const DOUBLED_DETERMINER = /\b(le|un|du|au|il|ils)\s*[/·•]\s*(?:la|une|de la|à la|elle|elles)\b/giu;

/**
 * A text written in inclusive writing in its masculine form, which names and words are compared in:
 * "le/la chargé(e) de recrutement" → "le chargé de recrutement", "Le·la régisseur·euse" → "Le régisseur",
 * "technicien·ne" → "technicien".
 */
export function withoutInclusiveEndings(text: string): string {
  return withoutBothGenders(text.replace(INCLUSIVE_ENDING, '').replace(DOUBLED_DETERMINER, '$1'));
}

/** An inclusive ending that spells a feminine no ending rule gives back: "Hôte(-sse)", "Maître·sse". */
const SPELLED_FEMININE = /(\p{L}+)(?:\(-?(e?sse)\)|[·•.](e?sse))(?!\p{L})/gu;

/**
 * The feminines a text writes out in inclusive writing where reading the word back in the masculine is no rule of
 * endings ("hôtesse" is not read "hôte", as "vitesse" is not "vite"), each with its masculine: "Hôte(-sse)" →
 * ["Hôte", "Hôtesse"].
 */
export function spelledOutFeminines(text: string): [string, string][] {
  return [...text.matchAll(SPELLED_FEMININE)].map((match) => {
    const base = match[1]!;
    const ending = match[2] ?? match[3]!;
    return [base, /e$/i.test(base) && ending.startsWith('e') ? `${base}${ending.slice(1)}` : `${base}${ending}`];
  });
}

/** A word then its feminine, joined by « ou » and the feminine's own determiner: "le conducteur ou la conductrice de bus". */
const BOTH_GENDERS = /(\p{L}+)\s+ou\s+(?:(?:de|à)\s+)?(?:la\s+|l['’]\s*|une\s+)?(\p{L}+)/giu;

/** A word then its feminine, joined by a slash: "Technicien / Technicienne qualité de l'eau". */
const SLASHED_GENDERS = /(\p{L}+)\s*\/\s*(\p{L}+)/gu;

/**
 * A heading naming a role in both genders, in the masculine: "Technicien / Technicienne qualité de l'eau" →
 * "Technicien qualité de l'eau". (Names keep their slashed feminine as an alias: this is for comparing headings.)
 */
export function withoutSlashedGenders(text: string): string {
  return withoutBothGenders(withoutInclusiveEndings(text), SLASHED_GENDERS);
}

/** A name written in both genders in its masculine: "contrôleur ou contrôleuse" → "contrôleur". */
function withoutBothGenders(text: string, joined = BOTH_GENDERS): string {
  return text.replace(joined, (whole, male: string, female: string) => {
    const [folded, foldedFemale] = [male, female].map((word) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    return foldedFemale !== folded && masculine(foldedFemale!) === folded ? male : whole;
  });
}

