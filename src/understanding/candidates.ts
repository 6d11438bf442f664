/**
 * Candidate readings of a question and their feature vectors. For each article the question may be
 * about, the readings are: a section for a set of roles (the roles named, the conversation's, the
 * others, all of them), a bullet or table cell and its owner, the overview, the definition, a subject
 * the article lacks, another job, smalltalk — plus, across articles, a clarification and the
 * abstention. Features say what in the question and the conversation supports each reading; the
 * scorer (readingModel.ts) weighs them.
 */
import type { Section } from '../knowledge/knowledgeBase.js';
import type { ConversationContext } from './context.js';
import type { Lexicon } from '../language/lexicon.js';
import type { ArticleIndex, IndexedItem } from './articleIndex.js';
import { featureVector, type FeatureVector } from './readingModel.js';
import type { QuestionReading } from './readQuestion.js';
import { unknownWeight, type Evidence } from './weighEvidence.js';
import { stem } from '../text/normalize.js';

/** What a reading answers, once chosen. */
export type Interpretation =
  | { kind: 'empty' }
  | { kind: 'smalltalk'; intent: string }
  | { kind: 'fallback'; reason: 'topic' | 'other-job' | 'unknown'; topic?: string; topicId?: string; evidence: Evidence | null }
  | { kind: 'clarify'; choices: ArticleIndex[]; evidence: Evidence }
  | { kind: 'clarifyRoles'; evidence: Evidence; section: Section | null; roles: string[] }
  | { kind: 'section'; evidence: Evidence; section: Section; roles: string[]; mode: 'list' | 'comparison' }
  | { kind: 'overview'; evidence: Evidence; roles: string[] }
  | { kind: 'item'; evidence: Evidence; item: IndexedItem; askedRole: string | null; yesNo: boolean; shared: IndexedItem | null };

/** A reading with the features that support it. */
export interface Candidate {
  reading: Interpretation;
  features: FeatureVector;
  /** A short label for `why` and for tuning: "section:competences[cpd]". */
  label: string;
}

/** Knobs of candidate generation (not weights: how many readings are worth scoring). */
export const CANDIDATE_OPTIONS = Object.freeze({
  /** Sections with evidence read as candidates, best first. */
  sections: 3,
  /** Bullets read as candidates, best first. */
  items: 3,
  /** Section evidence at which `sectionEvidence` saturates (a heading word weighs 3 × its idf). */
  sectionSaturation: 3,
  /** Article strength gap at which `articleStrengthGap` saturates. */
  strengthGapSaturation: 3,
  /** Two bullets of different roles closer than this may both answer: both roles may do it. */
  itemTie: 0.1,
  /** An item match at or above this, with two matched words or more, answers a subject's question by itself. */
  itemForTopic: 0.34,
  /** Two articles whose evidence differs by less than this ratio fit equally. */
  articleTie: 0.15,
  /** Articles offered when a question could be about any of them. */
  clarifyChoices: 3,
  /** Bullets of two articles within this ratio of each other answer equally well. */
  itemTieAcrossArticles: 0.9,
  /** A bullet this many times better than any other article's is ahead of the library. */
  itemAheadRatio: 1.25,
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));
const setKey = (roles: readonly string[]) => [...roles].sort().join(',');

/** What the question says, once, for every reading of one article. */
interface Facts {
  evidence: Evidence;
  /**
   * The roles the question asks about: every role named, except in a reverse lookup ("Qui prend les
   * rendez-vous pour les commerciaux ?"), where a role after "pour"/"avec" is only the object.
   */
  subjects: string[];
  /** Every role named, subject or object. */
  named: string[];
  contextRoles: string[];
  /** The article's roles the conversation has not answered about yet (empty outside the conversation's article). */
  undiscussed: string[];
  /** The question compares one role it names, not yet in the conversation, with the conversation's ("Compare avec le technicien"). */
  comparesWithOneNamed: boolean;
  /** The roles the conversation answered about in this article, the most recent last. */
  discussed: string[];
  /**
   * The roles a plural pronoun points back to ("Et leurs évolutions ?"): the last answer's when it was about several
   * (after "Et les deux autres ?", those two), else every role discussed so far, one answer at a time.
   */
  pluralReferent: string[];
  /**
   * The one role "l'autre" points at, or null when it could be several: the only role besides the conversation's,
   * else the only one not discussed yet, else the only other one discussed ("Compare le docker et le chef de
   * bord" → "Et le docker ?" → "Et l'autre ?" is the chef de bord).
   */
  theOther: string | null;
  contextSection: Section | null;
  inContext: boolean;
  leans: boolean;
  comparing: boolean;
  lookingUp: boolean;
  sectionRoles: (section: Section) => string[];
  articleRoles: string[];
}

