/**
 * The AgentApplication: one bot for Teams, Direct Line, the Agents Playground and the web page.
 * Thin handlers registered in order (specific first, the catch-all message handler last): each
 * reads the activity, calls the dialog runner, sends the rendered replies.
 */
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import { AgentApplication, type CloudAdapter, type Storage, type TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Engine } from '../answers/engine.js';
import type { ContactBook } from '../conversation/contactBook.js';
import { readConversationState, type ConversationState } from '../conversation/conversationState.js';
import { DialogRunner, type TurnInput, type TurnResult } from '../conversation/dialogRunner.js';
import type { FeedbackStore } from '../conversation/feedbackStore.js';
import { parseSubmitData, type SubmitData, type TicketSubmit } from '../render/submitData.js';
import { ChannelDeliveryError } from '../errors.js';
import { cleanForLog } from '../logger.js';
import type { Insights } from '../insights/insights.js';
import { fold } from '../text/normalize.js';
import { ConversationTurnState } from './conversationTurnState.js';
import type { BotMetrics } from './metrics.js';
import { BOT_LOCALE, replyActivity, typingActivity, type FeedbackLabels } from './replyActivity.js';
import { teamOf, type TicketDesk } from './ticketDesk.js';
import { WEB_CHANNEL_ID } from './webChannel.js';

/** Everything the agent needs, built by the composition root. */
export interface AgentOptions {
  /** The engine answering now (a getter, so a reloaded knowledge base is picked up by the next turn). */
  engine: () => Engine;
  adapter: CloudAdapter;
  storage: Storage;
  feedbackStore: FeedbackStore;
  logger: Logger;
  /** Whether the question text goes into the info line of each answer (privacy: off by default). */
  logQuestions?: boolean;
  /** Counts turns, latency and feedback; none in unit tests that do not need it. */
  metrics?: Pick<BotMetrics, 'turn' | 'feedback'>;
  /** Records one event per answered question and every vote (never waits, never throws). */
  insights?: Insights;
  /** Tickets for HR: created on a hand-off click, answered from the HR channel's cards. */
  tickets?: TicketDesk;
  /** HR's contacts for subjects the articles do not cover. */
  contacts?: ContactBook;
}

/** The assistant's AgentApplication, typed with its turn state. */
export type Agent = AgentApplication<ConversationTurnState>;

