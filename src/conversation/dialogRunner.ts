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
import { fill } from '../answers/dialogs.js';
import { MAX_REMEMBERED_ANSWERS, type AnsweredQuestion, type ConversationState } from './conversationState.js';
import { ContactBook } from './contactBook.js';
import type { FeedbackEntry } from './feedbackStore.js';
import { parseSubmitData, type FeedbackSubmit, type HandoffSubmit } from '../render/submitData.js';

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
  /** The question as asked, carried by the card's buttons (never kept in the state). */
  question: string;
  /** "Transmettre ma question à l'équipe RH" under a fallback. */
  handoff?: HandoffSubmit;
}

/** A plain message from the dialogs (welcome, thanks, "send text please"), with optional buttons. */
export interface MessageReply {
  kind: 'message';
  text: string;
  suggestions: Suggestion[];
  /** An offer to pass the question on to HR (after a 👎). */
  handoff?: HandoffSubmit;
}

/** A valid click on "Transmettre ma question à l'équipe RH": the channel creates the ticket. */
export interface HandoffRequest {
  answerId: string;
  questionId: string;
  question: string;
  answered: AnsweredQuestion;
}

/** How a hand-off ended, as the channel tells the dialog runner. */
export type HandoffOutcome = 'sent' | 'alreadySent' | 'failed';

export type Reply = AnswerReply | MessageReply;

/** What one turn produces. */
export interface TurnResult {
  replies: Reply[];
  state: ConversationState;
  /** A vote to record, when the turn was a 👍/👎 click. */
  feedback?: FeedbackEntry;
  /** The question of a 👎, which the insights keep (not the feedback export). */
  downVotedQuestion?: string;
  /** A ticket to create, when the turn was a click on the hand-off button. */
  handoff?: HandoffRequest;
}

/** Answer kinds built from an article, which the user can rate. */
const RATED_KINDS: ReadonlySet<Answer['kind']> = new Set(['list', 'comparison', 'overview']);

/** Fallbacks that answer a real question (not an empty or over-long message), which can be passed on to HR. */
const HANDOFF_REASONS = /^(?:topic|other-job|no section)/;

/** Longest answer summary remembered for a ticket. */
const MAX_SUMMARY_LENGTH = 500;

/** What the bot answered, in a line. */
function summaryOf(answer: Answer): string {
  const line = 'title' in answer ? answer.title : (answer.message.split('\n')[0] ?? '');
  return line.slice(0, MAX_SUMMARY_LENGTH);
}

/** Options of the dialog runner. */
export interface DialogRunnerOptions {
  /** HR's contacts for subjects the articles do not cover. */
  contacts?: ContactBook;
}

/** Removes control characters and surrounding blanks from a typed question (line breaks stay). */
export function cleanQuestion(text: string): string {
  return stripInvisible(text).trim();
}

/** Runs the dialogs of one conversation turn on top of the answering engine. */
export class DialogRunner {
  private readonly contacts: ContactBook;

  constructor(
    private readonly engine: Engine,
    options: DialogRunnerOptions = {},
  ) {
    this.contacts = options.contacts ?? ContactBook.empty();
  }

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
    if (submitted?.action === 'handoff') return this.handoff(submitted, state);
    const question = submitted?.action === 'ask' ? submitted.question : input.text;
    if (typeof question !== 'string') {
      // An attachment, or a card value that is not one of ours: ask for a written question.
      const roles = rolesPhrase(this.engine.knowledge.articles, this.engine.dialogs);
      return { replies: [this.message(fill(this.engine.dialogs.fallback.notText, { roles }))], state };
    }
    return this.ask(cleanQuestion(question), input, state);
  }

  private ask(question: string, input: TurnInput, state: ConversationState): TurnResult {
    const given = this.engine.answer(question, state.context);
    const answer = this.contacts.apply(given.answer, question);
    const { context } = given;
    const reply: AnswerReply = {
      kind: 'answer',
      answer,
      answerId: randomUUID(),
      questionId: input.activityId ?? randomUUID(),
      feedback: RATED_KINDS.has(answer.kind),
      question,
    };
    const canHandOff = answer.kind === 'fallback' && HANDOFF_REASONS.test(answer.why.reason);
    if (canHandOff) reply.handoff = { action: 'handoff', answerId: reply.answerId, questionId: reply.questionId, question };
    const remembered: AnsweredQuestion = {
      answerId: reply.answerId,
      questionId: reply.questionId,
      kind: answer.kind,
      article: answer.article,
      section: answer.section,
      roles: answer.roles,
      summary: summaryOf(answer),
    };
    const recentAnswers = reply.feedback || canHandOff
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
    const question = vote.question?.trim();
    if (vote.vote === 'down' && rated && question) {
      // After a 👎 on an answer this conversation got, offer to pass the question on to HR.
      const offer: MessageReply = {
        kind: 'message',
        text: this.engine.dialogs.handoff.offerAfterDownVote,
        suggestions: [],
        handoff: { action: 'handoff', answerId: vote.answerId, questionId: vote.questionId, question },
      };
      return { replies: [offer], state, feedback: entry, downVotedQuestion: question };
    }
    return {
      replies: [this.message(vote.vote === 'up' ? thanks.thanksUp : thanks.thanksDown)],
      state,
      feedback: entry,
    };
  }

  /** A click on the hand-off button: valid only for an answer this conversation got. */
  private handoff(submitted: HandoffSubmit, state: ConversationState): TurnResult {
    const answered = state.recentAnswers.find((entry) => entry.answerId === submitted.answerId);
    const question = cleanQuestion(submitted.question);
    if (!answered || question === '') return { replies: [this.message(this.engine.dialogs.handoff.unknown)], state };
    return { replies: [], state, handoff: { answerId: submitted.answerId, questionId: submitted.questionId, question, answered } };
  }

  /** What the employee is told once the channel tried to create the ticket. */
  handoffReply(outcome: HandoffOutcome, question: string, where: 'teams' | 'web'): MessageReply {
    const dialogs = this.engine.dialogs.handoff;
    if (outcome === 'failed') return this.message(dialogs.failed);
    if (outcome === 'alreadySent') return this.message(dialogs.alreadySent);
    return this.message(fill(where === 'web' ? dialogs.sentWeb : dialogs.sentTeams, { question }));
  }

  private message(text: string, suggestions: Suggestion[] = []): MessageReply {
    return { kind: 'message', text, suggestions };
  }
}
