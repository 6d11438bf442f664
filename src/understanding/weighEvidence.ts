/**
 * What one article can say about a question: roles named, other jobs, the words left once roles and
 * markers are taken out, the subjects HR asks about, section scores and matching bullets.
 */
import type { Section } from '../knowledge/knowledgeBase.js';
import { conceptSequence, kindredClassOf, roleWordByRoot, SECTION_FIELD_WEIGHTS, SURFACE_PREFIX, surfaceOf, topicTerm, type ArticleIndex, type ConceptToken, type IndexedItem, type IndexedRole } from './articleIndex.js';
import type { LanguagePack } from '../language/languagePack.js';
import type { Lexicon } from '../language/lexicon.js';
import { looksLikeActivity, looksLikeInfinitive, looksLikeVerb, looksPlural, masculineInName } from '../text/morphology.js';
import { findOtherJob, neighbourOf } from './otherJob.js';
import { stem } from '../text/normalize.js';
import type { QuestionReading } from './readQuestion.js';

/** How much an unknown word weighs against the article's words: like its rarest word, half for a verb. */
export function unknownWeight(concept: string, index: ArticleIndex, verbs: Set<string>): number {
  return verbs.has(concept) ? index.maxItemIdf / 2 : index.maxItemIdf;
}

/** Parts of an article's strength, used only to choose between articles. */
const STRENGTH = Object.freeze({
  /** "un chef de produit" fits an article whose roles are chefs de produit. */
  genericRole: 0.5,
  /** A section match counts up to this much. */
  maxSection: 3,
  /** Per unit of the best bullet's match (0..1+). */
  item: 3,
  /** Per word the article does not know. */
  unknownWord: 1,
  /** Another job named. */
  otherJob: 2,
});

/** A bullet is preferred to a sentence of prose that matches about as well. */
const BULLET_BONUS = 1.1;

/** A section word said with a phrase ("avec qui") weighs this much more than one said with a single word. */
const PHRASE_BONUS = 1.5;
/** How much a word qualifying the subject asked counts towards a section, beside the subject itself. */
const QUALIFIER_WEIGHT = 0.5;

/** Weight of a section word said in a context clause rather than in the clause that asks. */
const CONTEXT_WEIGHT = 0.3;

/** Weight of recall against precision when matching a question to a bullet (F-beta). */
const ITEM_BETA = 0.5;

/** Role mention strength: strong = full name or abbreviation; medium = "le marketing"; weak = the bare word. */
export type MentionStrength = 3 | 2 | 1;


export interface Evidence {
  article: ArticleIndex;
  /** Role id → mention strength. */
  roles: Map<string, MentionStrength>;
  /** Roles named by one of their whole names or an initialism, not by part of a name ("chargé d'affaires" for "Chargé d'affaires entreprises"). */
  wholeNames: Set<string>;
  /** Roles whose distinctive word appears without the rest of the name: used when nothing else decides. */
  weakRoles: Set<string>;
  /** Roles named only as the object of a preposition: a "Qui … pour les X ?" still looks for another role. */
  objectRoles: Set<string>;
  /** A role was named without saying which ("un chef de produit"). */
  genericRole: boolean;
  /** The role the question describes instead of naming it ("la personne qui gère la playlist"), when no role is named. */
  described: string | null;
  /** The roles whose names hold the word several roles share that the question says ("l'autre régisseur"). */
  genericRoles: string[];
  /** "Entre un CDD et un CDI": the question compares two things, neither of them a role of this article. */
  comparesOtherThings: boolean;
  /**
   * The question asks what the roles share ("en commun", "points communs") outside the names of this article's roles:
   * « l'agent d'entretien des parties communes » names a role, it asks nothing of what the roles share.
   */
  sharedAsked: boolean;
  /**
   * For each role named, the words that named it (stems of its name, or its initialism as written): what another
   * article's role may be named by too (« assistant » names ten roles of a library).
   */
  roleKeys: Map<string, string[]>;
  /** Another job is named ("chef de projet", "data scientist"). */
  otherJob: string | null;
  /** Content concepts left once roles and markers are taken out. */
  content: string[];
  /** Concepts this article does not know. */
  unknown: string[];
  /** Content concepts whose word looks like a verb: they weigh less when unknown. */
  verbLike: Set<string>;
  /**
   * Topics named; covered = the article has a section about it; asked = named in the clause that asks;
   * qualifying = named only in a complement of what is asked ("le salaire EN DÉBUT DE CARRIÈRE"); alone = no other
   * word the article knows is asked before the complements.
   */
  topics: { id: string; name: string; covered: boolean; asked: boolean; qualifying: boolean; alone: boolean }[];
  sections: { section: Section; score: number; strong: boolean; matched: string[] }[];
  /** Bullets that share specific words with the question; `weight` sums the idf of the shared words. */
  items: { item: IndexedItem; f1: number; matched: string[]; weight: number }[];
  /** Overall strength, to choose between articles. */
  strength: number;
}

/** Roles a question names, and the words that name them (read on stems, before synonyms). */
interface RoleMentions {
  roles: Map<string, MentionStrength>;
  wholeNames: Set<string>;
  /** Roles whose distinctive word appears without the rest of the name: used when nothing else decides. */
  weakRoles: Set<string>;
  /** A role was named without saying which ("un chef de produit"). */
  genericRole: boolean;
  /** The roles whose names hold the shared word said. */
  genericRoles: string[];
  /** Token positions that name a role: not the subject of the question. */
  consumed: Set<number>;
  /** Token positions that name, whole, a role of another article of the library: words this article does not know. */
  foreign: Set<number>;
  /** Roles named only as the object of a preposition ("pour les commerciaux itinérants"), not as the subject. */
  objectRoles: Set<string>;
}

