/**
 * Protections of the HTTP endpoints: a per-client rate limit on /api/webchat and another on
 * /api/messages, same-origin requests only and a Host allow-list on the page and its channel,
 * the page turned off with WEB_CHAT=off, and security headers with a Content-Security-Policy on
 * every response. (The browser test checks that Web Chat still runs under that policy.)
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/channels/server.js';
import { activity, fromPage, openPageSession, post, startTestBot, type PageSession, type TestBot } from './support/botServer.js';

const LIMIT = 3;
const MESSAGES_LIMIT = 5;

let bot: TestBot;
/** A session opened from an address of its own, so it does not count against the clients below. */
let page: PageSession;
beforeAll(async () => {
  // One proxy trusted, so tests can play several clients through X-Forwarded-For.
  bot = await startTestBot({ http: { rateLimitPerMinute: LIMIT, messagesRateLimitPerMinute: MESSAGES_LIMIT, trustProxy: 1 } });
  page = await openPageSession(bot.url, { 'x-forwarded-for': '192.0.2.1' });
});
afterAll(async () => {
  await bot.close();
});

const question = () => fromPage(page, { text: 'aide' });
const webTurn = (headers: Record<string, string> = {}) =>
  post(bot.url, question(), { path: '/api/webchat', headers: { authorization: `Bearer ${page.token}`, ...headers } });

