/**
 * The token check of `/api/messages`: the SDK's `authorizeJWT`, behind two guards of ours.
 * The SDK answers a refusal itself with its own body (`{"jwt-auth-error": "getaddrinfo ENOTFOUND
 * login.botframework.com"}` when it cannot reach the issuer), bypassing the server's error handler:
 * here its refusal becomes the server's `{error}` in French and an audit line, its message the
 * logged reason. And a token signed with a key id the issuer does not publish is refused before
 * the SDK would fetch the issuer's keys for it (see {@link SigningKeyGate}).
 */
import { authorizeJWT, buildJwksUri, type AuthConfiguration, type Request as AgentRequest } from '@microsoft/agents-hosting';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HTTP_ERROR_MESSAGES, HttpError } from './httpError.js';
import type { SigningKeyGate } from './signingKeyGate.js';

/** The bearer token of an Authorization header, if it has one (the SDK's token, or a page's session token). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** A JWT's header and payload, read without checking anything (null when it is not a JWT). */
function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | null {
  const [header, payload] = token.split('.');
  if (!header || !payload) return null;
  try {
    const decoded = [header, payload].map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown);
    if (decoded.some((part) => typeof part !== 'object' || part === null)) return null;
    return { header: decoded[0] as Record<string, unknown>, payload: decoded[1] as Record<string, unknown> };
  } catch {
    return null;
  }
}

/** The configured connection a token is meant for (its audience), as the SDK picks it. */
function connectionFor(auth: AuthConfiguration, audience: unknown): AuthConfiguration | undefined {
  const audiences = Array.isArray(audience) ? audience : [audience];
  return [...(auth.connections?.values() ?? [])].find(
    (connection) => typeof connection.clientId === 'string' && audiences.includes(connection.clientId),
  );
}

/** What the SDK's middleware wrote instead of calling next(). */
function refusalReason(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const message = Object.values(body as Record<string, unknown>).find((value) => typeof value === 'string');
    if (typeof message === 'string') return message;
  }
  return 'token refused';
}

/**
 * The Express middleware guarding `/api/messages`. Without a client id the SDK lets anonymous
 * requests through (local mode); with one, a request without a valid token gets 401.
 */
export function authenticate(auth: AuthConfiguration, signingKeys: SigningKeyGate): RequestHandler {
  const check = authorizeJWT(auth);
  return async (request: Request, _response: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(request.get('authorization'));
    const jwt = token ? decodeJwt(token) : null;
    const connection = jwt ? connectionFor(auth, jwt.payload.aud) : undefined;
    // Only a token the SDK would look a key up for is checked here; it refuses the others without fetching.
    if (jwt && connection) {
      const keyId = jwt.header.kid;
      const jwksUri = buildJwksUri(typeof jwt.payload.iss === 'string' ? jwt.payload.iss : '', connection);
      if (typeof keyId !== 'string' || keyId.length > 256 || !(await signingKeys.knows(jwksUri, keyId))) {
        next(new HttpError(401, HTTP_ERROR_MESSAGES.unauthorized, { reason: 'signing key not published by the issuer' }));
        return;
      }
    }
    let accepted = false;
    let refusal: unknown;
    // The SDK writes its refusal on the response: it gets a stand-in that keeps it instead.
    const standIn = {
      status: () => standIn,
      send: (body: unknown) => {
        refusal = body;
        return standIn;
      },
    };
    try {
      await check(request as unknown as AgentRequest, standIn as never, () => {
        accepted = true;
      });
    } catch (error) {
      next(new HttpError(401, HTTP_ERROR_MESSAGES.unauthorized, { reason: 'token check failed', cause: error }));
      return;
    }
    if (accepted) next();
    else next(new HttpError(401, HTTP_ERROR_MESSAGES.unauthorized, { reason: refusalReason(refusal) }));
  };
}