/** Finds the roles named: full names and initialisms (strong), "le marketing" (medium), a bare word (weak). */
function readRoleMentions(reading: QuestionReading, index: ArticleIndex, stems: string[], lexicon: Lexicon): RoleMentions {
  const { tokens } = reading;
  const { stopWords, language } = lexicon;
  const consumed = new Set<number>();
  const roles = new Map<string, MentionStrength>();
  const weakRoles = new Set<string>();
  const namedWhole = new Set<string>();
  const weakPositions: { roleId: string; at: number }[] = [];
  const subjectRoles = new Set<string>();
  /** Roles named in the clauses that ask, and roles named only around them ("J'ai un technicien qui veut évoluer."). */
  const askedRoles = new Set<string>();
  /** Roles named somewhere else than in a description of the role asked about. */
  const namedOutsideDescription = new Set<string>();
  /**
   * "le poste de comptable", "un profil front", "celui de contrôleur de gestion": a word for a job (or "de" after one)
   * introduces the role named at `at`.
   */
  const introducedAsJob = (at: number) => {
    const previous = tokens[at - 1] ?? '';
    const beforeComplement = tokens[at - 2] ?? '';
    return language.has('jobWords', previous) || (language.has('jobComplementPrepositions', previous) && (language.has('jobWords', beforeComplement) || language.has('jobStandIns', beforeComplement)));
  };
  const note = (roleId: string, strength: MentionStrength, at: number) => {
    roles.set(roleId, Math.max(roles.get(roleId) ?? 0, strength) as MentionStrength);
    if (!reading.aroundQuestion.has(at)) askedRoles.add(roleId);
    // "pour tenir le poste de régisseur plateau": a role a word for a job introduces is the one asked about, not an object.
    if (!reading.described.has(at) || introducedAsJob(at)) namedOutsideDescription.add(roleId);
  };
  const neighbour = (at: number, step: 1 | -1) => neighbourOf(tokens, at, step, index.linkWords);
  const isNameWord = (at: number | null, role: IndexedRole) => at !== null && role.nameStems.has(stems[at]!);
  let genericRole = false;
  const genericRoles = new Set<string>();
  /** Where a role is named by its head alone ("le chef"), to read a role named whole right after it as its complement. */
  const headNamedAt = new Map<number, string>();

  // A role's whole name, longest names first: "le vétérinaire" names the Vétérinaire even when
  // "Auxiliaire spécialisé vétérinaire" is a role too, and the longer name, when written, wins its words.
  const wholeNames = index.roles
    .flatMap((role) => role.foldedNames.map((name) => ({ role, parts: name.split(' ').filter((part) => part !== '' && !index.linkWords.has(part)).map(stem) })))
    .filter((entry) => entry.parts.length > 0)
    .sort((a, b) => b.parts.length - a.parts.length);
  const contentAt = tokens.map((_, at) => at).filter((at) => !index.linkWords.has(tokens[at]!));
  const asked = new Set(contentAt.map((at) => stems[at]!));
  /** Where the question writes a role name of another article of the library, and how many words it takes. */
  const otherNames = (): { positions: number[]; size: number; names: ReadonlySet<string> }[] => {
    const found: { positions: number[]; size: number; names: ReadonlySet<string> }[] = [];
    for (const names of index.otherArticlesRoles) {
      if (![...names].every((part) => asked.has(part))) continue;
      for (let start = 0; start + names.size <= contentAt.length; start += 1) {
        const positions = contentAt.slice(start, start + names.size);
        if (new Set(positions.map((at) => stems[at]!)).size !== names.size) continue;
        if (positions.every((at) => names.has(stems[at]!)) && positions[positions.length - 1]! - positions[0]! < names.size * 3) found.push({ positions, size: names.size, names });
      }
    }
    return found;
  };
  const longerElsewhere = otherNames();
  const wholeMentions: { roleId: string; start: number; end: number }[] = [];
  for (const { role, parts } of wholeNames) {
    for (let start = 0; start + parts.length <= contentAt.length; start += 1) {
      const positions = contentAt.slice(start, start + parts.length);
      if (positions.some((at) => consumed.has(at)) || !parts.every((part, offset) => stems[positions[offset]!] === part)) continue;
      // "Responsable comptable" in a library that has it: the Comptable of another article is only part of that name.
      if (longerElsewhere.some((other) => other.size > parts.length && positions.every((at) => other.positions.includes(at)))) continue;
      // Only consecutive words (link words aside) make a name.
      if (positions[positions.length - 1]! - positions[0]! >= parts.length * 3) continue;
      note(role.role.id, 3, positions[0]!);
      namedWhole.add(role.role.id);
      for (const at of positions) consumed.add(at);
      wholeMentions.push({ roleId: role.role.id, start: positions[0]!, end: positions[positions.length - 1]! });
    }
  }
  // "pour l'expert-comptable et le commissaire aux comptes": a name coordinated with an object is an object too.
  wholeMentions.sort((a, b) => a.start - b.start);
  let previous: { end: number; object: boolean } | null = null;
  for (const mention of wholeMentions) {
    const openingAt = [mention.start - 1, mention.start - 2, mention.start - 3].find((at) => at >= 0 && !index.linkWords.has(tokens[at]!));
    const opening = openingAt === undefined ? undefined : tokens[openingAt]!;
    const coordinated: boolean = openingAt !== undefined && language.has('coordinators', opening!) && previous !== null && neighbour(openingAt, -1) === previous.end;
    const object: boolean = coordinated ? previous!.object : opening !== undefined && language.has('objectPrepositions', opening);
    if (!object) subjectRoles.add(mention.roleId);
    previous = { end: mention.end, object };
  }
  // "Et pour un gestionnaire de paie ?" read in another article of the library: the whole name of a role of
  // another article says nothing of this one's sections ("paie" would count as a salary word here); its words
  // stay foreign to this article.
  const foreign = new Set<number>();
  for (const { positions } of longerElsewhere) if (!positions.some((at) => consumed.has(at))) for (const at of positions) foreign.add(at);
  // "les missions du chef de mission": a word before a name written whole is no part of it (one after it may go on
  // with a longer name: "technicien qualité" after the alias « Technicien »).
  const namedWholeAt = new Set(consumed);

  // "du chef de projet informatique" where this article has a Chef de projet événementiel: the words of another
  // article's role, named whole, name none of this article's roles one by one either — unless one of this article's
  // names holds them all ("conseiller clientèle" is also part of the Conseiller clientèle en assurance).
  const elsewhereOnly = new Set<number>();
  for (const { positions, names } of longerElsewhere) {
    if (!index.roles.some((role) => [...names].every((part) => role.nameStems.has(part)))) for (const at of positions) if (foreign.has(at)) elsewhereOnly.add(at);
  }
  /** Words several roles' names hold, where the question writes them alone. */
  const sharedWords: { at: number; holders: IndexedRole[] }[] = [];
  /** Words every role's name holds and one of them heads, read as that role or as the trade once the others are read. */
  const headedShared: number[] = [];
  tokens.forEach((word, at) => {
    if (consumed.has(at) || elsewhereOnly.has(at)) return;
    // "l'adjoint" for the Pharmacien adjoint: a word of the name that is a job title's head on its own names it too.
    const jobHead = language.has('jobHeads', word) || language.has('adjectivalJobHeads', word);
    for (const role of index.roles) {
      // The word that opens the name: after "pour", "avec"… the role is what the question is done for or with.
      const opening = [tokens[at - 1], tokens[at - 2], tokens[at - 3]].find((word) => word !== undefined && !index.linkWords.has(word) && !role.nameStems.has(stem(word)));
      const subject = opening === undefined || !language.has('objectPrepositions', opening);
      // An initialism that is also a common word ("as", "ca" for "ça") names the role only in capitals ("le CA").
      if (role.abbreviations.has(word) && (!stopWords.has(word) || reading.capitals.has(word))) {
        note(role.role.id, 3, at);
        namedWhole.add(role.role.id);
        consumed.add(at);
        // "l'artif et le CT": a role named by its initialism is a subject as one named in words is.
        if (subject) subjectRoles.add(role.role.id);
        continue;
      }
      if (!role.distinctiveStems.has(stems[at]!)) continue;
      const before = neighbour(at, -1);
      const after = neighbour(at, 1);
      const previousWord = at > 0 ? tokens[at - 1]! : '';
      const isHead = role.headStems.has(stems[at]!) || role.soleDistinctiveStems.has(stems[at]!) || jobHead;
      // "Chef de produit digital ou marketing", "comptable et contrôleur de gestion": a name coordinated with another role's name.
      const otherNameAcross = (conjunction: number | null, step: 1 | -1) =>
        conjunction !== null && language.has('coordinators', tokens[conjunction]!) && Math.abs(at - conjunction) === 1 &&
        (() => { const far = neighbour(conjunction, step); return far !== null && index.roles.some((other) => other !== role && isNameWord(far, other)); })();
      const coordinated = otherNameAcross(before, -1) || otherNameAcross(after, 1);
      const afterJobWord = introducedAsJob(at);
      if (subject) subjectRoles.add(role.role.id);
      const besideName = (side: number | null) => isNameWord(side, role) && !(side === after && namedWholeAt.has(side!));
      if (besideName(before) || besideName(after) || (coordinated && isHead)) {
        note(role.role.id, 3, at);
        consumed.add(at);
        for (const side of [before, after]) if (side !== null && besideName(side)) consumed.add(side);
      } else if (isHead && (language.has('roleOpeners', previousWord) || at === 0 || afterJobWord)) {
        note(role.role.id, 2, at);
        consumed.add(at);
        headNamedAt.set(at, role.role.id);
      } else {
        weakRoles.add(role.role.id);
        weakPositions.push({ roleId: role.role.id, at });
      }
    }
    // "l'autre régisseur" beside a Régisseur général and a Régisseur plateau: a word several roles' names hold.
    const holders = index.roles.filter((role) => role.nameStems.has(stems[at]!));
    if (holders.length >= 2 && !consumed.has(at)) {
      for (const role of holders) genericRoles.add(role.role.id);
      sharedWords.push({ at, holders });
    }
    if (index.sharedNameStems.has(stems[at]!)) {
      // "le vétérinaire" beside an Auxiliaire spécialisé vétérinaire and a Vétérinaire praticien: a word every name
      // holds but only one heads may name that one (below); otherwise it names the trade, every role.
      if (holders.filter((role) => role.headStem === stems[at]).length === 1) headedShared.push(at);
      else {
        consumed.add(at);
        genericRole = true;
      }
    }
  });
  // "le chef d'agence" for the Directeur d'agence immobilière, "le responsable d'équipe" for the Chef d'équipe
  // propreté, "le prof d'équitation" for the Enseignant d'équitation: a head said for another (pack leaderHeads,
  // teacherHeads) before a word of a role's name names that role, when it is the one role whose name holds that word
  // and is headed by another head of its class (its own head is read above).
  const { kindredHeads } = index;
  tokens.forEach((word, at) => {
    const kin = kindredClassOf(word, language);
    if (consumed.has(at) || kin === undefined) return;
    const next = neighbour(at, 1);
    if (next === null || consumed.has(next) || index.linkWords.has(tokens[next]!)) return;
    const led = index.roles.filter((role) => role.nameStems.has(stems[next]!) && role.headStem !== stems[next] && role.headStem !== null && role.headStem !== stems[at] && kindredHeads.get(role.headStem) === kin);
    if (led.length !== 1) return;
    note(led[0]!.role.id, 2, at);
    consumed.add(at);
    consumed.add(next);
    subjectRoles.add(led[0]!.role.id);
  });
  // "la monitrice" alone beside an Enseignant d'équitation: with no complement of its own, a teacher's head names the
  // one role headed by another teacher's head, when no role's name is headed by the word itself. A word of a name
  // after it is read above; any other word but a verb or a word of the HR vocabulary (« gagne », « horaires ») makes it
  // another job's title ("le prof de ski"). A leader's head alone does not: « le chef », « le manager » is whoever leads
  // the one who asks.
  tokens.forEach((word, at) => {
    if (consumed.has(at) || looksPlural(word) || kindredClassOf(word, language) !== 'teacherHeads' || index.roles.some((role) => role.headStem === stems[at])) return;
    const next = neighbour(at, 1);
    const complement = next !== null && !stopWords.has(tokens[next]!) && !reading.markerPositions.has(next) && !looksLikeVerb(tokens[next]!) && !lexicon.wordConcepts.has(tokens[next]!);
    if (complement) return;
    const kindred = index.roles.filter((role) => role.headStem !== null && kindredHeads.get(role.headStem) === 'teacherHeads');
    if (kindred.length !== 1) return;
    note(kindred[0]!.role.id, 1, at);
    consumed.add(at);
    subjectRoles.add(kindred[0]!.role.id);
  });
  // "soigneur, chef soigneur et RZ": beside one of the roles whose names hold it, named whole, a bare word several
  // names hold is the one role left that it heads (the Soigneur animalier, not the Chef soigneur once more).
  // Alone after a role opener ("le soigneur", beside a Soigneur animalier and a Chef soigneur), it is the one role whose
  // name it heads: the other's name only ends with it.
  for (const { at, holders } of sharedWords) {
    if (consumed.has(at)) continue;
    // Only the head of one of them: « agent SSIAP 1 » beside an Agent de prévention writes the head of both.
    const headed = holders.filter((role) => role.headStem === stems[at]);
    const beside = holders.some((role) => namedWhole.has(role.role.id));
    const left = holders.filter((role) => !roles.has(role.role.id));
    const alone = !holders.some((role) => roles.has(role.role.id)) && (at === 0 || language.has('roleOpeners', tokens[at - 1]!) || language.has('becomingWords', tokens[at - 1]!));
    if (headed.length === 1 && left.includes(headed[0]!) && ((beside && left.length === 1) || alone)) {
      note(headed[0]!.role.id, 2, at);
      consumed.add(at);
      subjectRoles.add(headed[0]!.role.id);
    }
  }
  for (const at of headedShared) {
    if (consumed.has(at)) continue;
    consumed.add(at);
    genericRole = true;
  }
  // "le chef des facteurs" for the Chef d'équipe distribution: a role named whole, in the plural, as the complement of
  // another role's head ("des" right between, pack genitivePrepositions) is the team that role leads, not a role asked
  // about. In the singular it is a list ("du moniteur, du palefrenier") or a comparison ("l'économiste de l'archi").
  for (const mention of wholeMentions) {
    const head = neighbour(mention.start, -1);
    const leader = head === null ? undefined : headNamedAt.get(head);
    const genitive = head === mention.start - 2 && language.has('genitivePrepositions', tokens[head + 1]!) && looksPlural(tokens[mention.end]!);
    if (leader === undefined || leader === mention.roleId || !genitive || wholeMentions.some((other) => other !== mention && other.roleId === mention.roleId)) continue;
    roles.delete(mention.roleId);
    namedWhole.delete(mention.roleId);
    subjectRoles.delete(mention.roleId);
  }
  for (const roleId of roles.keys()) weakRoles.delete(roleId);
  // "diff infirmier aide soignant": beside a named role and a comparison word, a bare role word names its role.
  // Two bare role words in a comparison ("entre un profil front et un profil back") name both roles too.
  if ((roles.size > 0 || weakRoles.size >= 2) && (reading.markers.comparison || reading.markers.overview)) {
    for (const { roleId, at } of weakPositions) {
      if (!weakRoles.has(roleId)) continue;
      note(roleId, 2, at);
      consumed.add(at);
    }
    weakRoles.clear();
  }
  // A role named only in the context around the question, beside one named in it, is not asked about.
  if (askedRoles.size > 0) for (const roleId of [...roles.keys()]) if (!askedRoles.has(roleId)) roles.delete(roleId);
  // "Celui qui encadre les agents de nettoyage": a role named inside the description of another is what that one acts on.
  const objectRoles = new Set([...roles.keys()].filter((roleId) => !subjectRoles.has(roleId) || !namedOutsideDescription.has(roleId)));
  return { roles, wholeNames: namedWhole, weakRoles, genericRole: genericRole && roles.size === 0, genericRoles: [...genericRoles], consumed, foreign, objectRoles };
}

