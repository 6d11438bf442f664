/**
 * Question → Interpretation: which article, which section, which roles, what kind of answer.
 * Pure and synchronous; every decision leaves a trace in `why`.
 */
import type { Section } from '../knowledge/knowledgeBase.js';
import type { ConversationContext } from '../conversation/context.js';
import { conceptSequence, LINK_WORDS, SECTION_FIELD_WEIGHTS, type ArticleIndex, type IndexedItem, type IndexedRole } from './articleIndex.js';
import { stem } from './normalize.js';
import type { Lexicon } from './lexicon.js';
import type { QuestionReading } from './readQuestion.js';

/** Thresholds of the decision, named so they can be read and tuned in one place. */
export const DECISION = Object.freeze({
  /** An item match (F1 of concept weights) at or above this answers a "qui … ?" reverse lookup. */
  itemForWho: 0.34,
  /** Without a "qui"/yes-no marker, an item must match this well to beat the section reading. */
  itemAlone: 0.6,
  /** Two items closer than this are a tie: both roles do it. */
  itemTie: 0.08,
  /** With unknown words, a bullet must match this many times their weight to answer the question. */
  knownOverUnknown: 1.5,
  /** Two articles whose evidence differs by less than this ratio are ambiguous. */
  articleTie: 0.15,
});

/** Verb endings: an unknown verb ("obtenir") says less about the subject than an unknown noun ("budget"). */
const VERB_LIKE = /(?:er|ir|re|ez|ent|ons)$/;

/** How much an unknown word weighs against the article's words: like its rarest word, half for a verb. */
function unknownWeight(concept: string, index: ArticleIndex, verbs: Set<string>): number {
  return verbs.has(concept) ? index.maxItemIdf / 2 : index.maxItemIdf;
}

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
  /** Roles whose distinctive word appears without the rest of the name: used when nothing else decides. */
  weakRoles: Set<string>;
  /** A role was named without saying which ("un chef de produit"). */
  genericRole: boolean;
  /** Another job is named ("chef de projet", "data scientist"). */
  otherJob: string | null;
  /** Content concepts left once roles and markers are taken out. */
  content: string[];
  /** Concepts this article does not know. */
  unknown: string[];
  /** Content concepts whose word looks like a verb: they weigh less when unknown. */
  verbLike: Set<string>;
  /** Topics named; covered = the article has a section about it. */
  /** Topics named; covered = the article has a section about it; asked = named in the clause that asks. */
  topics: { id: string; name: string; covered: boolean; asked: boolean }[];
  sections: { section: Section; score: number; strong: boolean; matched: string[] }[];
  /** Bullets that share specific words with the question; `weight` sums the idf of the shared words. */
  items: { item: IndexedItem; f1: number; matched: string[]; weight: number }[];
  /** Overall strength, to choose between articles. */
  strength: number;
}

export type Interpretation =
  | { kind: 'empty' }
  | { kind: 'smalltalk'; intent: string }
  | { kind: 'fallback'; reason: 'topic' | 'other-job' | 'unknown'; topic?: string; evidence: Evidence | null }
  | { kind: 'clarify'; choices: ArticleIndex[]; evidence: Evidence }
  | { kind: 'section'; evidence: Evidence; section: Section; roles: string[]; mode: 'list' | 'comparison' }
  | { kind: 'overview'; evidence: Evidence }
  | { kind: 'item'; evidence: Evidence; item: IndexedItem; askedRole: string | null; yesNo: boolean; shared: IndexedItem | null };

const DETERMINERS_BEFORE_ROLE = new Set(['le', 'la', 'l', 'les', 'du', 'au', 'un', 'une', 'cote', 'pour', 'chez', 'des', 'ce', 'cet', 'cette', 'comme']);
/** Words that join two role names ("digital ou marketing"). */
const COORDINATORS = new Set(['ou', 'et', 'vs', 'versus', 'contre']);
/** Words for a job, after which "de" introduces a role ("le métier de comptable"). */
const JOB_WORDS = new Set(['metier', 'metiers', 'poste', 'postes', 'role', 'roles', 'fonction', 'profession', 'job', 'celui', 'celle', 'emploi', 'statut']);
/** A job title after one of these is the subject of the question ("combien gagne un développeur"). */
const SINGULAR_DETERMINERS = new Set(['un', 'une', 'le', 'la', 'l', 'du']);
/** Words after which a role's first word reads as a job title ("un chef de …", "entre chef de … et …"). */
const JOB_TITLE_OPENERS = new Set([...DETERMINERS_BEFORE_ROLE, 'entre', 'et', 'ou', 'vs', 'versus', 'comme', 'etre', 'devenir', 'd']);

