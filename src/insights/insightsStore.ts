/**
 * The one query layer over the insights database (SQLite or PostgreSQL through Kysely): events per
 * answered question, votes, tickets, the HR channel's reference, the dashboard's figures, the purge.
 * Every method may throw when the database is unreachable; callers decide what that means
 * (an event is dropped, a ticket is reported as not sent).
 */
import { sql, type Kysely } from 'kysely';
import type { EventRow, InsightsDatabase, TicketRow, TicketStatus } from './schema.js';
import { CLUSTER_SIMILARITY, keySimilarity } from './questionKey.js';

/** An answered question, as recorded (no identity: a keyed hash of the conversation at most). */
export type InsightEvent = Omit<EventRow, 'vote' | 'voted_at'>;

/** A 👍/👎 on an answer given in a conversation. */
export interface VoteRecord {
  answerId: string;
  conversationHash: string;
  vote: 'up' | 'down';
  at: string;
  /** The question, kept with a 👎 only. */
  question: string | null;
  questionKey: string | null;
  /** What was rated, for a vote whose answer event was never written (the database was down then). */
  answered: Omit<InsightEvent, 'question' | 'question_key' | 'answer_id' | 'conversation_hash'>;
}

/** What a new ticket holds. */
export type NewTicket = Omit<TicketRow, 'updated_at' | 'status' | 'reply' | 'replied_by' | 'replied_at' | 'delivered_at' | 'closed_at' | 'hr_activity_id'>;

/** One group of unanswered questions on the dashboard. */
export interface UnansweredGroup {
  key: string;
  count: number;
  /** The most recent wording, and up to five others. */
  example: string;
  variants: string[];
  topic: string | null;
  closestArticle: string | null;
  closestSection: string | null;
  lastAt: string;
}

/** The dashboard's figures over a period. */
export interface InsightsSummary {
  since: string;
  total: number;
  byKind: { kind: string; count: number }[];
  bySection: { article: string | null; section: string | null; count: number }[];
  byWeek: { week: string; article: string | null; section: string | null; count: number }[];
  satisfaction: { article: string | null; section: string | null; up: number; down: number }[];
  unanswered: UnansweredGroup[];
  tickets: { status: TicketStatus; count: number }[];
}

/** How many rows a purge removed or emptied. */
export interface PurgeResult {
  events: number;
  questions: number;
  tickets: number;
}

/** Unanswered questions read for grouping: the most recent ones. */
const MAX_UNANSWERED_READ = 5_000;

/** PostgreSQL returns COUNT as a string (bigint): one number type for both databases. */
const toNumber = (value: unknown): number => Number(value ?? 0);

/** Queries over one Kysely instance. */
export class InsightsStore {
  constructor(readonly db: Kysely<InsightsDatabase>) {}

