/** What the HTTP and start-up benchmarks share: how they give a server process its port and environment, and read its memory. */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * Keys not passed on from this shell: the bot's configuration (anonymous mode, memory storage, no
 * watch, insights in a fresh SQLite file of the run) and NODE_ENV (the SDK refuses anonymous mode when it is "production").
 */
export const BOT_CONFIG_KEYS =
  /^(NODE_ENV|PORT|HOST|KNOWLEDGE_DIR|DIALOGS_DIR|LOG_LEVEL|LOG_FORMAT|LOG_QUESTIONS|METRICS|METRICS_TOKEN|KNOWLEDGE_WATCH|REDIS_URL|FEEDBACK_FILE|DATABASE_URL|INSIGHTS_\w+|\w*RATE_LIMIT_PER_MINUTE|STATE_\w+|HTTP_\w+|TURN_TIMEOUT_MS|connections__.*)$/;

/** A TCP port free on the loopback interface at this moment. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Resident set size of a process, in MB (from ps, so it works on Linux and macOS). */
export function rssMb(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}
