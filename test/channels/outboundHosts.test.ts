/**
 * With a client id configured, as in production: the real entry point in a child process, the
 * real JWT check against a token issuer of our own (a local key set, locally signed tokens).
 * Replies are only posted to allowed hosts, refusals are answered `{error}` in French and audited,
 * forged key ids do not make the server fetch keys, and the start-up log says the web chat is open.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_WEB_CHAT_WARNING } from '../../src/channels/bot.js';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { activity, post } from './support/botServer.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';
import { startFakeChannel, type FakeChannel } from './support/fakeChannel.js';
import { startTokenIssuer, type TokenIssuer } from './support/tokenIssuer.js';

const CLIENT_ID = '00000000-0000-0000-0000-00000000c1d1';
const TENANT_ID = '00000000-0000-0000-0000-00000000d1d1';

let issuer: TokenIssuer;
let channel: FakeChannel;
let bot: BotProcess;

beforeAll(async () => {
  issuer = await startTokenIssuer(TENANT_ID);
  channel = await startFakeChannel();
  bot = await startBotProcess({
    connections__serviceConnection__settings__clientId: CLIENT_ID,
    connections__serviceConnection__settings__clientSecret: 'not-a-real-secret',
    connections__serviceConnection__settings__tenantId: TENANT_ID,
    connections__serviceConnection__settings__authorityEndpoint: issuer.authority,
  });
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await channel?.close();
  await issuer?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('replies with a client id configured', () => {
  it('are answered for a token signed by the configured issuer (expectReplies)', async () => {
    const { status, json } = await post(bot.url, activity(`c-${randomUUID()}`, { text: 'aide', serviceUrl: undefined }), {
      headers: bearer(issuer.token(CLIENT_ID)),
    });
    expect(status).toBe(200);
    expect(json.activities.some((reply: { type: string }) => reply.type === 'message')).toBe(true);
  });

  it('are never posted to a serviceUrl outside the allowed hosts: 400, and nothing reaches it', async () => {
    const { deliveryMode: _deliveryMode, ...body } = activity(`c-${randomUUID()}`, { text: 'aide', serviceUrl: channel.url });
    const { status, json } = await post(bot.url, body, { headers: bearer(issuer.token(CLIENT_ID)) });
    expect(status).toBe(400);
    expect(json).toEqual({ error: HTTP_ERROR_MESSAGES.serviceUrlNotAllowed });
    // Nor with expectReplies: the SDK would still open a client for that serviceUrl.
    const expecting = await post(bot.url, activity(`c-${randomUUID()}`, { text: 'aide', serviceUrl: channel.url }), {
      headers: bearer(issuer.token(CLIENT_ID)),
    });
    expect(expecting.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(channel.received).toEqual([]);
    await bot.waitForLog((line) => line.msg === 'request refused' && String(line.reason).includes(`serviceUrl host not allowed: ${new URL(channel.url).host}`));
  });
});

describe('refused tokens', () => {
  it.each([
    ['no token', {}],
    ['a token that is not a JWT', bearer('not.a.jwt')],
    ['another scheme', { authorization: 'Basic abc' }],
    ['a token for another audience', bearer('')],
  ])('with %s: 401 {error} in French, audited at warn with route, reason and client', async (label, headers) => {
    const withAudience = label === 'a token for another audience' ? bearer(issuer.token('someone-else')) : headers;
    const earlier = new Set(bot.logs);
    const { status, json, text } = await post(bot.url, activity(`c-${randomUUID()}`, { text: 'aide' }), { headers: withAudience });
    expect(status).toBe(401);
    expect(json).toEqual({ error: HTTP_ERROR_MESSAGES.unauthorized });
    expect(text).not.toMatch(/jwt|getaddrinfo|ENOTFOUND/i);
    const audit = await bot.waitForLog((line) => !earlier.has(line) && line.msg === 'request refused' && line.status === 401);
    expect(audit).toMatchObject({ level: 'warn', route: '/api/messages', client: '127.0.0.1', reason: expect.any(String) });
    expect(JSON.stringify(audit)).not.toContain('Bearer');
  });

  it('fetches the issuer’s key set at most once a minute, however many forged key ids arrive', async () => {
    const before = issuer.keySetFetches;
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () =>
        post(bot.url, activity(`c-${randomUUID()}`, { text: 'aide' }), { headers: bearer(issuer.token(CLIENT_ID, { keyId: randomUUID() })) }).then(
          (response) => response.status,
        ),
      ),
    );
    expect(statuses.every((status) => status === 401)).toBe(true);
    expect(issuer.keySetFetches - before).toBeLessThanOrEqual(1);
  });
});

describe('the start-up log with a client id', () => {
  it('says that the web chat is still open', () => {
    expect(bot.logs.some((line) => line.level === 'warn' && line.msg === OPEN_WEB_CHAT_WARNING)).toBe(true);
  });

  it('does not say so with WEB_CHAT=off, and the page and its channel are gone (404)', async () => {
    const teamsOnly = await startBotProcess({
      connections__serviceConnection__settings__clientId: CLIENT_ID,
      connections__serviceConnection__settings__tenantId: TENANT_ID,
      connections__serviceConnection__settings__authorityEndpoint: issuer.authority,
      WEB_CHAT: 'off',
    });
    try {
      expect(teamsOnly.logs.some((line) => line.msg === OPEN_WEB_CHAT_WARNING)).toBe(false);
      for (const path of ['/', '/index.html', '/app.js']) expect((await fetch(`${teamsOnly.url}${path}`)).status).toBe(404);
      for (const path of ['/api/webchat/session', '/api/webchat']) {
        const response = await fetch(`${teamsOnly.url}${path}`, { method: 'POST' });
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ error: HTTP_ERROR_MESSAGES.notFound });
      }
    } finally {
      await teamsOnly.stop();
    }
  }, 30_000);
});
