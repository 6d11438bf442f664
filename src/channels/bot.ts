/**
 * The bot as one unit for the composition root: the SDK's auth configuration, the CloudAdapter,
 * the AgentApplication and the Express app, wired together. The only place that chooses between
 * anonymous local mode and JWT validation.
 */
import { CloudAdapter, loadAuthConfigFromEnv, type AuthConfiguration, type Storage } from '@microsoft/agents-hosting';
import type express from 'express';
import type { Logger } from 'pino';
import type { Engine } from '../answers/engine.js';
import type { FeedbackStore } from '../conversation/feedbackStore.js';
import { createAgent, type Agent } from './agent.js';
import { countStorageErrors, createMetrics, type BotMetrics } from './metrics.js';
import { createApp, type HttpOptions } from './server.js';

/** Logged once at start-up when no client id is configured. */
export const ANONYMOUS_MODE_WARNING =
  'No connections__serviceConnection__settings__clientId: /api/messages accepts anonymous requests (local mode for the Playground and tests). Set the Azure Bot credentials before exposing this server.';

/** What the bot needs from the composition root. */
export interface BotOptions {
  /** The engine answering now, or undefined while the knowledge base is loading. */
  engine: () => Engine | undefined;
  storage: Storage;
  feedbackStore: FeedbackStore;
  logger: Logger;
  /** Whether question text goes into info logs (privacy: off unless LOG_QUESTIONS=1). */
  logQuestions?: boolean;
  /** True once the process is stopping (SIGTERM): /readyz then answers 503. */
  isStopping?: () => boolean;
  /** Rate limit and proxy settings; the configuration's defaults when omitted. */
  http?: Partial<HttpOptions>;
  /** The SDK's auth configuration; read from the SDK's environment keys when omitted. */
  auth?: AuthConfiguration;
  /** Prometheus metrics; a fresh registry when omitted. */
  metrics?: BotMetrics;
}

/** The wired bot. */
export interface Bot {
  app: express.Express;
  agent: Agent;
  adapter: CloudAdapter;
  auth: AuthConfiguration;
  metrics: BotMetrics;
}

/** Builds the adapter, the agent and the HTTP app. */
export function createBot(options: BotOptions): Bot {
  const { engine, storage, feedbackStore, logger, logQuestions = false, isStopping, http, auth = loadAuthConfigFromEnv() } = options;
  const metrics = options.metrics ?? createMetrics();
  if (auth.clientId) {
    logger.info({ tenantId: auth.tenantId }, 'JWT validation enabled on /api/messages');
  } else {
    logger.warn(ANONYMOUS_MODE_WARNING);
  }
  const adapter = new CloudAdapter(auth);
  // What the agent's onError could not handle goes to the HTTP layer (logged, short JSON error),
  // instead of the SDK's default, which tells the user in English to "fix the source code".
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const loadedEngine = (): Engine => {
    const current = engine();
    // The server refuses turns before the engine is loaded, so this only guards programming errors.
    if (!current) throw new Error('The answering engine is not loaded yet');
    return current;
  };
  const agent = createAgent({
    engine: loadedEngine,
    adapter,
    storage: countStorageErrors(storage, metrics),
    feedbackStore,
    logger,
    logQuestions,
    metrics,
  });
  const app = createApp({ agent, adapter, auth, logger, isReady: () => engine() !== undefined, isStopping, http, metrics });
  return { app, agent, adapter, auth, metrics };
}