/**
 * The stems of a question's words, a role word written otherwise read as that role word: "tech", "ingé",
 * "assist" (the start of a role word), "logisticien" for "Responsable logistique" (the same root), and a
 * clipping that starts several role words read by the name it follows ("délégué pharma" is the Délégué
 * pharmaceutique, "préparateur en pharma" the Préparateur en pharmacie). A word the article itself uses
 * ("contrôle" in "contrôle de gestion") is that word, not a clipping, unless it names a post ("au repassage").
 */
export function roleWordStems(tokens: readonly string[], index: ArticleIndex, lexicon: Lexicon): string[] {
  const { stopWords, language } = lexicon;
  const stems = tokens.map(stem);
  const read = stems.map((stemmed, at) => {
    const word = tokens[at]!;
    // "quand on est au repassage", "après quelques années à conduire": an activity after a preposition saying where
    // names the post of the role whose name shares its root, even where the article writes that word for the task;
    // so does a verb right after a preposition ("le droit de tatouer"). A place ("au jardin") or an HR term ("au
    // forfait jours") names no post.
    let before = at - 1;
    while (before >= 0 && !language.has('settingPrepositions', tokens[before]!) && language.has('determiners', tokens[before]!)) before -= 1;
    const infinitiveAfter = at > 0 && looksLikeInfinitive(word) && language.has('complementPrepositions', tokens[at - 1]!);
    if ((before >= 0 && language.has('settingPrepositions', tokens[before]!) && looksLikeActivity(word)) || infinitiveAfter) {
      const post = roleWordByRoot(word, index);
      if (post !== null) return post;
    }
    // "l'analyste perf", "le prépa physique": beside a word of a role's name, a clipping of that name's word is that
    // word, even when the article writes the clipping too.
    const clipped = index.roleWordPrefixes.get(word);
    const besideName = clipped !== undefined && [stems[at - 1], stems[at + 1]].some((neighbour) => neighbour !== undefined && index.roles.some((role) => role.nameStems.has(neighbour) && role.nameStems.has(clipped) && neighbour !== clipped));
    if (besideName) return clipped;
    if (index.surfaceWords.has(word) || stopWords.has(word)) return stemmed;
    return index.roleWordPrefixes.get(word) ?? clippingAfterName(at, tokens, stems, index) ?? roleWordByRoot(word, index) ?? stemmed;
  });
  // "éducatrice sportive": after a word of a role's name, an adjective in the feminine is that name's word.
  for (let at = 1; at < read.length; at += 1) {
    const inName = stem(masculineInName(tokens[at]!));
    if (inName !== read[at] && index.roles.some((role) => role.nameStems.has(read[at - 1]!) && role.nameStems.has(inName))) read[at] = inName;
  }
  return read;
}