  /** Writes a batch of events and votes in order, in one transaction. */
  async write(batch: readonly ({ type: 'event'; event: InsightEvent } | { type: 'vote'; vote: VoteRecord })[]): Promise<void> {
    if (batch.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      // Consecutive events go in one multi-row INSERT (one round trip); votes follow in order.
      let events: InsightEvent[] = [];
      const insertEvents = async () => {
        if (events.length === 0) return;
        await trx
          .insertInto('insight_events')
          .values(events.map((event) => ({ ...event, vote: null, voted_at: null })))
          .onConflict((conflict) => conflict.column('answer_id').doNothing())
          .execute();
        events = [];
      };
      for (const entry of batch) {
        if (entry.type === 'event') {
          events.push(entry.event);
          continue;
        }
        await insertEvents();
        const { vote } = entry;
        const fields = { vote: vote.vote, voted_at: vote.at, question: vote.question, question_key: vote.questionKey };
        // One vote per answer: a later vote replaces the earlier one, in the conversation that got the answer only.
        await trx
          .insertInto('insight_events')
          .values({ ...vote.answered, answer_id: vote.answerId, conversation_hash: vote.conversationHash, ...fields })
          .onConflict((conflict) =>
            conflict
              .column('answer_id')
              .doUpdateSet(fields)
              .where('insight_events.conversation_hash', '=', vote.conversationHash),
          )
          .execute();
      }
      await insertEvents();
    });
  }

  /** Creates a ticket, or returns the one already made for the same answer in the same conversation. */
  async createTicket(ticket: NewTicket): Promise<{ ticket: TicketRow; created: boolean }> {
    const row: TicketRow = {
      ...ticket,
      updated_at: ticket.created_at,
      status: 'open',
      reply: null,
      replied_by: null,
      replied_at: null,
      delivered_at: null,
      closed_at: null,
      hr_activity_id: null,
    };
    const inserted = await this.db
      .insertInto('tickets')
      .values(row)
      .onConflict((conflict) => conflict.columns(['conversation_hash', 'answer_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { ticket: row, created: true };
    const existing = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where('conversation_hash', '=', ticket.conversation_hash)
      .where('answer_id', '=', ticket.answer_id)
      .executeTakeFirstOrThrow();
    return { ticket: existing, created: false };
  }

  async ticket(id: string): Promise<TicketRow | undefined> {
    return this.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Tickets, newest first; open and answered ones unless a status is given. */
  async tickets(options: { status?: TicketStatus | 'all'; limit?: number } = {}): Promise<TicketRow[]> {
    let query = this.db.selectFrom('tickets').selectAll().orderBy('created_at', 'desc').limit(options.limit ?? 500);
    if (options.status && options.status !== 'all') query = query.where('status', '=', options.status);
    else if (!options.status) query = query.where('status', '!=', 'closed');
    return query.execute();
  }

  /** Records HR's reply; false when the ticket does not exist or is closed. */
  async replyToTicket(id: string, reply: string, repliedBy: string, at: string): Promise<TicketRow | undefined> {
    const result = await this.db
      .updateTable('tickets')
      .set({ reply, replied_by: repliedBy, replied_at: at, updated_at: at, status: 'answered', delivered_at: null })
      .where('id', '=', id)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.ticket(id) : undefined;
  }

  async closeTicket(id: string, at: string): Promise<TicketRow | undefined> {
    const result = await this.db
      .updateTable('tickets')
      .set({ status: 'closed', closed_at: at, updated_at: at })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.ticket(id) : undefined;
  }

  async setTicketCard(id: string, activityId: string): Promise<void> {
    await this.db.updateTable('tickets').set({ hr_activity_id: activityId }).where('id', '=', id).execute();
  }

  async markDelivered(id: string, at: string): Promise<void> {
    await this.db.updateTable('tickets').set({ delivered_at: at }).where('id', '=', id).execute();
  }

  /** The tickets a web page holds the claims of (by the claims' hashes). */
  async ticketsByClaim(claimHashes: readonly string[]): Promise<TicketRow[]> {
    if (claimHashes.length === 0) return [];
    return this.db.selectFrom('tickets').selectAll().where('web_claim_hash', 'in', [...claimHashes]).execute();
  }

  async setting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async setSetting(key: string, value: string, at: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value, updated_at: at })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
  }

  /** The dashboard's figures for events since a date (ISO). */
  async summary(since: string): Promise<InsightsSummary> {
    const events = this.db.selectFrom('insight_events').where('at', '>=', since);
    const [byKind, bySection, byWeek, satisfaction, unansweredRows, tickets] = await Promise.all([
      events.select(['kind', (eb) => eb.fn.countAll().as('count')]).groupBy('kind').orderBy('kind').execute(),
      events
        .select(['article', 'section', (eb) => eb.fn.countAll().as('count')])
        .where('article', 'is not', null)
        .groupBy(['article', 'section'])
        .orderBy('article')
        .orderBy('section')
        .execute(),
      events
        .select(['week', 'article', 'section', (eb) => eb.fn.countAll().as('count')])
        .where('article', 'is not', null)
        .groupBy(['week', 'article', 'section'])
        .orderBy('week')
        .execute(),
      events
        .select([
          'article',
          'section',
          sql<number>`sum(case when vote = 'up' then 1 else 0 end)`.as('up'),
          sql<number>`sum(case when vote = 'down' then 1 else 0 end)`.as('down'),
        ])
        .where('vote', 'is not', null)
        .groupBy(['article', 'section'])
        .orderBy('article')
        .orderBy('section')
        .execute(),
      events
        .select(['question', 'question_key', 'topic', 'closest_article', 'closest_section', 'at'])
        .where('kind', '=', 'fallback')
        .where('question', 'is not', null)
        .orderBy('at', 'desc')
        .limit(MAX_UNANSWERED_READ)
        .execute(),
      this.db.selectFrom('tickets').select(['status', (eb) => eb.fn.countAll().as('count')]).groupBy('status').execute(),
    ]);
    const kinds = byKind.map((row) => ({ kind: row.kind, count: toNumber(row.count) }));
    return {
      since,
      total: kinds.reduce((sum, row) => sum + row.count, 0),
      byKind: kinds,
      bySection: bySection.map((row) => ({ article: row.article, section: row.section, count: toNumber(row.count) })),
      byWeek: byWeek.map((row) => ({ week: row.week, article: row.article, section: row.section, count: toNumber(row.count) })),
      satisfaction: satisfaction.map((row) => ({ article: row.article, section: row.section, up: toNumber(row.up), down: toNumber(row.down) })),
      unanswered: groupUnanswered(unansweredRows),
      tickets: tickets.map((row) => ({ status: row.status, count: toNumber(row.count) })),
    };
  }

  /**
   * Retention: events older than `retentionDays` go, question text with them; closed tickets go
   * `ticketRetentionDays` after closing, and tickets nobody touched for `retentionDays` too.
   */
  async purge(now: Date, retentionDays: number, ticketRetentionDays: number): Promise<PurgeResult> {
    const eventCutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    const ticketCutoff = new Date(now.getTime() - ticketRetentionDays * 86_400_000).toISOString();
    const events = await this.db.deleteFrom('insight_events').where('at', '<', eventCutoff).executeTakeFirst();
    // A vote given long after its answer keeps its question no longer than the retention either.
    const questions = await this.db
      .updateTable('insight_events')
      .set({ question: null, question_key: null })
      .where('question', 'is not', null)
      .where((eb) => eb.and([eb('voted_at', 'is not', null), eb('voted_at', '<', eventCutoff)]))
      .executeTakeFirst();
    const tickets = await this.db
      .deleteFrom('tickets')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'closed'), eb('closed_at', '<', ticketCutoff)]),
          eb('updated_at', '<', eventCutoff),
        ]),
      )
      .executeTakeFirst();
    return { events: Number(events.numDeletedRows), questions: Number(questions.numUpdatedRows), tickets: Number(tickets.numDeletedRows) };
  }

  /** Deletes everything: events, tickets and settings (the DPO's "erase all" command). */
  async eraseAll(): Promise<PurgeResult> {
    const events = await this.db.deleteFrom('insight_events').executeTakeFirst();
    const tickets = await this.db.deleteFrom('tickets').executeTakeFirst();
    return { events: Number(events.numDeletedRows), questions: 0, tickets: Number(tickets.numDeletedRows) };
  }

  /** Deletes one person's tickets (their channel user id): the right to erasure. */
  async eraseUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('tickets').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** One person's tickets: the right of access. */
  async ticketsOfUser(userId: string): Promise<TicketRow[]> {
    return this.db.selectFrom('tickets').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  }
}

