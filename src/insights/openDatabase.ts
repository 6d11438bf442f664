/**
 * Opens the insights database: SQLite in a file (the default, created on first start) or
 * PostgreSQL when a URL is given, then brings its schema up to date. One Kysely instance either
 * way, so every query is written once.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { AssistantError } from '../errors.js';
import { migrationProvider } from './migrations.js';
import type { InsightsDatabase } from './schema.js';

/** Where the insights live. */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Time limits on PostgreSQL, so a server that is down or hung fails a write instead of holding it. */
export const POSTGRES_LIMITS = Object.freeze({
  /** Time to open a connection. */
  connectMs: 2_000,
  /** Time one query may take. */
  queryMs: 3_000,
  /** Connections per process: events are written in batches, so a few are enough. */
  poolSize: 5,
});

/** The database could not be opened or migrated. */
export class InsightsDatabaseError extends AssistantError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InsightsDatabaseError';
  }
}

/** An open database, its dialect, and how to close it. */
export interface OpenDatabase {
  db: Kysely<InsightsDatabase>;
  kind: DatabaseLocation['kind'];
  /** Applies migrations not yet run; returns their names. */
  migrate(): Promise<string[]>;
}

/**
 * Opens (and for SQLite creates) the database; does not touch the schema. The PostgreSQL client is
 * loaded only when the location asks for it.
 */
export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  let db: Kysely<InsightsDatabase>;
  if (location.kind === 'sqlite') {
    if (location.file !== ':memory:') mkdirSync(dirname(location.file), { recursive: true });
    const sqlite = new SQLite(location.file);
    // WAL: readers (the dashboard) never wait for the writer; NORMAL is durable enough for statistics.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 2000');
    db = new Kysely<InsightsDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: location.url,
      max: POSTGRES_LIMITS.poolSize,
      connectionTimeoutMillis: POSTGRES_LIMITS.connectMs,
      query_timeout: POSTGRES_LIMITS.queryMs,
      statement_timeout: POSTGRES_LIMITS.queryMs,
      idleTimeoutMillis: 30_000,
    });
    // A dropped connection (server stopped or restarted) must not crash the process: idle ones are
    // reported on the pool, busy ones on the client, and their query fails anyway.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    db = new Kysely<InsightsDatabase>({ dialect: new PostgresDialect({ pool }) });
  }
  return {
    db,
    kind: location.kind,
    async migrate() {
      const migrator = new Migrator({ db, provider: migrationProvider });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw new InsightsDatabaseError('The insights database schema could not be brought up to date', { cause: error });
      return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
    },
  };
}
