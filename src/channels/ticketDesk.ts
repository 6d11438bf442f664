/**
 * The hand-off to HR, end to end: a ticket saved in the insights database, posted as a card to the
 * HR team's channel in Teams (the bot's stored conversation reference for that channel, or the one
 * configured), HR's reply saved and brought back to the employee: proactively in their Teams chat
 * (`continueConversation` with the reference saved in the ticket), or on the web page the next time
 * it asks (it holds a secret claim for each ticket it sent; the database keeps only its hash).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Dialogs } from '../answers/dialogs.js';
import { fill } from '../answers/dialogs.js';
import type { HandoffOutcome, HandoffRequest } from '../conversation/dialogRunner.js';
import type { InsightsStore } from '../insights/insightsStore.js';
import type { TicketRow } from '../insights/schema.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../render/adaptiveCard.js';
import { renderTicketCard } from '../render/ticketCard.js';
import { BOT_LOCALE } from './replyActivity.js';
import { WEB_BOT_ACCOUNT, WEB_CHANNEL_ID } from './webChannel.js';

/** The setting holding the HR channel's conversation reference (JSON). */
export const HR_CHANNEL_SETTING = 'hr_channel';

/** A ticket write that takes longer than this is reported to the employee as not sent. */
export const TICKET_WRITE_TIMEOUT_MS = 5_000;

/** Claims a web page may ask about at once. */
export const MAX_WEB_CLAIMS = 50;

/** Where the tickets go in Teams, from configuration (otherwise learnt when the bot is added to a team). */
export interface HrChannelSettings {
  /** The channel's conversation id (`19:…@thread.tacv2`). */
  channelId?: string | undefined;
  /** Only this team may become the HR team (its id, `19:…@thread.tacv2` of its General channel). */
  teamId?: string | undefined;
  serviceUrl?: string | undefined;
  tenantId?: string | undefined;
}

/** A stored HR channel: a conversation reference and the team it belongs to. */
interface HrChannel {
  teamId: string | null;
  reference: ConversationReference;
}

export interface TicketDeskOptions {
  store: () => InsightsStore | null;
  adapter: CloudAdapter;
  /** The bot's app id (proactive messages need it), undefined in anonymous local mode. */
  botAppId: string | undefined;
  dialogs: () => Dialogs;
  logger: Logger;
  hrChannel?: HrChannelSettings;
  now?: () => Date;
}

/** What creating a ticket gave. */
export interface CreatedTicket {
  outcome: HandoffOutcome;
  ticket?: TicketRow;
  /** For the web page: the secret it keeps to fetch the reply. */
  claim?: string;
}

/** Fails a promise after a time limit. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The team of a Teams activity (channelData.team.id), if any. */
export function teamOf(activity: Activity): string | null {
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === 'string' ? team.id : null;
}

/** A channel conversation id without its thread suffix (`;messageid=…`). */
const channelPart = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

/** Saves tickets, posts them to HR, brings replies back. */
export class TicketDesk {
  /** Deliveries started and not finished (tests wait for them). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly options: TicketDeskOptions) {}

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /** Waits for the posts and proactive messages in flight. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(promise: Promise<unknown>): void {
    const tracked = promise.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** The identity proactive messages are sent with: the app id, or anonymous in local mode. */
  private identity(): Parameters<CloudAdapter['continueConversation']>[0] {
    return this.options.botAppId ?? {};
  }

  /** Creates the ticket of a hand-off click; never throws (a failure is an outcome the employee is told). */
  async create(context: TurnContext, request: HandoffRequest, conversationHash: string): Promise<CreatedTicket> {
    const store = this.options.store();
    const { activity } = context;
    const log = this.options.logger.child({ conversationHash, answerId: request.answerId });
    if (!store) {
      log.warn('ticket not saved: insights database unavailable');
      return { outcome: 'failed' };
    }
    const web = activity.channelId === WEB_CHANNEL_ID;
    const claim = web ? randomBytes(24).toString('base64url') : undefined;
    const from = activity.from ?? { id: '' };
    const at = this.now();
    try {
      const { ticket, created } = await within(
        store.createTicket({
          id: randomUUID(),
          created_at: at,
          channel: activity.channelId ?? 'unknown',
          question: request.question,
          bot_answer: request.answered.summary ?? '',
          article: request.answered.article,
          section: request.answered.section,
          answer_id: request.answerId,
          conversation_hash: conversationHash,
          user_name: web ? null : (from.name ?? null),
          user_id: (from as { aadObjectId?: string }).aadObjectId ?? from.id ?? '',
          conversation_ref: web ? null : JSON.stringify(activity.getConversationReference()),
          web_claim_hash: claim ? sha256(claim) : null,
        }),
        TICKET_WRITE_TIMEOUT_MS,
      );
      if (!created) return { outcome: 'alreadySent', ticket };
      log.info({ ticketId: ticket.id, channel: ticket.channel }, 'ticket created');
      this.track(this.postToHrChannel(ticket));
      return { outcome: 'sent', ticket, ...(claim ? { claim } : {}) };
    } catch (error) {
      log.warn({ err: error }, 'ticket not saved: insights database error');
      return { outcome: 'failed' };
    }
  }

