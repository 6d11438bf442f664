/**
 * Another job: a question about a job that is none of the library's roles ("un chef de projet",
 * "un notaire", "devenir magistrat") gets "the article does not cover other jobs" rather than an
 * answer about the article's own roles.
 */
import type { LanguagePack } from '../language/languagePack.js';
import type { Lexicon } from '../language/lexicon.js';
import { firstGroupInfinitive, hasJobTitleEnding, looksLikeParticiple, looksLikeVerb, looksPlural, masculine, titleGender } from '../text/morphology.js';
import { stem } from '../text/normalize.js';
import { conceptSequence, kindredClassOf, roleWordByRoot, type ArticleIndex, type IndexedRole } from './articleIndex.js';
import type { QuestionReading } from './readQuestion.js';
import { isFrenchWord } from './frenchDictionary.js';
import { editDistance } from './typoCorrector.js';

/** The next (step 1) or previous (step -1) word that is not a link word ("de", "la"). */
export function neighbourOf(tokens: readonly string[], at: number, step: 1 | -1, linkWords: ReadonlySet<string>): number | null {
  for (let k = at + step; k >= 0 && k < tokens.length; k += step) {
    if (!linkWords.has(tokens[k]!)) return k;
  }
  return null;
}

/** Words after which a role's first word reads as a job title ("un chef de …", "entre chef de … et …"). */
function opensJobTitle(word: string, language: LanguagePack): boolean {
  return language.has('roleOpeners', word) || language.has('jobTitleOpeners', word);
}

/** Words after which a job title is the subject of the question ("un développeur", "devenir magistrat"). */
function opensSubjectJob(word: string, language: LanguagePack): boolean {
  return language.has('singularDeterminers', word) || language.has('becomingWords', word);
}

/** A head noun of French job titles ("chef", "responsable", "chargée"), in any gender. */
function isJobHead(word: string, language: LanguagePack): boolean {
  return isAdjectivalHead(word, language) || language.has('jobHeads', word) || language.has('jobHeads', masculine(word));
}

/** A head noun that is also an adjective ("responsable", "chargé"): after "être" it describes, it does not name. */
function isAdjectivalHead(word: string, language: LanguagePack): boolean {
  return language.has('adjectivalJobHeads', word) || language.has('adjectivalJobHeads', masculine(word));
}

/** Whether a job title's gender suits the determiner before it ("un développeur", not "la couleur"). */
function agrees(gender: 'masculine' | 'feminine' | 'either', before: string, language: LanguagePack): boolean {
  if (gender === 'masculine') return !language.has('feminineDeterminers', before);
  if (gender === 'feminine') return !language.has('masculineDeterminers', before);
  return true;
}

/** A word of the HR vocabulary or a grammar word: "salaire", "formation", "carrière" (a subject's word), "le", "svp". */
function isVocabulary(word: string, lexicon: Lexicon): boolean {
  if (lexicon.stopWords.has(word) || lexicon.fillers.hasWord(word) || lexicon.stemConcepts.has(stem(word)) || lexicon.wordConcepts.has(word)) return true;
  const stemmed = stem(word);
  return [...lexicon.topics.values()].some((topic) => topic.signals.has(stemmed));
}

/** A word that can be part of a job title: no stop word, no filler. */
function isContent(word: string, lexicon: Lexicon): boolean {
  return !lexicon.stopWords.has(word) && !lexicon.fillers.hasWord(word);
}

/** A role's own word in another form: "infirmière", "avocate", "logisticien", a clipping. */
function isRoleWord(word: string, index: ArticleIndex): boolean {
  return index.roles.some((role) => role.nameStems.has(stem(word))) || roleWordByRoot(word, index) !== null || index.roleWordPrefixes.has(word);
}

/**
 * A title made of the words of one of the library's roles ("chef de projet" for "Chef de projet
 * événementiel"), word for word or through the lexicon ("product manager" is "produit").
 */
function knownTitle(title: readonly string[], index: ArticleIndex, lexicon: Lexicon): boolean {
  const parts = title.filter((word) => !index.linkWords.has(word)).map(stem);
  const concepts = conceptSequence(title, lexicon).filter((token) => token.kind === 'content').map((token) => token.concept);
  return [...index.libraryRoles, ...index.roles.map((role) => role.nameStems)].some((names) => parts.every((part) => names.has(part)) || (concepts.length > 0 && concepts.every((concept) => names.has(concept))));
}

