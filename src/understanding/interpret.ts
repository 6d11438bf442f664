/**
 * Question → Interpretation: every candidate reading of the question (for each article it may be
 * about, and across them) is scored by the reading model; the best one wins, and the bot abstains
 * when none beats the abstention candidate. Pure and synchronous; the ranking is kept for `why`.
 */
import type { ConversationContext } from './context.js';
import type { Lexicon } from '../language/lexicon.js';
import { sameSubjectSection, type ArticleIndex } from './articleIndex.js';
import type { ArticleRouter } from './articleRouter.js';
import { answersItsSection, articleCandidates, libraryCandidates, type Candidate, type Interpretation, type LibraryView } from './candidates.js';
import { ARTICLE_TIE_MARGIN, READING_WEIGHTS, scoreOf, type Feature } from './readingModel.js';
import type { QuestionReading } from './readQuestion.js';
import { stem, words } from '../text/normalize.js';
import { weigh, type Evidence } from './weighEvidence.js';

export type { Interpretation } from './candidates.js';

/** A candidate with its score. */
export interface ScoredCandidate extends Candidate {
  score: number;
}

/** The chosen reading and the ranking it won (best first). */
export interface Decision {
  interpretation: Interpretation;
  ranking: ScoredCandidate[];
}

/** Every candidate reading of the question, unscored (the tuner scores them with other weights). */
export function candidatesFor(reading: QuestionReading, router: ArticleRouter, lexicon: Lexicon, context: ConversationContext, indexes = router.shortlist(reading, context)): Candidate[] {
  const all = indexes.map((index) => weigh(reading, index, lexicon)).sort((a, b) => b.strength - a.strength);
  const elsewhere = new Map<Evidence, ArticleIndex[]>();
  const library: LibraryView = {
    bestStrength: all[0]?.strength ?? 0,
    distinctiveness: (evidence) => router.distinctiveness(evidence.content, evidence.article),
    bestItemElsewhere: (evidence) => Math.max(0, ...all.filter((other) => other !== evidence).map((other) => other.items[0]?.f1 ?? 0)),
    articlesWithRoles: (count) => router.articlesWithRoles(count),
    rolesNamedElsewhere: (evidence) => {
      let found = elsewhere.get(evidence);
      if (!found) {
        found = router.otherArticlesNaming(evidence.article, [...evidence.roleKeys.values()]);
        elsewhere.set(evidence, found);
      }
      return found;
    },
    // Only a subject the other articles plainly lack (« le salaire » where they have no salary section) says so;
    // articles left out of the shortlist are not weighed, so whether they lack it is unknown.
    answersAlone: (evidence) => answersItsSection(evidence) && library.rolesNamedElsewhere(evidence).every((index) => {
      const other = all.find((candidate) => candidate.article === index);
      return other !== undefined && other.topics.some((topic) => topic.asked && !topic.covered);
    }),
  };
  // Once the question names a role of some article, another article's "not covered" says nothing about it.
  const naming = all.some((evidence) => evidence.roles.size > 0);
  // A subject another article covers is no "not covered" answer, unless the conversation is about the article that lacks it.
  const coveredBy = (evidences: Evidence[]) => new Set(evidences.flatMap((evidence) => evidence.topics.filter((topic) => topic.covered).map((topic) => topic.id)));
  const covered = coveredBy(all);
  const coveredWhereNamed = (own: Evidence) => coveredBy(all.filter((evidence) => evidence !== own && evidence.roles.size > 0));
  const heard = (candidate: Candidate) => {
    const { reading: candidateReading } = candidate;
    if (candidateReading.kind !== 'fallback' || !candidateReading.evidence) return true;
    if (naming && candidateReading.evidence.roles.size === 0) return false;
    // A role two articles share (« le chef d'équipe »): one of them lacking the subject says nothing when the other,
    // whose roles the question names too, covers it — unless the conversation is about the one that lacks it.
    const inContext = candidateReading.evidence.article.article.id === context.article;
    if (candidateReading.reason === 'topic' && !inContext && coveredWhereNamed(candidateReading.evidence).has(candidateReading.topicId ?? '')) return false;
    // The article the question points to (the conversation's, or one whose roles it names, even generically) is heard.
    const pointed = candidateReading.evidence.article.article.id === context.article || candidateReading.evidence.roles.size > 0 || candidateReading.evidence.genericRole;
    return pointed || candidateReading.reason !== 'topic' || !covered.has(candidateReading.topicId ?? '');
  };
  // The conversation's section, to carry its subject into another article a follow-up turns to.
  const contextIndex = indexes.find((index) => index.article.id === context.article);
  const contextSection = contextIndex?.sections.find((entry) => entry.section.id === context.section);
  const carried = (evidence: Evidence) => (contextSection && evidence.article !== contextIndex ? sameSubjectSection(contextSection, evidence.article) : null);
  return [...all.flatMap((evidence) => articleCandidates(reading, evidence, context, lexicon, library, carried(evidence))).filter(heard), ...libraryCandidates(reading, all, context, library)];
}

