/**
 * What a card button sends back when clicked (`Action.Submit`: the activity has a `value`, no text).
 * The renderer writes these objects, the dialog runner reads them back: one shape for both.
 */
import { z } from 'zod';

/** A button that asks a question (fallback offers, clarification choices, smalltalk examples). */
export interface AskSubmit {
  action: 'ask';
  question: string;
}

/** 👍 or 👎 under an answer. */
export interface FeedbackSubmit {
  action: 'feedback';
  vote: 'up' | 'down';
  answerId: string;
  questionId: string;
}

export type SubmitData = AskSubmit | FeedbackSubmit;

/** Longest id accepted back from a client: ids are UUIDs or channel activity ids. */
const MAX_ID_LENGTH = 200;
/** Longest question accepted from a button: the same bound the runner applies to typed text is checked later. */
const MAX_SUBMITTED_QUESTION_LENGTH = 10_000;

const submitSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('ask'), question: z.string().max(MAX_SUBMITTED_QUESTION_LENGTH) }),
  z.object({
    action: z.literal('feedback'),
    vote: z.enum(['up', 'down']),
    answerId: z.string().min(1).max(MAX_ID_LENGTH),
    questionId: z.string().min(1).max(MAX_ID_LENGTH),
  }),
]);

/**
 * Reads an `activity.value` sent by a card button; null when it is not one of ours
 * (clients can send anything, so nothing is trusted without this check).
 */
export function parseSubmitData(value: unknown): SubmitData | null {
  const parsed = submitSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