function factsOf(reading: QuestionReading, evidence: Evidence, context: ConversationContext, carried: Section | null): Facts {
  const { markers } = reading;
  const article = evidence.article.article;
  const named = [...evidence.roles.keys()];
  const onlySubjects = named.filter((id) => !evidence.objectRoles.has(id));
  // "Les évolutions sont-elles les mêmes pour A et B ?" compares the roles it names: no lookup, whatever the preposition.
  const comparingNamed = markers.comparison && named.length >= 2;
  const lookingUp = !comparingNamed && ((markers.who && onlySubjects.length === 0) || markers.yesNo || (markers.rising && onlySubjects.length === 1));
  // A role described rather than named ("celui qui gère la console") is what the question asks about.
  const subjects = lookingUp ? onlySubjects : onlySubjects.length === 0 && evidence.described !== null ? [evidence.described] : named;
  const inContext = context.article === article.id;
  const contextRoles = inContext ? context.roles.filter((id) => article.roles.some((role) => role.id === id)) : [];
  const discussed = inContext ? context.discussed ?? contextRoles : [];
  const undiscussed = discussed.length > 0 ? article.roles.map((role) => role.id).filter((id) => !discussed.includes(id)) : [];
  const complement = contextRoles.length > 0 ? article.roles.map((role) => role.id).filter((id) => !contextRoles.includes(id)) : [];
  const otherDiscussed = discussed.filter((id) => !contextRoles.includes(id));
  // "Et l'autre régisseur ?": among the roles whose names hold the word said, when it is one several roles share.
  const said = (roles: string[]) => (evidence.genericRoles.length > 0 ? roles.filter((id) => evidence.genericRoles.includes(id)) : roles);
  const theOther = contextRoles.length > 0 ? [complement, undiscussed, otherDiscussed].map(said).find((roles) => roles.length === 1)?.[0] ?? null : null;
  // In another article, the conversation's subject is that article's section about the same thing, once the question names one of its roles.
  const contextSection = inContext ? article.sections.find((section) => section.id === context.section) ?? null : evidence.roles.size > 0 ? carried : null;
  return {
    evidence,
    subjects,
    named,
    contextRoles,
    comparesWithOneNamed: markers.comparison && !markers.otherMany && !markers.allRoles && subjects.length === 1 && contextRoles.length > 0 && !contextRoles.includes(subjects[0]!),
    undiscussed,
    discussed,
    pluralReferent: contextRoles.length >= 2 ? contextRoles : discussed,
    theOther,
    contextSection,
    inContext,
    leans: markers.followUp || markers.pronoun || markers.otherOne,
    comparing: markers.comparison || markers.allRoles || subjects.length >= 2,
    // "Qui … ?" is a reverse lookup only when no role is named as subject ("Avec qui travaille le CPM ?" is not).
    lookingUp,
    sectionRoles: (section) => article.roles.map((role) => role.id).filter((id) => section.byRole[id] !== undefined),
    articleRoles: article.roles.map((role) => role.id),
  };
}

/** Role sets worth reading for a section: named, the conversation's, the others, all, a bare role word. */
function roleSets(facts: Facts, reading: QuestionReading, section: Section): string[][] {
  const available = facts.sectionRoles(section);
  if (available.length === 0) return [[]];
  const sets = new Map<string, string[]>();
  const add = (roles: string[]) => {
    const kept = roles.filter((id) => available.includes(id));
    if (kept.length > 0) sets.set(setKey(kept), kept);
  };
  add(facts.subjects);
  if (facts.subjects.length === 0) add(facts.named);
  add(facts.contextRoles);
  if (facts.contextRoles.length > 0) add(facts.articleRoles.filter((id) => !facts.contextRoles.includes(id)));
  // "Compare avec le technicien" after the nurse: the conversation's role beside the one named.
  if (facts.comparesWithOneNamed) add([...facts.contextRoles, ...facts.subjects]);
  if (reading.markers.otherMany) add(facts.undiscussed);
  if (facts.theOther) add([facts.theOther]);
  // "Compare les deux" in an article of three: the two the conversation has just been about.
  const count = reading.markers.roleCount;
  if (count !== null && count < facts.articleRoles.length && facts.discussed.length >= count) add(facts.discussed.slice(-count));
  // "Et leurs salaires ?": the roles it points back to.
  if (reading.markers.plural && facts.pluralReferent.length >= 2) add(facts.pluralReferent);
  add(available);
  if (facts.evidence.weakRoles.size === 1) add([...facts.evidence.weakRoles]);
  // Each role alone, so a question about one role is always answerable even with another named in context.
  if (reading.markers.otherOne) for (const id of available) add([id]);
  return [...sets.values()];
}

