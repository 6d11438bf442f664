/**
 * The only module that reads the environment: validated once, merged with frozen defaults.
 * The Agents SDK's own keys (connections__serviceConnection__settings__*) keep their names.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DIALOGS_DIR, DEFAULT_KNOWLEDGE_DIR, DEFAULT_LEXICON, PROJECT_ROOT } from './projectRoot.js';

/** Defaults of the numeric settings, also used by modules built without a configuration (tests). */
export const CONFIG_DEFAULTS = Object.freeze({
  port: 3978,
  rateLimitPerMinute: 60,
  /** Teams posts every user's turns from a few Azure addresses: ten times the page's limit. */
  messagesRateLimitPerMinute: 600,
  shutdownTimeoutMs: 10_000,
  /** Conversations (and users) whose state is kept in memory; the least recently used go first. */
  stateMaxConversations: 10_000,
  /** A conversation's state is dropped after this long without a turn (memory and Redis alike). */
  stateIdleTtlMinutes: 24 * 60,
  /** Lifetime of a web page's session token; the page renews it at half-life while it is open. */
  webSessionTtlMinutes: 30,
  /** Node's default is 60 s: a slow client would hold a socket that long before sending a header. */
  headersTimeoutMs: 10_000,
  /** Node's default is 300 s; a 100 kB activity takes well under a second to send. */
  requestTimeoutMs: 15_000,
  /** Node's default; set it above the load balancer's idle timeout when there is one. */
  keepAliveTimeoutMs: 5_000,
  /** Sockets open at once; beyond, new connections are closed at once (well under the usual 1,024 fds). */
  maxConnections: 500,
  /** A turn still running after this is answered with an apology and its late replies dropped. */
  turnTimeoutMs: 10_000,
  /** Insights events (and the question text of unanswered questions and 👎) are deleted after this many days. */
  insightsRetentionDays: 90,
  /** Closed tickets are deleted this many days after closing. */
  ticketRetentionDays: 30,
});

/** The embedded insights database, created on first start. */
export const DEFAULT_INSIGHTS_FILE = resolve(PROJECT_ROOT, 'data', 'insights.sqlite');

/** Where Teams' Bot Connector service is, for a configured HR channel. */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Host names the page and the web channel answer to when ALLOWED_HOSTS is not set. */
export const LOCAL_HOST_NAMES = Object.freeze(['localhost', '127.0.0.1', '[::1]']);

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

/** Why the bot refuses to start in production without Azure credentials (the Agents SDK refuses too, less clearly). */
export const PRODUCTION_NEEDS_CLIENT_ID =
  'NODE_ENV=production needs connections__serviceConnection__settings__clientId (the Azure Bot app id), so that /api/messages checks tokens. To try the build without Azure, start it with NODE_ENV=development.';

const environmentSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(CONFIG_DEFAULTS.port),
  HOST: z.string().min(1).optional(),
  KNOWLEDGE_DIR: z.string().min(1).default(DEFAULT_KNOWLEDGE_DIR),
  DIALOGS_DIR: z.string().min(1).default(DEFAULT_DIALOGS_DIR),
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: readable lines (pino-pretty); `json`: one JSON object a line; `auto`: pretty on a terminal. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Question text appears in info logs only when enabled (privacy). */
  LOG_QUESTIONS: flag.default('0'),
  /** Reload knowledge/ when its files change. */
  KNOWLEDGE_WATCH: flag.default('0'),
  REDIS_URL: z.string().url().optional(),
  /** Questions one web client (one IP address) may post to /api/webchat per minute. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(CONFIG_DEFAULTS.rateLimitPerMinute),
  /**
   * Express's `trust proxy`: how many reverse proxies (a number), `true`, or their addresses
   * (`loopback`, `10.0.0.0/8`…). Behind a load balancer it makes the client IP the real one.
   */
  TRUST_PROXY: z.string().min(1).optional(),
  /** On SIGTERM, how long in-flight requests may take to finish before their connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(CONFIG_DEFAULTS.shutdownTimeoutMs),
  FEEDBACK_FILE: z.string().min(1).optional(),
  /** Prometheus metrics at GET /metrics (on by default, but see METRICS_TOKEN). */
  METRICS: flag.default('1'),
  /** With a token, /metrics asks for `Authorization: Bearer <token>`; without one, only loopback clients get it. */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** Messages one client address may post to /api/messages per minute (Teams comes from few addresses). */
  MESSAGES_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(CONFIG_DEFAULTS.messagesRateLimitPerMinute),
  /** `off` removes the page (`/`) and its channel (`/api/webchat`): Teams only. */
  WEB_CHAT: flag.default('1'),
  /** Comma-separated host names the page and /api/webchat answer to (`*.example.com` for subdomains). */
  ALLOWED_HOSTS: z.string().min(1).optional(),
  /** Signs the page's session tokens; shared by every process behind one load balancer. Random per process when unset. */
  WEB_SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  WEB_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(CONFIG_DEFAULTS.webSessionTtlMinutes),
  STATE_MAX_CONVERSATIONS: z.coerce.number().int().min(10).max(10_000_000).default(CONFIG_DEFAULTS.stateMaxConversations),
  STATE_IDLE_TTL_MINUTES: z.coerce.number().int().min(1).max(365 * 24 * 60).default(CONFIG_DEFAULTS.stateIdleTtlMinutes),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(CONFIG_DEFAULTS.headersTimeoutMs),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(CONFIG_DEFAULTS.requestTimeoutMs),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(CONFIG_DEFAULTS.keepAliveTimeoutMs),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(10).max(100_000).default(CONFIG_DEFAULTS.maxConnections),
  TURN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(CONFIG_DEFAULTS.turnTimeoutMs),
  /** PostgreSQL for the insights (several instances); SQLite in a file under data/ when unset. */
  DATABASE_URL: z.string().regex(/^postgres(?:ql)?:\/\//, 'a postgres:// URL').optional(),
  INSIGHTS_SQLITE_FILE: z.string().min(1).default(DEFAULT_INSIGHTS_FILE),
  INSIGHTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(CONFIG_DEFAULTS.insightsRetentionDays),
  TICKET_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(CONFIG_DEFAULTS.ticketRetentionDays),
  /** Key of the conversation hashes in events; drawn once and kept in the database when unset. */
  INSIGHTS_HASH_KEY: z.string().min(32, 'at least 32 characters').optional(),
  /** HTTP Basic password of user `rh` on /rh (when Entra ID sign-in is not configured). */
  HR_DASHBOARD_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** Entra ID sign-in on /rh (OpenID Connect): issuer, app registration, allowed groups or e-mails. */
  HR_OIDC_ISSUER: z.string().url().optional(),
  HR_OIDC_CLIENT_ID: z.string().min(1).optional(),
  HR_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  HR_OIDC_REDIRECT_URI: z.string().url().optional(),
  HR_DASHBOARD_ALLOWED_GROUPS: z.string().min(1).optional(),
  HR_DASHBOARD_ALLOWED_EMAILS: z.string().min(1).optional(),
  /** Signs the dashboard's sign-in cookie; random per process when unset (sign in again after a restart). */
  HR_DASHBOARD_SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** The HR team's channel in Teams for ticket cards, when not learnt from the bot's installation. */
  HR_TEAMS_CHANNEL_ID: z.string().min(1).optional(),
  /** Only this team may become the HR team (its id); any first team otherwise. */
  HR_TEAMS_TEAM_ID: z.string().min(1).optional(),
  HR_TEAMS_SERVICE_URL: z.string().url().default(DEFAULT_TEAMS_SERVICE_URL),
  /** The SDK's own outbound allow-list keys: on whenever a client id is set. */
  OutboundHostValidator__enabled: flag.optional(),
  OutboundHostValidator__Hosts: z.string().min(1).optional(),
  OutboundHostValidator__includeDefaultMicrosoftHosts: flag.optional(),
  connections__serviceConnection__settings__clientId: z.string().min(1).optional(),
  connections__serviceConnection__settings__clientSecret: z.string().min(1).optional(),
  connections__serviceConnection__settings__tenantId: z.string().min(1).optional(),
});

/** Who may read GET /metrics. */
export type MetricsAccess = { enabled: false } | { enabled: true; token: string | undefined };

