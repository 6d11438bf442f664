/**
 * The query layer, the same suite on SQLite and on a real PostgreSQL server: schema created at
 * start, events and votes (one per answer, the later replacing the earlier, only in the
 * conversation that got the answer), tickets (one per answer, reply, close), the dashboard's
 * figures and the retention purge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsightsStore, type InsightEvent } from '../../src/insights/insightsStore.js';
import { weekOf } from '../../src/insights/week.js';
import { openDatabase, type OpenDatabase } from '../../src/insights/openDatabase.js';
import { questionKey } from '../../src/insights/questionKey.js';
import { bothDatabases } from './support/databases.js';

const event = (fields: Partial<InsightEvent> & { answer_id: string }): InsightEvent => ({
  at: '2026-11-02T10:00:00.000Z',
  week: '2026-11-02',
  channel: 'webchat',
  conversation_hash: 'c1',
  kind: 'list',
  article: 'chef-de-produit',
  section: 'competences',
  roles: 'digital',
  confidence: 0.9,
  reason: null,
  topic: null,
  question: null,
  question_key: null,
  closest_article: null,
  closest_section: null,
  ...fields,
});

const unanswered = (answerId: string, question: string, at = '2026-11-03T09:00:00.000Z'): InsightEvent =>
  event({
    answer_id: answerId,
    at,
    week: weekOf(new Date(at)),
    kind: 'fallback',
    article: null,
    section: null,
    roles: '',
    reason: 'topic',
    topic: 'conges',
    question,
    question_key: questionKey(question),
    closest_article: 'chef-de-produit',
    closest_section: 'missions',
  });

describe('the normalised form of a question', () => {
  it('is the same whatever the capitals, accents, little words and word order', () => {
    expect(questionKey('Combien de jours de congés ?')).toBe(questionKey('combien jours conges'));
    expect(questionKey('Les congés, combien de jours ?')).toBe(questionKey('Combien de jours de congés ?'));
  });
});

describe.each(bothDatabases())('the insights store on $name', (databases) => {
  let database: OpenDatabase;
  let store: InsightsStore;

  beforeAll(async () => {
    if (!databases.available) return;
    await databases.setUp();
    database = await openDatabase(await databases.fresh());
    await database.migrate();
    store = new InsightsStore(database.db);
  }, 60_000);

  afterAll(async () => {
    await database?.db.destroy();
    await databases.tearDown();
  });

  it.skipIf(!databases.available)('creates its schema once: a second start applies nothing', async () => {
    expect(await database.migrate()).toEqual([]);
  });

  it.skipIf(!databases.available)('records events, and a vote per answer that a later vote replaces', async () => {
    await store.write([
      { type: 'event', event: event({ answer_id: 'a1' }) },
      { type: 'event', event: event({ answer_id: 'a2', section: 'missions' }) },
      { type: 'event', event: unanswered('f1', 'Combien de jours de congés ?') },
      { type: 'event', event: unanswered('f2', 'combien de jours de conges') },
      { type: 'event', event: unanswered('f3', 'Les congés : combien de jours ?') },
      { type: 'event', event: unanswered('f4', 'Où est la cantine ?') },
    ]);
    const answered = { at: '2026-11-02T10:00:00.000Z', week: '2026-11-02', channel: 'webchat', kind: 'list', article: 'chef-de-produit', section: 'competences', roles: 'digital', confidence: 0, reason: null, topic: null, closest_article: null, closest_section: null };
    await store.write([{ type: 'vote', vote: { answerId: 'a1', conversationHash: 'c1', vote: 'down', at: '2026-11-02T10:01:00.000Z', question: 'compétences du CPD ?', questionKey: 'x', answered } }]);
    await store.write([{ type: 'vote', vote: { answerId: 'a1', conversationHash: 'c1', vote: 'up', at: '2026-11-02T10:02:00.000Z', question: null, questionKey: null, answered } }]);
    // Another conversation cannot vote on this answer.
    await store.write([{ type: 'vote', vote: { answerId: 'a2', conversationHash: 'someone-else', vote: 'down', at: '2026-11-02T10:03:00.000Z', question: 'x', questionKey: 'x', answered } }]);
    const rows = await store.db.selectFrom('insight_events').select(['answer_id', 'vote', 'question']).orderBy('answer_id').execute();
    expect(rows.find((row) => row.answer_id === 'a1')).toEqual({ answer_id: 'a1', vote: 'up', question: null });
    expect(rows.find((row) => row.answer_id === 'a2')).toEqual({ answer_id: 'a2', vote: null, question: null });
  });

  it.skipIf(!databases.available)('sums events per kind, section and week, satisfaction per section, and groups unanswered questions', async () => {
    const summary = await store.summary('2026-01-01T00:00:00.000Z');
    expect(summary.total).toBe(6);
    expect(summary.byKind).toEqual([
      { kind: 'fallback', count: 4 },
      { kind: 'list', count: 2 },
    ]);
    expect(summary.bySection).toEqual([
      { article: 'chef-de-produit', section: 'competences', count: 1 },
      { article: 'chef-de-produit', section: 'missions', count: 1 },
    ]);
    expect(summary.byWeek).toContainEqual({ week: '2026-11-02', article: 'chef-de-produit', section: 'competences', count: 1 });
    expect(summary.satisfaction).toEqual([{ article: 'chef-de-produit', section: 'competences', up: 1, down: 0 }]);
    expect(summary.unanswered[0]).toMatchObject({ count: 3, topic: 'conges', closestArticle: 'chef-de-produit', closestSection: 'missions' });
    expect(summary.unanswered[1]).toMatchObject({ count: 1, example: 'Où est la cantine ?' });
  });

  it.skipIf(!databases.available)('keeps one ticket per answer, and records the reply and the closing', async () => {
    const ticket = {
      id: 't1',
      created_at: '2026-11-03T09:00:00.000Z',
      channel: 'webchat',
      question: 'Combien de jours de congés ?',
      bot_answer: 'Pour vos congés…',
      article: null,
      section: null,
      answer_id: 'f1',
      conversation_hash: 'c1',
      user_name: 'Camille',
      user_id: 'u1',
      conversation_ref: null,
      web_claim_hash: 'h1',
    };
    expect((await store.createTicket(ticket)).created).toBe(true);
    const again = await store.createTicket({ ...ticket, id: 't2' });
    expect(again).toMatchObject({ created: false, ticket: { id: 't1' } });
    expect((await store.tickets()).map((row) => row.id)).toEqual(['t1']);
    const replied = await store.replyToTicket('t1', '25 jours ouvrés.', 'Dominique', '2026-11-03T10:00:00.000Z');
    expect(replied).toMatchObject({ status: 'answered', reply: '25 jours ouvrés.', replied_by: 'Dominique' });
    expect((await store.ticketsByClaim(['h1'])).map((row) => row.id)).toEqual(['t1']);
    expect(await store.closeTicket('t1', '2026-11-04T10:00:00.000Z')).toMatchObject({ status: 'closed' });
    expect(await store.replyToTicket('t1', 'trop tard', 'X', '2026-11-05T10:00:00.000Z')).toBeUndefined();
    expect(await store.tickets()).toEqual([]);
    expect((await store.tickets({ status: 'all' })).length).toBe(1);
  });

  it.skipIf(!databases.available)('keeps settings, replacing a value', async () => {
    await store.setSetting('hr_channel', '{"a":1}', '2026-11-03T09:00:00.000Z');
    await store.setSetting('hr_channel', '{"a":2}', '2026-11-03T09:01:00.000Z');
    expect(await store.setting('hr_channel')).toBe('{"a":2}');
  });

  it.skipIf(!databases.available)('purges events past the retention, and tickets past theirs after closing', async () => {
    const result = await store.purge(new Date('2026-11-20T00:00:00.000Z'), 10, 5);
    // Every event is from early November: 10 days later they are gone; the ticket closed on the 4th too.
    expect(result).toMatchObject({ events: 6, tickets: 1 });
    expect((await store.summary('2000-01-01T00:00:00.000Z')).total).toBe(0);
  });
});

describe('insights tests on CI', () => {
  it.runIf(process.env.CI === 'true')('run on PostgreSQL there, where it is installed', () => {
    expect(bothDatabases()[1]!.available, 'CI must install postgresql (apt-get install -y postgresql)').toBe(true);
  });
});