/** Features every answer from this article shares: article fit, unknown words, what it lacks. */
function articleFeatures(facts: Facts, library: LibraryView, reading: QuestionReading, missingTopic: MissingTopic | null): FeatureVector {
  const { evidence } = facts;
  const count = reading.markers.roleCount;
  const known = evidence.content.filter((concept) => !/^\d+$/.test(concept)).length - evidence.unknown.length;
  return {
    articleRoleNamed: facts.named.length > 0 ? 1 : 0,
    articleRoleDescribed: facts.named.length === 0 && evidence.described !== null ? 1 : 0,
    articleRoleNamedWhole: facts.evidence.wholeNames.size > 0 ? 1 : 0,
    // Graded by how little the question's other words point here: « sur un congrès, le chef de projet » is the events one.
    // « Le salaire de l'IADE » when only this article of the two with an IADE has a salary section points here as well.
    articleRoleNamedElsewhereToo: facts.named.length > 0 && !facts.inContext && !reading.markers.who && library.rolesNamedElsewhere(evidence).length > 0 && !library.answersAlone(evidence) ? 1 - library.distinctiveness(evidence) : 0,
    articleGenericRole: facts.named.length === 0 && evidence.genericRole ? 1 : 0,
    articleInContext: facts.inContext ? 1 : 0,
    articleStrengthGap: Math.min(1, Math.max(0, library.bestStrength - evidence.strength) / CANDIDATE_OPTIONS.strengthGapSaturation),
    articleDistinctive: library.distinctiveness(evidence),
    unknownWords: evidence.unknown.length,
    mostlyUnknown: facts.named.length === 0 && evidence.unknown.length >= 2 && evidence.unknown.length > known ? 1 : 0,
    smalltalkWithQuestion: reading.smalltalk.length > 0 ? 1 : 0,
    answerDespiteMissingTopic: missingTopic ? 1 : 0,
    missingTopicAsked: missingTopic?.heads ? 1 : 0,
    answerDespiteOtherJob: evidence.otherJob ? 1 : 0,
    // "Les trois métiers du studio": the one article with that many roles.
    articleRoleCountFits: count !== null && count === facts.articleRoles.length && library.articlesWithRoles(count) === 1 ? 1 : 0,
  };
}

