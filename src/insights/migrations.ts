/**
 * The insights schema, as Kysely migrations run at start-up (same code for SQLite and PostgreSQL).
 * A migration, once released, never changes: a new need is a new migration below the others.
 */
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';

const initial: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('insight_events')
      .addColumn('answer_id', 'varchar(200)', (column) => column.primaryKey())
      .addColumn('at', 'varchar(32)', (column) => column.notNull())
      .addColumn('week', 'varchar(10)', (column) => column.notNull())
      .addColumn('channel', 'varchar(64)', (column) => column.notNull())
      .addColumn('conversation_hash', 'varchar(64)', (column) => column.notNull())
      .addColumn('kind', 'varchar(32)', (column) => column.notNull())
      .addColumn('article', 'varchar(300)')
      .addColumn('section', 'varchar(300)')
      .addColumn('roles', 'varchar(1000)', (column) => column.notNull().defaultTo(''))
      .addColumn('confidence', 'real', (column) => column.notNull())
      .addColumn('reason', 'varchar(64)')
      .addColumn('topic', 'varchar(100)')
      .addColumn('question', 'text')
      .addColumn('question_key', 'varchar(2000)')
      .addColumn('closest_article', 'varchar(300)')
      .addColumn('closest_section', 'varchar(300)')
      .addColumn('vote', 'varchar(4)')
      .addColumn('voted_at', 'varchar(32)')
      .execute();
    await db.schema.createIndex('insight_events_at').on('insight_events').column('at').execute();
    await db.schema.createIndex('insight_events_week').on('insight_events').columns(['week', 'article', 'section']).execute();

    await db.schema
      .createTable('tickets')
      .addColumn('id', 'varchar(64)', (column) => column.primaryKey())
      .addColumn('created_at', 'varchar(32)', (column) => column.notNull())
      .addColumn('updated_at', 'varchar(32)', (column) => column.notNull())
      .addColumn('status', 'varchar(16)', (column) => column.notNull())
      .addColumn('channel', 'varchar(64)', (column) => column.notNull())
      .addColumn('question', 'text', (column) => column.notNull())
      .addColumn('bot_answer', 'text', (column) => column.notNull())
      .addColumn('article', 'varchar(300)')
      .addColumn('section', 'varchar(300)')
      .addColumn('answer_id', 'varchar(200)', (column) => column.notNull())
      .addColumn('conversation_hash', 'varchar(64)', (column) => column.notNull())
      .addColumn('user_name', 'varchar(300)')
      .addColumn('user_id', 'varchar(300)', (column) => column.notNull())
      .addColumn('conversation_ref', 'text')
      .addColumn('web_claim_hash', 'varchar(64)')
      .addColumn('hr_activity_id', 'varchar(300)')
      .addColumn('reply', 'text')
      .addColumn('replied_by', 'varchar(300)')
      .addColumn('replied_at', 'varchar(32)')
      .addColumn('delivered_at', 'varchar(32)')
      .addColumn('closed_at', 'varchar(32)')
      .addUniqueConstraint('tickets_one_per_answer', ['conversation_hash', 'answer_id'])
      .execute();
    await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('tickets_web_claim').on('tickets').column('web_claim_hash').execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'varchar(100)', (column) => column.primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'varchar(32)', (column) => column.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('settings').execute();
    await db.schema.dropTable('tickets').execute();
    await db.schema.dropTable('insight_events').execute();
  },
};

/** Every migration, by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '2026-11-01-initial': initial,
});

/** The migrations as Kysely's migrator reads them (from code, not from a folder). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
