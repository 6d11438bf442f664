import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { WEB_BOT_ACCOUNT, WEB_CHANNEL_ID } from '../../src/channels/webChannel.js';
import { cardOf, cardTexts, post, startTestBot, type ReplyActivity, type TestBot } from './support/botServer.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

/** What the page's DirectLine object posts: Web Chat's outgoing activity plus the conversation id. */
const fromPage = (conversationId: string, fields: Record<string, unknown>) => ({
  type: 'message',
  from: { id: 'utilisateur-1', name: 'Vous', role: 'user' },
  channelData: { clientActivityID: randomUUID() },
  locale: 'fr-FR',
  conversation: { id: conversationId },
  ...fields,
});

const webTurn = (body: unknown, headers: Record<string, string> = {}) => post(bot.url, body, { path: '/api/webchat', headers });

describe('POST /api/webchat (the page’s same-origin channel)', () => {
  it('starts a conversation with the welcome', async () => {
    const { status, json } = await webTurn(fromPage(randomUUID(), { type: 'conversationUpdate' }));
    expect(status).toBe(200);
    expect(json.id).toEqual(expect.any(String));
    const [welcome] = json.activities as ReplyActivity[];
    expect(welcome?.text).toContain("je suis l'assistant RH");
    expect(welcome?.suggestedActions?.actions).toHaveLength(3);
  });

  it('returns the replies with the ids, timestamps and bot account Web Chat needs', async () => {
    const { json } = await webTurn(fromPage(randomUUID(), { text: 'Comparer les compétences requises' }));
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
    const conversationId = randomUUID();
    await webTurn(fromPage(conversationId, { text: 'Quelles sont les compétences du chef de produit digital ?' }));
    const { json } = await webTurn(fromPage(conversationId, { text: 'Et pour le marketing ?' }));
    const answer = (json.activities as ReplyActivity[]).find((reply) => reply.type === 'message');
    expect(cardTexts(cardOf(answer)?.body)[0]).toMatch(/compétences.*Chef de produit marketing/i);
  });

  it('handles a card button click posted by Web Chat (a value, no text)', async () => {
    const { json } = await webTurn(
      fromPage(randomUUID(), { value: { action: 'ask', question: 'Quelles sont les compétences du chef de produit digital ?' } }),
    );
    const answer = (json.activities as ReplyActivity[]).find((reply) => reply.type === 'message');
    expect(cardTexts(cardOf(answer)?.body)[0]).toMatch(/compétences/i);
  });

  it('does not let the page choose the bot, the channel or the delivery mode', async () => {
    const { json } = await webTurn(
      fromPage(randomUUID(), {
        text: 'aide',
        recipient: { id: 'someone-else' },
        channelId: 'msteams',
        deliveryMode: 'normal',
        serviceUrl: 'https://attacker.example',
      }),
    );
    const replies = json.activities as ReplyActivity[];
    expect(replies.at(-1)?.from).toEqual(WEB_BOT_ACCOUNT);
    expect(replies.at(-1)?.channelId).toBe(WEB_CHANNEL_ID);
    expect(replies.at(-1)?.serviceUrl).toBeUndefined();
  });

  it.each([
    ['no conversation id', { type: 'message', text: 'bonjour' }],
    ['a malformed conversation id', { type: 'message', text: 'bonjour', conversation: { id: '../../x' } }],
    ['an array', []],
  ])('refuses a body with %s (400)', async (_label, body) => {
    const { status, json } = await webTurn(body);
    expect(status).toBe(400);
    expect(json).toEqual({ error: HTTP_ERROR_MESSAGES.notAnActivity });
  });

  it('refuses a request from another origin (403)', async () => {
    const { status } = await webTurn(fromPage(randomUUID(), { text: 'aide' }), { origin: 'https://elsewhere.example' });
    expect(status).toBe(403);
  });

  it('accepts a request from its own origin', async () => {
    const { status } = await webTurn(fromPage(randomUUID(), { text: 'aide' }), { origin: bot.url });
    expect(status).toBe(200);
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
