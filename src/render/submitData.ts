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

/** 👍 or 👎 under an answer; the question rides along, so a 👎 can keep it without the state keeping it. */
export interface FeedbackSubmit {
  action: 'feedback';
  vote: 'up' | 'down';
  answerId: string;
  questionId: string;
  question?: string | undefined;
}

/**
 * "Transmettre ma question à l'équipe RH": the answer it is about (checked against the answers the
 * conversation remembers) and the question, so the employee never types it again.
 */
export interface HandoffSubmit {
  action: 'handoff';
  answerId: string;
  questionId: string;
  question: string;
}

/** A button of a ticket card in the HR channel: answer (with the card's text input) or close. */
export interface TicketSubmit {
  action: 'ticketReply' | 'ticketClose';
  ticketId: string;
  /** The card's text input (`Input.Text` id `reply`), merged into the data by the client. */
  reply?: string | undefined;
}

export type SubmitData = AskSubmit | FeedbackSubmit | HandoffSubmit | TicketSubmit;

/** Longest id accepted back from a client: ids are UUIDs or channel activity ids. */
const MAX_ID_LENGTH = 200;
/** Longest question accepted from a button: the same bound the runner applies to typed text is checked later. */
const MAX_SUBMITTED_QUESTION_LENGTH = 10_000;
/** Longest reply HR may write in a ticket card. */
export const MAX_REPLY_LENGTH = 4_000;

const submitSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('ask'), question: z.string().max(MAX_SUBMITTED_QUESTION_LENGTH) }),
  z.object({
    action: z.literal('feedback'),
    vote: z.enum(['up', 'down']),
    answerId: z.string().min(1).max(MAX_ID_LENGTH),
    questionId: z.string().min(1).max(MAX_ID_LENGTH),
    question: z.string().max(MAX_SUBMITTED_QUESTION_LENGTH).optional(),
  }),
  z.object({
    action: z.literal('handoff'),
    answerId: z.string().min(1).max(MAX_ID_LENGTH),
    questionId: z.string().min(1).max(MAX_ID_LENGTH),
    question: z.string().min(1).max(MAX_SUBMITTED_QUESTION_LENGTH),
  }),
  z.object({
    action: z.enum(['ticketReply', 'ticketClose']),
    ticketId: z.string().min(1).max(MAX_ID_LENGTH),
    reply: z.string().max(MAX_REPLY_LENGTH).optional(),
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