export interface Config {
  port: number;
  host: string | undefined;
  knowledgeDir: string;
  dialogsDir: string;
  /** The project's lexicon, used when the knowledge folder has none. */
  lexiconFile: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  logFormat: z.infer<typeof environmentSchema>['LOG_FORMAT'];
  logQuestions: boolean;
  knowledgeWatch: boolean;
  redisUrl: string | undefined;
  rateLimitPerMinute: number;
  /** Express's `trust proxy` value; false when no proxy is configured. */
  trustProxy: boolean | number | string;
  shutdownTimeoutMs: number;
  feedbackFile: string | undefined;
  /** Prometheus endpoint: off, or on for loopback clients only, or on for holders of the token. */
  metrics: MetricsAccess;
  /** The bot's Microsoft Entra app id: when set, the SDK enforces JWT validation. */
  clientId: string | undefined;
  messagesRateLimitPerMinute: number;
  /** Whether the page and /api/webchat are served. */
  webChat: boolean;
  /** Host names (lower case; `*.` prefix for subdomains) the page and /api/webchat answer to. */
  allowedHosts: readonly string[];
  /** Whether ALLOWED_HOSTS was left to its local default. */
  allowedHostsDefaulted: boolean;
  /** Secret for the page's session tokens; undefined: one is drawn at start-up. */
  webSessionSecret: string | undefined;
  webSessionTtlMs: number;
  stateMaxConversations: number;
  stateIdleTtlMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  turnTimeoutMs: number;
  /** Where replies may be posted: the SDK's OutboundHostValidator settings (on whenever a client id is set). */
  outboundHosts: { enabled: boolean; hosts: readonly string[]; includeDefaultMicrosoftHosts: boolean };
  /** The insights database: PostgreSQL when DATABASE_URL is set, else an SQLite file. */
  insightsDatabase: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  insightsRetentionDays: number;
  ticketRetentionDays: number;
  insightsHashKey: string | undefined;
  /** How /rh is protected: Entra ID sign-in, HTTP Basic, or not served at all. */
  hrDashboard:
    | { kind: 'oidc'; issuer: string; clientId: string; clientSecret: string | undefined; redirectUri: string | undefined; allowedGroups: readonly string[]; allowedEmails: readonly string[]; sessionSecret: string | undefined }
    | { kind: 'basic'; password: string }
    | { kind: 'off' };
  /** The HR team's channel for ticket cards, when configured. */
  hrChannel: { channelId: string | undefined; teamId: string | undefined; serviceUrl: string; tenantId: string | undefined };
}