/**
 * Whether a title starting at `at` is the job the question asks about: at the start, after "un",
 * "devenir", "être" or "le métier de", not after "avec un" ("travaille avec un développeur" names a
 * colleague). In a lookup ("Qui peut devenir responsable du bureau d'études ?") a title the article
 * itself writes is what is looked up, not another job.
 */
function asksAbout(title: readonly string[], at: number, reading: QuestionReading, index: ArticleIndex, language: LanguagePack): boolean {
  const { tokens, markers } = reading;
  const before = at > 0 ? tokens[at - 1]! : '';
  const twoBefore = at > 1 ? tokens[at - 2]! : '';
  if (markers.who || markers.yesNo) {
    if (index.mentions(title)) return false;
  }
  if (at === 0) return true;
  if (language.has('companionPrepositions', twoBefore)) return false;
  return opensSubjectJob(before, language) || language.has('copulas', before) ||
    (language.has('jobComplementPrepositions', before) && (language.has('jobWords', twoBefore) || language.has('jobStandIns', twoBefore)));
}

/** "utilise", "prépare": a present-tense form of a first-group verb the dictionary knows, with no job-title ending. */
function isVerbForm(word: string): boolean {
  const infinitive = firstGroupInfinitive(word);
  return infinitive !== null && !hasJobTitleEnding(word) && isFrenchWord(infinitive);
}

/** A word family keeps at least this many letters of a role's name word ("therm" of "thermales"). */
const MIN_FAMILY_STEM = 5;

/**
 * Whether a complement of a role's head is of the family of a word of its name ("le technicien des thermes" beside the
 * Technicien … thermales): the head and its complement then describe the role rather than name another job. A word
 * only the role's own bullets use is no such sign: « moniteur de parachutisme » is another job, though the paragliding
 * instructor's bullets speak of the reserve parachute.
 */
function ownTrade(role: IndexedRole, word: string): boolean {
  const stemmed = stem(word);
  return stemmed.length >= MIN_FAMILY_STEM && [...role.nameStems].some((nameStem) => nameStem !== stemmed && nameStem.startsWith(stemmed));
}

/**
 * Whether a complement of a role's head is a word of its name misspelt ("souffleur de vere" for the Souffleur de
 * verre): one letter off a name word's stem, and no word of the language.
 */
function misspeltNameWord(role: IndexedRole, word: string): boolean {
  const stemmed = stem(word);
  return [...role.nameStems].some((nameStem) => nameStem !== stemmed && Math.abs(nameStem.length - stemmed.length) <= 1 && editDistance(nameStem, stemmed) === 1) && !isFrenchWord(word);
}