/** Creates the agent and registers its handlers. */
export function createAgent(options: AgentOptions): Agent {
  const { engine, adapter, storage, feedbackStore, logger, logQuestions = false, metrics, insights, tickets, contacts } = options;
  const agent = new AgentApplication<ConversationTurnState>({
    adapter,
    storage,
    turnStateFactory: () => new ConversationTurnState(),
    // The engine answers synchronously: one typing activity is sent by hand instead of a timer.
    startTypingTimer: false,
  });
  const runner = () => new DialogRunner(engine(), contacts ? { contacts } : {});
  const labels = (): FeedbackLabels => {
    const { dialogs } = engine();
    const { prompt, up, down } = dialogs.conversation.feedback;
    return { prompt, up, down, handoff: dialogs.handoff.offer };
  };

  // Every outgoing activity is in French, including the SDK's own and the error apology.
  // A failure to post to the channel's serviceUrl is told apart from a fault of ours.
  adapter.use(async (context, next) => {
    context.onSendActivities(async (_context, activities, sendNext) => {
      for (const activity of activities) activity.locale ??= BOT_LOCALE;
      try {
        return await sendNext();
      } catch (error) {
        if (error instanceof ChannelDeliveryError) throw error;
        throw new ChannelDeliveryError('The replies could not be delivered to the channel', { cause: error });
      }
    });
    await next();
  });

  const send = async (context: TurnContext, state: ConversationTurnState, result: TurnResult): Promise<void> => {
    state.conversation = storedState(result.state);
    if (result.replies.length > 0) {
      const feedbackLabels = labels();
      await context.sendActivities(result.replies.map((reply) => replyActivity(reply, feedbackLabels)));
    }
  };

  agent.onConversationUpdate('membersAdded', async (context, state) => {
    const { activity } = context;
    // Added to a team: its channel may become the one HR tickets are posted to.
    if (tickets && teamOf(activity) && activity.membersAdded?.some((member) => member.id === activity.recipient?.id)) {
      await tickets.rememberHrChannel(activity).catch((error: unknown) => turnLogger(logger, context).warn({ err: error }, 'HR channel not saved'));
    }
    const result = runner().welcome(readConversationState(state.conversation));
    turnLogger(logger, context).debug({ welcomed: result.replies.length > 0 }, 'members added');
    await send(context, state, result);
  });

  // 👍/👎: recorded before thanking, so a vote is never lost silently.
  agent.onActivity(isFeedbackSubmit, async (context, state) => {
    const result = runner().turn(turnInput(context.activity), readConversationState(state.conversation));
    if (result.feedback) {
      // Only votes on answers this conversation actually got count in the insights.
      if (result.feedback.answerKind !== null) insights?.recordVote(result.feedback, result.downVotedQuestion ?? null);
      await feedbackStore.record(result.feedback);
      // The question text stays out of the logs (privacy); the store keeps it.
      const { vote, answerId, questionId } = result.feedback;
      turnLogger(logger, context).info({ vote, answerId, questionId }, 'feedback recorded');
      metrics?.feedback(vote, context.activity.channelId ?? 'unknown');
    }
    await send(context, state, result);
  });

  // "Transmettre ma question à l'équipe RH": a ticket, then the employee is told what happens next.
  agent.onActivity(isSubmit('handoff'), async (context, state) => {
    const dialogRunner = runner();
    const { activity } = context;
    const result = dialogRunner.turn(turnInput(activity), readConversationState(state.conversation));
    if (!result.handoff) {
      await send(context, state, result);
      return;
    }
    const web = activity.channelId === WEB_CHANNEL_ID;
    const hash = insights?.conversationHash(activity.channelId ?? '', activity.conversation?.id ?? '') ?? '';
    const created = tickets ? await tickets.create(context, result.handoff, hash) : { outcome: 'failed' as const };
    const reply = replyActivity(dialogRunner.handoffReply(created.outcome, result.handoff.question, web ? 'web' : 'teams'), labels());
    // The page keeps this secret to fetch HR's reply later (it is never stored, only its hash).
    if (created.claim) reply.channelData = { ticketClaim: created.claim };
    state.conversation = storedState(result.state);
    await context.sendActivity(reply);
  });

  // A ticket card's buttons, in the HR channel only.
  agent.onActivity(isSubmit('ticketReply', 'ticketClose'), async (context) => {
    const submitted = parseSubmitData(context.activity.value) as TicketSubmit;
    const { card } = engine().dialogs.handoff;
    const say = (text: string) => context.sendActivity(replyActivity({ kind: 'message', text, suggestions: [] }, labels()));
    if (!tickets || !(await tickets.isFromHrChannel(context.activity))) {
      turnLogger(logger, context).warn({ ticketId: submitted.ticketId }, 'ticket action from outside the HR channel refused');
      await say(card.notAllowed);
      return;
    }
    if (submitted.action === 'ticketClose') {
      await tickets.close(submitted.ticketId);
      return;
    }
    const text = submitted.reply?.trim() ?? '';
    if (text === '') {
      await say(card.emptyReply);
      return;
    }
    await tickets.reply(submitted.ticketId, text, context.activity.from?.name ?? card.anonymous);
  });

  // "@Assistant RH tickets ici" in a team channel: the tickets go to that channel.
  agent.onActivity(
    async (context) => Boolean(tickets) && isChannelCommand(context.activity, engine().dialogs.handoff.channelCommand),
    async (context) => {
      const chosen = await tickets!.rememberHrChannel(context.activity);
      const { channelChosen, channelRefused } = engine().dialogs.handoff;
      await context.sendActivity(replyActivity({ kind: 'message', text: chosen ? channelChosen : channelRefused, suggestions: [] }, labels()));
    },
  );

  // Catch-all for messages: typed questions, suggested actions, card buttons, `aide`.
  agent.onActivity(ActivityTypes.Message, async (context, state) => {
    const started = performance.now();
    await context.sendActivity(typingActivity());
    const { activity } = context;
    const input = turnInput(activity);
    const result = runner().turn(input, readConversationState(state.conversation));
    logTurn(turnLogger(logger, context), input, result, logQuestions);
    for (const reply of result.replies) {
      if (reply.kind !== 'answer') continue;
      insights?.recordAnswer({ channelId: input.channelId, conversationId: input.conversationId, answerId: reply.answerId, answer: reply.answer, question: reply.question });
    }
    await send(context, state, result);
    if (metrics) {
      const seconds = (performance.now() - started) / 1000;
      for (const reply of result.replies) metrics.turn(reply.kind === 'answer' ? reply.answer.kind : reply.kind, input.channelId || 'unknown', seconds);
    }
  });

  // In Agents SDK 1.8.1 turn state is saved only when an afterTurn handler is registered.
  agent.onTurn('afterTurn', async () => true);

  agent.onError(async (context, error) => {
    // The channel cannot be reached: an apology could not be delivered either.
    if (error instanceof ChannelDeliveryError) throw error;
    turnLogger(logger, context).error({ err: error, activityType: context.activity.type }, 'turn failed');
    const apology = engine().dialogs.fallback.error;
    await context.sendActivity(replyActivity({ kind: 'message', text: apology, suggestions: [] }, labels()));
  });

  return agent;
}

