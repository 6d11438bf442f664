/**
 * The conversation around the answers, channel-neutral: welcome, questions typed or clicked,
 * clarification (the engine keeps the pending question in the context), help (the engine answers
 * `aide` as smalltalk), feedback. Pure: state in, replies and new state out; the channel sends the
 * replies, saves the state and records the feedback.
 */
import { randomUUID } from 'node:crypto';
import type { Answer, Suggestion } from '../answers/answer.js';
import { rolesPhrase } from '../answers/buildAnswer.js';
import type { Engine } from '../answers/engine.js';
import { stripInvisible } from '../text/normalize.js';
import { fill } from './dialogs.js';
import { MAX_REMEMBERED_ANSWERS, type AnsweredQuestion, type ConversationState } from './conversationState.js';
import type { FeedbackEntry } from './feedbackStore.js';
import { parseSubmitData, type FeedbackSubmit } from './submitData.js';

/** What the user sent, as the channel read it from the activity. */
export interface TurnInput {
  /** The typed text (absent for a card button click). */
  text?: string | undefined;
  /** `activity.value`: what a card button sends. */
  value?: unknown;
  /** The incoming activity id, used as the question id. */
  activityId?: string | undefined;
  conversationId: string;
  channelId: string;
}

/** An answer from the engine, with the ids feedback refers to. */
export interface AnswerReply {
  kind: 'answer';
  answer: Answer;
  answerId: string;
  questionId: string;
  /** Whether to put 👍/👎 under it (answers built from an article, not smalltalk). */
  feedback: boolean;
}

/** A plain message from the dialogs (welcome, thanks, "send text please"), with optional buttons. */
export interface MessageReply {
  kind: 'message';
  text: string;
  suggestions: Suggestion[];
}

export type Reply = AnswerReply | MessageReply;

/** What one turn produces. */
export interface TurnResult {
  replies: Reply[];
  state: ConversationState;
  /** A vote to record, when the turn was a 👍/👎 click. */
  feedback?: FeedbackEntry;
}

/** Answer kinds built from an article, which the user can rate. */
const RATED_KINDS: ReadonlySet<Answer['kind']> = new Set(['list', 'comparison', 'overview']);

/** Removes control characters and surrounding blanks from a typed question (line breaks stay). */
export function cleanQuestion(text: string): string {
  return stripInvisible(text).trim();
}

/** Runs the dialogs of one conversation turn on top of the answering engine. */
export class DialogRunner {
  constructor(private readonly engine: Engine) {}

  /** The welcome, once per conversation (channels may announce new members several times). */
  welcome(state: ConversationState): TurnResult {
    if (state.welcomed) return { replies: [], state };
    const { message, suggestions } = this.engine.welcome();
    return { replies: [{ kind: 'message', text: message, suggestions }], state: { ...state, welcomed: true } };
  }

  /** Handles a message: a typed question, a clicked suggestion or card button, or a vote. */
  turn(input: TurnInput, state: ConversationState): TurnResult {
    const submitted = input.value === undefined ? null : parseSubmitData(input.value);
    if (submitted?.action === 'feedback') return this.feedback(submitted, input, state);
    const question = submitted?.action === 'ask' ? submitted.question : input.text;
    if (typeof question !== 'string') {
      // An attachment, or a card value that is not one of ours: ask for a written question.
      const roles = rolesPhrase(this.engine.knowledge.articles);
      return { replies: [this.message(fill(this.engine.dialogs.fallback.notText, { roles }))], state };
    }
    return this.ask(cleanQuestion(question), input, state);
  }

  private ask(question: string, input: TurnInput, state: ConversationState): TurnResult {
    const { answer, context } = this.engine.answer(question, state.context);
    const reply: AnswerReply = {
      kind: 'answer',
      answer,
      answerId: randomUUID(),
      questionId: input.activityId ?? randomUUID(),
      feedback: RATED_KINDS.has(answer.kind),
    };
    const remembered: AnsweredQuestion = {
      answerId: reply.answerId,
      questionId: reply.questionId,
      kind: answer.kind,
      article: answer.article,
      section: answer.section,
      roles: answer.roles,
    };
    const recentAnswers = reply.feedback
      ? [...state.recentAnswers, remembered].slice(-MAX_REMEMBERED_ANSWERS)
      : state.recentAnswers;
    return { replies: [reply], state: { ...state, context, recentAnswers } };
  }

  private feedback(vote: FeedbackSubmit, input: TurnInput, state: ConversationState): TurnResult {
    const rated = state.recentAnswers.find((answered) => answered.answerId === vote.answerId);
    const entry: FeedbackEntry = {
      at: new Date().toISOString(),
      vote: vote.vote,
      answerId: vote.answerId,
      questionId: vote.questionId,
      answerKind: rated?.kind ?? null,
      article: rated?.article ?? null,
      section: rated?.section ?? null,
      roles: rated?.roles ?? [],
      conversationId: input.conversationId,
      channelId: input.channelId,
    };
    const thanks = this.engine.dialogs.conversation.feedback;
    return {
      replies: [this.message(vote.vote === 'up' ? thanks.thanksUp : thanks.thanksDown)],
      state,
      feedback: entry,
    };
  }

  private message(text: string, suggestions: Suggestion[] = []): MessageReply {
    return { kind: 'message', text, suggestions };
  }
}
