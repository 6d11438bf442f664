/**
 * The insights database as Kysely sees it: one set of tables for SQLite and PostgreSQL.
 * Dates are ISO 8601 text (UTC), which both databases compare and sort as text; `week` is the
 * Monday of the event's week (YYYY-MM-DD), written with the row so both group by it the same way.
 */
/** One answered question: what was answered, never who asked. */
export interface EventTable {
  /** The answer's id (a UUID drawn by the dialog runner): a vote names it. */
  answer_id: string;
  at: string;
  week: string;
  /** `msteams`, `webchat`… */
  channel: string;
  /** Keyed hash of the conversation id: tells two conversations apart, names neither. */
  conversation_hash: string;
  kind: string;
  article: string | null;
  section: string | null;
  /** Role ids, comma-separated. */
  roles: string;
  confidence: number;
  /** Why a fallback: `topic`, `other-job`, `unknown`, `empty`… (null for article answers). */
  reason: string | null;
  /** The lexicon topic a fallback was about, when it was one. */
  topic: string | null;
  /** The question text: kept for unanswered questions and 👎 only, and purged with the event. */
  question: string | null;
  /** The question's normalised form, to group the same question typed several ways. */
  question_key: string | null;
  /** For a fallback: the article section that came closest. */
  closest_article: string | null;
  closest_section: string | null;
  /** 👍/👎: the last vote given in the conversation that got the answer. */
  vote: 'up' | 'down' | null;
  voted_at: string | null;
}

export type TicketStatus = 'open' | 'answered' | 'closed';

/** A question passed on to the HR team: keeps the employee's identity, so the reply can reach them. */
export interface TicketTable {
  id: string;
  created_at: string;
  updated_at: string;
  status: TicketStatus;
  channel: string;
  question: string;
  /** What the bot had answered (its text, shortened). */
  bot_answer: string;
  article: string | null;
  section: string | null;
  answer_id: string;
  conversation_hash: string;
  user_name: string | null;
  /** The channel's user id: Teams' AAD object id when it gives one, the page's session user otherwise. */
  user_id: string;
  /** JSON conversation reference, for a proactive reply (Teams). */
  conversation_ref: string | null;
  /** SHA-256 of the secret the page keeps to fetch the reply (web). */
  web_claim_hash: string | null;
  /** The ticket card's activity id in the HR channel (Teams), to update it. */
  hr_activity_id: string | null;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  delivered_at: string | null;
  closed_at: string | null;
}

/** Small shared values: the HR channel's conversation reference. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** The tables (Kysely's migrator adds its own two). */
export interface InsightsDatabase {
  insight_events: EventTable;
  tickets: TicketTable;
  settings: SettingTable;
}

/** Rows as selected. */
export type EventRow = EventTable;
export type TicketRow = TicketTable;
