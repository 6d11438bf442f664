/**
 * Starts the real bot (real engine, knowledge/ and dialogs/, MemoryStorage) on a free port,
 * and builds real Activity JSON to post to it.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryStorage, type Storage } from '@microsoft/agents-hosting';
import { pino, type Logger } from 'pino';
import { loadEngine, type Engine } from '../../../src/answers/engine.js';
import { createBot, type Bot } from '../../../src/channels/bot.js';
import { startServer, type HttpOptions, type RunningServer, type ServerLimits } from '../../../src/channels/server.js';
import { MemoryFeedbackStore, type FeedbackStore } from '../../../src/conversation/feedbackStore.js';
import { basicAuth, type HrAuth } from '../../../src/channels/hrAuth.js';
import { hrDashboard } from '../../../src/channels/hrDashboard.js';
import type { HrChannelSettings } from '../../../src/channels/ticketDesk.js';
import { CONTACTS_FILE, ContactBook } from '../../../src/conversation/contactBook.js';
import { Insights } from '../../../src/insights/insights.js';
import { startInsightsDatabase, type InsightsDatabase } from '../../../src/insights/insightsDatabase.js';
import type { DatabaseLocation } from '../../../src/insights/openDatabase.js';
import { loadLanguagePack } from '../../../src/language/languagePack.js';
import { loadLexicon } from '../../../src/language/lexicon.js';
import { DEFAULT_LANGUAGE_PACK } from '../../../src/projectRoot.js';

/** The shared article, as a fixture: an HR team adding articles to knowledge/ changes no test. */
export const knowledgeDir = fileURLToPath(new URL('../../fixtures/shared-article/', import.meta.url));
export const dialogsDir = fileURLToPath(new URL('../../../dialogs/', import.meta.url));

export const lexiconFile = fileURLToPath(new URL('../../../knowledge/lexique.yaml', import.meta.url));

const engines = new Map<string, Promise<Engine>>();

/** The real engine on a knowledge folder (the project's by default), loaded once per test file. */
export function realEngine(folder = knowledgeDir): Promise<Engine> {
  let engine = engines.get(folder);
  if (!engine) {
    engine = loadEngine({ knowledgeDir: folder, dialogsDir, lexiconFile });
    engines.set(folder, engine);
  }
  return engine;
}

/**
 * A knowledge folder with the project's article and the second test article, so that some
 * questions concern both and the engine asks which article is meant.
 */
export function twoArticleKnowledge(): string {
  const folder = mkdtempSync(join(tmpdir(), 'assistant-rh-knowledge-'));
  cpSync(knowledgeDir, folder, { recursive: true });
  cpSync(fileURLToPath(new URL('../../fixtures/second-article/', import.meta.url)), folder, { recursive: true });
  return folder;
}

/** The HR dashboard's password in tests (HTTP Basic, user `rh`). */
export const TEST_HR_PASSWORD = 'mot-de-passe-rh-de-test';

export interface TestBot extends RunningServer {
  feedbackStore: MemoryFeedbackStore;
  bot: Bot;
  /** With a database: the insights recorder and the database. */
  insights?: Insights;
  insightsDatabase?: InsightsDatabase;
}

/** Contacts as shipped, as a fixture: HR editing knowledge/contacts.yaml changes no test. */
export const contactsFile = fileURLToPath(new URL(`../../fixtures/contacts/${CONTACTS_FILE}`, import.meta.url));

/** The fixture contacts, read through the project's lexicon. */
export function projectContacts(): ContactBook {
  return ContactBook.load(contactsFile, loadLexicon(lexiconFile, loadLanguagePack(DEFAULT_LANGUAGE_PACK)));
}

/** What a test may change in the bot it starts; everything else is the real thing. */
export interface TestBotOptions {
  storage?: Storage;
  knowledgeDir?: string;
  /** Silent by default. */
  logger?: Logger;
  logQuestions?: boolean;
  /** Rate limit (the configuration's default of 60 a minute unless given) and proxy settings. */
  http?: Partial<HttpOptions>;
  /** The knowledge base counts as not loaded yet while this returns false. */
  isLoaded?: () => boolean;
  isStopping?: () => boolean;
  /** Socket limits of the HTTP server (the configuration's defaults unless given). */
  limits?: Partial<ServerLimits>;
  /** Per-turn time limit (the configuration's default unless given). */
  turnTimeoutMs?: number;
  feedbackStore?: FeedbackStore;
  /** An insights database: events, tickets, the project's contacts and the HR dashboard (password {@link TEST_HR_PASSWORD}). */
  database?: DatabaseLocation;
  /** Where ticket cards go in Teams, when configured. */
  hrChannel?: HrChannelSettings;
  /** How /rh is protected (with a database); HTTP Basic with {@link TEST_HR_PASSWORD} by default. */
  hrAuth?: HrAuth;
}