/** Features of the roles a reading answers for. */
function roleFeatures(facts: Facts, reading: QuestionReading, roles: string[], all: string[]): FeatureVector {
  const { markers } = reading;
  const { subjects } = facts;
  const complement = facts.contextRoles.length > 0 ? facts.articleRoles.filter((id) => !facts.contextRoles.includes(id) && all.includes(id)) : [];
  const isAll = roles.length >= 2 && sameSet(roles, all);
  const count = markers.roleCount;
  const countsAll = count === null || count >= facts.articleRoles.length;
  // "Régleur ou technicien : quelles habilitations pour chacun ?": a cue without a number after two roles named is about them.
  const everyRoleCue = markers.allRoles && !(count === null && subjects.length >= 2);
  const allAsked = isAll && countsAll && (everyRoleCue || ((markers.comparison || markers.overview) && subjects.length === 0));
  const fromContext = subjects.length === 0 && roles.length > 0 && sameSet(roles, facts.contextRoles);
  // "Qu'ont en commun le Tech Lead et l'EM ?": the roles named share what the shared list says; it leaves none out.
  const sharersNamed = roles.length === 0 && markers.shared && subjects.length >= 2;
  return {
    rolesAllNamed: subjects.length > 0 && subjects.every((id) => roles.includes(id)) ? 1 : 0,
    rolesNamedMissing: sharersNamed ? 0 : subjects.filter((id) => !roles.includes(id)).length,
    rolesUnnamedExtra: subjects.length > 0 && !allAsked ? roles.filter((id) => !subjects.includes(id)).length : 0,
    rolesFromContext: fromContext && facts.leans && !markers.otherOne ? 1 : 0,
    rolesFromContextSilent: fromContext && !facts.leans ? 1 : 0,
    // "l'autre" is one role; "les deux autres", "les autres" are all the others.
    rolesComplement: markers.otherOne && subjects.length === 0 && (markers.otherMany ? sameSet(roles, complement) : facts.theOther !== null && sameSet(roles, [facts.theOther])) ? 1 : 0,
    // "Et les deux autres ?" after two roles were answered about: the roles not seen yet, fewer than the others of the last one.
    rolesNotYetDiscussed: markers.otherMany && subjects.length === 0 && facts.undiscussed.length < complement.length && sameSet(roles, facts.undiscussed) ? 1 : 0,
    // "Compare avec les trois autres", "le directeur par rapport aux autres": the role in question and all the others.
    rolesWithTheOthers: markers.otherMany && markers.comparison && isAll && (subjects.length > 0 || facts.contextRoles.length > 0) ? 1 : 0,
    // "Compare les deux" among three roles: the last two discussed, not all three.
    rolesLastDiscussed: !countsAll && subjects.length === 0 && roles.length === count && sameSet(roles, facts.discussed.slice(-count!)) ? 1 : 0,
    rolesPluralDiscussed: markers.plural && !markers.shared && subjects.length === 0 && facts.pluralReferent.length >= 2 && sameSet(roles, facts.pluralReferent) ? 1 : 0,
    rolesContextWithNamed: facts.comparesWithOneNamed && sameSet(roles, [...facts.contextRoles, ...subjects]) ? 1 : 0,
    rolesCountDiffers: count !== null && !markers.otherMany && roles.length > 0 && roles.length !== count ? 1 : 0,
    rolesAllAsked: allAsked ? 1 : 0,
    rolesAllUnasked: isAll && !allAsked ? 1 : 0,
    rolesWeakWord: subjects.length === 0 && facts.evidence.weakRoles.size === 1 && sameSet(roles, [...facts.evidence.weakRoles]) ? 1 : 0,
    singleRoleButComparing: roles.length === 1 && facts.comparing && !markers.otherOne ? 1 : 0,
    severalRolesButOneNamed: roles.length >= 2 && subjects.length === 1 && !markers.comparison && !markers.allRoles ? 1 : 0,
    noRoleButNamed: roles.length === 0 && subjects.length > 0 && !sharersNamed ? 1 : 0,
  };
}

/** The uncovered subject the question asks about, if any: the article does not cover it. */
function uncoveredTopic(facts: Facts, reading: QuestionReading, lexicon: Lexicon): MissingTopic | null {
  const { evidence } = facts;
  // Named only as context ("je suis en reconversion, quelle formation…"), a missing subject does not hide a
  // question the article answers; nor does a subject asked in the same breath as a covered one.
  const sectionAsked = evidence.sections[0]?.strong === true || (facts.subjects.length >= 2 && (reading.markers.comparison || reading.markers.overview));
  // A covered subject that only qualifies a missing one ("le salaire en début de carrière") does not hide it.
  const headsMissing = evidence.topics.some((topic) => !topic.covered && topic.asked && !topic.qualifying);
  if (evidence.topics.some((topic) => topic.covered && topic.asked && !(topic.qualifying && headsMissing))) return null;
  // A bullet that matches the question on two words or more answers it, subject word included; in a lookup
  // ("Qui forme les intérimaires ?"), so does a bullet that holds the subject's own word.
  const top = evidence.items[0];
  const lookup = reading.markers.who || reading.markers.yesNo;
  const holdsSubject = (id: string) => top !== undefined && top.matched.some((concept) => lexicon.topics.get(id)?.signals.has(concept));
  const bulletMatches = top !== undefined && top.f1 >= CANDIDATE_OPTIONS.itemForTopic;
  const answeredByBullet = (id: string) => bulletMatches && (lookup ? top.matched.length >= 2 || holdsSubject(id) : top.matched.length >= 2 && holdsSubject(id));
  // A missing subject said only around the question ("Je recrute un DA, quel profil…") counts when no role is named.
  const topic = evidence.topics.find((candidate) => !candidate.covered && (candidate.asked || (!sectionAsked && facts.named.length === 0)) && !answeredByBullet(candidate.id));
  return topic ? { id: topic.id, name: topic.name, heads: topic.asked && !topic.qualifying && topic.alone } : null;
}

/** A subject the question asks about that the article does not cover; `heads` when it is all the question asks before its complements. */
interface MissingTopic {
  id: string;
  name: string;
  heads: boolean;
}

