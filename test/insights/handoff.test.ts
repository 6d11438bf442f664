/**
 * The loop from an unanswered question to HR's reply, on SQLite and on a real PostgreSQL:
 * the web page (ticket, dashboard, reply fetched by the page with its claim), Teams (ticket card
 * posted to the HR channel on a stand-in Bot Connector, HR's reply from the card, the card updated,
 * the reply sent proactively to the employee's chat), votes folded into the events, and /rh
 * refusing anyone without the password.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, ask, cardButtons, cardOf, cardTexts, fromPage, openPageSession, postFromPage, startTestBot, type TestBot } from '../channels/support/botServer.js';
import { startFakeChannel, type FakeChannel } from '../channels/support/fakeChannel.js';
import { bothDatabases } from './support/databases.js';
import { buttonData, eventually, HR_CREDENTIALS, hrGet, hrPost } from './support/handoff.js';

const UNCOVERED = 'Combien de jours de congés ai-je par an ?';
const HR_REPLY = 'Vous avez 25 jours ouvrés de congés payés, plus 10 RTT.';

describe.each(bothDatabases())('the hand-off to HR on $name', (databases) => {
  let bot: TestBot;
  let connector: FakeChannel;

  beforeAll(async () => {
    if (!databases.available) return;
    await databases.setUp();
    bot = await startTestBot({ database: await databases.fresh() });
    connector = await startFakeChannel();
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await connector?.close();
    await databases.tearDown();
  });

  it.skipIf(!databases.available)('web: the employee transmits an unanswered question, HR replies in /rh, the page gets the reply', async () => {
    const session = await openPageSession(bot.url);
    const asked = await postFromPage(bot.url, session, fromPage(session, { text: UNCOVERED }));
    const fallback = asked.json.activities.find((reply: { attachments?: unknown }) => reply.attachments);
    // contacts.yaml has the subject: its contact comes instead of the refusal, with the hand-off button.
    expect(cardTexts(cardOf(fallback)?.body).join(' ')).toContain('gestionnaire RH');
    const handoff = buttonData(fallback, 'handoff');
    expect(handoff.question).toBe(UNCOVERED);

    const sent = await postFromPage(bot.url, session, fromPage(session, { value: handoff }));
    const confirmation = sent.json.activities[0];
    expect(confirmation.text).toContain(`« ${UNCOVERED} » a été transmise à l'équipe RH`);
    expect(confirmation.text).toContain('rien à ressaisir');
    const claim = confirmation.channelData.ticketClaim as string;
    expect(claim).toMatch(/^[\w-]{20,}$/);
    // A second click does not make a second ticket.
    const again = await postFromPage(bot.url, session, fromPage(session, { value: handoff }));
    expect(again.json.activities[0].text).toContain('déjà été transmise');

    await bot.insights!.flush();
    const summary = await hrGet(bot.url, '/rh/api/summary');
    expect(summary.status).toBe(200);
    expect(summary.json.unanswered[0]).toMatchObject({ example: UNCOVERED, count: 1, topic: 'conges' });
    const inbox = await hrGet(bot.url, '/rh/api/tickets');
    const ticket = inbox.json.tickets.find((entry: { question: string }) => entry.question === UNCOVERED);
    expect(ticket).toMatchObject({ status: 'open', channel: 'webchat', userId: `web-${session.userId}` });
    expect(ticket.botAnswer).toContain('gestionnaire RH');

    // Nothing to show before HR answers.
    const none = await fetch(`${bot.url}/api/webchat/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ claims: [claim] }),
    }).then((response) => response.json());
    expect(none).toEqual({ activities: [], answered: [] });

    const replied = await hrPost(bot.url, `/rh/api/tickets/${ticket.id}/reply`, { text: HR_REPLY });
    expect(replied.json.ticket).toMatchObject({ status: 'answered', reply: HR_REPLY, repliedBy: "L'équipe RH" });

    // The employee comes back (a new session, same browser: same claim).
    const later = await openPageSession(bot.url);
    const replies = await fetch(`${bot.url}/api/webchat/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${later.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ claims: [claim, 'not-a-claim-of-anyone'] }),
    }).then((response) => response.json());
    expect(replies.answered).toEqual([claim]);
    expect(replies.activities[0].text).toContain(HR_REPLY);
    expect(replies.activities[0].text).toContain(UNCOVERED);

    const csv = await hrGet(bot.url, '/rh/api/export/tickets.csv');
    expect(csv.text).toContain(HR_REPLY);
    const closed = await hrPost(bot.url, `/rh/api/tickets/${ticket.id}/close`, {});
    expect(closed.json.ticket.status).toBe('closed');
  });

  it.skipIf(!databases.available)('Teams: the ticket card goes to the HR channel, HR replies in it, the card updates and the employee gets the reply in their chat', async () => {
    const team = { id: '19:equipe-rh@thread.tacv2', name: 'Équipe RH' };
    const hrConversation = '19:canal-tickets@thread.tacv2';
    const teamActivity = (fields: Record<string, unknown>) =>
      activity(hrConversation, {
        serviceUrl: connector.url,
        deliveryMode: 'normal',
        conversation: { id: hrConversation, conversationType: 'channel', isGroup: true },
        channelData: { team, channel: { id: hrConversation }, tenant: { id: 'tenant-1' } },
        ...fields,
      });
    // The bot is added to the HR team: that channel will get the tickets.
    await ask(bot.url, teamActivity({ type: 'conversationUpdate', deliveryMode: 'expectReplies', membersAdded: [{ id: 'bot-1' }] }));

    const personal = `a:personal-${randomUUID()}`;
    const employee = { id: '29:employee', name: 'Camille Martin', aadObjectId: '00000000-0000-0000-0000-0000000000c1', role: 'user' };
    const fromEmployee = (fields: Record<string, unknown>) => activity(personal, { serviceUrl: connector.url, from: employee, ...fields });
    const [fallback] = await ask(bot.url, fromEmployee({ text: 'Comment fonctionne la mutuelle ?' }));
    const handoff = buttonData(fallback, 'handoff');
    const [confirmation] = await ask(bot.url, fromEmployee({ value: handoff }));
    expect(confirmation?.text).toContain('un membre de l\'équipe vous répondra ici');

    const posted = await eventually(() => connector.requests.find((request) => request.conversationId === hrConversation && request.method === 'POST'), Boolean);
    const card = cardOf(posted!.body as never)!;
    expect(cardTexts(card.body).join(' ')).toContain('Comment fonctionne la mutuelle ?');
    expect(cardTexts(card.body).join(' ')).toContain('Camille Martin');
    const replyButton = (card.actions as { data: { action: string; ticketId: string } }[]).find((action) => action.data.action === 'ticketReply')!;
    const cardId = `sent-${connector.requests.indexOf(posted!) + 1}`;

    // Someone outside the HR channel cannot answer a ticket, even with its id.
    const [refused] = await ask(bot.url, fromEmployee({ value: { ...replyButton.data, reply: 'réponse pirate' } }));
    expect(refused?.text).toContain('Seuls les membres du canal RH');

    // HR types the reply in the card and clicks "Répondre" (Teams merges the input into the data).
    await ask(bot.url, teamActivity({ deliveryMode: 'expectReplies', from: { id: '29:hr', name: 'Dominique RH' }, replyToId: cardId, value: { ...replyButton.data, reply: 'Le contrat couvre toute la famille.' } }));
    const update = await eventually(() => connector.requests.find((request) => request.method === 'PUT'), Boolean);
    expect(update).toMatchObject({ conversationId: hrConversation, activityId: cardId });
    expect(cardTexts(cardOf(update!.body as never)?.body).join(' ')).toContain('Répondu par Dominique RH');
    const proactive = await eventually(() => connector.requests.find((request) => request.conversationId === personal && request.method === 'POST'), Boolean);
    expect(String(proactive!.body.text)).toContain('Le contrat couvre toute la famille.');
    expect(String(proactive!.body.text)).toContain('Dominique RH');

    const inbox = await hrGet(bot.url, '/rh/api/tickets?status=all');
    expect(inbox.json.tickets.find((entry: { question: string }) => entry.question === 'Comment fonctionne la mutuelle ?')).toMatchObject({
      status: 'answered',
      channel: 'msteams',
      userName: 'Camille Martin',
      userId: employee.aadObjectId,
    });
  });

  it.skipIf(!databases.available)('votes: one per answer, the later replacing the earlier; a 👎 keeps the question and offers the hand-off', async () => {
    const conversation = `c-${randomUUID()}`;
    const question = 'Quelles compétences pour un CPD ?';
    const [answer] = await ask(bot.url, activity(conversation, { text: question }));
    // 👍 and 👎 sit in the card's body, side by side.
    const down = cardButtons(cardOf(answer)).find((button) => button.data.vote === 'down')!.data;
    const up = cardButtons(cardOf(answer)).find((button) => button.data.vote === 'up')!.data;
    const [offer] = await ask(bot.url, activity(conversation, { value: down }));
    expect(buttonData(offer, 'handoff')).toMatchObject({ question });
    await bot.insights!.flush();
    let summary = await hrGet(bot.url, '/rh/api/summary');
    expect(summary.json.satisfaction.find((row: { section: string }) => row.section === 'les-competences-requises')).toMatchObject({ down: 1 });
    await ask(bot.url, activity(conversation, { value: up }));
    // A vote naming an answer this conversation never got is not counted.
    await ask(bot.url, activity(`c-${randomUUID()}`, { value: { ...up, answerId: String(down.answerId) } }));
    await bot.insights!.flush();
    summary = await hrGet(bot.url, '/rh/api/summary');
    expect(summary.json.satisfaction.find((row: { section: string }) => row.section === 'les-competences-requises')).toMatchObject({ up: 1, down: 0 });
    const rows = await bot.insightsDatabase!.store()!.db.selectFrom('insight_events').select(['vote', 'question']).where('answer_id', '=', String(down.answerId)).execute();
    expect(rows).toEqual([{ vote: 'up', question: null }]);
  });

  it.skipIf(!databases.available)('/rh refuses requests without the password, and never sends data with the refusal', async () => {
    for (const path of ['/rh', '/rh/', '/rh/api/summary', '/rh/api/tickets', '/rh/api/export/tickets.csv', '/rh/vendor/chart.umd.min.js']) {
      const anonymous = await hrGet(bot.url, path, '');
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.text).not.toContain(UNCOVERED);
      const wrong = await hrGet(bot.url, path, `Basic ${Buffer.from('rh:mauvais').toString('base64')}`);
      expect(wrong.status, path).toBe(401);
    }
    const refused = await fetch(`${bot.url}/rh/api/summary`);
    expect(refused.headers.get('www-authenticate')).toContain('Basic');
    // A cross-site form cannot answer a ticket with the browser's remembered password.
    const crossSite = await fetch(`${bot.url}/rh/api/tickets/x/close`, { method: 'POST', headers: { authorization: HR_CREDENTIALS, origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
  });
});

describe('the HR dashboard when it is not configured', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('answers 404 on /rh and its JSON, as if it did not exist', async () => {
    for (const path of ['/rh', '/rh/', '/rh/api/summary', '/rh/api/tickets']) {
      const response = await hrGet(bot.url, path);
      expect(response.status, path).toBe(404);
    }
  });
});
