/**
 * A time limit on each turn. A turn that hangs (a feedback file on a stalled disk, a storage that
 * never answers) would otherwise hold its HTTP request, its socket and, on SIGTERM, the shutdown.
 * Past the limit the employee gets a short French apology, the request is answered, and whatever
 * the hung turn tries to send later is dropped: it cannot reach the user after the apology.
 */
import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';

/** Runs one turn: what the adapter calls with each incoming activity. */
export type TurnRunner = (context: TurnContext) => Promise<void>;

/** A turn runner with a time limit, which knows how many of its turns are still hung past it. */
export interface DeadlineTurnRunner extends TurnRunner {
  /**
   * Turns answered with the apology and still running. At exit they matter: one blocked in the
   * kernel (a file on a stalled disk) holds a thread that Node waits for before the process can end.
   */
  readonly hungTurns: number;
}

/** Options of {@link withTurnDeadline}. */
export interface TurnDeadlineOptions {
  timeoutMs: number;
  /** The apology sent when the limit is reached (from dialogs/). */
  apology: () => Activity;
  logger: Logger;
}

/** Logged at exit when turns past their limit still run (the process then ends without waiting for them). */
export const HUNG_TURNS_AT_EXIT = 'turns still hung past their time limit at exit: the process ends without waiting for them';

/** Log message of a turn cut at its limit, for operators and tests. */
export const TURN_TIMED_OUT = 'turn exceeded its time limit: apology sent, late replies dropped';

/** Wraps a turn runner so that no turn holds its request longer than `timeoutMs`. */
export function withTurnDeadline(run: TurnRunner, { timeoutMs, apology, logger }: TurnDeadlineOptions): DeadlineTurnRunner {
  let hungTurns = 0;
  const runner = async (context: TurnContext): Promise<void> => {
    let expired = false;
    let apologyText: string | undefined;
    // Registered first, so it sees every send of the turn, including the SDK's own. Once the
    // limit is reached only the apology goes through (the SDK copies activities, so it is known by its text).
    context.onSendActivities(async (_context, activities, next) =>
      expired && !activities.every((activity) => activity.text === apologyText) ? [] : next(),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'expired'>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, 'expired');
    });
    const work = run(context).then(() => 'done' as const);
    try {
      if ((await Promise.race([work, deadline])) === 'done') return;
    } finally {
      clearTimeout(timer);
    }
    // The hung turn goes on in the background; its eventual failure is logged, never unhandled.
    hungTurns += 1;
    work
      .catch((error: unknown) => logger.warn({ err: error }, 'a turn that had timed out failed later'))
      .finally(() => {
        hungTurns -= 1;
      });
    const { conversation, id, channelId } = context.activity;
    logger.warn({ conversationId: conversation?.id, activityId: id, channelId, timeoutMs }, TURN_TIMED_OUT);
    expired = true;
    const apologyActivity = apology();
    apologyText = apologyActivity.text;
    await context.sendActivity(apologyActivity);
  };
  return Object.defineProperty(runner, 'hungTurns', { get: () => hungTurns }) as DeadlineTurnRunner;
}
