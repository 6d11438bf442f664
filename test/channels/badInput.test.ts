/**
 * Odd input on both activity endpoints, as one contract: /api/messages (Teams, Direct Line, the
 * Playground) and /api/webchat (the page) refuse what is not an activity with a short JSON 4xx,
 * ignore what they do not know, answer long or dirty questions politely, and never show a stack trace.
 */
import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { createApp, startServer } from '../../src/channels/server.js';
import {
  activity,
  cardOf,
  cardTexts,
  openPageSession,
  post,
  startTestBot,
  type PageSession,
  type ReplyActivity,
  type TestBot,
} from './support/botServer.js';
import { startFakeChannel } from './support/fakeChannel.js';

/** A line of a JavaScript or TypeScript stack trace. */
const STACK_LINE = /\bat .*[\w-]+\.(?:c|m)?[jt]s:\d+/;

let bot: TestBot;
let page: PageSession;
beforeAll(async () => {
  bot = await startTestBot({ http: { rateLimitPerMinute: 10_000 } });
  page = await openPageSession(bot.url);
});
afterAll(async () => {
  await bot.close();
});

/** One endpoint, how to build a valid body for it, and what its replies look like. */
interface Endpoint {
  path: string;
  body(fields: Record<string, unknown>): Record<string, unknown>;
  /** The error it gives a body without a conversation; null where the session names it. */
  missingConversation: string | null;
  /** What every request carries (the page's session token). */
  headers(): Record<string, string>;
}

const ENDPOINTS: Endpoint[] = [
  {
    path: '/api/messages',
    body: (fields) => activity(`conv-${randomUUID()}`, fields),
    missingConversation: HTTP_ERROR_MESSAGES.missingConversation,
    headers: () => ({}),
  },
  {
    path: '/api/webchat',
    body: (fields) => ({ type: 'message', from: { id: page.userId }, conversation: { id: page.conversationId }, ...fields }),
    missingConversation: null,
    headers: () => ({ authorization: `Bearer ${page.token}` }),
  },
];

/** The message replies of a turn, on either endpoint (both answer `{ activities }`). */
function messages(json: { activities?: ReplyActivity[] }): ReplyActivity[] {
  return (json.activities ?? []).filter((reply) => reply.type === 'message');
}

/** Everything a reply shows: its text, or its card's text blocks. */
function shown(reply: ReplyActivity | undefined): string {
  return [reply?.text ?? '', ...cardTexts(cardOf(reply)?.body)].join(' ');
}

