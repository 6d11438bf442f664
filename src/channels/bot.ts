/**
 * The bot as one unit for the composition root: the SDK's auth configuration, the CloudAdapter
 * with its outbound allow-list, the AgentApplication behind a per-turn time limit, the page's
 * sessions and the Express app, wired together. The only place that chooses between anonymous
 * local mode and JWT validation.
 */
import {
  CloudAdapter,
  OutboundHostValidator,
  loadAuthConfigFromEnv,
  type AuthConfiguration,
  type Storage,
} from '@microsoft/agents-hosting';
import type express from 'express';
import type { Logger } from 'pino';
import type { Engine } from '../answers/engine.js';
import { CONFIG_DEFAULTS, type Config } from '../config.js';
import type { ContactBook } from '../conversation/contactBook.js';
import type { FeedbackStore } from '../conversation/feedbackStore.js';
import type { Insights } from '../insights/insights.js';
import type { InsightsStore } from '../insights/insightsStore.js';
import { createAgent, type Agent } from './agent.js';
import { countStorageErrors, createMetrics, type BotMetrics } from './metrics.js';
import { TicketDesk, type HrChannelSettings } from './ticketDesk.js';
import { replyActivity } from './replyActivity.js';
import { createApp, type HttpOptions } from './server.js';
import { SigningKeyGate, type SigningKeyGateOptions } from './signingKeyGate.js';
import { withTurnDeadline, type DeadlineTurnRunner } from './turnDeadline.js';
import { WebSessions } from './webSession.js';

/** Logged once at start-up when no client id is configured. */
export const ANONYMOUS_MODE_WARNING =
  'No connections__serviceConnection__settings__clientId: /api/messages accepts anonymous requests (local mode for the Playground and tests). Set the Azure Bot credentials before exposing this server.';

/** Logged once at start-up when a client id is set and the web page is still served. */
export const OPEN_WEB_CHAT_WARNING =
  'JWT validation is on for /api/messages, but the web chat (/ and /api/webchat) stays open to whoever reaches this server: set WEB_CHAT=off, or put the page behind company sign-in (docs/security.md).';

/** Logged once at start-up when the page's session secret was drawn at random. */
export const EPHEMERAL_SESSION_SECRET_NOTICE =
  'No WEB_SESSION_SECRET: web chat sessions are signed with a random key and end with this process (set one shared secret behind a load balancer).';

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
  /** Rate limits, proxy, web chat and host settings; the configuration's defaults when omitted. */
  http?: Partial<HttpOptions>;
  /** The SDK's auth configuration; read from the SDK's environment keys when omitted. */
  auth?: AuthConfiguration;
  /** Prometheus metrics; a fresh registry when omitted. */
  metrics?: BotMetrics;
  /** Where replies may be posted; on with the Microsoft hosts whenever a client id is set, when omitted. */
  outboundHosts?: Partial<Config['outboundHosts']>;
  /** Per-turn time limit. */
  turnTimeoutMs?: number;
  /** The page's session tokens: secret (random when omitted) and lifetime. */
  webSession?: { secret?: string | undefined; ttlMs?: number };
  /** Rate limit and cache of the token issuers' key sets. */
  signingKeys?: SigningKeyGateOptions;
  /** Events per answer and votes; none recorded when omitted. */
  insights?: Insights;
  /** The insights database's store (tickets, dashboard), null while unavailable; no tickets when omitted. */
  insightsStore?: () => InsightsStore | null;
  /** Where ticket cards go in Teams, when configured rather than learnt. */
  hrChannel?: HrChannelSettings;
  /** HR's contacts for subjects the articles do not cover. */
  contacts?: ContactBook;
  /** Extra routes mounted under the Host allow-list (the HR dashboard), given the ticket desk. */
  routes?: (tickets: TicketDesk) => express.Router;
}

/** The wired bot. */
export interface Bot {
  app: express.Express;
  agent: Agent;
  adapter: CloudAdapter;
  auth: AuthConfiguration;
  metrics: BotMetrics;
  /** The agent within its time limit: what the adapter runs for each activity. */
  runTurn: DeadlineTurnRunner;
  webSessions: WebSessions;
  /** The hand-off to HR: tickets, their cards and replies. */
  tickets: TicketDesk;
}

/** Builds the adapter, the agent and the HTTP app. */
export function createBot(options: BotOptions): Bot {
  const { engine, storage, feedbackStore, logger, logQuestions = false, isStopping, http = {}, auth = loadAuthConfigFromEnv() } = options;
  const metrics = options.metrics ?? createMetrics();
  const webChat = http.webChat ?? true;
  // On whenever a client id is set; off only in anonymous local mode, where the Playground listens on localhost.
  const outboundHosts = new OutboundHostValidator({
    enabled: Boolean(auth.clientId) || options.outboundHosts?.enabled === true,
    hosts: [...(options.outboundHosts?.hosts ?? [])],
    includeDefaultMicrosoftHosts: options.outboundHosts?.includeDefaultMicrosoftHosts ?? true,
  });
  if (auth.clientId) {
    logger.info({ tenantId: auth.tenantId, outboundHostValidator: outboundHosts.enabled }, 'JWT validation enabled on /api/messages');
    if (webChat) logger.warn(OPEN_WEB_CHAT_WARNING);
  } else {
    logger.warn(ANONYMOUS_MODE_WARNING);
  }
  const webSessions = new WebSessions({
    secret: options.webSession?.secret,
    ttlMs: options.webSession?.ttlMs ?? CONFIG_DEFAULTS.webSessionTtlMinutes * 60_000,
  });
  if (webChat && webSessions.ephemeralSecret) logger.info(EPHEMERAL_SESSION_SECRET_NOTICE);
  const adapter = new CloudAdapter(auth, undefined, undefined, undefined, outboundHosts);
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
  const tickets = new TicketDesk({
    store: options.insightsStore ?? (() => null),
    adapter,
    botAppId: auth.clientId || undefined,
    dialogs: () => loadedEngine().dialogs,
    logger,
    hrChannel: options.hrChannel,
  });
  const agent = createAgent({
    engine: loadedEngine,
    adapter,
    storage: countStorageErrors(storage, metrics),
    feedbackStore,
    logger,
    logQuestions,
    metrics,
    tickets,
    ...(options.insights ? { insights: options.insights } : {}),
    ...(options.contacts ? { contacts: options.contacts } : {}),
  });
  const runTurn = withTurnDeadline((context) => agent.run(context), {
    timeoutMs: options.turnTimeoutMs ?? CONFIG_DEFAULTS.turnTimeoutMs,
    apology: () => {
      const { dialogs } = loadedEngine();
      const { prompt, up, down } = dialogs.conversation.feedback;
      return replyActivity({ kind: 'message', text: dialogs.fallback.timeout, suggestions: [] }, { prompt, up, down, handoff: dialogs.handoff.offer });
    },
    logger,
  });
  const app = createApp({
    runTurn,
    adapter,
    auth,
    logger,
    isReady: () => engine() !== undefined,
    isStopping,
    http,
    webSessions,
    outboundHosts,
    signingKeys: new SigningKeyGate(options.signingKeys),
    metrics,
    webReplies: (claims) => tickets.webReplies(claims),
    ...(options.routes ? { routes: options.routes(tickets) } : {}),
  });
  return { app, agent, adapter, auth, metrics, runTurn, webSessions, tickets };
}
