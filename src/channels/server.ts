/**
 * The HTTP server: the Activity endpoint for Teams / Direct Line / the Playground, the same-origin
 * web channel and its page (unless turned off), and the liveness and readiness probes. Our own
 * Express app, so that every error is answered with a short JSON body in French (Express's default
 * handler would send a stack trace) and every refusal is audited in the log. Security headers on
 * every response (helmet's, set in one step), a Content-Security-Policy that lets Web Chat run and nothing else,
 * a per-client rate limit on both activity endpoints, a Host allow-list on the page and its
 * channel, and Node's socket timeouts tightened (see {@link startServer}).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { OutboundHostValidator, type AuthConfiguration, type CloudAdapter } from '@microsoft/agents-hosting';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { CONFIG_DEFAULTS, LOCAL_HOST_NAMES } from '../config.js';
import { ChannelDeliveryError } from '../errors.js';
import { activityBodyProblem, isActivitySchemaError } from './activityBody.js';
import { authenticate, bearerToken } from './authenticate.js';
import { HTTP_ERROR_MESSAGES, HttpError } from './httpError.js';
import type { BotMetrics } from './metrics.js';
import { SigningKeyGate } from './signingKeyGate.js';
import type { TurnRunner } from './turnDeadline.js';
import { runWebTurn } from './webChannel.js';
import { WebSessions } from './webSession.js';
import { PROJECT_ROOT } from '../projectRoot.js';

/** Largest request body accepted (an activity with a long question is a few kB). */
export const MAX_BODY_SIZE = '100kb';

/** The page, its script and its style: `public/` at the root of the repository. */
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public', '/');

/** The Teams colour icon, also the page's favicon. */
export const APP_ICON = join(PROJECT_ROOT, 'appPackage', 'color.png');

/** The official Web Chat bundle, served from node_modules so the page works offline. */
export const WEBCHAT_BUNDLE = join(
  // The package exports only its entry point (lib/index.js); the bundle is in dist/ beside lib/.
  dirname(createRequire(import.meta.url).resolve('botframework-webchat')),
  '..',
  'dist',
  'webchat.js',
);

/**
 * The page's Content-Security-Policy: scripts only from this server (Web Chat's bundle, our two
 * files), no inline script or event handler; inline styles allowed because Web Chat injects its
 * CSS at run time (emotion) and Adaptive Cards set `style` attributes; images from here or from
 * data:/blob: URLs (Web Chat's icons, avatars); requests only to this server.
 */
export const CONTENT_SECURITY_POLICY = Object.freeze({
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
});

/** The policy as its header value (directives in the order above, as helmet writes it). */
const CONTENT_SECURITY_POLICY_HEADER = Object.entries(CONTENT_SECURITY_POLICY)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join(';');

/**
 * The security headers of every response: helmet 8's defaults with our Content-Security-Policy,
 * names, values and order as helmet sets them (a test compares them with helmet's own output).
 * Set by one middleware: helmet runs twelve small ones in turn, a few percent of a turn's CPU.
 * `X-Powered-By` is never sent (`app.disable('x-powered-by')`).
 */
export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = Object.freeze([
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
] as const);

/** HTTP settings from the configuration. */
export interface HttpOptions {
  /** Posts one client (one IP address) may make to /api/webchat per minute; 429 beyond. */
  rateLimitPerMinute: number;
  /** Posts one client address may make to /api/messages per minute; 429 beyond. */
  messagesRateLimitPerMinute: number;
  /** Express's `trust proxy`: set behind a load balancer so the client IP is the real one. */
  trustProxy: boolean | number | string;
  /**
   * GET /metrics: off, or on. On without a token, only clients on this machine (loopback) get it,
   * so a public host does not expose it; with a token, `Authorization: Bearer <token>` is required.
   */
  metrics: { enabled: false } | { enabled: true; token: string | undefined };
  /** Whether the page and /api/webchat are served. */
  webChat: boolean;
  /** Host names the page and /api/webchat answer to (`*.example.com`: any subdomain). */
  allowedHosts: readonly string[];
}