/** Groups unanswered questions by key, then merges groups whose keys are near-identical. */
export function groupUnanswered(
  rows: readonly { question: string | null; question_key: string | null; topic: string | null; closest_article: string | null; closest_section: string | null; at: string }[],
): UnansweredGroup[] {
  const groups: (UnansweredGroup & { sections: Map<string, number> })[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  // Rows come newest first: the first wording seen is the most recent.
  for (const row of rows) {
    if (row.question === null) continue;
    const key = row.question_key ?? row.question;
    let group = byKey.get(key) ?? groups.find((candidate) => keySimilarity(candidate.key, key) >= CLUSTER_SIMILARITY);
    if (!group) {
      group = { key, count: 0, example: row.question, variants: [], topic: row.topic, closestArticle: null, closestSection: null, lastAt: row.at, sections: new Map() };
      groups.push(group);
    }
    byKey.set(key, group);
    group.count += 1;
    if (row.question !== group.example && !group.variants.includes(row.question) && group.variants.length < 5) group.variants.push(row.question);
    group.topic ??= row.topic;
    if (row.closest_section) {
      const sectionKey = `${row.closest_article ?? ''}\u0000${row.closest_section}`;
      group.sections.set(sectionKey, (group.sections.get(sectionKey) ?? 0) + 1);
    }
  }
  return groups
    .map(({ sections, ...group }) => {
      const closest = [...sections.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const [article, section] = closest ? closest.split('\u0000') : [null, null];
      return { ...group, closestArticle: article || null, closestSection: section ?? null };
    })
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