/** The role word a shared clipping stands for when the word before it belongs to one role's name that has exactly one of them. */
function clippingAfterName(at: number, tokens: readonly string[], stems: readonly string[], index: ArticleIndex): string | null {
  const candidates = index.sharedRoleWordPrefixes.get(tokens[at]!);
  const before = neighbourOf(tokens, at, -1, index.linkWords);
  if (!candidates || before === null) return null;
  const meant = new Set(
    index.roles
      .filter((role) => role.nameStems.has(stems[before]!))
      .flatMap((role) => [...candidates].filter((candidate) => role.nameStems.has(candidate))),
  );
  return meant.size === 1 ? [...meant][0]! : null;
}

/** How many words the first of two compared things may take ("entre femme de chambre et …"). */
const COMPARED_THING_WORDS = 4;

/**
 * "Entre un CDD et un CDI": after a word that opens a comparison ("entre"), the two things joined by a
 * coordinator are content words and neither names a role of this article (role words are consumed).
 */
function comparedThingsAreNoRoles(tokens: readonly string[], consumed: ReadonlySet<number>, index: ArticleIndex, lexicon: Lexicon): boolean {
  const { language } = lexicon;
  const opener = tokens.findIndex((word) => language.has('betweenWords', word));
  if (opener < 0) return false;
  // "entre femme de chambre et gouvernante": the first thing may take a few words before the coordinator.
  const joiner = tokens.findIndex((word, at) => at > opener + 1 && at <= opener + 1 + COMPARED_THING_WORDS && language.has('coordinators', word));
  const second = joiner < 0 ? null : neighbourOf(tokens, joiner, 1, index.linkWords);
  if (second === null) return false;
  const firstWords = tokens.slice(opener + 1, joiner).map((_, offset) => opener + 1 + offset).filter((at) => !index.linkWords.has(tokens[at]!));
  const thing = (at: number) => !consumed.has(at) && !lexicon.stopWords.has(tokens[at]!) && !lexicon.fillers.hasWord(tokens[at]!);
  return firstWords.length > 0 && firstWords.every(thing) && thing(second);
}