/** Reads a configuration from an environment (tests pass their own). Throws a readable error on bad values. */
export function loadConfig(environment: NodeJS.ProcessEnv): Readonly<Config> {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV?.toLowerCase() === 'production' && !env.connections__serviceConnection__settings__clientId) {
    throw new Error(`Invalid configuration: ${PRODUCTION_NEEDS_CLIENT_ID}`);
  }
  const clientId = env.connections__serviceConnection__settings__clientId;
  if (clientId && env.OutboundHostValidator__enabled === false) {
    throw new Error(
      'Invalid configuration: OutboundHostValidator__enabled cannot be false with a client id (replies could be posted to any serviceUrl); add hosts with OutboundHostValidator__Hosts instead',
    );
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new Error('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  const allowedHosts = env.ALLOWED_HOSTS ? hostList(env.ALLOWED_HOSTS) : [...LOCAL_HOST_NAMES];
  const oidc = env.HR_OIDC_ISSUER !== undefined || env.HR_OIDC_CLIENT_ID !== undefined;
  if (oidc && !(env.HR_OIDC_ISSUER && env.HR_OIDC_CLIENT_ID)) {
    throw new Error('Invalid configuration: HR_OIDC_ISSUER and HR_OIDC_CLIENT_ID go together');
  }
  if (oidc && !env.HR_DASHBOARD_ALLOWED_GROUPS && !env.HR_DASHBOARD_ALLOWED_EMAILS) {
    throw new Error('Invalid configuration: with Entra ID sign-in on /rh, set HR_DASHBOARD_ALLOWED_GROUPS or HR_DASHBOARD_ALLOWED_EMAILS (nobody would be let in)');
  }
  const list = (value: string | undefined) => Object.freeze((value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''));
  return Object.freeze({
    port: env.PORT,
    host: env.HOST,
    knowledgeDir: resolve(env.KNOWLEDGE_DIR),
    dialogsDir: resolve(env.DIALOGS_DIR),
    lexiconFile: DEFAULT_LEXICON,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    logQuestions: env.LOG_QUESTIONS,
    knowledgeWatch: env.KNOWLEDGE_WATCH,
    redisUrl: env.REDIS_URL,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy: trustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    feedbackFile: env.FEEDBACK_FILE,
    metrics: metricsAccess(env.METRICS, env.METRICS_TOKEN),
    clientId,
    messagesRateLimitPerMinute: env.MESSAGES_RATE_LIMIT_PER_MINUTE,
    webChat: env.WEB_CHAT,
    allowedHosts: Object.freeze(allowedHosts),
    allowedHostsDefaulted: env.ALLOWED_HOSTS === undefined,
    webSessionSecret: env.WEB_SESSION_SECRET,
    webSessionTtlMs: env.WEB_SESSION_TTL_MINUTES * 60_000,
    stateMaxConversations: env.STATE_MAX_CONVERSATIONS,
    stateIdleTtlMs: env.STATE_IDLE_TTL_MINUTES * 60_000,
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: env.HTTP_MAX_CONNECTIONS,
    turnTimeoutMs: env.TURN_TIMEOUT_MS,
    outboundHosts: Object.freeze({
      // Off only in anonymous local mode, where the Agents Playground listens on localhost.
      enabled: clientId !== undefined || env.OutboundHostValidator__enabled === true,
      hosts: Object.freeze(env.OutboundHostValidator__Hosts ? hostList(env.OutboundHostValidator__Hosts) : []),
      includeDefaultMicrosoftHosts: env.OutboundHostValidator__includeDefaultMicrosoftHosts ?? true,
    }),
    insightsDatabase: Object.freeze(
      env.DATABASE_URL ? { kind: 'postgres' as const, url: env.DATABASE_URL } : { kind: 'sqlite' as const, file: resolve(env.INSIGHTS_SQLITE_FILE) },
    ),
    insightsRetentionDays: env.INSIGHTS_RETENTION_DAYS,
    ticketRetentionDays: env.TICKET_RETENTION_DAYS,
    insightsHashKey: env.INSIGHTS_HASH_KEY,
    hrDashboard: Object.freeze(
      oidc
        ? {
            kind: 'oidc' as const,
            issuer: env.HR_OIDC_ISSUER!,
            clientId: env.HR_OIDC_CLIENT_ID!,
            clientSecret: env.HR_OIDC_CLIENT_SECRET,
            redirectUri: env.HR_OIDC_REDIRECT_URI,
            allowedGroups: list(env.HR_DASHBOARD_ALLOWED_GROUPS),
            allowedEmails: Object.freeze(list(env.HR_DASHBOARD_ALLOWED_EMAILS).map((email) => email.toLowerCase())),
            sessionSecret: env.HR_DASHBOARD_SESSION_SECRET,
          }
        : env.HR_DASHBOARD_PASSWORD
          ? { kind: 'basic' as const, password: env.HR_DASHBOARD_PASSWORD }
          : { kind: 'off' as const },
    ),
    hrChannel: Object.freeze({
      channelId: env.HR_TEAMS_CHANNEL_ID,
      teamId: env.HR_TEAMS_TEAM_ID,
      serviceUrl: env.HR_TEAMS_SERVICE_URL,
      tenantId: env.connections__serviceConnection__settings__tenantId,
    }),
  });
}

/** Who may read /metrics, from `METRICS` and `METRICS_TOKEN`. */
function metricsAccess(enabled: boolean, token: string | undefined): MetricsAccess {
  return enabled ? { enabled: true, token } : { enabled: false };
}

/** A comma-separated list of host names, trimmed and lower-cased. */
function hostList(value: string): string[] {
  return value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}

/** `TRUST_PROXY` as Express reads it: a hop count, a boolean, or a list of addresses. */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || ['0', 'false', 'no', 'off'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The process configuration. */
export const config: Readonly<Config> = loadConfig(process.env);