describe('the rate limit of /api/webchat', () => {
  it(`lets a client post ${LIMIT} times a minute, then answers 429 with Retry-After`, async () => {
    const client = { 'x-forwarded-for': '203.0.113.7' };
    for (let turn = 0; turn < LIMIT; turn += 1) expect((await webTurn(client)).status).toBe(200);
    const response = await fetch(`${bot.url}/api/webchat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${page.token}`, ...client },
      body: JSON.stringify(question()),
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await response.json()).toEqual({ error: HTTP_ERROR_MESSAGES.tooManyRequests });
  });

  it('counts each client apart', async () => {
    for (let turn = 0; turn < LIMIT + 1; turn += 1) await webTurn({ 'x-forwarded-for': '203.0.113.8' });
    expect((await webTurn({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  it(`limits /api/messages apart, with its own limit (${MESSAGES_LIMIT} here, 600 a minute by default)`, async () => {
    const client = { 'x-forwarded-for': '203.0.113.10' };
    const statuses: number[] = [];
    for (let turn = 0; turn < MESSAGES_LIMIT + 1; turn += 1) {
      statuses.push((await post(bot.url, activity(`c-${randomUUID()}`, { text: 'aide' }), { headers: client })).status);
    }
    expect(statuses).toEqual([...Array<number>(MESSAGES_LIMIT).fill(200), 429]);
    // The page's limit is another counter: this client may still use the page.
    expect((await webTurn(client)).status).toBe(200);
  });
});

describe('same origin only on /api/webchat', () => {
  it.each([
    ['its own Origin', () => ({ origin: bot.url, 'sec-fetch-site': 'same-origin' }), 200],
    ['no Origin (a script, not a browser)', () => ({}), 200],
    ['another Origin', () => ({ origin: 'https://elsewhere.example' }), 403],
    ['an Origin of "null" (sandboxed frame, file:)', () => ({ origin: 'null' }), 403],
    ['the same host on another port', () => ({ origin: 'http://127.0.0.1:1' }), 403],
    ['a browser saying it comes from another site', () => ({ 'sec-fetch-site': 'cross-site' }), 403],
  ])('with %s: %i', async (_label, headers, status) => {
    const response = await webTurn({ ...headers(), 'x-forwarded-for': `198.51.100.${status === 200 ? 1 : 2}` });
    expect(response.status).toBe(status);
    if (status === 403) expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.crossOrigin });
  });
});

describe('security headers', () => {
  it('gives the page a Content-Security-Policy: scripts from this server only, no eval, no inline script', async () => {
    const response = await fetch(`${bot.url}/`);
    const policy = Object.fromEntries(
      (response.headers.get('content-security-policy') ?? '')
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'self'"]);
    expect(JSON.stringify(policy)).not.toContain('unsafe-eval');
  });

  it.each(['/', '/api/webchat', '/healthz', '/nowhere'])('sends the usual hardening headers on %s', async (path) => {
    const response = await fetch(`${bot.url}${path}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('are exactly the headers helmet 8 sets with our policy: same names, values and order', () => {
    const set: [string, string][] = [];
    const removed: string[] = [];
    const response = { setHeader: (name: string, value: string) => void set.push([name, value]), removeHeader: (name: string) => void removed.push(name) };
    let called = false;
    helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } })({} as never, response as never, () => (called = true));
    expect(called).toBe(true);
    expect(SECURITY_HEADERS).toEqual(set);
    // helmet also removes X-Powered-By, which Express is told never to send.
    expect(removed).toEqual(['X-Powered-By']);
  });

  it.each(['/', '/api/webchat', '/api/messages', '/healthz', '/nowhere', '/webchat/webchat.js'])('are all sent on %s, with the same values', async (path) => {
    const response = await fetch(`${bot.url}${path}`);
    for (const [name, value] of SECURITY_HEADERS) expect(response.headers.get(name), name).toBe(value);
  });
});

describe('ETags', () => {
  /** The status of a GET with If-None-Match (node:http: fetch makes such a request uncacheable). */
  const conditionalStatus = (path: string, etag: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: bot.port, path, headers: { 'if-none-match': etag } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });

  it('are not computed for API answers', async () => {
    const turn = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' },
      body: JSON.stringify(activity(`c-${randomUUID()}`, { text: 'aide' })),
    });
    expect(turn.status).toBe(200);
    expect(turn.headers.get('etag')).toBeNull();
    const session = await fetch(`${bot.url}/api/webchat/session`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.51' } });
    expect(session.status).toBe(200);
    expect(session.headers.get('etag')).toBeNull();
    expect((await fetch(`${bot.url}/api/nowhere`)).headers.get('etag')).toBeNull();
    // Express routes paths whatever their case.
    const upperCase = await fetch(`${bot.url}/API/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.52' },
      body: JSON.stringify(activity(`c-${randomUUID()}`, { text: 'aide' })),
    });
    expect(upperCase.status).toBe(200);
    expect(upperCase.headers.get('etag')).toBeNull();
  });

  it('are still sent with the page, its files and the probes, and a matching one still gets 304', async () => {
    for (const path of ['/', '/webchat/webchat.js', '/favicon.png', '/healthz']) {
      const response = await fetch(`${bot.url}${path}`);
      const etag = response.headers.get('etag');
      expect(etag, path).toBeTruthy();
      expect(await conditionalStatus(path, etag!), path).toBe(304);
    }
  });
});

describe('the Host allow-list of the page and its channel', () => {
  /** A raw request with a Host header of our choosing (fetch does not let a test set it). */
  function requestWithHost(host: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: bot.port, path, method, headers: { host, ...headers } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it.each(['/', '/app.js', '/webchat/webchat.js'])('refuses %s under a name that is not this server’s (DNS rebinding): 403', async (path) => {
    const { status, body } = await requestWithHost('attacker.example', path);
    expect(status).toBe(403);
    expect(JSON.parse(body)).toEqual({ error: HTTP_ERROR_MESSAGES.hostNotAllowed });
  });

  it('refuses the web channel under such a name, even when the Origin matches it (403)', async () => {
    const session = await requestWithHost('attacker.example:80', '/api/webchat/session', 'POST', { origin: 'http://attacker.example' });
    expect(session.status).toBe(403);
  });

  it.each(['localhost', '127.0.0.1', 'LOCALHOST.'])('serves the page under the local name %s', async (host) => {
    expect((await requestWithHost(`${host}:${bot.port}`, '/')).status).toBe(200);
  });

  it('leaves /api/messages and the probes out of it (Azure and load balancers use other names)', async () => {
    expect((await requestWithHost('bot.example.net', '/healthz')).status).toBe(200);
    expect((await requestWithHost('bot.example.net', '/api/messages')).status).toBe(405);
  });

  it('follows ALLOWED_HOSTS, with *. for subdomains', async () => {
    const published = await startTestBot({ http: { allowedHosts: ['assistant-rh.example.com', '*.intranet.example'] } });
    try {
      const at = (host: string) =>
        new Promise<number>((resolve, reject) => {
          httpRequest({ host: '127.0.0.1', port: published.port, path: '/', headers: { host } }, (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          })
            .on('error', reject)
            .end();
        });
      expect(await at('assistant-rh.example.com')).toBe(200);
      expect(await at('rh.intranet.example')).toBe(200);
      expect(await at('intranet.example.attacker.net')).toBe(403);
      expect(await at('localhost')).toBe(403);
    } finally {
      await published.close();
    }
  });
});