describe.each(ENDPOINTS)('POST $path with bad input', (endpoint) => {
  const send = (body: unknown, raw = false) => post(bot.url, body, { path: endpoint.path, raw, headers: endpoint.headers() });

  it.each([
    ['malformed JSON', '{"type": "message",', HTTP_ERROR_MESSAGES.badJson],
    ['an array', '[]', undefined],
    ['a string', '"bonjour"', undefined],
    ['a number', '42', undefined],
    ['null', 'null', undefined],
    ['an empty body', '', undefined],
  ])('refuses %s with 400 and a short JSON error', async (_label, body, error) => {
    const response = await send(body, true);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: error ?? expect.any(String) });
    expect(response.text).not.toMatch(STACK_LINE);
  });

  it('refuses a body without type (400)', async () => {
    const { type: _type, ...untyped } = endpoint.body({ text: 'bonjour' });
    const response = await send(untyped);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: expect.any(String) });
  });

  it.runIf(endpoint.missingConversation !== null)('refuses a body without conversation (400)', async () => {
    const { conversation: _conversation, ...orphan } = endpoint.body({ text: 'bonjour' });
    const response = await send(orphan);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: endpoint.missingConversation });
  });

  it.each([
    ['type is a number', { type: 42 }],
    ['conversation is a string', { conversation: 'c1' }],
    ['text is an object', { text: { html: '<b>x</b>' } }],
  ])('refuses a body whose %s (400, never 500)', async (_label, fields) => {
    const response = await send(endpoint.body(fields));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: expect.any(String) });
  });

  it('refuses a body over 100 kB with 413', async () => {
    const response = await send(endpoint.body({ text: 'a'.repeat(110_000) }));
    expect(response.status).toBe(413);
    expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.tooLarge });
  });

  it('refuses a body that is not JSON (400)', async () => {
    const response = await post(bot.url, 'type=message', { path: endpoint.path, raw: true, headers: { ...endpoint.headers(), 'content-type': 'text/plain' } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.notAnActivity });
  });

  it('ignores an unknown activity type politely (200, no reply)', async () => {
    const response = await send(endpoint.body({ type: 'somethingNew', text: 'bonjour' }));
    expect(response.status).toBe(200);
    expect(messages(response.json)).toEqual([]);
  });

  it('answers a question over 2,000 characters with a polite French message about its length', async () => {
    const question = `Quelles sont les compétences du chef de produit digital ? ${'Je précise encore. '.repeat(150)}`;
    expect(question.length).toBeGreaterThan(2_000);
    const response = await send(endpoint.body({ text: question }));
    expect(response.status).toBe(200);
    const [reply] = messages(response.json);
    expect(shown(reply)).toMatch(/Votre message est trop long \(\d+ caractères, 2000 au plus\)/);
  });

  it('strips control characters before reading the question', async () => {
    const response = await send(endpoint.body({ text: '\u0000a\u0007i\u001bd\u007fe\u0085' }));
    expect(response.status).toBe(200);
    const [reply] = messages(response.json);
    expect(reply?.text).toMatch(/Vous pouvez me demander/);
  });

  it('answers GET with 405, an Allow header and no stack trace', async () => {
    const response = await fetch(`${bot.url}${endpoint.path}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ error: HTTP_ERROR_MESSAGES.methodNotAllowed });
  });
});

describe('POST /api/messages without expectReplies (replies posted to the serviceUrl)', () => {
  /** A Teams activity whose replies go to `serviceUrl`, not into the HTTP response. */
  const posted = (fields: Record<string, unknown>) => {
    const { deliveryMode: _deliveryMode, ...body } = activity(`conv-${randomUUID()}`, { text: 'aide' });
    return { ...body, ...fields };
  };

  it('posts the replies to the channel and answers 200', async () => {
    const channel = await startFakeChannel();
    try {
      const response = await post(bot.url, posted({ serviceUrl: channel.url }));
      expect(response.status).toBe(200);
      expect(channel.received.map((reply) => reply.type)).toEqual(['typing', 'message']);
    } finally {
      await channel.close();
    }
  });

  it.each([
    ['no serviceUrl', { serviceUrl: undefined }],
    ['a serviceUrl that is not a URL', { serviceUrl: 'toString' }],
    ['a serviceUrl that is not http(s)', { serviceUrl: 'file:///etc/passwd' }],
  ])('refuses %s (400)', async (_label, fields) => {
    const response = await post(bot.url, posted(fields));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.missingServiceUrl });
  });

  it('refuses an id with half a surrogate pair, which no reply URL can carry (400)', async () => {
    const response = await post(bot.url, posted({ id: 'abc\udbff', serviceUrl: 'http://127.0.0.1:1/' }));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.malformedId });
  });

  it('answers 502 when the channel cannot be reached, without details', async () => {
    const response = await post(bot.url, posted({ serviceUrl: 'http://127.0.0.1:1/' }));
    expect(response.status).toBe(502);
    expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.channelUnreachable });
    expect(response.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it('answers an invoke it does not handle with 501, as the Bot Framework protocol asks', async () => {
    const channel = await startFakeChannel();
    try {
      const response = await post(bot.url, posted({ type: 'invoke', name: 'composeExtension/query', serviceUrl: channel.url }));
      expect(response.status).toBe(501);
      expect(response.text).toBe('');
    } finally {
      await channel.close();
    }
  });
});

describe('error responses of the server', () => {
  it.each([
    ['an unknown route', '/nowhere', 404],
    ['a malformed percent-encoding', '/%E0%A4%A', 404],
    ['a path outside public/', '/..%2f..%2fpackage.json', 404],
  ])('answer %s with short JSON and no stack trace', async (_label, path, status) => {
    const response = await fetch(`${bot.url}${path}`);
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(JSON.parse(text)).toEqual({ error: expect.any(String) });
    expect(text).not.toMatch(STACK_LINE);
  });

  it('answer an exception thrown while serving a request with 500 and a short French error, and log the details', async () => {
    const logged: unknown[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const throwing = {
      process: async () => {
        throw new Error('secret detail at /srv/app/src/secret.ts:12');
      },
    } as unknown as CloudAdapter;
    const app = createApp({ runTurn: async () => {}, adapter: throwing, auth: {}, logger, isReady: () => true });
    const server = await startServer(app, 0, '127.0.0.1');
    try {
      const response = await post(server.url, activity('c-throws', { text: 'bonjour' }));
      expect(response.status).toBe(500);
      expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.internal });
      expect(response.text).not.toContain('secret');
      expect(JSON.stringify(logged)).toContain('secret detail');
    } finally {
      await server.close();
    }
  });
});
