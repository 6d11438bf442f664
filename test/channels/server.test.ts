import { randomUUID } from 'node:crypto';
import type { Storage } from '@microsoft/agents-hosting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import {
  activity,
  ask,
  cardButtons,
  cardOf,
  cardTexts,
  post,
  startTestBot,
  twoArticleKnowledge,
  type ReplyActivity,
  type TestBot,
} from './support/botServer.js';

const COMPETENCES_DIGITAL = 'Quelles sont les compétences du chef de produit digital ?';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

const newConversation = () => `conv-${randomUUID()}`;

/** The one message reply of a turn. */
async function answerTo(conversationId: string, fields: Record<string, unknown>): Promise<ReplyActivity> {
  const replies = await ask(bot.url, activity(conversationId, fields));
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

describe('GET /healthz', () => {
  it('answers 200 once the knowledge base is loaded', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/messages', () => {
  it('welcomes a new member with who the bot is, what it knows and three example questions as buttons', async () => {
    const welcome = await answerTo(newConversation(), {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1', name: 'Camille' }],
    });
    expect(welcome.text).toContain("je suis l'assistant RH");
    expect(welcome.text).toContain('Chef de produit digital');
    expect(welcome.locale).toBe('fr-FR');
    expect(welcome.suggestedActions?.to).toEqual([]);
    expect(welcome.suggestedActions?.actions).toHaveLength(3);
    for (const action of welcome.suggestedActions?.actions ?? []) {
      expect(action.type).toBe('imBack');
      expect(action.value).toEqual(expect.any(String));
    }
  });

  it('welcomes only once per conversation, however often members are announced', async () => {
    const conversationId = newConversation();
    await answerTo(conversationId, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }] });
    const again = await ask(bot.url, activity(conversationId, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] }));
    expect(again).toEqual([]);
  });

  it('answers a question with a typing indicator, then an Adaptive Card, follow-ups and feedback buttons', async () => {
    const { status, json } = await post(bot.url, activity(newConversation(), { text: COMPETENCES_DIGITAL }));
    expect(status).toBe(200);
    const [typing, answer] = json.activities as ReplyActivity[];
    expect(typing?.type).toBe('typing');
    expect(answer?.type).toBe('message');
    expect(answer?.locale).toBe('fr-FR');
    const card = cardOf(answer);
    expect(card?.version).toBe('1.5');
    expect(card?.fallbackText).toMatch(/compétences/i);
    expect(cardTexts(card?.body)[0]).toMatch(/compétences.*Chef de produit digital/i);
    expect(cardButtons(card).map((button) => button.title)).toEqual(['👍 Utile', '👎 Pas utile']);
    expect(answer?.suggestedActions?.to).toEqual([]);
    expect(answer?.suggestedActions?.actions.length).toBeGreaterThan(0);
    expect(answer?.suggestedActions?.actions.every((action) => action.type === 'imBack')).toBe(true);
    expect(answer?.suggestedActions?.actions.map((action) => action.value).join(' ')).toMatch(/marketing/i);
  });

  it('keeps the follow-up context between HTTP turns (saved through the Storage after each turn)', async () => {
    const conversationId = newConversation();
    await answerTo(conversationId, { text: COMPETENCES_DIGITAL });
    const followUp = cardOf(await answerTo(conversationId, { text: 'Et pour le marketing ?' }));
    expect(cardTexts(followUp?.body)[0]).toMatch(/compétences.*Chef de produit marketing/i);
  });

  it('does not carry context from one conversation to another', async () => {
    await answerTo(newConversation(), { text: COMPETENCES_DIGITAL });
    const elsewhere = await answerTo(newConversation(), { text: 'Et pour le marketing ?' });
    expect(cardTexts(cardOf(elsewhere)?.body)[0] ?? elsewhere.text ?? '').not.toMatch(/compétences/i);
  });

  it('answers a card button click (Action.Submit: a value and no text) like the question it carries', async () => {
    const clicked = await answerTo(newConversation(), {
      value: { action: 'ask', question: COMPETENCES_DIGITAL, msteams: { type: 'imBack', value: COMPETENCES_DIGITAL } },
    });
    expect(cardTexts(cardOf(clicked)?.body)[0]).toMatch(/compétences.*Chef de produit digital/i);
  });

  it('records 👍/👎 with the question and answer ids and the section rated (not the question text), and thanks the user', async () => {
    const conversationId = newConversation();
    const questionId = randomUUID();
    const answer = await answerTo(conversationId, { id: questionId, text: COMPETENCES_DIGITAL });
    const [, down] = cardButtons(cardOf(answer));
    expect(down?.data).toMatchObject({ action: 'feedback', vote: 'down', questionId });

    const thanks = await answerTo(conversationId, { value: down?.data });
    // The thanks comes with the offer to pass the question on to HR (a card with one button).
    expect(cardTexts(cardOf(thanks)?.body)[0]).toMatch(/^Merci, votre retour aidera l'équipe RH à améliorer les réponses\./);
    expect((cardOf(thanks)?.actions as { data: { action: string } }[])[0]?.data.action).toBe('handoff');
    expect(bot.feedbackStore.entries.at(-1)).toMatchObject({
      vote: 'down',
      questionId,
      answerId: down?.data.answerId,
      answerKind: 'list',
      section: 'les-competences-requises',
      roles: ['chef-de-produit-digital'],
      conversationId,
      channelId: 'msteams',
    });
    expect(JSON.stringify(bot.feedbackStore.entries.at(-1))).not.toContain(COMPETENCES_DIGITAL);
  });

  it.each(['aide', '/aide'])('answers %s with what the bot can do and example questions', async (command) => {
    const help = await answerTo(newConversation(), { text: command });
    expect(help.text).toMatch(/Vous pouvez me demander/);
    expect(help.suggestedActions?.actions.length).toBeGreaterThan(0);
  });

  it('answers an out-of-scope question with the message and suggestion buttons on a card', async () => {
    const fallback = await answerTo(newConversation(), { text: 'Quel est le salaire ?' });
    const card = cardOf(fallback);
    expect(cardTexts(card?.body).join(' ')).toMatch(/ne traite pas/);
    expect(card?.actions.length).toBeGreaterThan(0);
    expect(card?.actions[0]).toMatchObject({ type: 'Action.Submit', data: { action: 'ask' } });
  });

  it('asks for a written question when a message has neither text nor a known value', async () => {
    const reply = await answerTo(newConversation(), { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png' }] });
    expect(reply.text).toMatch(/questions écrites/);
  });

  it('ignores an unknown activity type politely (200, no reply)', async () => {
    const { status, json } = await post(bot.url, activity(newConversation(), { type: 'somethingNew' }));
    expect(status).toBe(200);
    expect(json).toEqual({ activities: [] });
  });

  it.each([
    ['malformed JSON', '{"type": "message",', 400, HTTP_ERROR_MESSAGES.badJson],
    ['an array body', '[]', 400, HTTP_ERROR_MESSAGES.notAnActivity],
    ['a body without type', JSON.stringify({ text: 'bonjour', conversation: { id: 'c' } }), 400, HTTP_ERROR_MESSAGES.missingType],
    ['a body without conversation', JSON.stringify({ type: 'message', text: 'bonjour', channelId: 'x' }), 400, HTTP_ERROR_MESSAGES.missingConversation],
    ['text: null', JSON.stringify(activity('c-null', { text: null })), 400, HTTP_ERROR_MESSAGES.invalidActivity],
    ['a body over 100 kB', JSON.stringify(activity('c-big', { text: 'a'.repeat(110_000) })), 413, HTTP_ERROR_MESSAGES.tooLarge],
  ])('refuses %s with a short JSON error and no stack trace', async (_label, body, status, error) => {
    const response = await post(bot.url, body, { raw: true });
    expect(response.status).toBe(status);
    expect(response.json).toEqual({ error });
    expect(response.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await fetch(`${bot.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: HTTP_ERROR_MESSAGES.notFound });
  });
});

describe('a fault during a turn', () => {
  it('is logged and the user gets a short French apology, never a stack trace', async () => {
    const failing: Storage = {
      read: async () => {
        throw new Error('storage down');
      },
      write: async () => {},
      delete: async () => {},
    };
    const broken = await startTestBot({ storage: failing });
    try {
      const { status, json, text } = await post(broken.url, activity(newConversation(), { text: COMPETENCES_DIGITAL }));
      expect(status).toBe(200);
      const messages = (json.activities as ReplyActivity[]).filter((reply) => reply.type === 'message');
      expect(messages.map((reply) => reply.text)).toEqual([
        'Désolé, un incident m\'a empêché de répondre. Pouvez-vous reformuler votre question ?',
      ]);
      expect(text).not.toContain('storage down');
    } finally {
      await broken.close();
    }
  });
});

describe('clarification over HTTP', () => {
  it('offers the articles as buttons, then answers the original question in the chosen one', async () => {
    const twoArticles = await startTestBot({ knowledgeDir: twoArticleKnowledge() });
    try {
      const conversationId = newConversation();
      const [clarify] = await ask(twoArticles.url, activity(conversationId, { text: 'Quelles sont les compétences requises ?' }));
      expect(clarify?.text).toBe('Votre question peut concerner plusieurs articles. Lequel voulez-vous consulter ?');
      const choices = clarify?.suggestedActions?.actions ?? [];
      expect(choices.map((choice) => choice.title)).toEqual([
        'Différences entre un Chef de produit numérique et un Chef de produit marketing',
        'Différences entre un Responsable des relations publiques et un Chargé de communication',
      ]);
      // Clicking the second button sends its value as text (imBack).
      const [answer] = await ask(twoArticles.url, activity(conversationId, { text: choices[1]?.value }));
      const texts = cardTexts(cardOf(answer)?.body).join(' ');
      expect(texts).toMatch(/compétences/i);
      expect(texts).toMatch(/Chargé de communication|relations publiques/i);
      expect(texts).not.toMatch(/Chef de produit/);
    } finally {
      await twoArticles.close();
    }
  });
});