/** Paths polled by probes and scrapers: their access lines are at debug level, not info. */
const QUIET_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/** What the server needs, built by the composition root. */
export interface ServerOptions {
  /** Runs one turn (the agent, within its time limit). */
  runTurn: TurnRunner;
  adapter: CloudAdapter;
  /** The SDK's auth configuration: JWT enforced on /api/messages when it has a clientId. */
  auth: AuthConfiguration;
  logger: Logger;
  /** True once the knowledge base is loaded. */
  isReady: () => boolean;
  /** True once the process is stopping: /readyz answers 503 and connections are not kept alive. */
  isStopping?: () => boolean;
  /** Defaults: the configuration's defaults, no proxy trusted, metrics for loopback clients. */
  http?: Partial<HttpOptions>;
  /** Where requests are counted and /metrics reads from; none: no /metrics route. */
  metrics?: BotMetrics;
  /** Issues and checks the page's sessions; one with a random secret when omitted. */
  webSessions?: WebSessions;
  /** Where replies may be posted; the SDK's validator, off, when omitted (anonymous local mode). */
  outboundHosts?: OutboundHostValidator;
  /** Which signing keys the token issuers publish; a fresh gate when omitted. */
  signingKeys?: SigningKeyGate;
  /** HR replies waiting for a page, by the claims it holds (`POST /api/webchat/replies`). */
  webReplies?: (claims: string[]) => Promise<{ activities: Record<string, unknown>[]; answered: string[] }>;
  /** More routes (the HR dashboard at /rh), served under the Host allow-list whether or not the page is. */
  routes?: express.Router;
}

/** The per-client rate limit of one route: 429 with Retry-After and our short JSON error. */
function perClientLimit(limit: number, logger: Logger): express.RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Retry-After is set before the handler runs; the body is our short JSON error.
    handler: (_request, _response, next) => next(new HttpError(429, HTTP_ERROR_MESSAGES.tooManyRequests, { reason: `over ${limit} requests a minute` })),
    logger,
  });
}

