import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { WEB_BOT_ACCOUNT, WEB_CHANNEL_ID } from '../../src/channels/webChannel.js';
import {
  cardOf,
  cardTexts,
  fromPage,
  openPageSession,
  post,
  postFromPage,
  startTestBot,
  type PageSession,
  type ReplyActivity,
  type TestBot,
} from './support/botServer.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

/** A new page session and a way to post in it. */
async function newPage(): Promise<{ session: PageSession; turn: (fields: Record<string, unknown>, headers?: Record<string, string>) => ReturnType<typeof post> }> {
  const session = await openPageSession(bot.url);
  return { session, turn: (fields, headers = {}) => postFromPage(bot.url, session, fromPage(session, fields), { headers }) };
}

describe('POST /api/webchat (the page’s same-origin channel)', () => {
  it('starts a conversation with the welcome', async () => {
    const { turn } = await newPage();
    const { status, json } = await turn({ type: 'conversationUpdate' });
    expect(status).toBe(200);
    expect(json.id).toEqual(expect.any(String));
    const [welcome] = json.activities as ReplyActivity[];
    expect(welcome?.text).toContain("je suis l'assistant RH");
    expect(welcome?.suggestedActions?.actions).toHaveLength(3);
  });

  it('returns the replies with the ids, timestamps and bot account Web Chat needs', async () => {
    const { json } = await (await newPage()).turn({ text: 'Comparer les compétences requises' });
    const replies = json.activities as ReplyActivity[];
    expect(replies.map((reply) => reply.type)).toEqual(['typing', 'message']);
    for (const reply of replies) {
      expect(reply.id).toMatch(new RegExp(`^${json.id}-\\d+$`));
      expect(reply.timestamp).toEqual(expect.any(String));
      expect(reply.from).toEqual(WEB_BOT_ACCOUNT);
      expect(reply.channelId).toBe(WEB_CHANNEL_ID);
      expect(reply.replyToId).toBe(json.id);
      expect(reply.locale).toBe('fr-FR');
    }
    const card = cardOf(replies[1]);
    expect(card?.body.find((element: { type: string }) => element.type === 'ColumnSet')?.columns).toHaveLength(2);
  });

  it('keeps the follow-up context of a page conversation between turns', async () => {
    const { turn } = await newPage();
    await turn({ text: 'Quelles sont les compétences du chef de produit digital ?' });
    const { json } = await turn({ text: 'Et pour le marketing ?' });
    const answer = (json.activities as ReplyActivity[]).find((reply) => reply.type === 'message');
    expect(cardTexts(cardOf(answer)?.body)[0]).toMatch(/compétences.*Chef de produit marketing/i);
  });

  it('handles a card button click posted by Web Chat (a value, no text)', async () => {
    const { json } = await (await newPage()).turn({ value: { action: 'ask', question: 'Quelles sont les compétences du chef de produit digital ?' } });
    const answer = (json.activities as ReplyActivity[]).find((reply) => reply.type === 'message');
    expect(cardTexts(cardOf(answer)?.body)[0]).toMatch(/compétences/i);
  });

  it('does not let the page choose the bot, the channel or the delivery mode', async () => {
    const { json } = await (await newPage()).turn({
      text: 'aide',
      recipient: { id: 'someone-else' },
      channelId: 'msteams',
      deliveryMode: 'normal',
      serviceUrl: 'https://attacker.example',
    });
    const replies = json.activities as ReplyActivity[];
    expect(replies.at(-1)?.from).toEqual(WEB_BOT_ACCOUNT);
    expect(replies.at(-1)?.channelId).toBe(WEB_CHANNEL_ID);
    expect(replies.at(-1)?.serviceUrl).toBeUndefined();
  });

  it.each([
    ['an array', []],
    ['a conversation id that is not a string', { type: 'message', text: 'bonjour', conversation: { id: 42 } }],
  ])('refuses a body with %s (400)', async (_label, body) => {
    const session = await openPageSession(bot.url);
    const { status, json } = await postFromPage(bot.url, session, body);
    expect(status).toBe(400);
    expect(json).toEqual({ error: HTTP_ERROR_MESSAGES.notAnActivity });
  });

  it('refuses a request from another origin (403)', async () => {
    const { status } = await (await newPage()).turn({ text: 'aide' }, { origin: 'https://elsewhere.example' });
    expect(status).toBe(403);
  });

  it('accepts a request from its own origin', async () => {
    const { status } = await (await newPage()).turn({ text: 'aide' }, { origin: bot.url });
    expect(status).toBe(200);
  });
});

