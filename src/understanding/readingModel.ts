/**
 * The scoring model of question reading: every candidate reading of a question (a section for a set
 * of roles, a bullet, the overview, a fallback…) is described by named features, and its score is the
 * weighted sum of them. One weight table, one abstention rule: the answer is the best candidate, and
 * the bot abstains (says it does not know) when no answer candidate beats the abstention candidate.
 *
 * The weights were set by hand from what each feature means, then adjusted by `npm run tune` (an
 * averaged perceptron over the tuning sets in test/eval/tuning, never the holdouts).
 */

/** Every feature a candidate may carry. Values are 0..1 unless said otherwise; absent means 0. */
export const FEATURES = [
  // Which kind of reading it is (a bias per kind).
  'kindSection',
  'kindItem',
  'kindOverview',
  'kindSmalltalk',
  'kindTopicFallback',
  'kindOtherJobFallback',
  'kindClarify',
  /** Asking which role is meant ("et l'autre ?" when two or more roles are left). */
  'kindClarifyRoles',
  /** The abstention candidate: its weight is the threshold an answer must beat. */
  'kindAbstain',

  // The article.
  /** A role of this article is named in the question. */
  'articleRoleNamed',
  /** The question names a role of this article by a whole name or an initialism, not by part of a name. */
  'articleRoleNamedWhole',
  /**
   * Another article of the library has roles the words that named this article's roles name too, and the conversation
   * is about neither: the role named does not say which article is meant (« Combien gagne un assistant ? » beside ten
   * assistants); graded by how little the question's other words point to this article (1 − articleDistinctive).
   */
  'articleRoleNamedElsewhereToo',
  /** No role is named, and the question describes one by what it does (« la personne qui gère la playlist »). */
  'articleRoleDescribed',
  /** The question names what every role of this article shares ("les deux chefs de produit"). */
  'articleGenericRole',
  /** The conversation is about this article. */
  'articleInContext',
  /** How far this article's evidence is below the best article's (0 = the best; 1 = a whole unit below). */
  'articleStrengthGap',
  /** The question counts the roles ("les trois métiers") and the article has that many. */
  'articleRoleCountFits',
  /** How much the question's words point to this article rather than to the library's others (0..1). */
  'articleDistinctive',

  // The roles of the reading.
  /** Every role the question names (as the subject) is among the reading's roles. */
  'rolesAllNamed',
  /** Number of named roles the reading leaves out. */
  'rolesNamedMissing',
  /** Number of the reading's roles the question does not name, when it names some. */
  'rolesUnnamedExtra',
  /** The reading keeps the conversation's roles, and the question leans on the conversation. */
  'rolesFromContext',
  /** The reading keeps the conversation's roles though nothing in the question leans on it. */
  'rolesFromContextSilent',
  /**
   * The reading takes the role "l'autre" points at (the only other role, else the only one not discussed yet,
   * else the only other one discussed), or every other role for "les autres".
   */
  'rolesComplement',
  /** "l'autre" (one role) when the conversation singles out none of the others: which one? */
  'otherOneAmbiguous',
  /** "Les deux autres" after several roles were answered about: the roles the conversation has not seen yet. */
  'rolesNotYetDiscussed',
  /** "Compare les deux" among more roles: the reading takes the roles the conversation was about last, as many as said. */
  'rolesLastDiscussed',
  /** "Compare avec le technicien": the conversation's roles and the one role the comparison names. */
  'rolesContextWithNamed',
  /** The question counts its roles ("les deux", "ces trois") and the reading takes another number of them. */
  'rolesCountDiffers',
  /** Every role, when the question compares one role (named or the conversation's) with "les autres". */
  'rolesWithTheOthers',
  /** The reading takes every role, and the question asks for all of them or compares without naming. */
  'rolesAllAsked',
  /** The reading takes every role, and nothing asks for all of them. */
  'rolesAllUnasked',
  /** The reading has exactly the one role a bare role word names ("compétences marketing"). */
  'rolesWeakWord',
  /** A reading of one role when the question compares (comparison word, two roles named). */
  'singleRoleButComparing',
  /** A reading of several roles when the question names one role and does not compare. */
  'severalRolesButOneNamed',
  /** A reading without roles (a shared section) while the question names a role. */
  'noRoleButNamed',
  /** The roles discussed so far (two or more), and the question refers back to several roles ("Et leurs horaires ?"). */
  'rolesPluralDiscussed',
  /** A reading without roles while the question asks how all the roles differ ("Quelles différences entre les quatre postes ?"). */
  'noRoleButAllCompared',

  // The section of the reading.
  /** The section's evidence from the question's words (0..1, saturating). */
  'sectionEvidence',
  /** The question names the section's subject in the clause that asks (heading or list-header word). */
  'sectionStrong',
  /** This is the section with the most evidence. */
  'sectionBest',
  /** How far the section's evidence falls behind the best section's (0 for the best, towards 1 far behind). */
  'sectionBehindBest',
  /** The conversation's section, and the question leans on the conversation. */
  'sectionFromContext',
  /** The conversation's section, when the question has no section words at all. */
  'sectionFromContextSilent',
  /** The section defining the roles, and the question asks what a role is. */
  'sectionDefinitionAsked',
  /** The section defining the roles, and the question only names a role. */
  'sectionDefinitionRoleOnly',
  /** A section every role shares ("Points communs"), and the question asks what the roles have in common. */
  'sectionSharedAsked',
  /** The closing section, and the question asks for the conclusion. */
  'sectionConclusionAsked',
  /** The section has no evidence, no context and no definition reason to be chosen. */
  'sectionUnsupported',
  /** A comparison reading of a section, and the question compares. */
  'comparisonAsked',

  // A bullet (or table cell, or sentence) that answers the question.
  /** How well the bullet matches the question's specific words (F0.5 of idf weights, ~0..1). */
  'itemMatch',
  /** The bullet match, when the question asks who does something. */
  'itemMatchWho',
  /** The bullet match, when the question is a yes/no about a role. */
  'itemMatchYesNo',
  /** The bullet's words outweigh the question's unknown words. */
  'itemHolds',
  /** The question names one role as subject and the bullet belongs to another, without a yes/no. */
  'itemOwnerConflict',
  /** The bullet belongs to the one role the question is about ("Est-ce que le X forme… ?": the X's own bullet). */
  'itemOwnerAsked',
  /** The question names two roles or more: it compares rather than looks for a bullet's owner. */
  'itemButSeveralNamed',
  /** A section named strongly elsewhere than the bullet's section. */
  'itemSectionDisagrees',
  /** Another role's bullet matches almost as well (1 = as well): both roles may do it. */
  'itemRivalClose',
  /** The reading answers with both bullets, for both roles. */
  'itemShared',
  /** The bullet matches well ahead of every other article's best bullet (always so with one article). */
  'itemAheadOfLibrary',
  /** A definition question about the very term a glossary-like bullet explains ("AVQ : activités de la vie quotidienne"). */
  'itemDefinesTerm',
  /** A who-question answered by a point no role owns (a glossary's entry): it names no one. */
  'itemOwnerlessForWho',

  // The overview.
  /** The question asks for the general difference ("quelle différence", "en gros"). */
  'overviewAsked',
  /** The question compares (a comparison word) without naming any section. */
  'overviewComparingWithoutSection',
  /** The question names two roles or more and nothing else. */
  'overviewRolesOnly',
  /** "La différence entre un CDD et un CDI": the question compares two things that are not this article's roles. */
  'overviewOfOtherThings',

  // Words the article does not know, subjects it lacks, other jobs, smalltalk.
  /** Number of words in the asking clause the article does not know (answers only). */
  'unknownWords',
  /** Unknown words outnumber known ones, no role named. */
  'mostlyUnknown',
  /** A subject HR asks about that the article lacks, asked in the question. */
  'topicUncovered',
  /** An answer from the article although the question asks about a subject the article lacks. */
  'answerDespiteMissingTopic',
  /** The subject the article lacks is what the question asks first, the article's subjects only qualifying it ("le salaire en début de carrière"). */
  'missingTopicAsked',
  /** An answer about the article's roles although the question names another job. */
  'answerDespiteOtherJob',
  /** Another job is named where a role would stand. */
  'otherJobNamed',
  /** Smalltalk patterns and nothing else asked. */
  'smalltalkOnly',
  /** Smalltalk patterns alongside a real question. */
  'smalltalkWithQuestion',
  /** A smalltalk reading of a message that also names a role ("slt, les compétences du chargé ?"). */
  'smalltalkBesideQuestion',
  /** The question has no content word, no role and no cue at all. */
  'emptyQuestion',

  // Several articles.
  /** Two articles fit equally, no role named, no conversation article (for the clarification). */
  'articlesTie',
  /** Several articles and a comparison/definition cue with nothing to anchor it. */
  'articlesUnanchored',
  /** For the clarification: how little the question's words point to any one article (1 - the best distinctiveness). */
  'articlesNothingPoints',
  /** For the clarification: how little evidence even the best article has (1 = none). */
  'articlesWeakEvidence',
  /** Bullets of two articles answer about as well, no role named, no conversation article. */
  'articlesItemTie',
  /** Roles of several articles are named alike (an initialism two articles share) and the conversation does not say which. */
  'articlesRoleTie',
] as const;