/** Starts the bot on a free port of the loopback interface. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const loaded = await realEngine(options.knowledgeDir);
  const isLoaded = options.isLoaded ?? (() => true);
  const feedbackStore = new MemoryFeedbackStore();
  const logger = options.logger ?? pino({ level: 'silent' });
  let insightsDatabase: InsightsDatabase | undefined;
  let insights: Insights | undefined;
  if (options.database) {
    insights = new Insights({ store: () => insightsDatabase?.store() ?? null, logger });
    const recorder = insights;
    insightsDatabase = startInsightsDatabase({ location: options.database, logger, retentionDays: 90, ticketRetentionDays: 30, onReady: (key) => recorder.useHashKey(key) });
    await insightsDatabase.firstAttempt;
  }
  const database = insightsDatabase;
  const bot = createBot({
    ...(insights && database
      ? {
          insights,
          insightsStore: database.store,
          contacts: projectContacts(),
          routes: (tickets) => hrDashboard({ auth: options.hrAuth ?? basicAuth(TEST_HR_PASSWORD), store: database.store, tickets, teamName: () => loaded.dialogs.handoff.teamSignature }),
        }
      : {}),
    ...(options.hrChannel ? { hrChannel: options.hrChannel } : {}),
    engine: () => (isLoaded() ? loaded : undefined),
    storage: options.storage ?? new MemoryStorage(),
    feedbackStore: options.feedbackStore ?? feedbackStore,
    logger,
    logQuestions: options.logQuestions ?? false,
    isStopping: options.isStopping,
    http: options.http,
    turnTimeoutMs: options.turnTimeoutMs,
    // An explicit (empty) configuration: the developer's environment never changes a test bot.
    auth: {},
  });
  const running = await startServer(bot.app, 0, '127.0.0.1', options.limits);
  return {
    ...running,
    feedbackStore,
    bot,
    ...(insights ? { insights } : {}),
    ...(database ? { insightsDatabase: database } : {}),
    async close(timeoutMs?: number) {
      const closed = await running.close(timeoutMs);
      await insights?.flush();
      await bot.tickets.settle();
      await database?.close();
      return closed;
    },
  };
}

/** An activity as Teams sends it, asking for the replies in the HTTP response. */
export function activity(conversationId: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: 'user-1', name: 'Camille', role: 'user' },
    recipient: { id: 'bot-1', name: 'Assistant RH', role: 'bot' },
    conversation: { id: conversationId, conversationType: 'personal' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

/** A session of the web page, as POST /api/webchat/session issues it. */
export interface PageSession {
  token: string;
  conversationId: string;
  userId: string;
  expiresAt: number;
}

/** Opens a page session, as the page does when it loads. */
export async function openPageSession(url: string, headers: Record<string, string> = {}): Promise<PageSession> {
  const response = await fetch(`${url}/api/webchat/session`, { method: 'POST', headers });
  if (response.status !== 200) throw new Error(`POST /api/webchat/session answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PageSession;
}

/** What the page's DirectLine object posts: Web Chat's outgoing activity with the session's ids. */
export function fromPage(session: PageSession, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    from: { id: session.userId, name: 'Vous', role: 'user' },
    channelData: { clientActivityID: randomUUID() },
    locale: 'fr-FR',
    conversation: { id: session.conversationId },
    ...fields,
  };
}

/** Posts to /api/webchat with a session's token. */
export function postFromPage(
  url: string,
  session: PageSession,
  body: unknown,
  init: { raw?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: any; text: string }> {
  return post(url, body, { ...init, path: '/api/webchat', headers: { authorization: `Bearer ${session.token}`, ...init.headers } });
}

/** A reply activity as the bot returns it. */
export interface ReplyActivity {
  type: string;
  text?: string;
  locale?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  suggestedActions?: { to: string[]; actions: { type: string; title: string; value: string }[] };
  [field: string]: unknown;
}

/** Posts a body to /api/messages; returns the status and parsed JSON (or text). */
export async function post(
  url: string,
  body: unknown,
  init: { raw?: boolean; headers?: Record<string, string>; path?: string } = {},
): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(`${url}${init.path ?? '/api/messages'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.raw ? String(body) : JSON.stringify(body),
  });
  return readResponse(response);
}

/** A response's status, text and parsed JSON (undefined when the body is not JSON). */
export async function readResponse(response: Response): Promise<{ status: number; json: any; text: string }> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** Posts an activity and returns the bot's message replies (typing indicators left out). */
export async function ask(url: string, body: Record<string, unknown>): Promise<ReplyActivity[]> {
  const { status, json } = await post(url, body);
  if (status !== 200) throw new Error(`POST /api/messages answered ${status}: ${JSON.stringify(json)}`);
  return (json.activities as ReplyActivity[]).filter((reply) => reply.type === 'message');
}

/** The Adaptive Card of a reply, if any. */
export function cardOf(reply: ReplyActivity | undefined): Record<string, any> | undefined {
  return reply?.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content;
}

/** Every TextBlock text of a card, depth first. */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own = element.type === 'TextBlock' ? [String(element.text)] : [];
  const facts = element.type === 'FactSet' ? (element.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value]) : [];
  return [...own, ...facts, ...['body', 'items', 'columns'].flatMap((key) => cardTexts(element[key]))];
}

/** Every button of a card (Action.Submit), in the body (👍/👎) or in its actions (offers), in order. */
export function cardButtons(node: unknown): { type: string; title: string; data: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(cardButtons);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own = element.type === 'Action.Submit' ? [element as { type: string; title: string; data: Record<string, unknown> }] : [];
  return [...own, ...['body', 'items', 'columns', 'actions'].flatMap((key) => cardButtons(element[key]))];
}
