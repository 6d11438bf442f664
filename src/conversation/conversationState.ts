/**
 * What the bot keeps per conversation between two turns, in the SDK's Storage (memory or Redis):
 * the engine's follow-up context, whether the welcome was shown, and the last answers given
 * (so a 👍/👎 click can be recorded with the question it rates).
 */
import { z } from 'zod';
import { emptyContext, type ConversationContext } from '../understanding/context.js';

/** An answer given in this conversation, as feedback refers to it. */
export interface AnsweredQuestion {
  answerId: string;
  questionId: string;
  question: string;
  kind: string;
  article: string | null;
  section: string | null;
  roles: string[];
}

export interface ConversationState {
  context: ConversationContext;
  welcomed: boolean;
  /** Most recent last; at most {@link MAX_REMEMBERED_ANSWERS}. */
  recentAnswers: AnsweredQuestion[];
}

/** Feedback can rate any of the last few answers (older buttons still work, up to this many). */
export const MAX_REMEMBERED_ANSWERS = 10;

/** The state of a conversation that has just started. */
export const emptyConversationState = (): ConversationState => ({
  context: emptyContext(),
  welcomed: false,
  recentAnswers: [],
});

const contextSchema = z.object({
  article: z.string().nullable().catch(null),
  section: z.string().nullable().catch(null),
  roles: z.array(z.string()).catch([]),
  pendingQuestion: z.string().nullable().optional().catch(null),
});

const answeredSchema = z.object({
  answerId: z.string(),
  questionId: z.string(),
  question: z.string(),
  kind: z.string(),
  article: z.string().nullable(),
  section: z.string().nullable(),
  roles: z.array(z.string()),
});

const stateSchema = z.object({
  context: contextSchema.catch(emptyContext()),
  welcomed: z.boolean().catch(false),
  recentAnswers: z.array(answeredSchema).catch([]),
});

/**
 * Reads a stored state whatever it holds: a new conversation (`{}`), a state written by an older
 * version, or garbage all become a usable state (unknown parts reset), never an exception.
 */
export function readConversationState(stored: unknown): ConversationState {
  const parsed = stateSchema.safeParse(stored ?? {});
  if (!parsed.success) return emptyConversationState();
  const { context, welcomed, recentAnswers } = parsed.data;
  const { pendingQuestion, ...rest } = context;
  return {
    context: pendingQuestion === undefined ? rest : { ...rest, pendingQuestion },
    welcomed,
    recentAnswers,
  };
}
