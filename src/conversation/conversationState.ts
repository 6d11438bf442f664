/**
 * What the bot keeps per conversation between two turns, in the SDK's Storage (memory or Redis):
 * the engine's follow-up context, whether the welcome was shown, and the last answers given
 * (so a 👍/👎 click can be recorded with the article section it rates). Ids and article
 * references only: what an employee typed is personal data and is not kept here (only a question
 * waiting for a clarification choice stays, until the next turn).
 */
import { z } from 'zod';
import { emptyContext, type ConversationContext } from '../understanding/context.js';

/** An answer given in this conversation, as feedback refers to it: ids and what was answered, never the question text. */
export interface AnsweredQuestion {
  answerId: string;
  questionId: string;
  kind: string;
  article: string | null;
  section: string | null;
  roles: string[];
  /** What the bot answered, in a line (a title, or a fallback's first sentence): for a ticket. */
  summary?: string;
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
  discussed: z.array(z.string()).optional().catch(undefined),
  pendingQuestion: z.string().nullable().optional().catch(null),
});

const answeredSchema = z.object({
  answerId: z.string(),
  questionId: z.string(),
  kind: z.string(),
  article: z.string().nullable(),
  section: z.string().nullable(),
  roles: z.array(z.string()),
  summary: z.string().max(1000).optional().catch(undefined),
});

const stateSchema = z.object({
  context: contextSchema.catch(emptyContext()),
  welcomed: z.boolean().catch(false),
  // Unknown keys are dropped: a question text written by an older version is not carried over.
  recentAnswers: z.array(answeredSchema.strip()).catch([]),
});

/**
 * Reads a stored state whatever it holds: a new conversation (`{}`), a state written by an older
 * version, or garbage all become a usable state (unknown parts reset), never an exception.
 */
export function readConversationState(stored: unknown): ConversationState {
  const parsed = stateSchema.safeParse(stored ?? {});
  if (!parsed.success) return emptyConversationState();
  const { context, welcomed, recentAnswers } = parsed.data;
  const { pendingQuestion, discussed, ...rest } = context;
  return {
    context: { ...rest, ...(discussed === undefined ? {} : { discussed }), ...(pendingQuestion === undefined ? {} : { pendingQuestion }) },
    welcomed,
    recentAnswers,
  };
}
