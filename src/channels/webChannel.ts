/**
 * The same-origin web channel behind the page at `/`: no Azure, no Direct Line service.
 * The page's DirectLine-compatible object posts what Web Chat sends, with its session token; the
 * server builds a trusted activity from it (conversation and user ids from the session, bot
 * account, channel, delivery mode are ours, not the browser's), runs the turn through the same
 * CloudAdapter and AgentApplication with `deliveryMode: expectReplies`, and returns the bot's
 * replies for the page to show.
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypes, DeliveryModes } from '@microsoft/agents-activity';
import type { CloudAdapter, WebResponse } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { BOT_LOCALE } from './replyActivity.js';
import { HTTP_ERROR_MESSAGES, HttpError } from './httpError.js';
import type { TurnRunner } from './turnDeadline.js';
import type { WebSession } from './webSession.js';

/** Channel id of the page's conversations (the one Azure's Web Chat channel uses too). */
export const WEB_CHANNEL_ID = 'webchat';

/** The bot's account in web conversations. */
export const WEB_BOT_ACCOUNT = Object.freeze({ id: 'assistant-rh', name: 'Assistant RH', role: 'bot' });

/**
 * What the page may send; everything else it sends is ignored. The ids, when the page sends them,
 * must be its session's: they are checked, never used.
 */
const postedActivitySchema = z.object({
  type: z.string().min(1).max(64),
  text: z.string().optional(),
  value: z.unknown().optional(),
  from: z.object({ id: z.string().min(1).max(128) }).passthrough().optional(),
  conversation: z.object({ id: z.string().min(1).max(128) }).passthrough().optional(),
  channelData: z.object({ clientActivityID: z.string().max(128).optional() }).passthrough().optional(),
});

/**
 * The answer of `POST /api/webchat`: the id and timestamp given to the posted activity (the page
 * echoes it with them, so Web Chat orders it before the replies), then the bot's replies.
 */
export interface WebChannelResponse {
  id: string;
  timestamp: string;
  activities: Record<string, unknown>[];
}

/** Collects what CloudAdapter.process writes, instead of sending it on the wire. */
class CapturedResponse implements WebResponse {
  statusCode = 200;
  body: unknown;
  headersSent = false;
  writableEnded = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(): this {
    return this;
  }

  send(body?: unknown): this {
    this.body = body;
    this.headersSent = true;
    return this;
  }

  end(): this {
    this.writableEnded = true;
    return this;
  }
}

/** Turns the page's posted activity into the activity the agent will see, in the session's conversation. */
export function trustedWebActivity(posted: unknown, session: WebSession): Record<string, unknown> {
  const parsed = postedActivitySchema.safeParse(posted);
  if (!parsed.success) throw new HttpError(400, HTTP_ERROR_MESSAGES.notAnActivity);
  const { type, text, value, from, conversation, channelData } = parsed.data;
  if (conversation && conversation.id !== session.conversationId) {
    throw new HttpError(403, HTTP_ERROR_MESSAGES.sessionMismatch, { reason: 'conversation id of another session' });
  }
  if (from && from.id !== session.userId) {
    throw new HttpError(403, HTTP_ERROR_MESSAGES.sessionMismatch, { reason: 'user id of another session' });
  }
  const user = { id: `web-${session.userId}`, name: 'Utilisateur', role: 'user' };
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: WEB_CHANNEL_ID,
    conversation: { id: `web-${session.conversationId}` },
    from: user,
    recipient: { ...WEB_BOT_ACCOUNT },
    locale: BOT_LOCALE,
    deliveryMode: DeliveryModes.ExpectReplies,
    ...(type === ActivityTypes.Message && text !== undefined ? { text } : {}),
    ...(type === ActivityTypes.Message && value !== undefined ? { value } : {}),
    ...(type === ActivityTypes.ConversationUpdate ? { membersAdded: [user] } : {}),
    ...(channelData?.clientActivityID ? { channelData: { clientActivityID: channelData.clientActivityID } } : {}),
  };
}

/** Runs one web turn of a session and returns the replies, each with an id and timestamp for Web Chat. */
export async function runWebTurn(adapter: CloudAdapter, runTurn: TurnRunner, posted: unknown, session: WebSession): Promise<WebChannelResponse> {
  const activity = trustedWebActivity(posted, session);
  const id = String(activity.id);
  const received = Date.parse(String(activity.timestamp));
  const response = new CapturedResponse();
  await adapter.process({ body: activity, headers: {}, method: 'POST' }, response, runTurn);
  if (response.statusCode >= 400) throw new HttpError(response.statusCode, HTTP_ERROR_MESSAGES.invalidActivity);
  const replies = (response.body as { activities?: unknown[] } | undefined)?.activities ?? [];
  return {
    id,
    timestamp: new Date(received).toISOString(),
    activities: replies.map((reply, index) => ({
      ...plainActivity(reply),
      channelId: WEB_CHANNEL_ID,
      id: `${id}-${index + 1}`,
      // Strictly after the question, in order: Web Chat sorts the transcript by timestamp.
      timestamp: new Date(received + index + 1).toISOString(),
      from: { ...WEB_BOT_ACCOUNT },
      replyToId: id,
    })),
  };
}

/** An SDK Activity as plain JSON (the class serialises its channel id as `_channelId`). */
function plainActivity(activity: unknown): Record<string, unknown> {
  const { _channelId: _ignored, ...plain } = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
  return plain;
}
