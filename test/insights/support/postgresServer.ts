/**
 * A throwaway PostgreSQL server from Debian's packages (`apt-get install postgresql`), in a
 * temporary folder, on a free loopback port, trusting local connections. Run as the `postgres`
 * user when the tests run as root (initdb refuses root). Tests can stop and restart it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../channels/support/redisServer.js';

/** Where Debian puts the server's binaries. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? findPostgresBin();

function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return '';
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : '';
}

/** Whether a PostgreSQL server can be started here. */
export function postgresInstalled(): boolean {
  return POSTGRES_BIN !== '' && existsSync(join(POSTGRES_BIN, 'initdb'));
}

export interface PostgresServer {
  readonly url: string;
  readonly port: number;
  start(): void;
  /** Stops the server at once (`pg_ctl stop -m immediate`): connections drop, new ones are refused. */
  stop(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary, as `postgres` when we are root. */
function run(binary: string, args: string[]): void {
  const command = isRoot ? 'runuser' : join(POSTGRES_BIN, binary);
  const fullArgs = isRoot ? ['-u', 'postgres', '--', join(POSTGRES_BIN, binary), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/** Initialises a cluster in a temporary folder and starts it. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const folder = mkdtempSync(join(tmpdir(), 'assistant-rh-pg-'));
  const data = join(folder, 'data');
  chmodSync(folder, 0o755);
  if (isRoot) {
    const { uid, gid } = passwd('postgres');
    chownSync(folder, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const server: PostgresServer = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', '-t', '30', 'start']),
    stop: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    destroy: () => {
      try {
        server.stop();
      } catch {
        // already stopped
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}

function passwd(user: string): { uid: number; gid: number } {
  const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (result.status !== 0 || group.status !== 0) throw new Error(`no user ${user} (apt-get install postgresql creates it)`);
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}
