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

/** Longest answer summary kept in the state. */
const MAX_SUMMARY_LENGTH = 1000;

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
  summary: z.string().max(MAX_SUMMARY_LENGTH).optional().catch(undefined),
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
 * A state exactly as this version writes it is checked by hand (zod costs about 2 % of a turn);
 * anything else goes through the schemas, which give the same result for our own shape.
 */
export function readConversationState(stored: unknown): ConversationState {
  return readOwnState(stored) ?? readAnyState(stored);
}

/** Keys the stored record may hold besides ours: the storage's eTag. */
const STATE_KEYS: ReadonlySet<string> = new Set(['context', 'welcomed', 'recentAnswers', 'eTag']);
const CONTEXT_KEYS: ReadonlySet<string> = new Set(['article', 'section', 'roles', 'discussed', 'pendingQuestion']);
const ANSWER_KEYS: ReadonlySet<string> = new Set(['answerId', 'questionId', 'kind', 'article', 'section', 'roles', 'summary']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
/** A copy of a list of strings, or null when it is not one. */
function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  for (const item of value) if (typeof item !== 'string') return null;
  return value.slice() as string[];
}
/** True when every own key of a record is one of these (unknown keys go through zod, which drops them). */
function onlyKeys(record: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in record) if (!keys.has(key)) return false;
  return true;
}

/**
 * A state in exactly the shape this version writes (every field present and well typed, no other
 * key but the eTag), copied as {@link readAnyState} would return it; null for anything else.
 */
export function readOwnState(stored: unknown): ConversationState | null {
  if (!isRecord(stored) || !onlyKeys(stored, STATE_KEYS)) return null;
  const { context, welcomed, recentAnswers } = stored;
  if (typeof welcomed !== 'boolean' || !isRecord(context) || !Array.isArray(recentAnswers) || !onlyKeys(context, CONTEXT_KEYS)) return null;
  const { article, section, discussed, pendingQuestion } = context;
  const roles = stringList(context.roles);
  if (!isStringOrNull(article) || !isStringOrNull(section) || roles === null) return null;
  const readContext: ConversationContext = { article, section, roles };
  if ('discussed' in context) {
    const list = stringList(discussed);
    if (list === null) return null;
    readContext.discussed = list;
  }
  if ('pendingQuestion' in context) {
    if (!isStringOrNull(pendingQuestion)) return null;
    readContext.pendingQuestion = pendingQuestion;
  }
  const answers: AnsweredQuestion[] = [];
  for (const answer of recentAnswers as unknown[]) {
    if (!isRecord(answer) || !onlyKeys(answer, ANSWER_KEYS)) return null;
    const { answerId, questionId, kind, summary } = answer;
    const answerRoles = stringList(answer.roles);
    if (typeof answerId !== 'string' || typeof questionId !== 'string' || typeof kind !== 'string' || answerRoles === null) return null;
    if (!isStringOrNull(answer.article) || !isStringOrNull(answer.section)) return null;
    const read: AnsweredQuestion = { answerId, questionId, kind, article: answer.article, section: answer.section, roles: answerRoles };
    if ('summary' in answer) {
      if (typeof summary !== 'string' || summary.length > MAX_SUMMARY_LENGTH) return null;
      read.summary = summary;
    }
    answers.push(read);
  }
  return { context: readContext, welcomed, recentAnswers: answers };
}

/** Reads any stored value through the schemas: what is valid is kept, what is not is reset. */
export function readAnyState(stored: unknown): ConversationState {
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
