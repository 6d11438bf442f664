/**
 * The AgentApplication: one bot for Teams, Direct Line, the Agents Playground and the web page.
 * Thin handlers registered in order (specific first, the catch-all message handler last): each
 * reads the activity, calls the dialog runner, sends the rendered replies.
 */
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import { AgentApplication, type CloudAdapter, type Storage, type TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Engine } from '../answers/engine.js';
import { readConversationState, type ConversationState } from '../conversation/conversationState.js';
import { DialogRunner, type TurnInput, type TurnResult } from '../conversation/dialogRunner.js';
import type { FeedbackStore } from '../conversation/feedbackStore.js';
import { parseSubmitData } from '../render/submitData.js';
import { ChannelDeliveryError } from '../errors.js';
import { cleanForLog } from '../logger.js';
import { ConversationTurnState } from './conversationTurnState.js';
import type { BotMetrics } from './metrics.js';
import { BOT_LOCALE, replyActivity, typingActivity, type FeedbackLabels } from './replyActivity.js';

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
}

/** The assistant's AgentApplication, typed with its turn state. */
export type Agent = AgentApplication<ConversationTurnState>;

/** Creates the agent and registers its handlers. */
export function createAgent(options: AgentOptions): Agent {
  const { engine, adapter, storage, feedbackStore, logger, logQuestions = false, metrics } = options;
  const agent = new AgentApplication<ConversationTurnState>({
    adapter,
    storage,
    turnStateFactory: () => new ConversationTurnState(),
    // The engine answers synchronously: one typing activity is sent by hand instead of a timer.
    startTypingTimer: false,
  });
  const runner = () => new DialogRunner(engine());
  const labels = (): FeedbackLabels => {
    const { prompt, up, down } = engine().dialogs.conversation.feedback;
    return { prompt, up, down };
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
    const result = runner().welcome(readConversationState(state.conversation));
    turnLogger(logger, context).debug({ welcomed: result.replies.length > 0 }, 'members added');
    await send(context, state, result);
  });

  // 👍/👎: recorded before thanking, so a vote is never lost silently.
  agent.onActivity(isFeedbackSubmit, async (context, state) => {
    const result = runner().turn(turnInput(context.activity), readConversationState(state.conversation));
    if (result.feedback) {
      await feedbackStore.record(result.feedback);
      // The question text stays out of the logs (privacy); the store keeps it.
      const { vote, answerId, questionId } = result.feedback;
      turnLogger(logger, context).info({ vote, answerId, questionId }, 'feedback recorded');
      metrics?.feedback(vote, context.activity.channelId ?? 'unknown');
    }
    await send(context, state, result);
  });

  // Catch-all for messages: typed questions, suggested actions, card buttons, `aide`.
  agent.onActivity(ActivityTypes.Message, async (context, state) => {
    const started = performance.now();
    await context.sendActivity(typingActivity());
    const input = turnInput(context.activity);
    const result = runner().turn(input, readConversationState(state.conversation));
    logTurn(turnLogger(logger, context), input, result, logQuestions);
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
  const submitted = parseSubmitData(input.value);
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

/** Selects a message whose value is a 👍/👎 click from one of our cards. */
async function isFeedbackSubmit(context: TurnContext): Promise<boolean> {
  const { activity } = context;
  return activity.type === ActivityTypes.Message && parseSubmitData(activity.value)?.action === 'feedback';
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