/** Gathers what one article can say about the question. */
export function weigh(reading: QuestionReading, index: ArticleIndex, lexicon: Lexicon): Evidence {
  const { tokens } = reading;
  const stems = tokens.map(stem);
  const consumed = new Set<number>();
  const roles = new Map<string, MentionStrength>();
  /** Roles named only by a bare word that may be the subject instead ("la communication"). */
  const weakRoles = new Set<string>();
  const weakPositions: { roleId: string; at: number }[] = [];
  const note = (roleId: string, strength: MentionStrength) => roles.set(roleId, Math.max(roles.get(roleId) ?? 0, strength) as MentionStrength);
  let genericRole = false;
  let otherJob: string | null = null;

  /** The next (step 1) or previous (step -1) word that is not a link word ("de", "la"). */
  const neighbour = (at: number, step: 1 | -1): number | null => {
    for (let k = at + step; k >= 0 && k < tokens.length; k += step) {
      if (!LINK_WORDS.has(tokens[k]!)) return k;
    }
    return null;
  };
  const isNameWord = (at: number | null, role: IndexedRole) => at !== null && role.nameStems.has(stems[at]!);

  tokens.forEach((word, at) => {
    for (const role of index.roles) {
      if (role.abbreviations.has(word)) {
        note(role.role.id, 3);
        consumed.add(at);
        continue;
      }
      if (!role.distinctiveStems.has(stems[at]!)) continue;
      const before = neighbour(at, -1);
      const after = neighbour(at, 1);
      const previousWord = at > 0 ? tokens[at - 1]! : '';
      const isHead = stems[at] === role.headStem || role.soleDistinctiveStems.has(stems[at]!);
      // "Chef de produit digital ou marketing", "comptable et contrôleur de gestion": a name coordinated with another role's name.
      const otherNameAcross = (conjunction: number | null, step: 1 | -1) =>
        conjunction !== null && COORDINATORS.has(tokens[conjunction]!) && Math.abs(at - conjunction) === 1 &&
        (() => { const far = neighbour(conjunction, step); return far !== null && index.roles.some((other) => other !== role && isNameWord(far, other)); })();
      const coordinated = otherNameAcross(before, -1) || otherNameAcross(after, 1);
      // "le métier de comptable", "celui de contrôleur de gestion": "de" after a word for a job introduces a role.
      const afterJobWord = previousWord === 'de' && at > 1 && JOB_WORDS.has(tokens[at - 2]!);
      if (isNameWord(before, role) || isNameWord(after, role) || (coordinated && isHead)) {
        note(role.role.id, 3);
        consumed.add(at);
        for (const side of [before, after]) if (side !== null && isNameWord(side, role)) consumed.add(side);
      } else if (isHead && (DETERMINERS_BEFORE_ROLE.has(previousWord) || at === 0 || afterJobWord)) {
        note(role.role.id, 2);
        consumed.add(at);
      } else {
        weakRoles.add(role.role.id);
        weakPositions.push({ roleId: role.role.id, at });
      }
    }
    if (index.sharedNameStems.has(stems[at]!)) {
      consumed.add(at);
      genericRole = true;
    }
    // "un chef de projet": a role's first word, used as a job title, followed by a word of no role name.
    if (!otherJob) {
      const heads = index.roles.filter((role) => role.headStem === stems[at]);
      const previousWord = at > 0 ? tokens[at - 1]! : '';
      if (heads.length > 0 && (at === 0 || JOB_TITLE_OPENERS.has(previousWord))) {
        const next = neighbour(at, 1);
        if (next !== null && !reading.markerPositions.has(next) && !lexicon.stopWords.has(tokens[next]!) && !heads.some((role) => isNameWord(next, role)) && !index.roles.some((role) => role.abbreviations.has(tokens[next]!))) {
          otherJob = tokens.slice(at, next + 1).join(' ');
        }
      }
    }
  });
  for (const roleId of roles.keys()) weakRoles.delete(roleId);
  // "diff infirmier aide soignant": beside a named role and a comparison word, a bare role word names its role.
  if (roles.size > 0 && (reading.markers.comparison || reading.markers.overview)) {
    for (const { roleId, at } of weakPositions) {
      if (!weakRoles.has(roleId)) continue;
      note(roleId, 2);
      consumed.add(at);
    }
    weakRoles.clear();
  }
  if (roles.size > 0) genericRole = false;
  // "un product designer" when roles are "UX designer" and "UI designer": a word of no role name
  // where the roles put the word that tells them apart.
  if (!otherJob && index.sharedNameStems.size > 0) {
    tokens.forEach((_, at) => {
      if (otherJob || !index.sharedNameStems.has(stems[at]!)) return;
      const side = neighbour(at, index.distinctiveFirst ? -1 : 1);
      if (side === null || consumed.has(side) || index.sharedNameStems.has(stems[side]!) || lexicon.stopWords.has(tokens[side]!)) return;
      if (reading.markerPositions.has(side) || index.roles.some((role) => role.abbreviations.has(tokens[side]!))) return;
      if (!index.distinctiveFirst && (at === 0 || !JOB_TITLE_OPENERS.has(tokens[at - 1]!))) return;
      if (index.distinctiveFirst && side !== at - 1) return;
      otherJob = tokens.slice(Math.min(at, side), Math.max(at, side) + 1).join(' ');
    });
  }
  if (!otherJob) {
    for (const [start, end] of lexicon.jobs.find(tokens)) {
      const jobWords = tokens.slice(start, end);
      // Part of a role's name ("chef de produit" in "chef de produit digital"), or the name itself.
      let insideRoleName = false;
      for (let position = start; position < end; position += 1) if (consumed.has(position)) insideRoleName = true;
      const isRoleName = insideRoleName || index.roles.some((role) => jobWords.every((word) => LINK_WORDS.has(word) || role.nameStems.has(stem(word))));
      // "les designers", "avec les développeurs": people a role works with, not the job asked about;
      // "un développeur" is the job asked about, even if the article mentions developers.
      const plural = /[sx]$/.test(jobWords[0]!);
      const subject = start > 0 && SINGULAR_DETERMINERS.has(tokens[start - 1]!) && tokens[start - 2] !== 'avec';
      if (!isRoleName && !plural && (subject || !jobWords.every((word) => index.surfaceStems.has(stem(word))))) {
        otherJob = jobWords.join(' ');
        break;
      }
    }
  }
  // Role names are read before synonyms: their words are not the subject of the question.
  const sequence = conceptSequence(tokens.map((word, at) => (consumed.has(at) ? '|' : word)), lexicon);

  const smalltalkPositions = new Set(reading.smalltalk.flatMap((found) => [...found.positions]));
  const content: string[] = [];
  const isSectionWord = (concept: string) => index.sectionIdf.has(concept);
  /** Concepts said in the clauses that ask, not in the context around them. */
  const focusConcepts = new Set<string>();
  /** Concepts whose word looks like a verb ("obtenir", "gèrent"). */
  const verbLike = new Set<string>();
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
      if (token.end - token.start === 1 && VERB_LIKE.test(tokens[token.start]!)) verbLike.add(token.concept);
      if (reading.inFocus.has(token.start)) focusConcepts.add(token.concept);
    }
  });

  const topics: Evidence['topics'] = [];
  for (const [id, topic] of lexicon.topics) {
    if (content.some((concept) => topic.signals.has(concept))) {
      topics.push({
        id,
        name: topic.name,
        // A heading or list header covers a subject; a bullet only through a whole phrase ("voiture de fonction"),
        // since one word may mean something else there ("marge brute" is no salary).
        covered: [...topic.signals].some((signal) => index.coveredSignals.has(signal) || (signal.startsWith('topic:') && index.itemConcepts.has(signal))),
        asked: [...focusConcepts].some((concept) => topic.signals.has(concept)),
      });
    }
  }
  const topicSignals = new Set(topics.flatMap((topic) => [...(lexicon.topics.get(topic.id)?.signals ?? [])]));
  // A number the article does not have ("3 compétences") is no sign of another subject.
  // Words of two letters the article does not know ("fé", "ok") are chat noise, not another subject.
  const unknown = content.filter((concept) => !index.vocabulary.has(concept) && !topicSignals.has(concept) && !/^\d+$/.test(concept) && concept.length > 2);

  const stemLine = ` ${stems.filter((_, at) => !LINK_WORDS.has(tokens[at]!)).join(' ')} `;
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
      for (const concept of new Set(content)) {
        const weight = terms.get(concept);
        if (!weight) continue;
        // "Dans mon équipe, tout le monde les confond : quelle différence ?": the context clause names no section.
        const asked = focusConcepts.has(concept);
        score += weight * (index.sectionIdf.get(concept) ?? 0) * (asked ? 1 : CONTEXT_WEIGHT);
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
      const score = f1(matchedWeight, specificWeight, item.specificWeight) + 0.1 * f1(fullWeight, allWeight, item.weight);
      return { item, f1: matched.length > 0 ? score : 0, matched, weight: matchedWeight };
    })
    .filter((entry) => entry.f1 > 0)
    .sort((a, b) => b.f1 - a.f1)
    .slice(0, 5);

  const roleStrength = Math.max(0, ...roles.values());
  const strength =
    roleStrength +
    (genericRole ? 0.5 : 0) +
    (sections[0] ? Math.min(3, sections[0].score) : 0) +
    (items[0] ? 2 * items[0].f1 : 0) -
    0.5 * unknown.length -
    (otherJob ? 2 : 0);
  return { article: index, roles, weakRoles, genericRole, otherJob, content, unknown, verbLike, topics, sections, items, strength };
}