/** Scores candidates and ranks them, best first (earlier candidates win ties). */
export function rank(candidates: Candidate[], weights: Readonly<Record<Feature, number>> = READING_WEIGHTS): ScoredCandidate[] {
  return candidates.map((candidate) => ({ ...candidate, score: scoreOf(candidate.features, weights) })).sort((a, b) => b.score - a.score);
}

/** Reads the question against the articles and the conversation, and decides. */
export function interpret(reading: QuestionReading, router: ArticleRouter, lexicon: Lexicon, context: ConversationContext, indexes?: ArticleIndex[]): Decision {
  if (reading.tokens.length === 0) return { interpretation: { kind: 'empty' }, ranking: [] };
  const ranking = rank(candidatesFor(reading, router, lexicon, context, indexes));
  const tie = articleTie(ranking, context);
  if (tie) return { interpretation: tie, ranking };
  return { interpretation: ranking[0]?.reading ?? { kind: 'fallback', reason: 'unknown', evidence: null }, ranking };
}

/** The evidence of the article an answer comes from, or null for readings that belong to no article. */
function answerEvidence(reading: Interpretation): Evidence | null {
  return reading.kind === 'section' || reading.kind === 'item' || reading.kind === 'overview' ? reading.evidence : null;
}

/**
 * The best answer and the best answer of another article score alike, and the conversation is about
 * neither: never a confident answer from an article the question does not point to — ask which one.
 */
function articleTie(ranking: ScoredCandidate[], context: ConversationContext): Interpretation | null {
  const [best] = ranking;
  const first = best ? answerEvidence(best.reading) : null;
  if (!best || !first || first.article.article.id === context.article) return null;
  const rival = ranking.find((candidate) => {
    const evidence = answerEvidence(candidate.reading);
    return evidence !== null && evidence.article !== first.article;
  });
  const second = rival ? answerEvidence(rival.reading) : null;
  if (!rival || !second || second.article.article.id === context.article || best.score - rival.score > ARTICLE_TIE_MARGIN) return null;
  return { kind: 'clarify', choices: [first.article, second.article], evidence: first };
}

/**
 * The article a typed reply to a clarification picks among the offered ones ("Celui de l'événementiel" between
 * « Chef de projet événementiel vs Régisseur » and « Chef de projet informatique vs Développeur »): the only one
 * whose title or role names hold a word of the reply that the others' do not. Null when none or several do.
 */
export function articleChosenBy(reply: QuestionReading, choices: readonly ArticleIndex[], lexicon: Lexicon): ArticleIndex | null {
  const namesOf = (index: ArticleIndex) =>
    new Set([index.article.title, ...index.article.roles.flatMap((role) => [role.name, ...role.aliases])].flatMap((text) => words(text)).filter((word) => !lexicon.stopWords.has(word)).map(stem));
  const named = choices.map(namesOf);
  const replyStems = reply.tokens.filter((token) => !lexicon.stopWords.has(token)).map(stem);
  const picked = choices.filter((_, at) => replyStems.some((part) => named[at]!.has(part) && named.every((other, otherAt) => otherAt === at || !other.has(part))));
  return picked.length === 1 ? picked[0]! : null;
}
