/**
 * Sessions of the web page, issued by the server: the page asks for one when it opens and gets a
 * short-lived signed token naming a conversation id and a user id that the server chose. Every
 * post carries the token, so the browser can neither pick another conversation (a conversation id
 * seen in a log is no longer a key to it) nor speak as another user. Stateless: the token is
 * `v1.<payload>.<HMAC-SHA256>`, checked with the secret alone, so sessions cost no memory and any
 * process sharing the secret accepts them.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** What a valid token says. */
export interface WebSession {
  /** The conversation's id as the page knows it (the server adds its `web-` prefix). */
  conversationId: string;
  userId: string;
  /** Epoch milliseconds after which the token is refused. */
  expiresAt: number;
}

/** What the page receives: the token to send with each post, and the ids it names. */
export interface IssuedWebSession extends WebSession {
  token: string;
}

/** Options of {@link WebSessions}. */
export interface WebSessionsOptions {
  /** HMAC key; a random one (valid for this process only) when omitted. */
  secret?: string | undefined;
  /** Token lifetime. */
  ttlMs: number;
  /** The clock (tests move it forward). */
  now?: () => number;
}

const VERSION = 'v1';

/** Longer than any token this class issues: a longer header is refused without decoding. */
const MAX_TOKEN_LENGTH = 512;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Issues, renews and checks web sessions. */
export class WebSessions {
  private readonly key: Buffer;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** Whether the secret was drawn at start-up (sessions then end with the process). */
  readonly ephemeralSecret: boolean;

  constructor({ secret, ttlMs, now = Date.now }: WebSessionsOptions) {
    this.ephemeralSecret = secret === undefined;
    this.key = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** A new conversation for a page that has just opened: fresh ids, never reused. */
  issue(): IssuedWebSession {
    return this.sign({ conversationId: randomUUID(), userId: randomUUID(), expiresAt: this.now() + this.ttlMs });
  }

  /** The same conversation with a new expiry, for a page still open (null when the token is not valid). */
  renew(token: string | undefined): IssuedWebSession | null {
    const session = this.verify(token);
    return session ? this.sign({ ...session, expiresAt: this.now() + this.ttlMs }) : null;
  }

  /** What a token says, or null when it is missing, malformed, forged or expired. */
  verify(token: string | undefined): WebSession | null {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
    const [version, payload, signature, ...rest] = token.split('.');
    if (version !== VERSION || !payload || !signature || rest.length > 0) return null;
    const expected = this.signature(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const { c, u, e } = (claims ?? {}) as { c?: unknown; u?: unknown; e?: unknown };
    if (typeof c !== 'string' || !UUID.test(c) || typeof u !== 'string' || !UUID.test(u) || typeof e !== 'number') return null;
    if (e <= this.now()) return null;
    return { conversationId: c, userId: u, expiresAt: e };
  }

  private sign(session: WebSession): IssuedWebSession {
    const payload = Buffer.from(JSON.stringify({ c: session.conversationId, u: session.userId, e: session.expiresAt })).toString('base64url');
    return { ...session, token: `${VERSION}.${payload}.${this.signature(payload).toString('base64url')}` };
  }

  private signature(payload: string): Buffer {
    return createHmac('sha256', this.key).update(`${VERSION}.${payload}`).digest();
  }
}
