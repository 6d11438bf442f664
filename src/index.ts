/**
 * Composition root: config → logger → storage → bot server (listening, not ready) → engine → ready.
 * Every setting comes from config.ts; nothing below reads the environment.
 * The server listens before the knowledge base is loaded so /healthz can say "not yet" (503).
 */
import { loadEngine, type Engine } from './answers/engine.js';
import { warmUpFrenchDictionary } from './understanding/frenchDictionary.js';
import { createBot } from './channels/bot.js';
import { HUNG_TURNS_AT_EXIT } from './channels/turnDeadline.js';
import { createStorage } from './channels/conversationStorage.js';
import { createMetrics } from './channels/metrics.js';
import { startServer } from './channels/server.js';
import { config } from './config.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { basicAuth, oidcAuth, type HrAuth } from './channels/hrAuth.js';
import { hrDashboard } from './channels/hrDashboard.js';
import { CONTACTS_FILE, ContactBook } from './conversation/contactBook.js';
import { createFeedbackStore } from './conversation/feedbackStore.js';
import { Insights } from './insights/insights.js';
import { describeLocation, startInsightsDatabase } from './insights/insightsDatabase.js';
import { loadLanguagePack } from './language/languagePack.js';
import { loadLexicon } from './language/lexicon.js';
import { DEFAULT_LANGUAGE_PACK } from './projectRoot.js';
import { logSkippedFiles, watchKnowledge, type KnowledgeWatcher } from './knowledge/watchKnowledge.js';
import { KNOWLEDGE_CHANGES_MESSAGE, knowledgeChanges } from './knowledgeChanges.js';
import { createLogger } from './logger.js';

const logger = createLogger(config);

async function main(): Promise<void> {
  let engine: Engine | undefined;
  let stopping = false;
  let watcher: KnowledgeWatcher | undefined;
  const metrics = createMetrics();
  const storage = await createStorage({
    redisUrl: config.redisUrl,
    logger,
    // One idle lifetime for conversation state, in memory and in Redis.
    memory: { maxItems: config.stateMaxConversations, idleTtlMs: config.stateIdleTtlMs },
    ttlSeconds: Math.round(config.stateIdleTtlMs / 1000),
    onOperationFailed: (operation) => metrics.storageError(operation),
  });
  // Insights: opened in the background; until it is up, events are dropped and tickets reported as not sent.
  const insights = new Insights({ store: () => insightsDatabase.store(), logger, ...(config.insightsHashKey ? { hashKey: config.insightsHashKey } : {}) });
  const insightsDatabase = startInsightsDatabase({
    location: config.insightsDatabase,
    logger,
    retentionDays: config.insightsRetentionDays,
    ticketRetentionDays: config.ticketRetentionDays,
    onReady: (key) => {
      if (!config.insightsHashKey) insights.useHashKey(key);
    },
  });
  // HR's contacts, read through the lexicon's topics: a mistake stops start-up with its file:line.
  const knowledgeLexicon = join(config.knowledgeDir, 'lexique.yaml');
  const contacts = ContactBook.load(
    join(config.knowledgeDir, CONTACTS_FILE),
    loadLexicon(existsSync(knowledgeLexicon) ? knowledgeLexicon : config.lexiconFile, loadLanguagePack(DEFAULT_LANGUAGE_PACK)),
  );
  const dashboardAuth: HrAuth | undefined =
    config.hrDashboard.kind === 'oidc' ? oidcAuth(config.hrDashboard, logger) : config.hrDashboard.kind === 'basic' ? basicAuth(config.hrDashboard.password) : undefined;
  const bot = createBot({
    engine: () => engine,
    insights,
    insightsStore: insightsDatabase.store,
    contacts,
    hrChannel: config.hrChannel,
    ...(dashboardAuth
      ? {
          routes: (tickets) =>
            hrDashboard({
              auth: dashboardAuth,
              store: insightsDatabase.store,
              tickets,
              teamName: () => engine?.dialogs.handoff.teamSignature ?? 'RH',
            }),
        }
      : {}),
    storage: storage.storage,
    feedbackStore: createFeedbackStore(config.feedbackFile),
    logger,
    logQuestions: config.logQuestions,
    isStopping: () => stopping,
    http: {
      rateLimitPerMinute: config.rateLimitPerMinute,
      messagesRateLimitPerMinute: config.messagesRateLimitPerMinute,
      trustProxy: config.trustProxy,
      webChat: config.webChat,
      allowedHosts: config.allowedHosts,
      metrics: config.metrics,
    },
    outboundHosts: config.outboundHosts,
    turnTimeoutMs: config.turnTimeoutMs,
    webSession: { secret: config.webSessionSecret, ttlMs: config.webSessionTtlMs },
    metrics,
  });
  const server = await startServer(bot.app, config.port, config.host, {
    headersTimeoutMs: config.headersTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    keepAliveTimeoutMs: config.keepAliveTimeoutMs,
    maxConnections: config.maxConnections,
  });
  logger.info(
    {
      port: server.port,
      storage: storage.backend,
      webChat: config.webChat,
      ...(config.webChat ? { allowedHosts: config.allowedHosts } : {}),
      insights: describeLocation(config.insightsDatabase),
      contacts: contacts.size,
      hrDashboard: config.hrDashboard.kind,
    },
    `Assistant RH : ${server.url}`,
  );

  // Graceful stop: /readyz turns 503, in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS), then exit 0.
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, hungTurns: bot.runTurn.hungTurns }, 'stopping');
    watcher?.close();
    const { forced } = await server.close(config.shutdownTimeoutMs);
    if (forced) logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'requests still running at the shutdown deadline were cut');
    await storage.close();
    await insights.flush();
    await bot.tickets.settle();
    await insightsDatabase.close();
    const { hungTurns } = bot.runTurn;
    if (hungTurns > 0) {
      // Node's exit waits for every thread of its pool: one blocked in the kernel (a stalled disk)
      // would keep the process alive for ever. The turns were answered already; end at once.
      logger.warn({ hungTurns }, HUNG_TURNS_AT_EXIT);
      process.kill(process.pid, 'SIGKILL');
    }
    logger.info('stopped');
    process.exit(forced ? 1 : 0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  const load = () => loadEngine({ knowledgeDir: config.knowledgeDir, dialogsDir: config.dialogsDir, lexiconFile: config.lexiconFile });
  const loaded = await load();
  // The typo corrector's French word list (a few milliseconds in its compact form) loads before the bot says it is ready, not on a user's question.
  warmUpFrenchDictionary();
  engine = loaded;
  // One bad article never stops the bot: it is left out, and the log says which line to fix.
  logSkippedFiles(loaded.skipped, logger);
  logger.info({ articles: engine.knowledge.articles.map((article) => article.id) }, 'knowledge base loaded: ready');
  if (config.knowledgeWatch && !stopping) {
    // Each reload swaps the whole engine in one assignment: a turn uses the engine it started with.
    const onLoad = (next: Engine): void => {
      const changes = knowledgeChanges(engine?.knowledge.articles ?? [], next.knowledge.articles);
      engine = next;
      logger.info(changes, KNOWLEDGE_CHANGES_MESSAGE);
    };
    watcher = watchKnowledge({ directory: config.knowledgeDir, load, onLoad, logger });
  }
}

main().catch((error: unknown) => {
  // Bad knowledge or dialog files stop start-up with their `file:line` message.
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
