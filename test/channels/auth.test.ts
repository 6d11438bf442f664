/**
 * The real entry point (src/index.ts) in a child process, configured only through the environment
 * with the SDK's own keys: anonymous local mode without a client id, JWT enforced with one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ANONYMOUS_MODE_WARNING } from '../../src/channels/bot.js';
import { activity, fromPage, openPageSession, post, postFromPage } from './support/botServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `src/index.ts` with the given environment; resolves once /healthz answers 200. */
async function startBotProcess(environment: Record<string, string>): Promise<{ url: string; output: () => string }> {
  const port = await freePort();
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^connections__/i.test(key)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: root,
    env: { ...base, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited early:\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return { url, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the bot did not become healthy:\n${output}`);
}

const question = () => activity(`conv-${randomUUID()}`, { text: 'aide' });

describe('authentication of POST /api/messages', () => {
  it('runs anonymously without a client id, and says so in the log', async () => {
    const bot = await startBotProcess({});
    const { status } = await post(bot.url, question());
    expect(status).toBe(200);
    expect(bot.output()).toContain(ANONYMOUS_MODE_WARNING);
  }, 30_000);

  it('answers 401 without a valid token once a client id is configured', async () => {
    const bot = await startBotProcess({
      connections__serviceConnection__settings__clientId: '00000000-0000-0000-0000-000000000001',
      connections__serviceConnection__settings__clientSecret: 'not-a-real-secret',
      connections__serviceConnection__settings__tenantId: '00000000-0000-0000-0000-000000000002',
    });
    expect((await post(bot.url, question())).status).toBe(401);
    expect((await post(bot.url, question(), { headers: { authorization: 'Bearer not.a.jwt' } })).status).toBe(401);
    expect((await post(bot.url, question(), { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect(bot.output()).not.toContain(ANONYMOUS_MODE_WARNING);
    // The page's own channel never reaches Azure: its session token is the server's own.
    const session = await openPageSession(bot.url);
    expect((await postFromPage(bot.url, session, fromPage(session, { text: 'aide' }))).status).toBe(200);
  }, 30_000);
});