/** Every candidate reading of the question for one article. */
export function articleCandidates(question: QuestionReading, evidence: Evidence, context: ConversationContext, lexicon: Lexicon, library: LibraryView, carried: Section | null = null): Candidate[] {
  // A cue of common ground inside one of this article's role names asks nothing of what its roles share.
  const reading = question.markers.shared && !evidence.sharedAsked ? { ...question, markers: { ...question.markers, shared: false } } : question;
  const facts = factsOf(reading, evidence, context, carried);
  const { markers } = reading;
  const article = evidence.article;
  const topic = uncoveredTopic(facts, reading, lexicon);
  const shared = articleFeatures(facts, library, reading, topic);
  const candidates: Candidate[] = [];
  const best = evidence.sections[0];
  const noQuestion = evidence.content.length === 0;

  // Sections: those the words point to, the conversation's, the definition, each for several role sets.
  const sections = new Map<string, Section>();
  for (const entry of evidence.sections.slice(0, CANDIDATE_OPTIONS.sections)) sections.set(entry.section.id, entry.section);
  if (facts.contextSection) sections.set(facts.contextSection.id, facts.contextSection);
  for (const definition of article.definitionSections) sections.set(definition.id, definition);
  // "Qu'ont-ils en commun ?": the section every role shares.
  if (markers.shared) for (const section of article.article.sections) if (section.isShared) sections.set(section.id, section);
  for (const section of sections.values()) {
    const entry = evidence.sections.find((candidate) => candidate.section === section);
    const evidenceScore = entry ? Math.min(1, entry.score / CANDIDATE_OPTIONS.sectionSaturation) : 0;
    const isContext = section === facts.contextSection;
    // "C'est quoi les missions du X ?" asks for the missions: a section the words point to strongly outweighs the cue.
    const defines = article.definitionSections.includes(section);
    const definitionAsked = defines && markers.definition && !markers.comparison && !(best?.strong === true && best.section !== section);
    const definitionRoleOnly = defines && facts.subjects.length >= 1 && noQuestion && !facts.leans;
    // "Qu'ont-ils en commun ?": the shared section whose heading says so ("Points communs"), if one does, before a shared FAQ.
    const sharedAsked = section.isShared && markers.shared && (article.sharingSections.size === 0 || article.sharingSections.has(section));
    const sectionFeatures: FeatureVector = {
      kindSection: 1,
      sectionEvidence: evidenceScore,
      sectionStrong: entry?.strong ? 1 : 0,
      sectionBest: entry !== undefined && entry === best ? 1 : 0,
      // Two sections past saturation are not equal: « paie », « brut » for the salary outweigh « monter » for a FAQ.
      sectionBehindBest: entry !== undefined && best !== undefined && best.score > 0 ? 1 - entry.score / best.score : 0,
      // "Et ses missions ?" after the contacts: the conversation's section, unless the words point to another more.
      sectionFromContext: isContext && facts.leans && !(best !== undefined && best.section !== section && best.strong && (entry?.score ?? 0) < best.score) ? 1 : 0,
      sectionFromContextSilent: isContext && evidence.sections.length === 0 && !facts.leans ? 1 : 0,
      sectionDefinitionAsked: definitionAsked ? 1 : 0,
      sectionDefinitionRoleOnly: definitionRoleOnly ? 1 : 0,
      sectionUnsupported: !entry && !isContext && !definitionAsked && !definitionRoleOnly && !(section.isShared && markers.shared) ? 1 : 0,
      sectionSharedAsked: sharedAsked ? 1 : 0,
    };
    const all = facts.sectionRoles(section);
    for (const roles of roleSets(facts, reading, section)) {
      const roleOwn = roleFeatures(facts, reading, roles, all);
      // The conclusion speaks of every role at once: it is answered whole, as one list.
      const answered = section.isConclusion ? [] : roles;
      candidates.push({
        reading: { kind: 'section', evidence, section, roles: answered, mode: answered.length >= 2 ? 'comparison' : 'list' },
        features: featureVector(shared, sectionFeatures, roleOwn, {
          comparisonAsked: roles.length >= 2 && (markers.comparison || markers.allRoles) ? 1 : 0,
          // What the roles share says nothing of how they differ; the conclusion, answered whole, is about that.
          noRoleButAllCompared: answered.length === 0 && !section.isConclusion && facts.subjects.length === 0 && markers.allRoles && (markers.overview || markers.comparison) && !markers.shared ? 1 : 0,
        }),
        label: `section:${section.id}[${roles.join(',')}]`,
      });
    }
  }

  // Bullets, table cells and sentences that match the question, answered with their owner.
  const itemOptions = evidence.items.slice(0, CANDIDATE_OPTIONS.items);
  const unknownTotal = evidence.unknown.reduce((sum, concept) => sum + unknownWeight(concept, article, evidence.verbLike), 0);
  // Only a definition question looks for the term a glossary point explains.
  const questionStems = markers.definition && facts.named.length === 0 ? new Set(reading.tokens.map(stem)) : null;
  for (const entry of itemOptions) {
    const owner = entry.item.roleId;
    const other = evidence.items.find((candidate) => candidate.item.roleId !== owner && candidate.item.section === entry.item.section);
    // How close another role's bullet comes: both roles may do it; the readings with one and with both compete.
    const rivalClose = other ? Math.max(0, 1 - (entry.f1 - other.f1) / CANDIDATE_OPTIONS.itemTie) : 0;
    const askedRole = facts.subjects.length === 1 ? facts.subjects[0]! : null;
    // "Qui a droit à une prime d'ancienneté ?", no role named, another role's bullet in the section holding the same
    // words of the question (« Prime d'ancienneté à partir de trois ans » in both lists, « Déclaration à l'ARS » and
    // « Déclaration à l'ARS avant de tatouer »): both roles are the answer, and one role alone pays for the other.
    // A question that names a role is about that role; two bullets each matching part of it are two answers.
    const sharedLookup = markers.who && facts.subjects.length === 0 && other !== undefined && sameSet(entry.matched, other.matched);
    const roles = owner ? [owner] : [];
    for (const tie of (rivalClose > 0 || sharedLookup) && other && owner && other.item.roleId ? [null, other.item] : [null]) candidates.push({
      reading: { kind: 'item', evidence, item: entry.item, askedRole, yesNo: (markers.yesNo || markers.rising) && askedRole !== null, shared: tie },
      features: featureVector(
        {
          itemRivalClose: sharedLookup ? (tie ? 0 : 1) : rivalClose,
          itemShared: tie && !sharedLookup ? 1 : 0,
          // "Qui répond aux messages privés ?" in a library: a bullet well ahead of every other article's says where to look.
          itemAheadOfLibrary: entry.f1 >= CANDIDATE_OPTIONS.itemAheadRatio * library.bestItemElsewhere(evidence) ? 1 : 0,
        },
        shared,
        roleFeatures(facts, reading, roles, facts.articleRoles),
        {
          // The bullet's own owner is what a reverse lookup answers: a named role is only asked about.
          rolesNamedMissing: 0,
          singleRoleButComparing: 0,
          kindItem: 1,
          itemMatch: entry.f1,
          itemMatchWho: facts.lookingUp && markers.who ? entry.f1 : 0,
          itemMatchYesNo: (markers.yesNo || (markers.rising && askedRole !== null)) ? entry.f1 : 0,
          itemHolds: entry.weight >= 1.5 * unknownTotal ? 1 : 0,
          itemOwnerConflict: askedRole !== null && owner !== askedRole && !markers.yesNo && !markers.rising ? 1 : 0,
          itemOwnerAsked: askedRole !== null && owner === askedRole && !tie ? 1 : 0,
          itemButSeveralNamed: facts.subjects.length >= 2 ? 1 : 0,
          itemSectionDisagrees: best?.strong && best.section !== entry.item.section ? 1 : 0,
          // "AVQ, ça veut dire quoi ?": the bullet that explains that very term.
          itemDefinesTerm: questionStems !== null && entry.item.term !== null && [...entry.item.term].every((part) => questionStems.has(part)) ? 1 : 0,
          itemOwnerlessForWho: owner === null && facts.lookingUp && markers.who ? 1 : 0,
        },
      ),
      label: `item:${entry.item.section.id}[${tie ? `${owner ?? ''}+${tie.roleId ?? ''}` : owner ?? ''}] ${entry.item.text.slice(0, 40)}`,
    });
  }

  // The general difference, for the roles named (two or more) or all of them; and all of them when the question
  // counts as many as the article has, whatever words of their names it holds ("les quatre métiers de l'atelier").
  const overviewSets = [facts.subjects.length >= 2 ? facts.subjects : facts.articleRoles];
  if (facts.subjects.length >= 2 && markers.roleCount === facts.articleRoles.length && !sameSet(facts.subjects, facts.articleRoles)) overviewSets.push(facts.articleRoles);
  overviewSets.forEach((overviewRoles, at) => candidates.push({
    reading: { kind: 'overview', evidence, roles: overviewRoles },
    features: featureVector(shared, roleFeatures(facts, reading, overviewRoles, facts.articleRoles), {
      kindOverview: 1,
      overviewAsked: markers.overview ? 1 : 0,
      overviewComparingWithoutSection: markers.comparison && !(best?.strong ?? false) ? 1 : 0,
      overviewRolesOnly: facts.subjects.length >= 2 && noQuestion && evidence.unknown.length === 0 ? 1 : 0,
      overviewOfOtherThings: evidence.comparesOtherThings ? 1 : 0,
      singleRoleButComparing: 0,
    }),
    label: at === 0 ? 'overview' : 'overview:all',
  }));

  // "Et l'autre ?" with two roles or more left: ask which one rather than guess.
  const left = facts.contextRoles.length > 0 ? facts.articleRoles.filter((id) => !facts.contextRoles.includes(id)) : [];
  if (markers.otherOne && !markers.otherMany && facts.subjects.length === 0 && facts.theOther === null && left.length >= 2) {
    candidates.push({
      reading: { kind: 'clarifyRoles', evidence, section: facts.contextSection, roles: left },
      features: { kindClarifyRoles: 1, otherOneAmbiguous: 1 },
      label: `clarify-roles[${left.join(',')}]`,
    });
  }

  // What the article does not cover.
  if (topic) {
    candidates.push({ reading: { kind: 'fallback', reason: 'topic', topic: topic.name, topicId: topic.id, evidence }, features: { kindTopicFallback: 1, topicUncovered: 1 }, label: `topic:${topic.id}` });
  }
  if (evidence.otherJob) {
    candidates.push({ reading: { kind: 'fallback', reason: 'other-job', topic: evidence.otherJob, evidence }, features: { kindOtherJobFallback: 1, otherJobNamed: 1 }, label: `other-job:${evidence.otherJob}` });
  }
  return candidates;
}