describe('web chat sessions, issued by the server', () => {
  it('gives each page its own conversation and user ids, chosen by the server', async () => {
    const [first, second] = [await openPageSession(bot.url), await openPageSession(bot.url)];
    expect(first.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.conversationId).not.toBe(second.conversationId);
    expect(first.userId).not.toBe(second.userId);
    expect(first.token).not.toBe(second.token);
    expect(first.expiresAt).toBeGreaterThan(Date.now());
  });

  it('runs a page’s turns in its session’s conversation, whatever ids it leaves out', async () => {
    const session = await openPageSession(bot.url);
    await postFromPage(bot.url, session, fromPage(session, { text: 'Quelles sont les compétences du chef de produit digital ?' }));
    const { status, json } = await postFromPage(bot.url, session, { type: 'message', text: 'Et pour le marketing ?' });
    expect(status).toBe(200);
    const answer = (json.activities as ReplyActivity[]).find((reply) => reply.type === 'message');
    expect(cardTexts(cardOf(answer)?.body)[0]).toMatch(/compétences.*Chef de produit marketing/i);
  });

  it.each([
    ['no token', undefined],
    ['a token that is not one', 'Bearer abc'],
    ['a token with a forged signature', 'forged'],
  ])('refuses a post with %s (401), without running a turn', async (_label, authorization) => {
    const session = await openPageSession(bot.url);
    const forged = `${session.token.slice(0, session.token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization: authorization === 'forged' ? `Bearer ${forged}` : authorization };
    const { status, json } = await post(bot.url, fromPage(session, { text: 'aide' }), { path: '/api/webchat', headers });
    expect(status).toBe(401);
    expect(json).toEqual({ error: HTTP_ERROR_MESSAGES.sessionRequired });
  });

  it.each([
    ['another conversation id', { conversation: { id: randomUUID() } }],
    ['another user id', { from: { id: randomUUID() } }],
  ])('refuses a post carrying %s than its session’s (403)', async (_label, forged) => {
    const session = await openPageSession(bot.url);
    const { status, json } = await postFromPage(bot.url, session, fromPage(session, { text: 'aide', ...forged }));
    expect(status).toBe(403);
    expect(json).toEqual({ error: HTTP_ERROR_MESSAGES.sessionMismatch });
  });

  it('refuses the conversation id of another page, even with a valid token of its own (403)', async () => {
    const victim = await openPageSession(bot.url);
    const attacker = await openPageSession(bot.url);
    const { status } = await postFromPage(bot.url, attacker, fromPage(attacker, { text: 'Et pour le marketing ?', conversation: { id: victim.conversationId } }));
    expect(status).toBe(403);
  });

  it('renews a page’s token for the same conversation', async () => {
    const session = await openPageSession(bot.url);
    const renewed = await openPageSession(bot.url, { authorization: `Bearer ${session.token}` });
    expect(renewed.conversationId).toBe(session.conversationId);
    expect(renewed.userId).toBe(session.userId);
    expect((await postFromPage(bot.url, renewed, fromPage(renewed, { text: 'aide' }))).status).toBe(200);
  });

  it('does not renew a token it did not issue (401)', async () => {
    const response = await fetch(`${bot.url}/api/webchat/session`, { method: 'POST', headers: { authorization: 'Bearer v1.e30.AAAA' } });
    expect(response.status).toBe(401);
  });
});

describe('GET / (the web chat page)', () => {
  it('serves the French page, which loads Web Chat from this server, not a CDN', async () => {
    const response = await fetch(`${bot.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('src="/webchat/webchat.js"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the official Web Chat bundle from node_modules', async () => {
    const response = await fetch(`${bot.url}/webchat/webchat.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect((await response.text()).length).toBeGreaterThan(1_000_000);
  });
});
