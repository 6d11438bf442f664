/**
 * Runs the real bot as its own process (`node --import tsx src/index.ts`): the composition root,
 * configuration from the environment, pino JSON lines on stdout. For tests that need several bot
 * processes (scale-out) or the opt-in features wired only in src/index.ts (knowledge reload).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../../src/projectRoot.js';
import { freePort } from './redisServer.js';

const SHARED_FIXTURE = resolve(PROJECT_ROOT, 'test/fixtures/shared-article');

/** One pino line of the bot's stdout. */
export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface BotProcess {
  readonly url: string;
  readonly port: number;
  /** Every log line so far, parsed. */
  readonly logs: LogLine[];
  /** Resolves with the first log line (past or future) that matches, or rejects after `timeoutMs`. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 5 s); resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Configuration keys cleared from the inherited environment, so a developer's shell cannot change a test. */
const CONFIG_KEYS = /^(PORT|HOST|KNOWLEDGE_DIR|DIALOGS_DIR|LOG_LEVEL|LOG_QUESTIONS|KNOWLEDGE_WATCH|REDIS_URL|FEEDBACK_FILE|connections__.*)$/;

/** The environment of a bot process: the parent's minus the bot's own keys, plus `env`. */
export function botEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !CONFIG_KEYS.test(key)));
  // The shared article as a fixture: an HR team's own articles in knowledge/ change no test.
  return { ...inherited, LOG_LEVEL: 'info', HOST: '127.0.0.1', KNOWLEDGE_DIR: SHARED_FIXTURE, ...env };
}

/** Starts `src/index.ts` on a free loopback port and waits until /readyz answers 200. */
export async function startBotProcess(env: Record<string, string> = {}, readyTimeoutMs = 20_000): Promise<BotProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: PROJECT_ROOT,
    env: botEnvironment({ ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<{ matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { level: 'raw', msg: text };
    }
    logs.push(line);
    for (const waiter of waiters) {
      if (waiter.matches(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = `http://127.0.0.1:${port}`;
  const describe = () => `bot process on port ${port}\n--- stdout ---\n${logs.map((line) => JSON.stringify(line)).join('\n')}\n--- stderr ---\n${stderr}`;

  const bot: BotProcess = {
    url,
    port,
    logs,
    waitForLog(matches, timeoutMs = 10_000) {
      const seen = logs.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          matches,
          resolve: (line: LogLine) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching log line within ${timeoutMs} ms from the ${describe()}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode} before it was ready: ${describe()}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return bot;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await bot.stop();
      throw new Error(`the bot was not ready within ${readyTimeoutMs} ms: ${describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
