/**
 * The answering engine: knowledge folder + dialogs → `answer(question, context)`.
 * Pure after start-up: no I/O, no framework; channels call it and render the Answer.
 */
import { discussedAfter, type ConversationContext } from '../understanding/context.js';
import { fill, loadDialogs, type Dialogs } from './dialogs.js';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import type { KnowledgeFileError } from '../errors.js';
import { loadLanguagePack } from '../language/languagePack.js';
import { DEFAULT_LANGUAGE_PACK, DEFAULT_LEXICON } from '../projectRoot.js';
import { indexArticle, libraryRoleStems, type ArticleIndex } from '../understanding/articleIndex.js';
import { ArticleRouter } from '../understanding/articleRouter.js';
import { isFrenchWord } from '../understanding/frenchDictionary.js';
import type { Lexicon } from '../language/lexicon.js';
import { PhraseSet } from '../language/phraseSet.js';
import { soundKeyOf } from '../language/soundAlike.js';
import { sanitize, stripMarkup, words } from '../text/normalize.js';
import { readQuestion, type ReaderTools } from '../understanding/readQuestion.js';
import { articleChosenBy, candidatesFor, interpret, type Decision } from '../understanding/interpret.js';
import type { FeatureVector } from '../understanding/readingModel.js';
import { TypoCorrector } from '../understanding/typoCorrector.js';
import type { Answer, Suggestion } from './answer.js';
import { AnswerBuilder, rolesPhrase, topicsPhrase } from './buildAnswer.js';

/** Questions longer than this get a polite request to shorten them. */
export const MAX_QUESTION_LENGTH = 2000;

export interface Engine {
  readonly knowledge: KnowledgeBase;
  /** Files of the knowledge folder left out, each with its `file:line` problem in French. */
  readonly skipped: readonly KnowledgeFileError[];
  readonly dialogs: Dialogs;
  /** Answers one question in the given conversation context and returns the next context. */
  answer(text: string, context: ConversationContext): { answer: Answer; context: ConversationContext };
  /**
   * Every candidate reading of a question, each with its features and the answer it would give
   * (before scoring): what the tuner and `why` look at.
   */
  candidates(text: string, context: ConversationContext): { features: FeatureVector; label: string; answer: Answer }[];
  /** The welcome message and three example questions, built from the knowledge base. */
  welcome(): { message: string; suggestions: Suggestion[] };
}

/** Words of role names and headings: what people ask about most, preferred between equally close corrections. */
function salientWords(indexes: ArticleIndex[]): Set<string> {
  const texts = indexes.flatMap((index) => [
    ...index.article.roles.flatMap((role) => [role.name, ...role.aliases]),
    ...index.article.sections.map((section) => section.heading),
  ]);
  return new Set(texts.flatMap((text) => words(text)));
}

/** The question reader's tools: lexicon, typo corrector over every known word, smalltalk patterns. */
export function readerToolsFor(indexes: ArticleIndex[], lexicon: Lexicon, dialogs: Dialogs): ReaderTools {
  const smalltalk = new Map(Object.entries(dialogs.smalltalk.intents).map(([intent, entry]) => [intent, new PhraseSet(entry.patterns)]));
  const correctable = new Set<string>();
  const articleWords = new Set<string>();
  for (const index of indexes) for (const word of index.surfaceWords) if (!lexicon.stopWords.has(word)) articleWords.add(word);
  for (const word of articleWords) correctable.add(word);
  const markerSets = [lexicon.comparison, lexicon.overview, lexicon.followUp, lexicon.pronouns, lexicon.whoAsks, lexicon.definition, lexicon.fillers, lexicon.language.phrases('jobHeadsLast')];
  for (const set of [...markerSets, ...smalltalk.values()]) for (const word of set.words()) correctable.add(word);
  for (const word of [...lexicon.synonymWords, ...lexicon.topicWords, ...lexicon.concepts]) correctable.add(word);
  // Rewrite keys ("koi") are handled before correction: only their targets are words to correct towards.
  for (const targets of lexicon.rewrites.values()) for (const word of targets) correctable.add(word);
  // French head nouns of job titles are known words, never a correction: "contrôle" is no "contrôleur".
  // Borrowed ones may be ("designers" → "designer"); a real French word ("manger") is never corrected into them.
  // So are the words that describe a person instead of naming a job ("le spécialiste des semelles" is no "spécialisée").
  const knownClasses = ['jobHeads', 'adjectivalJobHeads', 'describingHeads', 'describingPhrases'] as const;
  const known = [...lexicon.stopWords, ...knownClasses.flatMap((wordClass) => lexicon.language.phrases(wordClass).words())];
  return { lexicon, corrector: new TypoCorrector(correctable, known, isFrenchWord, articleWords, salientWords(indexes), soundKeyOf(lexicon.language)), smalltalk };
}