/** The article the question is about: one whose role it names, else the conversation's, else the strongest. */
function chooseEvidence(all: Evidence[], reading: QuestionReading, context: ConversationContext): Evidence | undefined {
  const named = all.find((evidence) => evidence.roles.size > 0);
  if (named) return named;
  const contextual = all.find((evidence) => evidence.article.article.id === context.article);
  // A follow-up stays in the conversation's article unless it names another article's role.
  if (contextual && (reading.markers.followUp || reading.markers.pronoun || contextual.strength >= (all[0]?.strength ?? 0) - 1e-9)) return contextual;
  return all[0];
}

/** Two articles answer equally well and the question names no role: ask which. */
function ambiguousArticles(all: Evidence[], evidence: Evidence, context: ConversationContext): Evidence | null {
  if (context.article === evidence.article.article.id || all.some((other) => other.roles.size > 0)) return null;
  const second = all.find((other) => other !== evidence);
  if (!second || evidence.strength <= 0 || second.strength <= 0) return null;
  if (evidence.sections.length === 0 || second.sections.length === 0) return null;
  return (evidence.strength - second.strength) / evidence.strength < DECISION.articleTie ? second : null;
}

/** A subject the article lacks (asked, not just context), or another job: the article does not cover it. */
function outOfScope(evidence: Evidence): Interpretation | null {
  // Named only as context ("je suis en reconversion, quelle formation…"), a missing subject does not
  // hide a question the article answers.
  const sectionAsked = evidence.sections[0]?.strong === true;
  // And a subject the article covers, asked in the same breath ("salaire en début de carrière"), is answered.
  const coveredAsked = evidence.topics.some((topic) => topic.covered && topic.asked);
  const uncovered = coveredAsked ? undefined : evidence.topics.find((topic) => !topic.covered && (topic.asked || !sectionAsked));
  if (uncovered) return { kind: 'fallback', reason: 'topic', topic: uncovered.name, evidence };
  if (evidence.otherJob) return { kind: 'fallback', reason: 'other-job', topic: evidence.otherJob, evidence };
  return null;
}

