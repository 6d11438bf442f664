/**
 * The two databases every insights test runs on: SQLite in a temporary file, and a real
 * PostgreSQL server (skipped where Debian's postgresql is not installed; CI installs it).
 * Each PostgreSQL test file gets its own server; each call to `fresh()` its own database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseLocation } from '../../../src/insights/openDatabase.js';
import { postgresInstalled, startPostgresServer, type PostgresServer } from './postgresServer.js';

export interface TestDatabases {
  readonly name: 'sqlite' | 'postgres';
  /** Whether this database can run here. */
  readonly available: boolean;
  /** Starts what is needed (once per file). */
  setUp(): Promise<void>;
  /** A new, empty database. */
  fresh(): Promise<DatabaseLocation>;
  /** Makes the database unreachable (PostgreSQL: server stopped; SQLite: file made unreadable is not portable, so not offered). */
  stop?(): void;
  start?(): void;
  tearDown(): Promise<void>;
}

/** SQLite files in a temporary folder. */
export function sqliteDatabases(): TestDatabases {
  let folder = '';
  let count = 0;
  return {
    name: 'sqlite',
    available: true,
    async setUp() {
      folder = mkdtempSync(join(tmpdir(), 'assistant-rh-sqlite-'));
    },
    async fresh() {
      count += 1;
      return { kind: 'sqlite', file: join(folder, `insights-${count}.sqlite`) };
    },
    async tearDown() {
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Databases on one throwaway PostgreSQL server. */
export function postgresDatabases(): TestDatabases {
  let server: PostgresServer | undefined;
  let count = 0;
  const databases: TestDatabases = {
    name: 'postgres',
    available: postgresInstalled(),
    async setUp() {
      server = await startPostgresServer();
    },
    async fresh() {
      count += 1;
      const name = `insights_${count}`;
      const admin = new pg.Client(server!.url);
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      return { kind: 'postgres', url: server!.url.replace(/\/postgres$/, `/${name}`) };
    },
    stop: () => server?.stop(),
    start: () => server?.start(),
    async tearDown() {
      server?.destroy();
    },
  };
  return databases;
}

/** Both, for `describe.each`. */
export function bothDatabases(): TestDatabases[] {
  return [sqliteDatabases(), postgresDatabases()];
}