/** Builds the Express application (not listening yet). */
export function createApp(options: ServerOptions): express.Express {
  const { runTurn, adapter, auth, logger, isReady, isStopping = () => false, http = {}, metrics } = options;
  const metricsAccess = http.metrics ?? { enabled: true, token: undefined };
  const {
    rateLimitPerMinute = CONFIG_DEFAULTS.rateLimitPerMinute,
    messagesRateLimitPerMinute = CONFIG_DEFAULTS.messagesRateLimitPerMinute,
    trustProxy = false,
    webChat = true,
    allowedHosts = LOCAL_HOST_NAMES,
  } = http;
  const webSessions = options.webSessions ?? new WebSessions({ ttlMs: CONFIG_DEFAULTS.webSessionTtlMinutes * 60_000 });
  const outboundHosts = options.outboundHosts ?? new OutboundHostValidator({ enabled: false });
  const signingKeys = options.signingKeys ?? new SigningKeyGate();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(accessLog(logger, metrics));
  const json = express.json({ limit: MAX_BODY_SIZE, type: ['application/json', 'application/*+json'] });
  const ready = (_request: Request, _response: Response, next: NextFunction): void => {
    next(isReady() ? undefined : new HttpError(503, HTTP_ERROR_MESSAGES.notReady));
  };

  // API answers are never cached: no ETag, whose hash of each reply (a few kB) bought nothing.
  const apiApp = withoutETag(app);
  app.use((request, response, next) => {
    for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
    // Express routes paths whatever their case: /API/messages is an API answer too.
    if (request.url.slice(0, 5).toLowerCase() === '/api/') response.app = apiApp;
    // While stopping, each response closes its connection so keep-alive clients reconnect elsewhere.
    if (isStopping()) response.setHeader('Connection', 'close');
    next();
  });

  // Liveness: the process is up and has its knowledge base.
  app.get('/healthz', (_request, response) => {
    if (isReady()) response.json({ status: 'ok' });
    else response.status(503).json({ status: 'starting', error: HTTP_ERROR_MESSAGES.notReady });
  });
  // Readiness: send traffic here (not before the knowledge base is loaded, not while stopping).
  app.get('/readyz', (_request, response) => {
    if (isStopping()) response.status(503).json({ status: 'stopping', error: HTTP_ERROR_MESSAGES.stopping });
    else if (isReady()) response.json({ status: 'ready' });
    else response.status(503).json({ status: 'starting', error: HTTP_ERROR_MESSAGES.notReady });
  });

  if (metrics && metricsAccess.enabled) {
    // Prometheus scrapes here; hidden (404) from anyone who may not read it.
    app.get('/metrics', async (request, response) => {
      if (!mayReadMetrics(request, metricsAccess.token)) throw new HttpError(404, HTTP_ERROR_MESSAGES.notFound);
      const { contentType, body } = await metrics.exposition();
      response.type(contentType).send(body);
    });
  }

  // Teams, Azure Direct Line and the Agents Playground: the SDK checks the token, then runs the turn.
  // The rate limit comes first, so that forged tokens cannot make the server work without bound.
  app.post('/api/messages', perClientLimit(messagesRateLimitPerMinute, logger), authenticate(auth, signingKeys), ready, json, async (request, response) => {
    const problem = activityBodyProblem(request.body);
    if (problem) throw new HttpError(400, problem);
    const { serviceUrl } = request.body as { serviceUrl?: unknown };
    // Checked here as well as in the SDK, which would answer 400 with no body and only log a warning.
    if (typeof serviceUrl === 'string' && !outboundHosts.isAllowed(serviceUrl)) {
      throw new HttpError(400, HTTP_ERROR_MESSAGES.serviceUrlNotAllowed, { reason: `serviceUrl host not allowed: ${serviceUrlHost(serviceUrl)}` });
    }
    await adapter.process(request, response, runTurn);
  });
  app.all('/api/messages', methodNotAllowed(['POST']));

  // From here on, only for the host names this server is published under (no DNS rebinding).
  const hostsOnly = allowedHostsOnly(allowedHosts);
  if (options.routes) app.use(hostsOnly, options.routes);

  if (webChat) {
    app.use(hostsOnly);
    const webRateLimit = perClientLimit(rateLimitPerMinute, logger);
    // A new session (no token) or the same one renewed (the page's current token).
    app.post('/api/webchat/session', sameOriginOnly, webRateLimit, ready, (request, response) => {
      const token = bearerToken(request.get('authorization'));
      const session = token === undefined ? webSessions.issue() : webSessions.renew(token);
      if (!session) throw new HttpError(401, HTTP_ERROR_MESSAGES.sessionRequired, { reason: 'session token invalid or expired' });
      response.set('Cache-Control', 'no-store').json(session);
    });
    // The page's own channel: same origin only, a session token issued above (it never reaches Azure).
    app.post('/api/webchat', sameOriginOnly, webRateLimit, ready, json, async (request, response) => {
      const session = webSessions.verify(bearerToken(request.get('authorization')));
      if (!session) throw new HttpError(401, HTTP_ERROR_MESSAGES.sessionRequired, { reason: 'session token missing, invalid or expired' });
      response.json(await runWebTurn(adapter, runTurn, request.body, session));
    });
    // HR replies to the tickets this page sent: it asks on load and every minute, with the claims it keeps.
    app.post('/api/webchat/replies', sameOriginOnly, webRateLimit, ready, json, async (request, response) => {
      if (!webSessions.verify(bearerToken(request.get('authorization')))) {
        throw new HttpError(401, HTTP_ERROR_MESSAGES.sessionRequired, { reason: 'session token missing, invalid or expired' });
      }
      const { claims } = (request.body ?? {}) as { claims?: unknown };
      if (!Array.isArray(claims) || !claims.every((claim) => typeof claim === 'string' && claim.length <= 100)) {
        throw new HttpError(400, HTTP_ERROR_MESSAGES.badRequest, { reason: 'claims must be a list of short strings' });
      }
      const replies = options.webReplies ? await options.webReplies(claims as string[]) : { activities: [], answered: [] };
      response.set('Cache-Control', 'no-store').json(replies);
    });
    app.all(['/api/webchat', '/api/webchat/session', '/api/webchat/replies'], methodNotAllowed(['POST']));

    app.get('/favicon.png', (_request, response) => {
      response.sendFile(APP_ICON, { maxAge: '1d' });
    });
    app.get('/webchat/webchat.js', (_request, response) => {
      response.type('application/javascript').sendFile(WEBCHAT_BUNDLE, { maxAge: '1d' });
    });
    app.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: 0 }));
  }

  app.use((_request, _response, next) => next(new HttpError(404, HTTP_ERROR_MESSAGES.notFound)));
  app.use(errorHandler(logger));
  return app;
}