/** Chooses the article, then reads the question against it and the conversation context. */
export function interpret(
  reading: QuestionReading,
  indexes: ArticleIndex[],
  lexicon: Lexicon,
  context: ConversationContext,
): Interpretation {
  if (reading.tokens.length === 0) return { kind: 'empty' };
  const all = indexes.map((index) => weigh(reading, index, lexicon)).sort((a, b) => b.strength - a.strength);
  const evidence = chooseEvidence(all, reading, context);
  if (!evidence) return { kind: 'fallback', reason: 'unknown', evidence: null };
  const { markers } = reading;

  // Greetings, thanks, help: only when nothing else is asked ("Bonjour, quelles compétences…" is a question).
  const smalltalk = reading.smalltalk[0];
  if (smalltalk && evidence.content.length === 0 && evidence.roles.size === 0 && !evidence.genericRole) {
    return { kind: 'smalltalk', intent: smalltalk.intent };
  }
  const notCovered = outOfScope(evidence);
  if (notCovered) return notCovered;
  const rival = ambiguousArticles(all, evidence, context);
  if (rival) return { kind: 'clarify', choices: [evidence.article, rival.article], evidence };

  const article = evidence.article;
  const articleRoles = article.roles.map((role) => role.role.id);
  const sameArticle = context.article === article.article.id;
  const contextRoles = sameArticle ? context.roles : [];
  const contextSection = sameArticle ? article.article.sections.find((section) => section.id === context.section) ?? null : null;
  const leansOnContext = markers.followUp || markers.pronoun || markers.otherOne;

  let roles = [...evidence.roles.keys()];
  if (markers.otherOne && roles.length === 0 && contextRoles.length === 1) roles = articleRoles.filter((id) => id !== contextRoles[0]);
  if (roles.length === 0 && leansOnContext) roles = contextRoles;

  const best = evidence.sections[0];
  const topItem = evidence.items[0];
  const strongSection = best?.strong ?? false;
  // "Qui … ?" is a reverse lookup only when no role is named ("Avec qui travaille le CPM ?" is not).
  const lookingUp = (markers.who && roles.length === 0) || markers.yesNo;
  const itemThreshold = lookingUp ? DECISION.itemForWho : DECISION.itemAlone;

  // Unknown words with nothing solid to hold on to: the article does not cover this. An unknown word
  // weighs like the rarest bullet word, so a bullet must match at least as much as is unknown.
  const unknownTotal = evidence.unknown.reduce((sum, concept) => sum + unknownWeight(concept, article, evidence.verbLike), 0);
  const itemHolds = topItem !== undefined && topItem.f1 >= itemThreshold && topItem.weight >= DECISION.knownOverUnknown * unknownTotal;
  // Two roles named with a comparison word ask for the difference, whatever else the sentence says.
  const bothNamed = roles.length >= 2 && (markers.comparison || markers.overview);
  // In "Qui s'occupe du SEO ?" the section word only frames the question: the unknown word is what is asked.
  if (evidence.unknown.length > 0 && (!strongSection || lookingUp) && !itemHolds && !bothNamed) return { kind: 'fallback', reason: 'unknown', evidence };
  // Mostly unknown words and no role named: another subject that shares a word with the article.
  const known = evidence.content.filter((concept) => !/^\d+$/.test(concept)).length - evidence.unknown.length;
  if (roles.length === 0 && evidence.unknown.length >= 2 && evidence.unknown.length > known) return { kind: 'fallback', reason: 'unknown', evidence };

  // Reverse lookup over the bullets. A named role with another role's bullet is a yes/no or a section question.
  const ownerFits = !topItem || roles.length !== 1 || markers.yesNo || topItem.item.roleId === roles[0];
  const itemExplains = topItem !== undefined && (lookingUp || topItem.f1 >= DECISION.itemAlone);
  const sectionDisagrees = strongSection && best !== undefined && topItem !== undefined && best.section !== topItem.item.section;
  // Both roles named: the question compares them, it does not look for one bullet's owner.
  if (topItem && roles.length < 2 && ownerFits && topItem.f1 >= itemThreshold && itemExplains && (lookingUp || !sectionDisagrees)) {
    const otherOwner = evidence.items.find((entry) => entry.item.roleId !== topItem.item.roleId && entry.item.section === topItem.item.section);
    const shared = otherOwner && topItem.f1 - otherOwner.f1 < DECISION.itemTie ? otherOwner.item : null;
    const askedRole = roles.length === 1 ? roles[0]! : null;
    return { kind: 'item', evidence, item: topItem.item, askedRole, yesNo: markers.yesNo && askedRole !== null, shared };
  }

  // A bare role word ("compétences marketing") names the role when no bullet claimed it.
  if (roles.length === 0 && evidence.weakRoles.size === 1) roles = [...evidence.weakRoles];
  // A comparison of two roles with only a passing section word ("dans mon équipe…") asks for the overview.
  const passing = best !== undefined && !best.strong && (markers.comparison || markers.overview) && roles.length !== 1;
  let section: Section | null = passing ? null : best?.section ?? null;
  // "C'est quoi la différence ?" asks for a comparison, not a definition.
  if (!section && markers.definition && !markers.comparison) section = article.definitionSection;
  if (!section && leansOnContext && contextSection && (roles.length > 0 || markers.comparison) && !markers.overview) section = contextSection;
  if (!section && (markers.comparison || markers.overview) && roles.length !== 1) {
    if (contextSection && markers.followUp && markers.comparison && !markers.overview) {
      return { kind: 'section', evidence, section: contextSection, roles: articleRoles, mode: 'comparison' };
    }
    if (evidence.unknown.length === 0 || bothNamed) return { kind: 'overview', evidence };
  }
  // A role named and nothing else asked: say what the role is (or go on with the current section).
  if (!section && roles.length === 1 && evidence.content.length === 0) section = leansOnContext && contextSection ? contextSection : article.definitionSection;
  if (!section && roles.length >= 2 && evidence.content.length === 0 && evidence.unknown.length === 0) return { kind: 'overview', evidence };
  if (!section) return { kind: 'fallback', reason: 'unknown', evidence };

  if (section.isConclusion) return { kind: 'section', evidence, section, roles: [], mode: 'list' };
  const sectionRoles = Object.keys(section.byRole);
  const wanted = markers.comparison ? [] : roles.filter((id) => sectionRoles.includes(id));
  if (wanted.length === 1) return { kind: 'section', evidence, section, roles: wanted, mode: 'list' };
  return { kind: 'section', evidence, section, roles: sectionRoles.length > 0 ? sectionRoles : articleRoles, mode: 'comparison' };
}
