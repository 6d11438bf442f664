/**
 * The insights database as the process runs it: opened and migrated at start-up (retried in the
 * background while the server is unreachable, so the bot starts and answers anyway), purged once a
 * day, closed on shutdown. The database modules (Kysely, the SQLite and PostgreSQL drivers) are loaded
 * by that first attempt, after the server is listening, not before it: the first answer does not need them.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { InsightsStore } from './insightsStore.js';
import type { DatabaseLocation, OpenDatabase } from './openDatabase.js';

/** How often start-up retries a database that could not be reached. */
export const MIGRATION_RETRY_MS = 30_000;
/** How often the retention purge runs. */
export const PURGE_EVERY_MS = 24 * 60 * 60 * 1000;

/** The setting that holds the key of conversation hashes, shared by every process using the database. */
export const HASH_KEY_SETTING = 'conversation_hash_key';

export interface InsightsDatabaseOptions {
  location: DatabaseLocation;
  logger: Logger;
  retentionDays: number;
  ticketRetentionDays: number;
  /** Called once the schema is up to date, with the conversation hash key to use. */
  onReady?: (hashKey: Buffer) => void;
  retryMs?: number;
}

/** A running insights database. */
export interface InsightsDatabase {
  /** The store, once the schema is up to date; null before (or when it never could be). */
  store(): InsightsStore | null;
  readonly location: DatabaseLocation;
  /** Resolves once the first attempt to open and migrate ended (true: ready). */
  readonly firstAttempt: Promise<boolean>;
  /** Runs the retention purge now. */
  purge(now?: Date): Promise<{ events: number; questions: number; tickets: number }>;
  close(): Promise<void>;
}

/** Where a location points, for the log (never a password). */
export function describeLocation(location: DatabaseLocation): string {
  if (location.kind === 'sqlite') return `sqlite:${location.file}`;
  try {
    const url = new URL(location.url);
    return `postgres://${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}

/** Opens the database and keeps it up to date; never throws for an unreachable server. */
export function startInsightsDatabase(options: InsightsDatabaseOptions): InsightsDatabase {
  const { location, logger } = options;
  const where = describeLocation(location);
  let database: OpenDatabase | undefined;
  let store: InsightsStore | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;

  const purge = async (now = new Date()) => {
    if (!store) return { events: 0, questions: 0, tickets: 0 };
    const result = await store.purge(now, options.retentionDays, options.ticketRetentionDays);
    logger.info({ ...result, retentionDays: options.retentionDays, ticketRetentionDays: options.ticketRetentionDays }, 'insights purged');
    return result;
  };

  const attempt = async (): Promise<boolean> => {
    try {
      const [{ openDatabase }, { InsightsStore }] = await Promise.all([import('./openDatabase.js'), import('./insightsStore.js')]);
      database ??= await openDatabase(location);
      const applied = await database.migrate();
      const ready = new InsightsStore(database.db);
      // One hash key for every process on this database, drawn by the first one.
      await ready.db
        .insertInto('settings')
        .values({ key: HASH_KEY_SETTING, value: randomBytes(32).toString('base64'), updated_at: new Date().toISOString() })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .execute();
      const key = await ready.setting(HASH_KEY_SETTING);
      if (closed) return false;
      store = ready;
      options.onReady?.(Buffer.from(key ?? '', 'base64'));
      logger.info({ database: where, migrations: applied }, 'insights database ready');
      purgeTimer = setInterval(() => void purge().catch((error: unknown) => logger.warn({ err: error }, 'insights purge failed')), PURGE_EVERY_MS);
      purgeTimer.unref();
      void purge().catch((error: unknown) => logger.warn({ err: error }, 'insights purge failed'));
      return true;
    } catch (error) {
      if (closed) return false;
      logger.warn({ err: error, database: where, retryInMs: options.retryMs ?? MIGRATION_RETRY_MS }, 'insights database unavailable: questions are answered, events are dropped, tickets cannot be sent');
      retry = setTimeout(() => void attempt(), options.retryMs ?? MIGRATION_RETRY_MS);
      retry.unref();
      return false;
    }
  };

  const firstAttempt = attempt();
  return {
    store: () => store,
    location,
    firstAttempt,
    purge,
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(purgeTimer);
      store = null;
      await database?.db.destroy();
    },
  };
}
