/**
 * The HTTP server: the Activity endpoint for Teams / Direct Line / the Playground, the same-origin
 * web channel and its page, and a health check. Our own Express app, so that every error is
 * answered with a short JSON body (Express's default handler would send a stack trace).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorizeJWT, type AuthConfiguration, type CloudAdapter } from '@microsoft/agents-hosting';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { activityBodyProblem, isActivitySchemaError } from './activityBody.js';
import type { Agent } from './agent.js';
import { HTTP_ERROR_MESSAGES, HttpError } from './httpError.js';
import { runWebTurn } from './webChannel.js';

/** Largest request body accepted (an activity with a long question is a few kB). */
export const MAX_BODY_SIZE = '100kb';

/** The page, its script and its style: `public/` at the root of the repository. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** The Teams colour icon, also the page's favicon. */
export const APP_ICON = fileURLToPath(new URL('../../appPackage/color.png', import.meta.url));

/** The official Web Chat bundle, served from node_modules so the page works offline. */
export const WEBCHAT_BUNDLE = join(
  // The package exports only its entry point (lib/index.js); the bundle is in dist/ beside lib/.
  dirname(createRequire(import.meta.url).resolve('botframework-webchat')),
  '..',
  'dist',
  'webchat.js',
);

/** What the server needs, built by the composition root. */
export interface ServerOptions {
  agent: Agent;
  adapter: CloudAdapter;
  /** The SDK's auth configuration: JWT enforced on /api/messages when it has a clientId. */
  auth: AuthConfiguration;
  logger: Logger;
  /** True once the knowledge base is loaded. */
  isReady: () => boolean;
}

/** Builds the Express application (not listening yet). */
export function createApp({ agent, adapter, auth, logger, isReady }: ServerOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const json = express.json({ limit: MAX_BODY_SIZE, type: ['application/json', 'application/*+json'] });
  const ready = (_request: Request, _response: Response, next: NextFunction): void => {
    next(isReady() ? undefined : new HttpError(503, HTTP_ERROR_MESSAGES.notReady));
  };

  app.get('/healthz', (_request, response) => {
    if (isReady()) response.json({ status: 'ok' });
    else response.status(503).json({ status: 'starting', error: HTTP_ERROR_MESSAGES.notReady });
  });

  // Teams, Azure Direct Line and the Agents Playground: the SDK checks the token, then runs the turn.
  app.post('/api/messages', authorizeJWT(auth), ready, json, async (request, response) => {
    const problem = activityBodyProblem(request.body);
    if (problem) throw new HttpError(400, problem);
    await adapter.process(request, response, (context) => agent.run(context));
  });

  // The page's own channel: same origin only, no token (it never reaches Azure).
  app.post('/api/webchat', sameOriginOnly, ready, json, async (request, response) => {
    response.json(await runWebTurn(adapter, agent, request.body));
  });

  app.get('/favicon.png', (_request, response) => {
    response.sendFile(APP_ICON, { maxAge: '1d' });
  });
  app.get('/webchat/webchat.js', (_request, response) => {
    response.type('application/javascript').sendFile(WEBCHAT_BUNDLE, { maxAge: '1d' });
  });
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: 0 }));

  app.use((_request, _response, next) => next(new HttpError(404, HTTP_ERROR_MESSAGES.notFound)));
  app.use(errorHandler(logger));
  return app;
}

/** Refuses a browser request from another site (its Origin differs from the Host it was sent to). */
function sameOriginOnly(request: Request, _response: Response, next: NextFunction): void {
  const origin = request.get('origin');
  if (origin) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== request.get('host')) {
      next(new HttpError(403, HTTP_ERROR_MESSAGES.crossOrigin));
      return;
    }
  }
  next();
}

/** Every error becomes `{ error }` with a 4xx/5xx status; details go to the log only. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const { status, message } = describeHttpError(error);
    if (status >= 500) logger.error({ err: error, path: request.path }, 'request failed');
    else logger.debug({ status, path: request.path, reason: message }, 'request refused');
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json({ error: message });
  };
}

/** The status and public message for an error thrown while serving a request. */
function describeHttpError(error: unknown): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  if (isActivitySchemaError(error)) return { status: 400, message: HTTP_ERROR_MESSAGES.invalidActivity };
  // body-parser errors carry a `type` and a 4xx `status`.
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') return { status: 400, message: HTTP_ERROR_MESSAGES.badJson };
  if (type === 'entity.too.large') return { status: 413, message: HTTP_ERROR_MESSAGES.tooLarge };
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: HTTP_ERROR_MESSAGES.badRequest };
  return { status: 500, message: HTTP_ERROR_MESSAGES.internal };
}

/** A server listening on a port (0: a free one), with its address. */
export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts listening; resolves once the port is bound. */
export function startServer(app: express.Express, port: number, host?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = createHttpServer(app);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        port: address.port,
        url: `http://${host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost'}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
