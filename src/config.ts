/**
 * The only module that reads the environment: validated once, merged with frozen defaults.
 * The Agents SDK's own keys (connections__serviceConnection__settings__*) keep their names.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DIALOGS_DIR, DEFAULT_KNOWLEDGE_DIR, DEFAULT_LEXICON } from './projectRoot.js';

/** Defaults of the numeric settings, also used by modules built without a configuration (tests). */
export const CONFIG_DEFAULTS = Object.freeze({
  port: 3978,
  rateLimitPerMinute: 60,
  shutdownTimeoutMs: 10_000,
});

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
    clientId: env.connections__serviceConnection__settings__clientId,
  });
}

/** Who may read /metrics, from `METRICS` and `METRICS_TOKEN`. */
function metricsAccess(enabled: boolean, token: string | undefined): MetricsAccess {
  return enabled ? { enabled: true, token } : { enabled: false };
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
