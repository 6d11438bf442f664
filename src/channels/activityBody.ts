/**
 * The checks an incoming activity body must pass before it reaches the SDK, whose own parser
 * answers 500 to a body without `type`, an array body or `text: null`.
 */
import { HTTP_ERROR_MESSAGES } from './httpError.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasId = (value: unknown): boolean => isObject(value) && typeof value.id === 'string' && value.id !== '';

/** Half of a UTF-16 surrogate pair without its other half: such an id cannot go into a reply's URL. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Longest id accepted. The Bot Framework schema sets no limit; Teams' longest ids (a channel
 * thread's conversation id with its message id, a user's `29:…` id) stay well under 300 characters.
 * A longer one is refused before it reaches the SDK, the storage keys or the log.
 */
export const MAX_ID_LENGTH = 512;

/** Longest channel id accepted (`msteams`, `webchat`, `directline`…). */
export const MAX_CHANNEL_ID_LENGTH = 64;

/** The ids the replies and the stored state are addressed with. */
function ids(body: Record<string, unknown>): unknown[] {
  return [body.id, body.replyToId, ...[body.conversation, body.from, body.recipient].map((part) => (isObject(part) ? part.id : undefined))];
}

/** Whether the ids the replies are addressed with (the URL path on the channel) are well-formed text. */
function idsWellFormed(body: Record<string, unknown>): boolean {
  return ids(body).every((id) => typeof id !== 'string' || !LONE_SURROGATE.test(id));
}

function idsShortEnough(body: Record<string, unknown>): boolean {
  const channelId = body.channelId;
  if (typeof channelId === 'string' && channelId.length > MAX_CHANNEL_ID_LENGTH) return false;
  return ids(body).every((id) => typeof id !== 'string' || id.length <= MAX_ID_LENGTH);
}

/** Why a body cannot be processed as an activity, or null when it can be handed to the adapter. */
export function activityBodyProblem(body: unknown): string | null {
  if (!isObject(body)) return HTTP_ERROR_MESSAGES.notAnActivity;
  if (!idsShortEnough(body)) return HTTP_ERROR_MESSAGES.idTooLong;
  if (typeof body.type !== 'string' || body.type === '') return HTTP_ERROR_MESSAGES.missingType;
  if (typeof body.channelId !== 'string' || body.channelId === '') return HTTP_ERROR_MESSAGES.missingChannel;
  if (!hasId(body.conversation)) return HTTP_ERROR_MESSAGES.missingConversation;
  // State is stored per channel, bot and conversation: without these ids a turn cannot run.
  if (!hasId(body.from)) return HTTP_ERROR_MESSAGES.missingFrom;
  if (!hasId(body.recipient)) return HTTP_ERROR_MESSAGES.missingRecipient;
  if (!idsWellFormed(body)) return HTTP_ERROR_MESSAGES.malformedId;
  // Replies go back in the HTTP response (expectReplies) or are posted to the serviceUrl.
  if (body.deliveryMode !== 'expectReplies' && !isHttpUrl(body.serviceUrl)) return HTTP_ERROR_MESSAGES.missingServiceUrl;
  return null;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Whether an error thrown by the SDK comes from its activity schema (a client error, not ours). */
export function isActivitySchemaError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ZodError';
}
