/**
 * Question → Interpretation: which article, which section, which roles, what kind of answer.
 * Pure and synchronous; every decision leaves a trace in `why`.
 */
import type { Section } from '../knowledge/knowledgeBase.js';
import type { ConversationContext } from '../conversation/context.js';
import type { ArticleIndex, IndexedItem } from './articleIndex.js';
import type { Lexicon } from '../language/lexicon.js';
import type { QuestionReading } from './readQuestion.js';
import { unknownWeight, weigh, type Evidence } from './weighEvidence.js';

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

export type Interpretation =
  | { kind: 'empty' }
  | { kind: 'smalltalk'; intent: string }
  | { kind: 'fallback'; reason: 'topic' | 'other-job' | 'unknown'; topic?: string; topicId?: string; evidence: Evidence | null }
  | { kind: 'clarify'; choices: ArticleIndex[]; evidence: Evidence }
  | { kind: 'section'; evidence: Evidence; section: Section; roles: string[]; mode: 'list' | 'comparison' }
  | { kind: 'overview'; evidence: Evidence }
  | { kind: 'item'; evidence: Evidence; item: IndexedItem; askedRole: string | null; yesNo: boolean; shared: IndexedItem | null };

/** Articles offered when a question could be about any of them. */
const MAX_CLARIFY_CHOICES = 3;

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
function outOfScope(evidence: Evidence, lexicon: Lexicon, lookup: boolean, comparesRoles: boolean): Interpretation | null {
  // Named only as context ("je suis en reconversion, quelle formation…", "je recrute… qu'est-ce qui
  // différencie le front du back ?"), a missing subject does not hide a question the article answers;
  // nor does a subject asked in the same breath as a covered one.
  const sectionAsked = evidence.sections[0]?.strong === true || comparesRoles;
  const coveredAsked = evidence.topics.some((topic) => topic.covered && topic.asked);
  // A bullet that matches the question on two words or more answers it, subject word included
  // ("Qui travaille avec le service paie ?", "Qui a démarré sa carrière en agence d'intérim ?").
  const top = evidence.items[0];
  const bulletHolds = top !== undefined && top.f1 >= DECISION.itemForWho && top.matched.length >= 2;
  const answeredByBullet = (topicId: string) =>
    bulletHolds && (lookup || top.matched.some((concept) => lexicon.topics.get(topicId)?.signals.has(concept)));
  const uncovered = coveredAsked
    ? undefined
    : evidence.topics.find((topic) => !topic.covered && (topic.asked || !sectionAsked) && !answeredByBullet(topic.id));
  if (uncovered) return { kind: 'fallback', reason: 'topic', topic: uncovered.name, topicId: uncovered.id, evidence };
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
  const markers = { ...reading.markers, yesNo: reading.markers.yesNo || (reading.markers.rising && evidence.roles.size > 0) };

  // Greetings, thanks, help: only when nothing else is asked ("Bonjour, quelles compétences…" is a question).
  const smalltalk = reading.smalltalk[0];
  if (smalltalk && evidence.content.length === 0 && evidence.roles.size === 0 && !evidence.genericRole) {
    return { kind: 'smalltalk', intent: smalltalk.intent };
  }
  const notCovered = outOfScope(evidence, lexicon, markers.who || markers.yesNo, evidence.roles.size >= 2 && (markers.comparison || markers.overview));
  if (notCovered) return notCovered;
  const rival = ambiguousArticles(all, evidence, context);
  if (rival) return { kind: 'clarify', choices: [evidence.article, rival.article], evidence };
  // "Quelle différence entre les deux ?" with several articles and nothing said before: which two?
  const unanchored = all.length > 1 && context.article === null && all.every((other) => other.roles.size === 0 && !other.genericRole);
  if (unanchored && (markers.comparison || markers.overview || markers.definition) && !(evidence.sections[0]?.strong ?? false)) {
    return { kind: 'clarify', choices: all.slice(0, MAX_CLARIFY_CHOICES).map((other) => other.article), evidence };
  }

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
  const lookingUp = (markers.who && roles.every((roleId) => evidence.objectRoles.has(roleId))) || markers.yesNo;
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
  const subjects = roles.filter((roleId) => !evidence.objectRoles.has(roleId));
  const ownerFits = !topItem || subjects.length !== 1 || markers.yesNo || topItem.item.roleId === subjects[0];
  const itemExplains = topItem !== undefined && (lookingUp || topItem.f1 >= DECISION.itemAlone);
  const sectionDisagrees = strongSection && best !== undefined && topItem !== undefined && best.section !== topItem.item.section;
  // Both roles named: the question compares them, it does not look for one bullet's owner.
  if (topItem && subjects.length < 2 && ownerFits && topItem.f1 >= itemThreshold && itemExplains && (lookingUp || !sectionDisagrees)) {
    const otherOwner = evidence.items.find((entry) => entry.item.roleId !== topItem.item.roleId && entry.item.section === topItem.item.section);
    const shared = otherOwner && topItem.f1 - otherOwner.f1 < DECISION.itemTie ? otherOwner.item : null;
    const askedRole = subjects.length === 1 ? subjects[0]! : null;
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
    // "Et si on compare ?", "compare les deux": the section under discussion, side by side.
    if (contextSection && markers.comparison && !markers.overview && (markers.followUp || evidence.content.length === 0)) {
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
