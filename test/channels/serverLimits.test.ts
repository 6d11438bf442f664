/**
 * The HTTP server's socket limits, against real sockets: a client that sends its headers slowly
 * (or its body) is cut at the timeout, slow clients never keep /healthz from answering, and
 * connections beyond the cap are closed at once while the open ones are served.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/botServer.js';

const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
const MAX_CONNECTIONS = 40;
/** Node checks for late requests every quarter of the headers timeout here (at most every second). */
const CHECK_SLACK_MS = 600;

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({
    limits: { headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: 1_000, maxConnections: MAX_CONNECTIONS },
  });
});
afterAll(async () => {
  await bot.close();
});

/** A socket to the bot and a promise of what it received until the server closed it, and when. */
function open(): Promise<{ socket: Socket; closed: Promise<{ at: number; received: string }> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(bot.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    const closed = new Promise<{ at: number; received: string }>((done) => socket.once('close', () => done({ at: performance.now(), received })));
    socket.once('error', () => undefined);
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

/** Writes one more header line every 200 ms, never ending the headers. */
function dripHeaders(socket: Socket): NodeJS.Timeout {
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  return setInterval(() => {
    if (!socket.destroyed) socket.write(`X-Slow-${Math.random().toString(36).slice(2)}: a\r\n`);
  }, 200);
}

describe('the HTTP server’s socket limits', () => {
  it('cuts a client still sending its headers at the headers timeout (408)', async () => {
    const { socket, closed } = await open();
    const started = performance.now();
    const drip = dripHeaders(socket);
    const { at, received } = await closed;
    clearInterval(drip);
    expect(at - started).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(at - started).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_SLACK_MS);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts a client still sending its body at the request timeout', async () => {
    const { socket, closed } = await open();
    const started = performance.now();
    socket.write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":');
    const { at } = await closed;
    expect(at - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(at - started).toBeLessThan(REQUEST_TIMEOUT_MS + CHECK_SLACK_MS);
  });

  it('answers /healthz at once while many slow clients hold sockets, and frees them all at the timeout', async () => {
    const slow = await Promise.all(Array.from({ length: 30 }, () => open()));
    const drips = slow.map(({ socket }) => dripHeaders(socket));
    try {
      const started = performance.now();
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(500);
      const closedAt = await Promise.all(slow.map(({ closed }) => closed.then(({ at }) => at)));
      expect(Math.max(...closedAt) - started).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_SLACK_MS);
    } finally {
      drips.forEach(clearInterval);
    }
  });

  it(`closes connections beyond ${MAX_CONNECTIONS} at once, and serves the open ones`, async () => {
    const held = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => open()));
    const extra = await Promise.all(Array.from({ length: 5 }, () => open()));
    const started = performance.now();
    const extraClosed = await Promise.all(extra.map(({ closed }) => closed.then(({ at }) => at)));
    expect(Math.max(...extraClosed) - started).toBeLessThan(300);
    // One of the held connections asks for /healthz and gets it.
    const [first] = held;
    first!.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect((await first!.closed).received).toMatch(/^HTTP\/1\.1 200/);
    for (const { socket } of held) socket.destroy();
  });
});
