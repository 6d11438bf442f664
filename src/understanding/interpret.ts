/**
 * Question → Interpretation: which article, which section, which roles, what kind of answer.
 * Pure and synchronous; every decision leaves a trace in `why`.
 */
import type { Section } from '../knowledge/knowledgeBase.js';
import type { ConversationContext } from '../conversation/context.js';
import { conceptSequence, LINK_WORDS, SECTION_FIELD_WEIGHTS, type ArticleIndex, type IndexedItem } from './articleIndex.js';
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
  /** Two articles whose evidence differs by less than this ratio are ambiguous. */
  articleTie: 0.15,
});

/** Role mention strength: strong = full name or abbreviation; medium = "le marketing"; weak = the bare word. */
export type MentionStrength = 3 | 2 | 1;

export interface Evidence {
  article: ArticleIndex;
  /** Role id → mention strength. */
  roles: Map<string, MentionStrength>;
  /** A role was named without saying which ("un chef de produit"). */
  genericRole: boolean;
  /** Another job is named ("chef de projet", "data scientist"). */
  otherJob: string | null;
  /** Content concepts left once roles and markers are taken out. */
  content: string[];
  /** Concepts this article does not know. */
  unknown: string[];
  /** Topics named; covered = the article has a section about it. */
  topics: { id: string; name: string; covered: boolean }[];
  sections: { section: Section; score: number; strong: boolean; matched: string[] }[];
  items: { item: IndexedItem; f1: number; matched: string[] }[];
  /** Overall strength, to choose between articles. */
  strength: number;
}

export type Interpretation =
  | { kind: 'empty' }
  | { kind: 'smalltalk'; intent: string }
  | { kind: 'fallback'; reason: 'topic' | 'other-job' | 'unknown'; topic?: string; evidence: Evidence | null }
  | { kind: 'clarify'; choices: ArticleIndex[]; evidence: Evidence }
  | { kind: 'section'; evidence: Evidence; section: Section; roles: string[]; mode: 'list' | 'comparison'; followUp: boolean }
  | { kind: 'overview'; evidence: Evidence; followUp: boolean }
  | { kind: 'item'; evidence: Evidence; item: IndexedItem; askedRole: string | null; yesNo: boolean; shared: IndexedItem | null };

const DETERMINERS_BEFORE_ROLE = new Set(['le', 'la', 'l', 'les', 'du', 'au', 'un', 'une', 'cote', 'pour', 'chez', 'des', 'ce', 'cet', 'cette']);