/** A child logger for one turn: every line carries the conversation, activity and channel ids. */
function turnLogger(logger: Logger, context: TurnContext): Logger {
  const { conversation, id, channelId } = context.activity;
  // pino writes a child's fields without the log formatter: they are cleaned here (ids come from clients).
  return logger.child(cleanForLog({ conversationId: conversation?.id, activityId: id, channelId }) as Record<string, unknown>);
}

/**
 * One info line per answered message: what kind of answer, from which article section, how sure.
 * The question itself is personal data: at info level only with LOG_QUESTIONS=1, else at debug.
 */
function logTurn(log: Logger, input: TurnInput, result: TurnResult, logQuestions: boolean): void {
  const submitted = submitDataOf(input.value);
  const question = submitted?.action === 'ask' ? submitted.question : input.text;
  for (const reply of result.replies) {
    if (reply.kind === 'answer') {
      const { kind, article, section, roles, confidence, why } = reply.answer;
      log.info(
        {
          kind,
          article,
          section,
          roles,
          confidence: Math.round(confidence * 1000) / 1000,
          answerId: reply.answerId,
          // Why the articles did not answer (no subject found, another job, nonsense…): the HR writer's to-do list.
          ...(kind === 'fallback' ? { reason: why.reason } : {}),
          ...(logQuestions ? { question } : {}),
        },
        'question answered',
      );
      log.debug({ question, why }, 'question read');
    } else {
      log.info({ kind: reply.kind }, 'message answered');
    }
  }
}

/**
 * The card button data of an activity, or null. A typed message has no value: it is not parsed at
 * all (zod builds a whole error for it, and each message goes through three selectors and the log).
 */
function submitDataOf(value: unknown): SubmitData | null {
  return value === undefined || value === null ? null : parseSubmitData(value);
}

/** Selects a message whose value is a 👍/👎 click from one of our cards. */
async function isFeedbackSubmit(context: TurnContext): Promise<boolean> {
  const { activity } = context;
  return activity.type === ActivityTypes.Message && submitDataOf(activity.value)?.action === 'feedback';
}

/** Selects a message whose value is one of our card buttons with one of these actions. */
function isSubmit(...actions: string[]): (context: TurnContext) => Promise<boolean> {
  return async ({ activity }) => {
    const action = submitDataOf(activity.value)?.action;
    return activity.type === ActivityTypes.Message && action !== undefined && actions.includes(action);
  };
}

/** A message in a team channel asking for the tickets there (the bot's mention removed). */
function isChannelCommand(activity: Activity, commands: readonly string[]): boolean {
  if (activity.type !== ActivityTypes.Message || !teamOf(activity) || typeof activity.text !== 'string') return false;
  const said = fold(activity.text.replace(/<at>[^<]*<\/at>/g, ' ')).replace(/[^a-z0-9]+/g, ' ').trim();
  return commands.some((command) => said === fold(command).replace(/[^a-z0-9]+/g, ' ').trim());
}

/** What the dialog runner needs from an incoming message. */
function turnInput(activity: Activity): TurnInput {
  return {
    text: activity.text,
    value: activity.value,
    activityId: activity.id,
    conversationId: activity.conversation?.id ?? '',
    channelId: activity.channelId ?? '',
  };
}

/** The state as stored: a fresh object so the write is last-writer-wins (no eTag carried over). */
function storedState(state: ConversationState): ConversationState {
  return { context: state.context, welcomed: state.welcomed, recentAnswers: state.recentAnswers };
}