/** Share of a description's weight a role's bullet must hold for the description to name that role. */
const DESCRIPTION_COVERAGE = 0.5;
/** What a description's words gathered from several of a role's bullets count for, against one bullet holding them all. */
const GATHERED_WEIGHT = 0.8;
/** How much more of the description than any other role's bullet the best one must hold. */
const DESCRIPTION_LEAD = 0.15;

/**
 * The role a question describes instead of naming it ("la personne qui choisit les chansons qui passent"): the one
 * role whose bullet, or sentence, holds most of the description's words, well ahead of every other role's. Null
 * when the question describes no role, or the article cannot tell which.
 */
export function describedRole(reading: QuestionReading, index: ArticleIndex, lexicon: Lexicon, names: ReadonlySet<number> = new Set()): string | null {
  if (reading.described.size === 0) return null;
  // A role named in the description (« celui qui encadre LES AGENTS ») is left out, as the article's points leave names out.
  const tokens = conceptSequence(reading.tokens, lexicon).filter((token) => token.kind === 'content' && reading.described.has(token.start) && !names.has(token.start) && !lexicon.markerConcepts.has(token.concept));
  const concepts = new Set(tokens.map((token) => token.concept));
  const verbs = new Set(tokens.filter((token) => token.end - token.start === 1 && looksLikeVerb(reading.tokens[token.start]!)).map((token) => token.concept));
  const idf = (concept: string) => index.itemIdf.get(concept) ?? 0;
  // A word the article does not know weighs like its rarest word (half, for a verb): an article that knows one word of
  // the description does not hold it ("aide" alone in "la personne qui aide mon enfant handicapé en classe").
  const total = [...concepts].reduce((sum, concept) => sum + (index.vocabulary.has(concept) ? idf(concept) : unknownWeight(concept, index, verbs)), 0);
  if (total === 0) return null;
  const best = new Map<string, number>();
  // "celui qui pose les diamants sur les bagues": a description may gather words the role's bullets write apart
  // (« Poser … », « … diamants … »); what all its bullets hold counts too.
  const heldByRole = new Map<string, Set<string>>();
  for (const item of index.items) {
    // « L'œnologue, pour les analyses » among the chai master's colleagues describes neither role surely: what the
    // chai master turns to the œnologue for, not what either does.
    const { roleId } = item;
    if (roleId === null || item.namesOthers) continue;
    const found = [...concepts].filter((concept) => item.concepts.has(concept));
    const held = found.reduce((sum, concept) => sum + idf(concept), 0) / total;
    best.set(roleId, Math.max(best.get(roleId) ?? 0, held));
    const gathered = heldByRole.get(roleId) ?? new Set<string>();
    for (const concept of found) gathered.add(concept);
    heldByRole.set(roleId, gathered);
  }
  for (const [roleId, gathered] of heldByRole) {
    const held = [...gathered].reduce((sum, concept) => sum + idf(concept), 0) / total;
    best.set(roleId, Math.max(best.get(roleId) ?? 0, held * GATHERED_WEIGHT));
  }
  const [first, second] = [...best].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < DESCRIPTION_COVERAGE || (second && first[1] - second[1] < DESCRIPTION_LEAD)) return null;
  return first[0];
}