/**
 * The app as API responses see it (`response.app`): the same settings, read through, except that
 * Express generates no ETag. Static files keep theirs (`express.static`, `sendFile` elsewhere).
 */
function withoutETag(app: express.Express): express.Application {
  const settings = Object.create(app.settings as object, { etag: { value: false }, 'etag fn': { value: undefined } }) as unknown;
  return Object.create(app, { settings: { value: settings } }) as express.Application;
}

/** The host of a serviceUrl, for the log (the whole URL may carry a path chosen by an attacker). */
function serviceUrlHost(serviceUrl: string): string {
  try {
    return new URL(serviceUrl).host;
  } catch {
    return '(not a URL)';
  }
}

/**
 * Refuses a request whose Host (behind a trusted proxy, X-Forwarded-Host) is not one of the names
 * this server is published under. A page on another site whose name was pointed at this server
 * (DNS rebinding) is then refused, though the browser believes it is same-origin.
 */
export function allowedHostsOnly(allowedHosts: readonly string[]): express.RequestHandler {
  const exact = new Set(allowedHosts.filter((host) => !host.startsWith('*.')));
  const suffixes = allowedHosts.filter((host) => host.startsWith('*.')).map((host) => host.slice(1));
  return (request, _response, next) => {
    const hostname = request.hostname?.toLowerCase().replace(/\.$/, '');
    const allowed = hostname !== undefined && (exact.has(hostname) || suffixes.some((suffix) => hostname.endsWith(suffix)));
    next(allowed ? undefined : new HttpError(403, HTTP_ERROR_MESSAGES.hostNotAllowed, { reason: `host not allowed: ${hostname ?? '(none)'}` }));
  };
}

/**
 * One log line per request once it is answered: method, path (never the query string), status,
 * latency in milliseconds. Probes and scrapes at debug level so they do not drown the turns.
 */
function accessLog(logger: Logger, metrics: BotMetrics | undefined): express.RequestHandler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = response.writableFinished ? response.statusCode : 499;
      const line = { method: request.method, path: request.path, status, ms: Math.round(seconds * 10_000) / 10 };
      if (QUIET_PATHS.has(request.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
      // A route pattern (or `static`, `other`), never the raw path: a label per URL would grow without bound.
      const route = typeof request.route?.path === 'string' ? request.route.path : status === 404 ? 'other' : 'static';
      metrics?.httpRequest(request.method, route, status, seconds);
    });
    next();
  };
}