  /** The HR channel: from configuration, else the one stored when the bot was added to a team. */
  async hrChannel(): Promise<HrChannel | null> {
    const configured = this.options.hrChannel;
    if (configured?.channelId && configured.serviceUrl) {
      return {
        teamId: configured.teamId ?? null,
        reference: {
          channelId: 'msteams',
          serviceUrl: configured.serviceUrl,
          conversation: { id: configured.channelId, isGroup: true, conversationType: 'channel', tenantId: configured.tenantId, name: '' },
          agent: { id: this.options.botAppId ?? '', name: '' },
        } as ConversationReference,
      };
    }
    const stored = await this.options.store()?.setting(HR_CHANNEL_SETTING);
    return stored ? (JSON.parse(stored) as HrChannel) : null;
  }

  /**
   * Remembers a team channel as the HR channel (the bot was added to the team, or someone typed the
   * command there). The first team keeps it: another team may not take the tickets, unless
   * HR_TEAM_ID names it. Returns whether this channel now gets the tickets.
   */
  async rememberHrChannel(activity: Activity): Promise<boolean> {
    const store = this.options.store();
    const team = teamOf(activity);
    if (!store || !team || this.options.hrChannel?.channelId) return false;
    const allowedTeam = this.options.hrChannel?.teamId;
    if (allowedTeam && allowedTeam !== team) return false;
    const current = await this.hrChannel();
    if (!allowedTeam && current?.teamId && current.teamId !== team) return false;
    const reference = activity.getConversationReference();
    reference.conversation = { ...reference.conversation, id: channelPart(reference.conversation.id) };
    const value: HrChannel = { teamId: team, reference };
    await store.setSetting(HR_CHANNEL_SETTING, JSON.stringify(value), this.now());
    this.options.logger.info({ teamId: team }, 'HR channel for tickets saved');
    return true;
  }

  /** Whether an activity comes from the HR channel's team (only its members may answer tickets). */
  async isFromHrChannel(activity: Activity): Promise<boolean> {
    const channel = await this.hrChannel();
    if (!channel) return false;
    const team = teamOf(activity);
    if (channel.teamId) return team === channel.teamId;
    return channelPart(activity.conversation?.id ?? '') === channelPart(channel.reference.conversation.id);
  }

  private card(ticket: TicketRow): Record<string, unknown> {
    const labels = this.options.dialogs().handoff.card;
    return renderTicketCard(
      {
        id: ticket.id,
        status: ticket.status,
        userName: ticket.user_name,
        question: ticket.question,
        botAnswer: ticket.bot_answer,
        channel: ticket.channel,
        createdAt: ticket.created_at,
        reply: ticket.reply,
        repliedBy: ticket.replied_by,
      },
      labels,
    ) as unknown as Record<string, unknown>;
  }