/** Gathers what one article can say about the question. */
export function weigh(reading: QuestionReading, index: ArticleIndex, lexicon: Lexicon): Evidence {
  const sequence = conceptSequence(reading.tokens, lexicon);
  const consumed = new Set<number>();
  const roles = new Map<string, MentionStrength>();
  const note = (roleId: string, strength: MentionStrength) => roles.set(roleId, Math.max(roles.get(roleId) ?? 0, strength) as MentionStrength);
  let genericRole = false;
  let otherJob: string | null = null;

  const contentBefore = (at: number) => {
    for (let k = at - 1; k >= 0; k -= 1) {
      const token = sequence[k]!;
      if (token.kind === 'content') return token;
      if (!LINK_WORDS.has(reading.tokens[token.start]!)) return null;
    }
    return null;
  };
  const contentAfter = (at: number) => {
    for (let k = at + 1; k < sequence.length; k += 1) {
      const token = sequence[k]!;
      if (token.kind === 'content') return token;
      if (!LINK_WORDS.has(reading.tokens[token.start]!)) return null;
    }
    return null;
  };

  sequence.forEach((token, at) => {
    const word = reading.tokens[token.start]!;
    for (const role of index.roles) {
      if (token.end - token.start === 1 && role.abbreviations.has(word)) {
        note(role.role.id, 3);
        consumed.add(at);
      }
      if (token.kind !== 'content' || !role.distinctive.has(token.concept)) continue;
      const before = contentBefore(at);
      const after = contentAfter(at);
      const nearName = (neighbour: typeof before) => neighbour !== null && (index.sharedNameConcepts.has(neighbour.concept) || role.nameConcepts.has(neighbour.concept));
      const previousWord = token.start > 0 ? reading.tokens[token.start - 1]! : '';
      if (nearName(before) || nearName(after)) note(role.role.id, 3);
      else if (DETERMINERS_BEFORE_ROLE.has(previousWord) || at === 0) note(role.role.id, 2);
      else note(role.role.id, 1);
      consumed.add(at);
    }
    if (token.kind === 'content' && index.sharedNameConcepts.has(token.concept)) {
      consumed.add(at);
      genericRole = true;
    }
    // "chef de projet": a role's first word followed by a word of no role name is another job.
    if (token.kind === 'content' && !otherJob) {
      const heads = index.roles.filter((role) => role.headConcept === token.concept);
      if (heads.length > 0) {
        const next = contentAfter(at);
        if (next && !heads.some((role) => role.nameConcepts.has(next.concept)) && !reading.markerPositions.has(next.start)) {
          otherJob = reading.tokens.slice(token.start, next.end).join(' ');
        }
      }
    }
  });
  if (roles.size > 0) genericRole = false;
  if (!otherJob) {
    for (const [start, end] of lexicon.jobs.find(reading.tokens)) {
      const jobWords = reading.tokens.slice(start, end);
      if (!jobWords.every((word) => index.surfaceWords.has(word))) {
        otherJob = jobWords.join(' ');
        break;
      }
    }
  }

  const smalltalkPositions = new Set(reading.smalltalk.flatMap((found) => [...found.positions]));
  const content: string[] = [];
  sequence.forEach((token, at) => {
    if (token.kind !== 'content' || consumed.has(at) || lexicon.markerConcepts.has(token.concept)) return;
    // A phrase partly made of marker words ("avec qui") keeps its meaning; a marker alone does not.
    let covered = true;
    for (let position = token.start; position < token.end; position += 1) {
      if (!reading.markerPositions.has(position) && !smalltalkPositions.has(position)) covered = false;
    }
    if (!covered) content.push(token.concept);
  });

  const topics: Evidence['topics'] = [];
  for (const [id, topic] of lexicon.topics) {
    if (content.some((concept) => topic.signals.has(concept))) {
      topics.push({ id, name: topic.name, covered: [...topic.signals].some((signal) => index.coveredSignals.has(signal)) });
    }
  }
  const topicSignals = new Set(topics.flatMap((topic) => [...(lexicon.topics.get(topic.id)?.signals ?? [])]));
  const unknown = content.filter((concept) => !index.vocabulary.has(concept) && !lexicon.concepts.has(concept) && !topicSignals.has(concept));

  const sections = index.sections
    .map(({ section, terms }) => {
      let score = 0;
      let strong = false;
      const matched: string[] = [];
      for (const concept of new Set(content)) {
        const weight = terms.get(concept);
        if (!weight) continue;
        score += weight * (index.sectionIdf.get(concept) ?? 0);
        if (weight >= SECTION_FIELD_WEIGHTS.listHeader) strong = true;
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
  const specificWeight = [...specific].reduce((sum, concept) => sum + idf(concept), 0);
  const allWeight = [...allConcepts].reduce((sum, concept) => sum + idf(concept), 0);
  const f1 = (matchedWeight: number, questionWeight: number, itemWeight: number) => {
    if (matchedWeight === 0 || questionWeight === 0 || itemWeight === 0) return 0;
    const precision = matchedWeight / questionWeight;
    const recall = matchedWeight / itemWeight;
    return (2 * precision * recall) / (precision + recall);
  };
  const items = specificWeight === 0 ? [] : index.items
    .map((item) => {
      const matched = [...specific].filter((concept) => item.specific.has(concept));
      const matchedWeight = matched.reduce((sum, concept) => sum + idf(concept), 0);
      const fullWeight = [...allConcepts].filter((concept) => item.concepts.has(concept)).reduce((sum, concept) => sum + idf(concept), 0);
      // The section-level words only break ties between bullets.
      const score = f1(matchedWeight, specificWeight, item.specificWeight) + 0.1 * f1(fullWeight, allWeight, item.weight);
      return { item, f1: matched.length > 0 ? score : 0, matched };
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
  return { article: index, roles, genericRole, otherJob, content, unknown, topics, sections, items, strength };
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
  const contextual = all.find((evidence) => evidence.article.article.id === context.article);
  const named = all.filter((evidence) => evidence.roles.size > 0);
  let evidence = named[0] ?? all[0];
  if (!evidence) return { kind: 'fallback', reason: 'unknown', evidence: null };
  // A follow-up with no role of another article stays in the conversation's article.
  if (contextual && named.length === 0 && (reading.markers.followUp || reading.markers.pronoun || contextual.strength >= evidence.strength - 1e-9)) {
    evidence = contextual;
  }

  const { markers } = reading;
  const asksSomething = evidence.content.length > 0 || evidence.roles.size > 0 || evidence.genericRole || markers.comparison || markers.overview || markers.definition;
  const smalltalk = reading.smalltalk[0];
  if (smalltalk && (!asksSomething || evidence.content.length === 0 && evidence.roles.size === 0 && !evidence.genericRole)) {
    return { kind: 'smalltalk', intent: smalltalk.intent };
  }

  const uncovered = evidence.topics.find((topic) => !topic.covered);
  if (uncovered) return { kind: 'fallback', reason: 'topic', topic: uncovered.name, evidence };
  if (evidence.otherJob) return { kind: 'fallback', reason: 'other-job', topic: evidence.otherJob, evidence };

  const articleRoles = evidence.article.roles.map((role) => role.role.id);
  const sameArticle = context.article === evidence.article.article.id;
  const contextRoles = sameArticle ? context.roles : [];
  const contextSection = sameArticle ? evidence.article.article.sections.find((section) => section.id === context.section) ?? null : null;
  const leansOnContext = markers.followUp || markers.pronoun || markers.otherOne;

  // Ambiguity between articles: same strength, no role named anywhere.
  const second = all.find((other) => other !== evidence);
  if (!sameArticle && named.length === 0 && second && evidence.strength > 0 && second.strength > 0 &&
      (evidence.strength - second.strength) / evidence.strength < DECISION.articleTie && evidence.sections.length > 0 && second.sections.length > 0) {
    return { kind: 'clarify', choices: [evidence.article, second.article], evidence };
  }

  let roles = [...evidence.roles.keys()];
  if (markers.otherOne && roles.length === 0 && contextRoles.length === 1) roles = articleRoles.filter((id) => id !== contextRoles[0]);
  if (roles.length === 0 && leansOnContext) roles = contextRoles;

  const best = evidence.sections[0];
  const runnerUp = evidence.sections[1];
  const topItem = evidence.items[0];
  const strongSection = best?.strong ?? false;

  // Unknown words with nothing solid to hold on to: the article does not cover this.
  if (evidence.unknown.length > 0 && !strongSection && !(topItem && topItem.f1 >= DECISION.itemAlone)) {
    if (!(evidence.unknown.length === 0)) return { kind: 'fallback', reason: 'unknown', evidence };
  }

  // Reverse lookup over the bullets.
  const itemThreshold = markers.who || markers.yesNo ? DECISION.itemForWho : DECISION.itemAlone;
  if (topItem && topItem.f1 >= itemThreshold && (markers.who || markers.yesNo || !strongSection || topItem.item.section === best?.section)) {
    const rival = evidence.items.find((entry) => entry.item.roleId !== topItem.item.roleId && entry.item.section === topItem.item.section);
    const shared = rival && topItem.f1 - rival.f1 < DECISION.itemTie ? rival.item : null;
    const askedRole = roles.length === 1 ? roles[0]! : null;
    const explainsQuestion = markers.who || markers.yesNo || topItem.f1 >= DECISION.itemAlone;
    if (explainsQuestion && !(strongSection && best && best.section !== topItem.item.section && !markers.who && !markers.yesNo)) {
      return { kind: 'item', evidence, item: topItem.item, askedRole, yesNo: markers.yesNo && askedRole !== null, shared };
    }
  }

  let section: Section | null = best?.section ?? null;
  if (!section && markers.definition && evidence.article.definitionSection) section = evidence.article.definitionSection;
  if (!section && leansOnContext && contextSection && (roles.length > 0 || markers.comparison)) section = contextSection;
  if (!section && (markers.comparison || markers.overview) && roles.length !== 1) {
    if (contextSection && markers.followUp && markers.comparison && !markers.overview) {
      return { kind: 'section', evidence, section: contextSection, roles: articleRoles, mode: 'comparison', followUp: true };
    }
    if (evidence.unknown.length === 0) return { kind: 'overview', evidence, followUp: leansOnContext };
  }
  if (!section && roles.length === 1 && evidence.content.length === 0 && evidence.article.definitionSection) {
    // A role named and nothing else asked: say what the role is (or continue the current section).
    section = leansOnContext && contextSection ? contextSection : evidence.article.definitionSection;
  }
  if (!section && roles.length >= 2 && evidence.content.length === 0 && evidence.unknown.length === 0) {
    return { kind: 'overview', evidence, followUp: leansOnContext };
  }
  if (!section) return { kind: 'fallback', reason: 'unknown', evidence };
  void runnerUp;

  if (section.isConclusion) return { kind: 'section', evidence, section, roles: [], mode: 'list', followUp: leansOnContext };
  const sectionRoles = Object.keys(section.byRole);
  const wanted = markers.comparison ? [] : roles.filter((id) => sectionRoles.includes(id));
  if (wanted.length === 1) return { kind: 'section', evidence, section, roles: wanted, mode: 'list', followUp: leansOnContext };
  return { kind: 'section', evidence, section, roles: sectionRoles.length > 0 ? sectionRoles : articleRoles, mode: 'comparison', followUp: leansOnContext };
}