export type Feature = (typeof FEATURES)[number];

/** A candidate's feature vector (absent features are 0). */
export type FeatureVector = Partial<Record<Feature, number>>;

/**
 * Features that can only count against a reading: a role named and left out, a role added that nobody
 * asked for, a section nothing supports, a bullet of another role than the one asked about. Fitting keeps
 * their weights at or below zero, so a few odd questions cannot turn a penalty into a reward.
 */
export const PENALTY_FEATURES: readonly Feature[] = ['articleRoleNamedElsewhereToo', 'sectionBehindBest', 'rolesNamedMissing', 'rolesCountDiffers', 'rolesUnnamedExtra', 'sectionUnsupported', 'itemOwnerConflict', 'noRoleButNamed', 'noRoleButAllCompared', 'smalltalkBesideQuestion', 'missingTopicAsked'];

/**
 * The weight of each feature: how much it adds to (or takes from) a candidate's score.
 * Frozen defaults; `npm run tune` prints a tuned table to paste here.
 */
export const READING_WEIGHTS: Readonly<Record<Feature, number>> = Object.freeze({
  kindSection: 0.13,
  kindItem: -0.01,
  kindOverview: -0.36,
  kindSmalltalk: 2.45,
  kindTopicFallback: -1.48,
  kindOtherJobFallback: -1.1,
  kindClarify: 0.85,
  kindClarifyRoles: 0,
  kindAbstain: 1.42,
  articleRoleNamed: 1.57,
  articleRoleNamedWhole: 0.47,
  articleRoleDescribed: 1.2,
  articleGenericRole: 0.56,
  articleInContext: 1.14,
  articleStrengthGap: 0.08,
  articleDistinctive: 0.68,
  articleRoleCountFits: 0.4,
  articleRoleNamedElsewhereToo: -1.2,
  rolesAllNamed: -0.27,
  rolesNamedMissing: -0.11,
  rolesUnnamedExtra: -0.65,
  rolesFromContext: 0.17,
  rolesFromContextSilent: 0.01,
  rolesComplement: 0.68,
  otherOneAmbiguous: 4,
  rolesNotYetDiscussed: 0.83,
  rolesLastDiscussed: 0.8,
  rolesContextWithNamed: 0.6,
  rolesCountDiffers: -0.5,
  rolesWithTheOthers: 3.47,
  rolesAllAsked: 0.14,
  rolesAllUnasked: -0.21,
  rolesWeakWord: 0.1,
  singleRoleButComparing: -1.02,
  severalRolesButOneNamed: 0.29,
  noRoleButNamed: -0.59,
  noRoleButAllCompared: -0.6,
  rolesPluralDiscussed: 0.8,
  sectionEvidence: 0.55,
  sectionStrong: 0.14,
  sectionBest: 0.13,
  sectionBehindBest: -0.6,
  sectionFromContext: 0.32,
  sectionFromContextSilent: 0.39,
  sectionDefinitionAsked: 0.39,
  sectionDefinitionRoleOnly: 0.07,
  sectionSharedAsked: 0.84,
  sectionConclusionAsked: 1.5,
  sectionUnsupported: -0.97,
  comparisonAsked: 0.28,
  itemMatch: 0.13,
  itemMatchWho: 1.32,
  itemMatchYesNo: 1.1,
  itemHolds: 0.1,
  itemOwnerConflict: -0.38,
  itemOwnerAsked: -0.19,
  itemButSeveralNamed: -0.75,
  itemSectionDisagrees: -0.19,
  itemRivalClose: -0.27,
  itemShared: -0.27,
  itemAheadOfLibrary: 0.39,
  itemDefinesTerm: 0.6,
  itemOwnerlessForWho: -0.3,
  overviewAsked: 0.8,
  overviewComparingWithoutSection: 0.68,
  overviewRolesOnly: 0.88,
  overviewOfOtherThings: -1.14,
  unknownWords: -0.45,
  mostlyUnknown: -0.52,
  topicUncovered: 3.52,
  answerDespiteMissingTopic: -1.11,
  missingTopicAsked: -0.6,
  answerDespiteOtherJob: -1.51,
  otherJobNamed: 2.9,
  smalltalkOnly: 6,
  smalltalkWithQuestion: 0.68,
  smalltalkBesideQuestion: -1.5,
  emptyQuestion: 3,
  articlesTie: 0.16,
  articlesUnanchored: 0.44,
  articlesNothingPoints: 1.05,
  articlesWeakEvidence: -0.43,
  articlesItemTie: -0.22,
  articlesRoleTie: 0.82,
});

/**
 * Two answers from different articles closer than this (in score) fit the question equally: unless the
 * conversation is about one of them, the bot asks which article is meant rather than pick one.
 */
export const ARTICLE_TIE_MARGIN = 0.05;

/** A candidate's score under a weight table. */
/**
 * One feature vector from parts written like an object spread (a later part wins), keeping only the features
 * that are not zero: a candidate carries the ten or so that speak for it rather than fifty, which keeps
 * scoring and memory light (absent features are 0 everywhere).
 */
export function featureVector(...parts: readonly FeatureVector[]): FeatureVector {
  // A Map merges the parts about twice as fast as an object built key by key (the engine's hottest
  // function under load); it keeps the first-insertion order an object spread would.
  const merged = new Map<Feature, number>();
  for (const part of parts) for (const name of Object.keys(part) as Feature[]) merged.set(name, part[name]!);
  const vector: FeatureVector = {};
  for (const [name, value] of merged) if (value !== 0) vector[name] = value;
  return vector;
}

export function scoreOf(features: FeatureVector, weights: Readonly<Record<Feature, number>> = READING_WEIGHTS): number {
  let score = 0;
  for (const name in features) score += (features[name as Feature] ?? 0) * weights[name as Feature];
  return score;
}