  private cardActivity(ticket: TicketRow, id?: string): Activity {
    return Activity.fromObject({
      type: ActivityTypes.Message,
      locale: BOT_LOCALE,
      ...(id ? { id } : {}),
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.card(ticket) }],
    });
  }

  /** Posts a new ticket's card to the HR channel (when there is one) and remembers the card's id. */
  private async postToHrChannel(ticket: TicketRow): Promise<void> {
    const channel = await this.hrChannel();
    if (!channel) {
      this.options.logger.info({ ticketId: ticket.id }, 'no HR channel in Teams: the ticket waits in the /rh inbox');
      return;
    }
    try {
      let cardId: string | undefined;
      await this.options.adapter.continueConversation(this.identity(), channel.reference, async (context) => {
        cardId = (await context.sendActivity(this.cardActivity(ticket)))?.id;
      });
      if (cardId) await this.options.store()?.setTicketCard(ticket.id, cardId);
    } catch (error) {
      this.options.logger.warn({ err: error, ticketId: ticket.id }, 'ticket card not posted to the HR channel (it stays in the /rh inbox)');
    }
  }

  private async updateCard(ticket: TicketRow): Promise<void> {
    if (!ticket.hr_activity_id) return;
    const channel = await this.hrChannel();
    if (!channel) return;
    await this.options.adapter.continueConversation(this.identity(), channel.reference, async (context) => {
      await context.updateActivity(this.cardActivity(ticket, ticket.hr_activity_id ?? undefined));
    });
  }

  /** Records HR's reply, updates the card and sends the reply to the employee (Teams); undefined when the ticket is gone or closed. */
  async reply(ticketId: string, text: string, responder: string): Promise<TicketRow | undefined> {
    const store = this.options.store();
    if (!store) throw new Error('insights database unavailable');
    const ticket = await store.replyToTicket(ticketId, text, responder, this.now());
    if (!ticket) return undefined;
    this.options.logger.info({ ticketId, channel: ticket.channel }, 'ticket answered');
    this.track(this.deliver(ticket));
    return ticket;
  }

  /** Closes a ticket and updates its card. */
  async close(ticketId: string): Promise<TicketRow | undefined> {
    const store = this.options.store();
    if (!store) throw new Error('insights database unavailable');
    const ticket = await store.closeTicket(ticketId, this.now());
    if (ticket) this.track(this.updateCard(ticket).catch((error: unknown) => this.options.logger.warn({ err: error, ticketId }, 'ticket card not updated')));
    return ticket;
  }

  /** The employee's message carrying HR's reply. */
  replyText(ticket: TicketRow): string {
    return fill(this.options.dialogs().handoff.reply, { question: ticket.question, reply: ticket.reply ?? '', responder: ticket.replied_by ?? '' });
  }

  /** Updates the HR card, then (Teams) sends the reply in the employee's chat. */
  private async deliver(ticket: TicketRow): Promise<void> {
    await this.updateCard(ticket).catch((error: unknown) => this.options.logger.warn({ err: error, ticketId: ticket.id }, 'ticket card not updated'));
    if (!ticket.conversation_ref) return;
    try {
      const reference = JSON.parse(ticket.conversation_ref) as ConversationReference;
      await this.options.adapter.continueConversation(this.identity(), reference, async (context) => {
        await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Message, locale: BOT_LOCALE, text: this.replyText(ticket), textFormat: 'plain' }));
      });
      await this.options.store()?.markDelivered(ticket.id, this.now());
      this.options.logger.info({ ticketId: ticket.id }, 'reply delivered to the employee');
    } catch (error) {
      this.options.logger.warn({ err: error, ticketId: ticket.id }, 'reply not delivered to the employee (it stays answered in /rh)');
    }
  }

  /** The replies waiting for a web page, as bot activities to show; the claims answered. */
  async webReplies(claims: readonly string[]): Promise<{ activities: Record<string, unknown>[]; answered: string[] }> {
    const store = this.options.store();
    if (!store || claims.length === 0) return { activities: [], answered: [] };
    const byHash = new Map(claims.slice(0, MAX_WEB_CLAIMS).map((claim) => [sha256(claim), claim]));
    const tickets = await store.ticketsByClaim([...byHash.keys()]);
    const activities: Record<string, unknown>[] = [];
    const answered: string[] = [];
    const now = Date.now();
    for (const ticket of tickets) {
      if (!ticket.reply || !ticket.web_claim_hash) continue;
      answered.push(byHash.get(ticket.web_claim_hash)!);
      activities.push({
        type: ActivityTypes.Message,
        id: `ticket-${ticket.id}`,
        timestamp: new Date(now + activities.length).toISOString(),
        channelId: WEB_CHANNEL_ID,
        from: { ...WEB_BOT_ACCOUNT },
        locale: BOT_LOCALE,
        text: this.replyText(ticket),
        textFormat: 'plain',
      });
      if (!ticket.delivered_at) await store.markDelivered(ticket.id, this.now());
    }
    return { activities, answered };
  }
}
