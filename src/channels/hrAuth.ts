/**
 * Who may open the HR dashboard (/rh). With Entra ID configured: OpenID Connect sign-in
 * (openid-client, authorization code with PKCE), then a signed cookie for eight hours; only the
 * users of the allowed groups or e-mail addresses get in. Otherwise HTTP Basic: user `rh` and
 * HR_DASHBOARD_PASSWORD. (With neither, the dashboard is not mounted at all: /rh answers 404.)
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type express from 'express';
import type * as OpenIdClient from 'openid-client';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { HTTP_ERROR_MESSAGES, HttpError } from './httpError.js';

/** The HTTP Basic user name. */
export const HR_BASIC_USER = 'rh';

/** How long a dashboard sign-in lasts. */
export const HR_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** The sign-in cookie, and the one holding state, nonce and PKCE verifier during the redirect. */
const SESSION_COOKIE = 'rh_session';
const LOGIN_COOKIE = 'rh_login';

/** Who is signed in. */
export interface HrUser {
  name: string;
  email: string | null;
}

/** The dashboard's gatekeeper: a middleware, plus the sign-in routes for OpenID Connect. */
export interface HrAuth {
  kind: 'oidc' | 'basic';
  /** Lets the request through with `response.locals.hrUser`, or answers 401 (API) / redirects to sign-in (page). */
  require: express.RequestHandler;
  /** /rh/login, /rh/callback, /rh/logout (OpenID Connect only). */
  routes(router: express.Router): void;
}

/** Compares two strings in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The challenge that makes a browser ask for the password. */
const BASIC_CHALLENGE = 'Basic realm="Tableau de bord RH", charset="UTF-8"';

/** HTTP Basic with user `rh`. */
export function basicAuth(password: string): HrAuth {
  return {
    kind: 'basic',
    require: (request, response, next) => {
      const match = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.get('authorization') ?? '');
      const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
      const separator = decoded.indexOf(':');
      const user = separator >= 0 ? decoded.slice(0, separator) : '';
      const given = separator >= 0 ? decoded.slice(separator + 1) : '';
      if (match && sameSecret(user, HR_BASIC_USER) && sameSecret(given, password)) {
        response.locals.hrUser = { name: HR_BASIC_USER, email: null } satisfies HrUser;
        next();
        return;
      }
      response.set('WWW-Authenticate', BASIC_CHALLENGE);
      next(new HttpError(401, HTTP_ERROR_MESSAGES.unauthorized, { reason: match ? 'wrong HR dashboard password' : 'no HR dashboard credentials' }));
    },
    routes: () => undefined,
  };
}

/** A signed cookie value: base64url JSON and its HMAC. */
class CookieSigner {
  constructor(private readonly key: Buffer) {}

