/**
 * HTTP errors of the bot server and the bodies sent for them: short JSON, never a stack trace.
 */
import { AssistantError } from '../errors.js';

/** What the server answers for each failure, in one place (tests import it too). */
export const HTTP_ERROR_MESSAGES = Object.freeze({
  badRequest: 'Bad request',
  badJson: 'Malformed JSON body',
  tooLarge: 'Request body too large',
  notAnActivity: 'The body must be a JSON object describing an activity',
  missingType: 'The activity has no type',
  missingChannel: 'The activity has no channelId',
  missingConversation: 'The activity has no conversation.id',
  missingFrom: 'The activity has no from.id',
  missingRecipient: 'The activity has no recipient.id',
  malformedId: 'An id of the activity is not well-formed text',
  missingServiceUrl: 'The activity has no http(s) serviceUrl to send the replies to (or deliveryMode expectReplies)',
  invalidActivity: 'The activity does not follow the Activity schema',
  crossOrigin: 'Cross-origin requests are not accepted',
  tooManyRequests: 'Too many requests: please wait a moment',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  notReady: 'The knowledge base is not loaded yet',
  stopping: 'The server is stopping',
  channelUnreachable: 'The replies could not be delivered to the channel',
  internal: 'Internal error',
});

/** A request the server refuses or cannot serve, with the status to send. */
export class HttpError extends AssistantError {
  readonly status: number;

  constructor(status: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HttpError';
    this.status = status;
  }
}