/**
 * The concept of the first content word after a who-question's « qui », with only grammar words between ("qui se
 * sert", "qui doit passer", "lequel des trois doit"), or null. After « est » and a determiner ("Qui est le DRH ?") it is
 * a person or a thing, not a task.
 */
function taskVerbAfterWho(sequence: readonly ConceptToken[], tokens: readonly string[], reading: QuestionReading, lexicon: Lexicon): string | null {
  const { language } = lexicon;
  const first = sequence.find((token) => token.kind === 'content' && reading.inFocus.has(token.start) && !reading.markerPositions.has(token.start));
  if (first === undefined || first.end - first.start !== 1) return null;
  let before = first.start - 1;
  while (before >= 0 && lexicon.stopWords.has(tokens[before]!) && !language.has('whoQuestions', tokens[before]!)) {
    if (language.has('identityVerbs', tokens[before]!) && language.has('determiners', tokens[before + 1] ?? '')) return null;
    before -= 1;
  }
  return before >= 0 && language.has('whoQuestions', tokens[before]!) ? first.concept : null;
}

/** Words a word for a job may stand from the role it introduces ("le boulot d'un maçon": « d' », « un »). */
const MAX_JOB_WORD_GAP = 3;

/**
 * "C'est quoi le boulot d'un maçon ?", "le métier de tailleur": a word for a job (pack jobWords) right before a role's
 * name, maybe through « de » and a determiner, stands for that role; it says no subject. Their positions.
 */
function jobWordsIntroducingRoles(tokens: readonly string[], consumed: ReadonlySet<number>, language: LanguagePack): Set<number> {
  const found = new Set<number>();
  for (const at of consumed) {
    if (consumed.has(at - 1)) continue;
    let before = at - 1;
    while (before >= 0 && at - before <= MAX_JOB_WORD_GAP && (language.has('determiners', tokens[before]!) || language.has('genitivePrepositions', tokens[before]!))) before -= 1;
    if (before >= 0 && language.has('jobWords', tokens[before]!)) found.add(before);
  }
  return found;
}

/** Whether a cue of common ground ("en commun", "communes") occurs somewhere other than inside a role's name. */
function sharedCueOutsideNames(tokens: readonly string[], consumed: ReadonlySet<number>, language: LanguagePack): boolean {
  return tokens.some((_, at) => {
    const length = language.prefixLength('commonGroundCues', tokens, at);
    return length > 0 && !Array.from({ length }, (__, offset) => at + offset).every((position) => consumed.has(position));
  });
}