  sign(value: unknown): string {
    const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${payload}.${createHmac('sha256', this.key).update(payload).digest('base64url')}`;
  }

  verify<T>(cookie: string | undefined): T | null {
    const [payload, signature] = (cookie ?? '').split('.');
    if (!payload || !signature) return null;
    const expected = createHmac('sha256', this.key).update(payload).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
    } catch {
      return null;
    }
  }
}

/** Reads one cookie of a request. */
function cookie(request: express.Request, name: string): string | undefined {
  for (const part of (request.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Whether the signed-in person's claims put them on the allow-list. */
export function isAllowed(claims: Record<string, unknown>, allowedGroups: readonly string[], allowedEmails: readonly string[]): boolean {
  const groups = Array.isArray(claims.groups) ? claims.groups.map(String) : [];
  const emails = [claims.email, claims.preferred_username, claims.upn].filter((value): value is string => typeof value === 'string').map((value) => value.toLowerCase());
  return groups.some((group) => allowedGroups.includes(group)) || emails.some((email) => allowedEmails.includes(email));
}

/** Options of {@link oidcAuth}. */
export interface OidcAuthOptions {
  /** Lets the provider be reached over plain HTTP: only for a local stand-in provider in tests. */
  allowHttpProvider?: boolean;
}

/** Entra ID (or any OpenID Connect provider) sign-in. */
export function oidcAuth(settings: Extract<Config['hrDashboard'], { kind: 'oidc' }>, logger: Logger, options: OidcAuthOptions = {}): HrAuth {
  const signer = new CookieSigner(settings.sessionSecret ? Buffer.from(settings.sessionSecret) : randomBytes(32));
  let discovered: Promise<{ oidc: typeof OpenIdClient; config: OpenIdClient.Configuration }> | undefined;
  // Discovery happens on the first sign-in, not at start-up: the bot starts without reaching Entra ID,
  // and without loading the OpenID Connect client.
  const configuration = () => {
    discovered ??= import('openid-client')
      .then(async (oidc) => {
        const execute = options.allowHttpProvider ? [oidc.allowInsecureRequests] : [];
        return { oidc, config: await oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, { execute }) };
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const redirectUri = (request: express.Request) => settings.redirectUri ?? `${request.protocol}://${request.get('host')}/rh/callback`;
  const cookieOptions = (request: express.Request, maxAgeMs: number) =>
    `Path=/rh; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAgeMs / 1000)}${request.secure ? '; Secure' : ''}`;

  return {
    kind: 'oidc',
    require: (request, response, next) => {
      const session = signer.verify<{ user: HrUser; expiresAt: number }>(cookie(request, SESSION_COOKIE));
      if (session && session.expiresAt > Date.now()) {
        response.locals.hrUser = session.user;
        next();
        return;
      }
      if (request.path.startsWith('/api/')) {
        next(new HttpError(401, HTTP_ERROR_MESSAGES.unauthorized, { reason: 'no HR dashboard session' }));
        return;
      }
      response.redirect(302, '/rh/login');
    },
    routes(router) {
      router.get('/login', async (request, response) => {
        const { oidc, config } = await configuration();
        const verifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        const url = oidc.buildAuthorizationUrl(config, {
          redirect_uri: redirectUri(request),
          scope: 'openid profile email',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        });
        response.set('Set-Cookie', `${LOGIN_COOKIE}=${encodeURIComponent(signer.sign({ verifier, state, nonce }))}; ${cookieOptions(request, 10 * 60_000)}`);
        response.redirect(302, url.href);
      });
      router.get('/callback', async (request, response) => {
        const login = signer.verify<{ verifier: string; state: string; nonce: string }>(cookie(request, LOGIN_COOKIE));
        if (!login) throw new HttpError(401, HTTP_ERROR_MESSAGES.unauthorized, { reason: 'sign-in callback without its login cookie' });
        const { oidc, config } = await configuration();
        const current = new URL(request.originalUrl, redirectUri(request));
        let claims: Record<string, unknown>;
        try {
          const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: login.verifier, expectedState: login.state, expectedNonce: login.nonce });
          claims = (tokens.claims() ?? {}) as Record<string, unknown>;
        } catch (error) {
          throw new HttpError(401, HTTP_ERROR_MESSAGES.unauthorized, { reason: `sign-in failed: ${(error as Error).message}` });
        }
        if (!isAllowed(claims, settings.allowedGroups, settings.allowedEmails)) {
          logger.warn({ subject: claims.sub }, 'HR dashboard sign-in refused: not in the allowed groups or e-mails');
          throw new HttpError(403, HTTP_ERROR_MESSAGES.hrNotAllowed, { reason: 'user not allowed on the HR dashboard' });
        }
        const user: HrUser = { name: String(claims.name ?? claims.preferred_username ?? claims.email ?? 'RH'), email: typeof claims.email === 'string' ? claims.email : null };
        response.set('Set-Cookie', [
          `${SESSION_COOKIE}=${encodeURIComponent(signer.sign({ user, expiresAt: Date.now() + HR_SESSION_TTL_MS }))}; ${cookieOptions(request, HR_SESSION_TTL_MS)}`,
          `${LOGIN_COOKIE}=; ${cookieOptions(request, 0)}`,
        ]);
        response.redirect(302, '/rh/');
      });
      router.get('/logout', (request, response) => {
        response.set('Set-Cookie', `${SESSION_COOKIE}=; ${cookieOptions(request, 0)}`);
        response.redirect(302, '/rh/');
      });
    },
  };
}