/** Another job the question is about ("un chef de projet", "un product designer", "un développeur"), or null. */
export function findOtherJob(reading: QuestionReading, index: ArticleIndex, lexicon: Lexicon, stems: string[], consumed: Set<number>): string | null {
  const { tokens } = reading;
  // "le chef direct", "le responsable hiérarchique": a phrase of HR vocabulary opened by a job title's head is no job
  // title ("product manager", which the lexicon reads as a subject too, still is one).
  const phrases = conceptSequence(tokens, lexicon).filter((token) => token.kind === 'content' && token.end - token.start >= 2 && isJobHead(tokens[token.start]!, lexicon.language));
  const inPhrase = new Set(phrases.flatMap((token) => Array.from({ length: token.end - token.start }, (_, offset) => token.start + offset)));
  /** Phrases of the lexicon ("au jour le jour"): a word of one is no complement of a head outside it. */
  const lexiconPhrases = conceptSequence(tokens, lexicon).filter((token) => token.kind === 'content' && token.end - token.start >= 2);
  const inPhraseWithout = (word: number, head: number) => lexiconPhrases.some((token) => word >= token.start && word < token.end && (head < token.start || head >= token.end));
  consumed = new Set([...consumed, ...inPhrase]);
  const { language } = lexicon;
  const neighbour = (at: number, step: 1 | -1) => neighbourOf(tokens, at, step, index.linkWords);
  const isNameWord = (at: number | null, role: IndexedRole) => at !== null && role.nameStems.has(stems[at]!);
  // "un chef de projet": a role's first word, used as a job title, followed by a word of no role name.
  for (let at = 0; at < tokens.length; at += 1) {
    // Only a name of several words has a head that a different complement turns into another job.
    const heads = index.roles.filter((role) => role.headStem === stems[at] && role.nameStems.size > role.headStems.size);
    const previousWord = at > 0 ? tokens[at - 1]! : '';
    if (heads.length === 0 || inPhrase.has(at) || !reading.inFocus.has(at) || !(at === 0 || opensJobTitle(previousWord, language))) continue;
    const next = neighbour(at, 1);
    // "Quelles tâches le guide assure pendant un circuit ?": after a definite determiner, the role's head followed by
    // a verb and its complements is that role doing something, not another job ("un guide interprète" still is one).
    const definite = !language.has('indefiniteDeterminers', previousWord) && !language.has('becomingWords', previousWord);
    // "Quel matériel l'assistante manipule au cabinet ?": right after the head, a word with no job-title shape followed
    // by a determiner or a preposition is a verb too.
    const beforeComplement = next === at + 1 && next + 1 < tokens.length && (language.has('determiners', tokens[next + 1]!) || language.has('objectPrepositions', tokens[next + 1]!)) && !hasJobTitleEnding(tokens[next]!) && !isJobHead(tokens[next]!, language);
    const actsOn = next !== null && next + 1 < tokens.length && (looksLikeVerb(tokens[next]!) || beforeComplement || isVerbForm(tokens[next]!)) && definite;
    // "le boulot d'un rayonniste au jour le jour": a word of a phrase of the lexicon is no complement of the head.
    // "un vendeur en fin de mois": nor is a complement of time.
    const when = next !== null && language.has('timeWords', tokens[next]!) && tokens.slice(at + 1, next).some((word) => language.has('timePrepositions', word));
    // "un médiateur au musée" where the article speaks of its museum: nor is the place the article's role works in.
    const where = next !== null && index.surfaceWords.has(tokens[next]!) && tokens.slice(at + 1, next).some((word) => language.has('settingPrepositions', word));
    // "Cordier vs guide : les horaires ?": a determiner with no preposition opens a new phrase, not the head's complement.
    const newPhrase = next !== null && next > at + 1 && !tokens.slice(at + 1, next).some((word) => language.has('complementPrepositions', word) || language.has('namePrepositions', word));
    if (next !== null && heads.some((role) => ownTrade(role, tokens[next]!) || misspeltNameWord(role, tokens[next]!)) && !index.mentions(tokens.slice(at, next + 1))) continue;
    if (next !== null && !actsOn && !when && !where && !newPhrase && !inPhraseWithout(next, at) && !reading.markerPositions.has(next) && !lexicon.stopWords.has(tokens[next]!) && !lexicon.fillers.hasWord(tokens[next]!) && !index.roles.some((role) => isNameWord(next, role) || role.abbreviations.has(tokens[next]!))) {
      const title = tokens.slice(at, next + 1);
      // "Qui est rattaché au directeur régional ?": in a lookup, a title the article itself writes is what is looked up.
      if ((reading.markers.who || reading.markers.yesNo) && index.mentions(title)) continue;
      return title.join(' ');
    }
  }
  // "un product designer" when roles are "UX designer" and "UI designer": a word of no role name
  // where the roles put the word that tells them apart.
  for (let at = 0; at < tokens.length && index.sharedNameStems.size > 0; at += 1) {
    if (!index.sharedNameStems.has(stems[at]!)) continue;
    const side = neighbour(at, index.distinctiveFirst ? -1 : 1);
    if (side === null || consumed.has(side) || index.sharedNameStems.has(stems[side]!) || lexicon.stopWords.has(tokens[side]!)) continue;
    if (reading.markerPositions.has(side) || index.roles.some((role) => role.abbreviations.has(tokens[side]!))) continue;
    if (!index.distinctiveFirst && (at === 0 || !opensJobTitle(tokens[at - 1]!, language))) continue;
    // "Est-ce que le chef utilise Figma ?": after a definite determiner, the word followed by a verb is someone acting.
    if (!index.distinctiveFirst && side === at + 1 && side + 1 < tokens.length && !language.has('indefiniteDeterminers', tokens[at - 1]!) && isVerbForm(tokens[side]!)) continue;
    if (index.distinctiveFirst && side !== at - 1) continue;
    // "devenir vétérinaire": a word that opens a job title is no part of it.
    if (index.distinctiveFirst && opensJobTitle(tokens[side]!, language)) continue;
    const title = tokens.slice(Math.min(at, side), Math.max(at, side) + 1);
    // "Qui suit le budget formation ?" beside a Responsable formation: in a lookup, what the article writes is looked up.
    if ((reading.markers.who || reading.markers.yesNo) && index.mentions(title)) continue;
    return title.join(' ');
  }
  // "les missions d'un notaire", "devenir magistrat": where a role would stand, a word the article never
  // uses that reads like a job title (-aire, -ier, -eur, -iste, -ien…) is another job.
  for (let at = 1; at < tokens.length; at += 1) {
    const word = tokens[at]!;
    const before = tokens[at - 1]!;
    if (!reading.inFocus.has(at) || consumed.has(at) || word.length < 5) continue;
    // "Sur un chantier, le monteur…": after a preposition saying where and « un », a place.
    if (language.has('indefiniteDeterminers', before) && language.has('placePrepositions', tokens[at - 2] ?? '')) continue;
    // "pour être notaire" asks about a job, "pour être performant" about a quality: after the copula, a
    // word shaped like a present participle is an adjective.
    const copula = language.has('copulas', before);
    if (!opensSubjectJob(before, language) && !(copula && !looksLikeParticiple(word))) continue;
    // "Qui coupe les griffes du chien ?": in a lookup, a noun after the verb is what the task is done to or
    // for; only "qui est …" (identityVerbs) or "qui peut devenir …" asks about a job.
    const asksWho = tokens.slice(0, at).some((token) => language.has('identityVerbs', token));
    if (reading.markers.who && !copula && !asksWho && !language.has('becomingWords', before)) continue;
    // "un commercial", "un agent": a head noun of job titles alone is a job even when the article uses the
    // word otherwise ("un profil commercial").
    // A head with a complement ("responsable du bureau d'études") is read whole below.
    const complement = neighbour(at, 1);
    const alone = complement === null || reading.markerPositions.has(complement) || !isContent(tokens[complement]!, lexicon);
    if ((isJobHead(word, language) || language.has('jobHeadsLast', word)) && !alone) continue;
    // "Qui peut devenir régisseur de domaine ?": in a lookup, a title the article writes (an evolution it lists) is
    // what is looked up.
    if ((reading.markers.who || reading.markers.yesNo) && index.mentions(tokens.slice(at, alone ? at + 1 : complement + 1))) continue;
    const head = isJobHead(word, language) && (language.has('indefiniteDeterminers', before) || language.has('becomingWords', before));
    // "les missions du concepteur de jeux": after a subject's word and « du », the person whose subject it is.
    // "les outils du quotidien" are no one's: a word of time is no person.
    const owner = language.has('genitivePrepositions', before) && at >= 2 && isVocabulary(tokens[at - 2]!, lexicon) && !lexicon.stopWords.has(tokens[at - 2]!) && !language.has('timeWords', word);
    // "le salaire d'un infirmier": after "un" or "devenir", a job-like word the article only mentions is still another job.
    const introduced = language.has('indefiniteDeterminers', before) || language.has('becomingWords', before) || owner;
    if (!head && ((index.surfaceWords.has(word) && !introduced) || isVocabulary(word, lexicon))) continue;
    // "le climat de travail", "la couleur du logo": after a definite determiner, a noun with a complement
    // of its own is a thing ("un huissier de justice" is a job).
    if (!introduced && language.has('genitivePrepositions', tokens[at + 1] ?? '')) continue;
    // "la couleur": a masculine ending after a feminine determiner is no job title, nor the reverse.
    const gender = head || language.has('jobHeadsLast', word) ? 'either' : titleGender(word);
    if (gender === null || !agrees(gender, before, language)) continue;
    // A role's own word in another form ("infirmière", "avocate", "logisticien") is that role.
    if (isRoleWord(word, index) || knownTitle([word], index, lexicon)) continue;
    return word;
  }
  // "un chef de projet", "le directeur des opérations", "un agent immobilier": a head noun of job titles
  // and its complement, where a role would stand, that names none of the library's roles.
  for (let at = 0; at < tokens.length; at += 1) {
    const word = tokens[at]!;
    // "un designer UX": a borrowed head may come first too, unless it is also a word of the HR vocabulary
    // ("un master en sciences politiques" is a degree).
    const head = isJobHead(word, language) || (language.has('jobHeadsLast', word) && !isVocabulary(word, lexicon));
    if (!head || !reading.inFocus.has(at) || consumed.has(at) || looksPlural(word)) continue;
    // "pour être chef de projet", but "pour être responsable du budget": after the copula, a head that is
    // also an adjective describes.
    const before = at > 0 ? tokens[at - 1]! : '';
    const afterJobWord = language.has('jobComplementPrepositions', before) && language.has('jobWords', tokens[at - 2] ?? '');
    const copula = language.has('copulas', before);
    if (at > 0 && !afterJobWord && !(copula ? !isAdjectivalHead(word, language) : opensJobTitle(before, language))) continue;
    const next = neighbour(at, 1);
    // "le médecin thermal" beside an Agente thermale: a head that is no role's word, before a word of a role's name that
    // is not its head, is another job sharing the role's qualifier — unless both heads lead ("le chef de rayon végétal"
    // is the Responsable de rayon végétal, pack leaderHeads; "le prof d'équitation" the Enseignant d'équitation).
    const kin = kindredClassOf(word, language);
    const sharesQualifier = (other: number) =>
      !isRoleWord(word, index) && index.roles.some((role) => role.nameStems.has(stems[other]!) && !role.headStems.has(stems[other]!) && !(kin !== undefined && role.headStem !== null && index.kindredHeads.get(role.headStem) === kin));
    if (next === null || (consumed.has(next) && !sharesQualifier(next)) || reading.markerPositions.has(next) || !isContent(tokens[next]!, lexicon)) continue;
    // "Est-ce que le chef utilise Figma ?": after a definite determiner, the head followed by a verb is someone acting.
    const definite = at > 0 && language.has('determiners', before) && !language.has('indefiniteDeterminers', before);
    if (definite && next === at + 1 && next + 1 < tokens.length && isVerbForm(tokens[next]!)) continue;
    if (index.roles.some((role) => role.abbreviations.has(tokens[next]!))) continue;
    const title = tokens.slice(at, next + 1);
    if (knownTitle(title, index, lexicon)) continue;
    if (asksAbout(title, at, reading, index, language) || !title.every((part) => index.linkWords.has(part) || index.surfaceStems.has(stem(part)))) return title.join(' ');
  }
  // "une sage-femme", "un technico-commercial": a compound noun where a role would stand.
  for (const at of reading.joined) {
    const first = at - 1;
    // "technico-commercial": a role's word glued to another word is another title; "aide-soignant" is the role.
    if (first < 1 || !reading.inFocus.has(first) || consumed.has(first)) continue;
    const before = tokens[first - 1]!;
    if (!language.has('indefiniteDeterminers', before) && !language.has('becomingWords', before)) continue;
    const title = [tokens[first]!, tokens[at]!];
    if (title.some((part) => !isContent(part, lexicon)) || lexicon.phraseConcepts.has(title.map(stem).join(' ')) || knownTitle(title, index, lexicon)) continue;
    // "Qui utilise un tire-crin ?": in a lookup, a compound the article writes (a tool in its lists) is what is looked up.
    if ((reading.markers.who || reading.markers.yesNo) && index.mentions(title)) continue;
    return title.join(' ');
  }
  // "un data scientist", "pour être scrum master", "un office manager": a borrowed title, head last.
  for (let at = 1; at < tokens.length; at += 1) {
    const head = tokens[at]!;
    const modifier = tokens[at - 1]!;
    if (!language.has('jobHeadsLast', head) || !reading.inFocus.has(at) || consumed.has(at) || consumed.has(at - 1)) continue;
    if (reading.markerPositions.has(at - 1) || index.linkWords.has(modifier) || !isContent(modifier, lexicon)) continue;
    const title = [modifier, head];
    if (knownTitle(title, index, lexicon)) continue;
    if (asksAbout(title, at - 1, reading, index, language) || !title.every((part) => index.surfaceStems.has(stem(part)))) return title.join(' ');
  }
  return null;
}
