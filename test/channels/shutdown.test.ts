/**
 * Probes and graceful shutdown. /healthz (liveness) and /readyz (readiness) in process; then the
 * real entry point as a child process: a request still arriving when SIGTERM comes is answered,
 * then the process exits 0 (or 1 when a request outlives SHUTDOWN_TIMEOUT_MS), and the insights
 * events still queued in memory are written first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { activity, post, startTestBot } from './support/botServer.js';
import { freePort } from './support/redisServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the probes', () => {
  it('say "starting" (503) until the knowledge base is loaded, and refuse turns meanwhile', async () => {
    let loaded = false;
    const bot = await startTestBot({ isLoaded: () => loaded });
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(503);
      const ready = await fetch(`${bot.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'starting', error: HTTP_ERROR_MESSAGES.notReady });
      const turn = await post(bot.url, activity('c-early', { text: 'aide' }));
      expect(turn.status).toBe(503);
      expect(turn.json).toEqual({ error: HTTP_ERROR_MESSAGES.notReady });

      loaded = true;
      expect(await (await fetch(`${bot.url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${bot.url}/readyz`)).json()).toEqual({ status: 'ready' });
    } finally {
      await bot.close();
    }
  });

  it('while stopping: /readyz 503, /healthz still 200, turns still answered on connections that close after', async () => {
    let stopping = false;
    const bot = await startTestBot({ isStopping: () => stopping });
    try {
      stopping = true;
      const ready = await fetch(`${bot.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'stopping', error: HTTP_ERROR_MESSAGES.stopping });
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      const turn = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity('c-late', { text: 'aide' })),
      });
      expect(turn.status).toBe(200);
      expect(turn.headers.get('connection')).toBe('close');
    } finally {
      await bot.close();
    }
  });
});

/** The real server in a child process, with its output and a way to wait for a log message. */
interface BotProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  waitForLog(message: string): Promise<void>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startBotProcess(environment: Record<string, string> = {}): Promise<BotProcess> {
  const port = await freePort();
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^connections__/i.test(key)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: root,
    env: { ...base, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', REDIS_URL: '', KNOWLEDGE_WATCH: '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const waitForLog = async (message: string): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (!output.includes(`"msg":"${message}"`)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${message}" in the log:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await waitForLog('knowledge base loaded: ready');
  return { child, port, output: () => output, waitForLog };
}

/** Opens a POST /api/messages and sends only the first half of its body. */
function startSlowRequest(port: number, body: string): { finish(): void; response: Promise<{ status: number; text: string }> } {
  const request = httpRequest({
    host: '127.0.0.1',
    port,
    path: '/api/messages',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (incoming: IncomingMessage) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
    });
  });
  return { finish: () => request.end(body.slice(half)), response };
}

const exitCode = async (child: ChildProcess): Promise<number | null> => {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
};

describe('SIGTERM', () => {
  it('lets an in-flight request finish, refuses new connections, then exits 0', async () => {
    const bot = await startBotProcess();
    const slow = startSlowRequest(bot.port, JSON.stringify(activity('c-inflight', { text: 'Quelles sont les compétences du CPD ?' })));
    // Give the server time to accept the connection and start reading the body.
    await new Promise((resolve) => setTimeout(resolve, 300));

    bot.child.kill('SIGTERM');
    await bot.waitForLog('stopping');
    await expect(fetch(`http://127.0.0.1:${bot.port}/readyz`)).rejects.toThrow();

    slow.finish();
    const { status, text } = await slow.response;
    expect(status).toBe(200);
    expect(JSON.parse(text).activities.some((reply: { type: string }) => reply.type === 'message')).toBe(true);
    expect(await exitCode(bot.child)).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
  }, 30_000);

  it('cuts a request still unfinished after SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    const bot = await startBotProcess({ SHUTDOWN_TIMEOUT_MS: '300' });
    const slow = startSlowRequest(bot.port, JSON.stringify(activity('c-stuck', { text: 'aide' })));
    slow.response.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    bot.child.kill('SIGTERM');
    expect(await exitCode(bot.child)).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(bot.output()).toContain('requests still running at the shutdown deadline were cut');
  }, 30_000);

  it('writes the insights events still queued before it exits: none is lost', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shutdown-insights-'));
    const file = join(folder, 'insights.sqlite');
    try {
      const bot = await startBotProcess({ INSIGHTS_SQLITE_FILE: file });
      await bot.waitForLog('insights database ready');
      const questions = ['Quelles sont les compétences du CPD ?', 'Et pour le marketing ?', 'Où est la cantine ?'];
      for (const text of questions) {
        const { status } = await post(`http://127.0.0.1:${bot.port}`, activity('c-queued', { text }));
        expect(status).toBe(200);
      }
      // At once: the events are still in the queue (written in batches a moment after the first).
      bot.child.kill('SIGTERM');
      expect(await exitCode(bot.child)).toBe(0);
      const database = new SQLite(file, { readonly: true });
      try {
        const rows = database.prepare('SELECT kind, question FROM insight_events ORDER BY at').all() as { kind: string; question: string | null }[];
        expect(rows).toHaveLength(questions.length);
        // Privacy unchanged: only the unanswered question keeps its text.
        expect(rows.filter((row) => row.question !== null)).toEqual([{ kind: 'fallback', question: 'Où est la cantine ?' }]);
      } finally {
        database.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