/** Gathers what one article can say about the question. */
export function weigh(reading: QuestionReading, index: ArticleIndex, lexicon: Lexicon): Evidence {
  const { tokens } = reading;
  const stems = roleWordStems(tokens, index, lexicon);
  const { roles, wholeNames, weakRoles, genericRole, genericRoles, consumed, foreign, objectRoles } = readRoleMentions(reading, index, stems, lexicon);
  // A role described rather than named ("celui qui gère la console"): its description's words stay words of the
  // question (they tell the articles of a library apart), and the role is no role named.
  const described = [...roles.keys()].every((roleId) => objectRoles.has(roleId)) ? describedRole(reading, index, lexicon, consumed) : null;
  const otherJob = findOtherJob(reading, index, lexicon, stems, consumed);
  const comparesOtherThings = comparedThingsAreNoRoles(tokens, consumed, index, lexicon);
  const sharedAsked = reading.markers.shared && sharedCueOutsideNames(tokens, consumed, lexicon.language);
  // Role names are read before synonyms: their words are not the subject of the question.
  // Another article's role name stays in the question as words this article does not know ('#' makes no word).
  const standsForRole = jobWordsIntroducingRoles(tokens, consumed, lexicon.language);
  const sequence = conceptSequence(tokens.map((word, at) => (consumed.has(at) || standsForRole.has(at) ? '|' : foreign.has(at) ? `#${word}` : word)), lexicon);

  const smalltalkPositions = new Set(reading.smalltalk.flatMap((found) => [...found.positions]));
  const content: string[] = [];
  const isSectionWord = (concept: string) => index.sectionIdf.has(concept);
  /** Concepts said in the clauses that ask, not in the context around them. */
  const focusConcepts = new Set<string>();
  /** Concepts whose word looks like a verb ("obtenir", "gèrent"). */
  const verbLike = new Set<string>();
  /** Stems of synonym-renamed words, to tell apart sections whose headings are synonyms. */
  const surfaceTerms: string[] = [];
  /** Concepts the question says with a phrase of several words. */
  const phraseConcepts = new Set<string>();
  /**
   * Concepts that are no sign of a subject the article lacks: a role word written otherwise ("log" for
   * "logistique", "logisticien") and a word asking what the roles share.
   */
  const neverUnknown = new Set<string>();
  // "C'est quoi le rôle de la personne qui étudie le gisement ?": once the description has found its role, its words
  // say who is asked about, not what is asked, when the question asks something else too (a definition, a subject):
  // they point to no section. They still tell articles apart, and a word no article knows is still unknown.
  const outsideDescription = (token: ConceptToken) => token.kind === 'content' && reading.inFocus.has(token.start) && !reading.described.has(token.start) && !lexicon.markerConcepts.has(token.concept) && !reading.markerPositions.has(token.start);
  const describesOnly = described !== null && (reading.markers.definition || sequence.some(outsideDescription));
  /** Concepts said only in the description, which then point to no section. */
  const descriptionOnly = new Set<string>();
  if (describesOnly) {
    const said = (outside: boolean) => sequence.filter((token) => token.kind === 'content' && reading.described.has(token.start) !== outside).map((token) => token.concept);
    const saidOutside = new Set(said(true));
    for (const concept of said(false)) if (!saidOutside.has(concept)) descriptionOnly.add(concept);
  }
  sequence.forEach((token) => {
    // Words every role name has ("produit" from "product manager") refer to the roles, not to a subject.
    if (token.kind !== 'content' || lexicon.markerConcepts.has(token.concept) || index.sharedNameStems.has(token.concept)) return;
    // A phrase partly made of marker words ("avec qui") keeps its meaning; a marker alone does not.
    let covered = true;
    for (let position = token.start; position < token.end; position += 1) {
      const definitionWord = reading.definitionPositions.has(position) && !isSectionWord(token.concept);
      if (!reading.markerPositions.has(position) && !smalltalkPositions.has(position) && !definitionWord) covered = false;
    }
    if (!covered) {
      content.push(token.concept);
      const written = tokens[token.start]!;
      if (token.end - token.start === 1 && stems[token.start] !== stem(written) && index.roles.some((role) => role.nameStems.has(stems[token.start]!))) neverUnknown.add(token.concept);
      // "Qu'est-ce qui rapproche ces postes ?": a word asking what the roles share is known to every article.
      if (reading.commonGroundPositions.has(token.start)) neverUnknown.add(token.concept);
      if (token.end - token.start > 1) phraseConcepts.add(token.concept);
      if (token.end - token.start === 1 && looksLikeVerb(tokens[token.start]!)) verbLike.add(token.concept);
      // The word's own stem too, when a synonym group renamed it: "qualités" is "competence" and "~qualit".
      for (const surface of surfaceOf(token, tokens, lexicon)) {
        surfaceTerms.push(surface);
        if (reading.inFocus.has(token.start)) focusConcepts.add(surface);
      }
      if (reading.inFocus.has(token.start)) focusConcepts.add(token.concept);
    }
  });
  // "Qui regarde le wallboard ?": in a lookup, the verb right after « qui » is the task asked about, in whatever words;
  // what it is done to says which bullet. It is no sign of a subject the article lacks.
  const task = reading.markers.who ? taskVerbAfterWho(sequence, tokens, reading, lexicon) : null;
  if (task !== null) neverUnknown.add(task);

  // The words after a preposition that follows the first word asked only qualify it: "Quel salaire en début
  // de carrière ?" asks about the salary, not the career.
  const head = sequence.find((token) => token.kind === 'content' && reading.inFocus.has(token.start) && content.includes(token.concept));
  const complementFrom = head === undefined ? -1 : tokens.findIndex((word, at) => at >= head.end && lexicon.language.has('complementPrepositions', word));
  const headConcepts = new Set(sequence.filter((token) => token.kind === 'content' && reading.inFocus.has(token.start) && (complementFrom < 0 || token.start < complementFrom)).map((token) => token.concept));
  /** What the question says of its subject after it, in the clause that asks: "au jour le jour" after "ses interlocuteurs". */
  const qualifiers = new Set(
    sequence
      .filter((token) => token.kind === 'content' && complementFrom >= 0 && token.start >= complementFrom && reading.inFocus.has(token.start) && !headConcepts.has(token.concept))
      .flatMap((token) => [token.concept, ...surfaceOf(token, tokens, lexicon)]),
  );
  const topics: Evidence['topics'] = [];
  for (const [id, topic] of lexicon.topics) {
    if (content.some((concept) => topic.signals.has(concept))) {
      topics.push({
        id,
        name: topic.name,
        // A heading or list header covers a subject; a bullet only through a whole phrase ("voiture de fonction"),
        // since one word may mean something else there ("marge brute" is no salary), and only the phrase asked
        // ("les jours fériés" in a bullet says nothing of "congés payés"); a word every role's list of a section
        // holds is that section's subject ("Prime de tutorat", "Prime d'animation").
        covered:
          [...topic.signals].some((signal) => index.coveredSignals.has(signal) || index.everyRoleConcepts.has(signal) || (topic.phrases.has(signal) && index.itemConcepts.has(signal) && content.includes(signal))) ||
          [...topic.within].some((concept) => index.coveredSignals.has(concept)) ||
          index.coveredSignals.has(topicTerm(id)),
        asked: [...focusConcepts].some((concept) => topic.signals.has(concept)),
        qualifying: ![...headConcepts].some((concept) => topic.signals.has(concept)),
        // Nothing else the article knows is asked first: the question is about this subject alone.
        alone: [...headConcepts].every((concept) => topic.signals.has(concept) || !index.vocabulary.has(concept) || lexicon.fillers.hasWord(concept)),
      });
    }
  }
  // A subject a section is about: its words point to that section ("promotion" → "Évolution professionnelle").
  const sectionTopics = topics.filter((topic) => index.sections.some((section) => section.terms.has(topicTerm(topic.id))));
  for (const topic of sectionTopics) {
    content.push(topicTerm(topic.id));
    if (topic.asked) focusConcepts.add(topicTerm(topic.id));
  }
  // A subject the article lacks is reported as such, not as unknown words; so are the words of a subject a
  // section is about. A subject only a bullet touches, asked with words the article does not use ("CDD",
  // "CDI" where only "période d'essai" appears), is unknown words.
  const exempt = [...topics.filter((topic) => !topic.covered), ...sectionTopics];
  const topicSignals = new Set([...exempt.flatMap((topic) => [...(lexicon.topics.get(topic.id)?.signals ?? [])]), ...sectionTopics.map((topic) => topicTerm(topic.id))]);
  // Only words of the clause that asks count as unknown: "Je suis manager, c'est quoi un développeur backend ?".
  // A number the article does not have ("3 compétences") is no sign of another subject.
  // Words of two letters the article does not know ("fé", "ok") are chat noise, not another subject.
  const unknown = content.filter((concept) => focusConcepts.has(concept) && !index.vocabulary.has(concept) && !topicSignals.has(concept) && !neverUnknown.has(concept) && !/^\d+$/.test(concept) && concept.length > 2);

  const stemLine = ` ${stems.filter((_, at) => !index.linkWords.has(tokens[at]!)).join(' ')} `;
  const sections = index.sections
    .map(({ section, terms, headingStems }) => {
      let score = 0;
      let strong = false;
      const matched: string[] = [];
      // The heading itself, typed or sent by a button ("Comparer : Le métier en bref"), names its section.
      if (headingStems.length > 0 && stemLine.includes(` ${headingStems.join(' ')} `)) {
        score += SECTION_FIELD_WEIGHTS.heading * 2;
        strong = true;
        matched.push(headingStems.join(' '));
      }
      for (const concept of new Set([...content, ...surfaceTerms])) {
        if (descriptionOnly.has(concept)) continue;
        // "les évolutions de carrière" beside a heading « Évolutions possibles » the lexicon read whole as a subject:
        // the question's word, which no group renamed, meets the heading's own word.
        const term = terms.has(concept) ? concept : `${SURFACE_PREFIX}${concept}`;
        const weight = terms.get(term);
        if (!weight) continue;
        // "Dans mon équipe, tout le monde les confond : quelle différence ?": the context clause names no section.
        const asked = focusConcepts.has(concept);
        // A phrase ("avec qui", "au jour le jour") says more than a single word.
        const phrase = phraseConcepts.has(concept) ? PHRASE_BONUS : 1;
        // "ses interlocuteurs au jour le jour": what follows the subject asked only qualifies it.
        const qualifying = qualifiers.has(concept) ? QUALIFIER_WEIGHT : 1;
        score += weight * (index.sectionIdf.get(term) ?? 0) * (asked ? 1 : CONTEXT_WEIGHT) * phrase * qualifying;
        if (weight >= SECTION_FIELD_WEIGHTS.listHeader && asked) strong = true;
        matched.push(concept);
      }
      return { section, score, strong, matched };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);

  // Bullets are matched on what is specific to them: "collaboration" names a section, "prototypes" a bullet.
  const idf = (concept: string) => index.itemIdf.get(concept) ?? 0;
  const allConcepts = new Set(content);
  const specific = new Set(content.filter((concept) => !index.coveredSignals.has(concept)));
  // A word the article does not know weighs like its rarest word: "gérer le budget" is not "gérer les relations".
  const specificWeight = [...specific].reduce((sum, concept) => sum + (index.vocabulary.has(concept) ? idf(concept) : unknownWeight(concept, index, verbLike)), 0);
  const allWeight = [...allConcepts].reduce((sum, concept) => sum + idf(concept), 0);
  // F0.5: questions are short and bullets long, so covering the question matters more than covering the bullet.
  const f1 = (matchedWeight: number, questionWeight: number, itemWeight: number) => {
    if (matchedWeight === 0 || questionWeight === 0 || itemWeight === 0) return 0;
    const precision = matchedWeight / questionWeight;
    const recall = matchedWeight / itemWeight;
    return ((1 + ITEM_BETA ** 2) * precision * recall) / (ITEM_BETA ** 2 * precision + recall);
  };
  const items = specificWeight === 0 ? [] : index.items
    .map((item) => {
      const matched = [...specific].filter((concept) => item.specific.has(concept));
      const matchedWeight = matched.reduce((sum, concept) => sum + idf(concept), 0);
      const fullWeight = [...allConcepts].filter((concept) => item.concepts.has(concept)).reduce((sum, concept) => sum + idf(concept), 0);
      // The section-level words only break ties between bullets.
      // A bullet answers better than a sentence of a role's paragraph that happens to match as well.
      const bullet = item.prose ? 1 : BULLET_BONUS;
      const score = (f1(matchedWeight, specificWeight, item.specificWeight) + 0.1 * f1(fullWeight, allWeight, item.weight)) * bullet;
      return { item, f1: matched.length > 0 ? score : 0, matched, weight: matchedWeight };
    })
    .filter((entry) => entry.f1 > 0)
    .sort((a, b) => b.f1 - a.f1)
    .slice(0, 5);

  const roleStrength = Math.max(0, ...roles.values());
  // How well this article fits, to choose between articles: every word it does not know counts against it.
  const strength =
    roleStrength +
    (genericRole ? STRENGTH.genericRole : 0) +
    (sections[0] ? Math.min(STRENGTH.maxSection, sections[0].score) : 0) +
    (items[0] ? STRENGTH.item * items[0].f1 : 0) -
    STRENGTH.unknownWord * unknown.length -
    (otherJob ? STRENGTH.otherJob : 0);
  const roleKeys = new Map<string, string[]>();
  for (const roleId of roles.keys()) {
    const role = index.roles.find((candidate) => candidate.role.id === roleId);
    if (!role) continue;
    const keys = [...consumed].map((at) => (role.abbreviations.has(tokens[at]!) ? tokens[at]! : stems[at]!)).filter((key) => role.nameStems.has(key) || role.abbreviations.has(key));
    roleKeys.set(roleId, [...new Set(keys)]);
  }
  return { article: index, roles, wholeNames, weakRoles, objectRoles, genericRole, described, genericRoles, comparesOtherThings, sharedAsked, roleKeys, otherJob, content, unknown, verbLike, topics, sections, items, strength };
}