/** What candidates need to know of the whole library. */
export interface LibraryView {
  /** The strongest article's evidence. */
  bestStrength: number;
  /** How much the question's words point to this article rather than to the others (0..1). */
  distinctiveness(evidence: Evidence): number;
  /** The best bullet match of the other articles weighed for the question (0 when none). */
  bestItemElsewhere(evidence: Evidence): number;
  /** How many articles of the library have exactly this many roles. */
  articlesWithRoles(count: number): number;
  /** The other articles of the library with a role the words that named this article's roles name too. */
  rolesNamedElsewhere(evidence: Evidence): ArticleIndex[];
  /** Of the articles with a role these words name, this one alone has a section the question's words name. */
  answersAlone(evidence: Evidence): boolean;
}

/** The article has a section the question's words name strongly, on no subject the question asks that it lacks. */
export function answersItsSection(evidence: Evidence): boolean {
  return evidence.sections[0]?.strong === true && !evidence.topics.some((topic) => topic.asked && !topic.covered);
}

/** Readings that belong to no article: smalltalk, the clarification between articles, the abstention. */
export function libraryCandidates(reading: QuestionReading, all: Evidence[], context: ConversationContext, library: LibraryView): Candidate[] {
  const candidates: Candidate[] = [];
  const first = all[0];
  const anyRole = all.some((evidence) => evidence.roles.size > 0 || evidence.genericRole);
  const anyContent = all.some((evidence) => evidence.content.length > 0);
  const intent = reading.smalltalk[0];
  if (intent) {
    const only = !anyContent && !anyRole;
    // "slt, les compétences du chargé c koi ?": a greeting before a question that names a role (whole, or by the
    // head its roles share, with a section asked) is not the message; "Merci, c'est plus clair" or "aide" name none.
    // "Comment ça marche la mutuelle de l'entreprise ?": nor is help asked beside a subject of the HR vocabulary.
    const besideQuestion = all.some((evidence) => evidence.wholeNames.size > 0 || (evidence.genericRole && evidence.sections[0]?.strong === true) || evidence.topics.length > 0);
    candidates.push({
      reading: { kind: 'smalltalk', intent: intent.intent },
      features: { kindSmalltalk: 1, smalltalkOnly: only ? 1 : 0, smalltalkBesideQuestion: besideQuestion ? 1 : 0 },
      label: `smalltalk:${intent.intent}`,
    });
  }
  candidates.push({ reading: { kind: 'fallback', reason: 'unknown', evidence: first ?? null }, features: { kindAbstain: 1 }, label: 'abstain' });
  // "Le CA" when two articles have a role abbreviated CA, and the conversation is about neither: which one?
  // A role's whole name outweighs part of another article's role name ("chargé d'affaires" beside "Chargé d'affaires entreprises").
  const namingAny = all.filter((evidence) => evidence.roles.size > 0);
  const namingWhole = namingAny.filter((evidence) => evidence.wholeNames.size > 0);
  const naming = namingWhole.length > 0 ? namingWhole : namingAny;
  const strongest = (evidence: Evidence) => Math.max(...evidence.roles.values());
  // Articles left out of the shortlist may have a role these words name as well (« un assistant »).
  // "Qui fait les plannings des soigneurs ?" looks up who does it: the role it names is no subject to ask about.
  const alike = naming.length === 1 && !reading.markers.who ? library.rolesNamedElsewhere(naming[0]!) : [];
  const tiedChoices = naming.length >= 2 && strongest(naming[0]!) === strongest(naming[1]!) ? naming.map((evidence) => evidence.article) : alike.length > 0 ? [naming[0]!.article, ...alike] : [];
  if (tiedChoices.length >= 2 && !tiedChoices.some((index) => index.article.id === context.article)) {
    candidates.push({
      reading: { kind: 'clarify', choices: tiedChoices.slice(0, CANDIDATE_OPTIONS.clarifyChoices), evidence: naming[0]! },
      features: { kindClarify: 1, articlesRoleTie: 1 },
      label: 'clarify-roles-of-articles',
    });
  }
  if (first && all.length > 1 && context.article === null && !all.some((evidence) => evidence.roles.size > 0)) {
    const second = all[1]!;
    const tie = first.strength > 0 && second.strength > 0 && first.sections.length > 0 && second.sections.length > 0 &&
      (first.strength - second.strength) / first.strength < CANDIDATE_OPTIONS.articleTie;
    const { markers } = reading;
    const unanchored = !all.some((evidence) => evidence.genericRole) && (markers.comparison || markers.overview || markers.definition) && !(first.sections[0]?.strong ?? false);
    // "Les trois métiers du studio" points to the one article of three roles as surely as its words would.
    const count = markers.roleCount;
    const counted = count !== null && library.articlesWithRoles(count) === 1;
    const pointed = counted ? 1 : Math.max(...all.map((evidence) => library.distinctiveness(evidence)));
    // "Qui négocie les contrats ?": bullets of several articles answer about as well.
    const byItem = all.filter((evidence) => evidence.items[0]).sort((a, b) => b.items[0]!.f1 - a.items[0]!.f1);
    const itemTie = byItem.length >= 2 && byItem[1]!.items[0]!.f1 >= CANDIDATE_OPTIONS.itemTieAcrossArticles * byItem[0]!.items[0]!.f1;
    const choices = itemTie && !tie && !unanchored
      ? byItem.slice(0, CANDIDATE_OPTIONS.clarifyChoices).map((evidence) => evidence.article)
      : tie && !unanchored ? [first.article, second.article] : all.slice(0, CANDIDATE_OPTIONS.clarifyChoices).map((evidence) => evidence.article);
    candidates.push({
      reading: { kind: 'clarify', choices, evidence: first },
      features: {
        kindClarify: 1,
        articlesTie: tie ? 1 : 0,
        articlesUnanchored: unanchored ? 1 : 0,
        articlesNothingPoints: 1 - pointed,
        articlesItemTie: itemTie ? 1 : 0,
        // Asking "which article?" about words no article knows ("Qui a gagné la coupe du monde ?") is no help.
        unknownWords: Math.min(...all.map((evidence) => evidence.unknown.length)),
        articlesWeakEvidence: 1 - Math.min(1, Math.max(0, first.strength) / CANDIDATE_OPTIONS.strengthGapSaturation),
        // "Les missions d'un chef de marque ?" when every article sees another job: which article is no help.
        answerDespiteOtherJob: all.every((evidence) => evidence.otherJob !== null) ? 1 : 0,
        // "C'est quoi la mutuelle de l'entreprise ?" when no article has a section about it: which article is no help.
        answerDespiteMissingTopic: all.every((evidence) => evidence.topics.some((topic) => topic.asked && !topic.covered)) ? 1 : 0,
      },
      label: 'clarify',
    });
  }
  return candidates;
}