/** Builds an engine from already-loaded parts (tests use this with fixture articles). */
export function createEngine(knowledge: KnowledgeBase, lexicon: Lexicon, dialogs: Dialogs, skipped: readonly KnowledgeFileError[] = []): Engine {
  const libraryRoles = libraryRoleStems(knowledge.articles, lexicon);
  const indexes: ArticleIndex[] = knowledge.articles.map((article) => indexArticle(article, lexicon, libraryRoles));
  const tools = readerToolsFor(indexes, lexicon, dialogs);
  const builder = new AnswerBuilder(dialogs, indexes, lexicon.language);
  const router = new ArticleRouter(indexes, lexicon);
  const roles = rolesPhrase(knowledge.articles, dialogs);

  const reply = (answer: Answer, context: ConversationContext) => ({ answer, context });
  const simpleFallback = (message: string, reason: string): Answer => ({
    kind: 'fallback',
    topic: null,
    closest: null,
    article: null,
    section: null,
    roles: [],
    confidence: 1,
    message,
    suggestions: builder.examples(),
    why: { matched: [], section: null, roles: [], runnerUp: null, reason },
  });

  return {
    knowledge,
    skipped,
    dialogs,
    welcome() {
      // One article: its roles and sections; a library: how many articles, and the first titles.
      const single = knowledge.articles.length === 1;
      return {
        message: fill(single ? dialogs.conversation.welcome.message : dialogs.conversation.welcome.library, {
          roles,
          title: knowledge.articles[0]?.title ?? '',
          topics: topicsPhrase(knowledge.articles, dialogs),
          count: knowledge.articles.length,
        }),
        suggestions: builder.examples(),
      };
    },
    candidates(text, context) {
      const reading = readQuestion(stripMarkup(sanitize(text)), tools);
      return candidatesFor(reading, router, lexicon, context).map((candidate) => ({
        features: candidate.features,
        label: candidate.label,
        answer: builder.build(candidate.reading),
      }));
    },
    answer(text, context) {
      const raw = typeof text === 'string' ? text : '';
      const clean = stripMarkup(sanitize(raw)).replace(/\s+/g, ' ').trim();
      if (clean.length > MAX_QUESTION_LENGTH) {
        return reply(simpleFallback(fill(dialogs.fallback.tooLong, { length: clean.length, max: MAX_QUESTION_LENGTH }), 'question too long'), context);
      }
      if (words(clean).length === 0) {
        const message = clean === '' ? dialogs.fallback.empty : dialogs.fallback.notText;
        return reply(simpleFallback(fill(message, { roles }), clean === '' ? 'empty question' : 'no words in the question'), context);
      }
      const reading = readQuestion(clean, tools);
      const decision = interpret(reading, router, lexicon, context);
      // A pending clarification is answered by picking one of the offered articles, by its title or by
      // naming one of its roles ("pour l'acheteur"): the question asked first is answered there.
      if (context.pendingQuestion) {
        const named = decision.ranking.find((candidate) => (candidate.features.articleRoleNamed ?? 0) > 0)?.reading ?? null;
        // Typed rather than clicked ("Celui de l'événementiel"): a word of one offered article's title or roles.
        const offered = () => {
          const asked = interpret(readQuestion(context.pendingQuestion!, tools), router, lexicon, { ...context, pendingQuestion: null }).interpretation;
          return asked.kind === 'clarify' ? articleChosenBy(reading, asked.choices, lexicon) : null;
        };
        const chosen = builder.clarifiedArticle(clean) ?? (named && 'evidence' in named && named.evidence ? named.evidence.article : null) ?? offered();
        if (chosen) {
          const picked: ConversationContext = { article: chosen.article.id, section: null, roles: [], pendingQuestion: null };
          const question = builder.clarifiedArticle(clean) ? context.pendingQuestion : `${context.pendingQuestion} ${clean}`;
          const answer = interpret(readQuestion(question, tools), router, lexicon, picked, [chosen]);
          const draft = withDecision(builder.build(answer.interpretation), answer);
          return reply(draft, nextContext(draft, picked));
        }
      }
      const draft = withDecision(builder.build(decision.interpretation), decision);
      if (draft.kind === 'clarify') return reply(draft, { ...context, pendingQuestion: clean });
      return reply(draft, nextContext(draft, context));
    },
  };
}

/** Records in `why` which reading won, on which features, and what came second. */
function withDecision(draft: Answer, decision: Decision): Answer {
  const [winner, runnerUp] = decision.ranking;
  if (!winner) return draft;
  const features = Object.fromEntries(Object.entries(winner.features).filter(([, value]) => value !== 0)) as Record<string, number>;
  const readings = [winner, ...(runnerUp ? [runnerUp] : [])].map((candidate) => ({ label: candidate.label, score: Number(candidate.score.toFixed(3)) }));
  return { ...draft, why: { ...draft.why, features, readings } } as Answer;
}

/** The context after an answer: a fallback or smalltalk keeps the previous one. */
function nextContext(answer: Answer, previous: ConversationContext): ConversationContext {
  if (answer.kind === 'list' || answer.kind === 'comparison' || answer.kind === 'overview') {
    const discussed = discussedAfter(previous, answer.article, answer.roles);
    if (answer.kind === 'list' && answer.roles.length === 0) return { article: answer.article, section: answer.section, roles: previous.roles, discussed, pendingQuestion: null };
    return { article: answer.article, section: answer.section, roles: answer.roles, discussed, pendingQuestion: null };
  }
  return { ...previous, pendingQuestion: null };
}

/** Loads the knowledge folder and the dialogs, then builds the engine. */
export async function loadEngine(options: { knowledgeDir: string; dialogsDir: string; lexiconFile?: string; languagePack?: string }): Promise<Engine> {
  const pack = loadLanguagePack(options.languagePack ?? DEFAULT_LANGUAGE_PACK);
  const { knowledge, lexicon, skipped } = loadKnowledge(options.knowledgeDir, options.lexiconFile ?? DEFAULT_LEXICON, pack);
  return createEngine(knowledge, lexicon, loadDialogs(options.dialogsDir), skipped);
}