/** A token holder, or (without a token configured) a client on this machine. */
function mayReadMetrics(request: Request, token: string | undefined): boolean {
  if (token !== undefined) {
    const given = Buffer.from(request.get('authorization') ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  // The socket's address, not req.ip: a forwarded header cannot make a remote client look local.
  // A request relayed by a proxy on this machine carries a forwarding header: it is not local.
  if (request.get('x-forwarded-for') !== undefined || request.get('forwarded') !== undefined) return false;
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * Refuses a browser request from another site: its Origin differs from the host it was sent to
 * (behind a trusted proxy, the forwarded host), or the browser says it comes from another site.
 */
export function sameOriginOnly(request: Request, _response: Response, next: NextFunction): void {
  const origin = request.get('origin');
  const site = request.get('sec-fetch-site');
  const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (crossSite || (origin !== undefined && originHost(origin) !== request.host)) {
    next(new HttpError(403, HTTP_ERROR_MESSAGES.crossOrigin, { reason: `cross-origin request from ${origin ?? site}` }));
    return;
  }
  next();
}

/** The host (with its port) of an Origin header, or null when it is not a URL (`null`, junk). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Answers 405 with an `Allow` header for a known path asked with another method. */
function methodNotAllowed(allowed: string[]): express.RequestHandler {
  return (_request, response, next) => {
    response.set('Allow', allowed.join(', '));
    next(new HttpError(405, HTTP_ERROR_MESSAGES.methodNotAllowed));
  };
}

/** Refusals that say someone may be probing the server: always logged, at warn. */
const AUDITED_STATUSES: ReadonlySet<number> = new Set([401, 403, 413, 429]);

/**
 * Every error becomes `{ error }` with a 4xx/5xx status; details go to the log only. Refusals are
 * audited with the route, the reason and the client address (never a token or a body).
 */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const { status, message, reason } = describeHttpError(error);
    const audit = { status, method: request.method, route: request.path, reason, client: request.ip };
    if (status === 502) logger.warn({ err: error, route: request.path }, 'channel unreachable');
    else if (status >= 500 && status !== 503) logger.error({ err: error, route: request.path }, 'request failed');
    else if (AUDITED_STATUSES.has(status)) logger.warn(audit, 'request refused');
    else if (status === 400) logger.info(audit, 'request refused');
    else logger.debug(audit, 'request refused');
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json({ error: message });
  };
}

/** The status, public message and logged reason for an error thrown while serving a request. */
function describeHttpError(error: unknown): { status: number; message: string; reason: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message, reason: error.reason ?? error.message };
  if (isActivitySchemaError(error)) return { status: 400, message: HTTP_ERROR_MESSAGES.invalidActivity, reason: 'activity schema' };
  if (error instanceof ChannelDeliveryError) return { status: 502, message: HTTP_ERROR_MESSAGES.channelUnreachable, reason: error.message };
  // body-parser errors carry a `type` and a 4xx `status`.
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') return { status: 400, message: HTTP_ERROR_MESSAGES.badJson, reason: 'malformed JSON' };
  if (type === 'entity.too.large') return { status: 413, message: HTTP_ERROR_MESSAGES.tooLarge, reason: `body over ${MAX_BODY_SIZE}` };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: HTTP_ERROR_MESSAGES.badRequest, reason: typeof type === 'string' ? type : 'bad request' };
  }
  return { status: 500, message: HTTP_ERROR_MESSAGES.internal, reason: 'internal error' };
}

/** A server listening on a port (0: a free one), with its address. */
export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  /**
   * Stops accepting connections and lets in-flight requests finish; connections still busy after
   * `timeoutMs` are cut (`forced: true`). Idle keep-alive connections are closed at once.
   */
  close(timeoutMs?: number): Promise<{ forced: boolean }>;
}

/** How often idle keep-alive connections are closed while draining (a request may end any time). */
const DRAIN_POLL_MS = 50;

/** Socket limits of the HTTP server; the configuration's defaults when omitted. */
export interface ServerLimits {
  /** Time a client has to send the request line and headers (Node's default: 60 s). */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included (Node's default: 300 s). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; beyond, a new connection is closed at once. */
  maxConnections: number;
}

/**
 * How often Node looks for requests past their headers or request timeout (its default, 30 s,
 * would let a slow client keep its socket up to 30 s past the limit).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** Starts listening with the given socket limits; resolves once the port is bound. */
export function startServer(app: express.Express, port: number, host?: string, limits: Partial<ServerLimits> = {}): Promise<RunningServer> {
  const {
    headersTimeoutMs = CONFIG_DEFAULTS.headersTimeoutMs,
    requestTimeoutMs = CONFIG_DEFAULTS.requestTimeoutMs,
    keepAliveTimeoutMs = CONFIG_DEFAULTS.keepAliveTimeoutMs,
    maxConnections = CONFIG_DEFAULTS.maxConnections,
  } = limits;
  return new Promise((resolve, reject) => {
    const server = createHttpServer(
      {
        headersTimeout: headersTimeoutMs,
        requestTimeout: Math.max(requestTimeoutMs, headersTimeoutMs),
        keepAliveTimeout: keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, Math.max(100, Math.floor(headersTimeoutMs / 4))),
      },
      app,
    );
    server.maxConnections = maxConnections;
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        port: address.port,
        url: `http://${host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost'}:${address.port}`,
        close: (timeoutMs = CONFIG_DEFAULTS.shutdownTimeoutMs) =>
          new Promise((done, fail) => {
            let forced = false;
            const idle = setInterval(() => server.closeIdleConnections(), DRAIN_POLL_MS);
            const deadline = setTimeout(() => {
              forced = true;
              server.closeAllConnections();
            }, timeoutMs);
            server.close((error) => {
              clearInterval(idle);
              clearTimeout(deadline);
              if (error) fail(error);
              else done({ forced });
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
