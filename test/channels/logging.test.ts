/**
 * The bot's log lines, read back from the real logger: one JSON object per line (readable lines on a
 * terminal), the ids of the turn on each line, what was answered at info level, one access line per
 * request, the reason of a fallback, and the question text kept out of info lines unless
 * LOG_QUESTIONS=1 (privacy). Refusals audited at warn with route, reason and client address;
 * invisible and control characters never reach a line; over-long ids refused unlogged.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, resolveLogFormat } from '../../src/logger.js';
import { activity, fromPage, openPageSession, post, postFromPage, startTestBot } from './support/botServer.js';

/** A question whose words are easy to look for in the logs. */
const QUESTION = 'Quelles sont les compétences du chef de produit digital pour Mme Zébulonne ?';
const PRIVATE_WORD = 'Zébulonne';

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/** Starts a bot logging at `level` into memory, asks QUESTION on both endpoints, returns the lines. */
async function linesOf(environment: Record<string, string>): Promise<{ lines: LogLine[]; conversationId: string; activityId: string }> {
  const config = loadConfig(environment);
  const raw: string[] = [];
  const logger = createLogger(config, { write: (line: string) => void raw.push(line) });
  const bot = await startTestBot({ logger, logQuestions: config.logQuestions });
  const conversationId = `conv-${randomUUID()}`;
  const activityId = randomUUID();
  try {
    expect((await post(bot.url, activity(conversationId, { id: activityId, text: QUESTION }))).status).toBe(200);
    const page = await openPageSession(bot.url);
    expect((await postFromPage(bot.url, page, fromPage(page, { text: QUESTION }))).status).toBe(200);
  } finally {
    await bot.close();
  }
  return { lines: raw.map((line) => JSON.parse(line) as LogLine), conversationId, activityId };
}

describe('the logs of a turn', () => {
  it('are JSON lines with a level word and an ISO time', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'info' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.level).toMatch(/^(?:fatal|error|warn|info|debug|trace)$/);
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it('say at info level what was answered, with the conversation and activity ids', async () => {
    const { lines, conversationId, activityId } = await linesOf({ LOG_LEVEL: 'info' });
    const answered = lines.filter((line) => line.msg === 'question answered');
    expect(answered).toHaveLength(2);
    expect(answered[0]).toMatchObject({
      level: 'info',
      conversationId,
      activityId,
      channelId: 'msteams',
      kind: 'list',
      section: 'les-competences-requises',
      roles: ['chef-de-produit-digital'],
      confidence: expect.any(Number),
      answerId: expect.any(String),
    });
    expect(answered[1]).toMatchObject({ channelId: 'webchat', conversationId: expect.stringMatching(/^web-/), kind: 'list' });
  });

  it('leave the question text out at info level by default', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'info' });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(PRIVATE_WORD);
  });

  it('show it only on debug lines with LOG_LEVEL=debug', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'debug' });
    const withQuestion = lines.filter((line) => JSON.stringify(line).includes(PRIVATE_WORD));
    expect(withQuestion.length).toBeGreaterThan(0);
    expect(withQuestion.every((line) => line.level === 'debug')).toBe(true);
  });

  it('include it at info level with LOG_QUESTIONS=1', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'info', LOG_QUESTIONS: '1' });
    const answered = lines.filter((line) => line.msg === 'question answered');
    expect(answered.map((line) => line.question)).toEqual([QUESTION, QUESTION]);
  });

  it('have one access line per request, with method, path, status and latency', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'info' });
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => [line.method, line.path, line.status])).toEqual([
      ['POST', '/api/messages', 200],
      ['POST', '/api/webchat/session', 200],
      ['POST', '/api/webchat', 200],
    ]);
    for (const line of requests) expect(line.ms).toEqual(expect.any(Number));
  });

  it('give the reason of a fallback', async () => {
    const config = loadConfig({ LOG_LEVEL: 'info' });
    const raw: string[] = [];
    const bot = await startTestBot({ logger: createLogger(config, { write: (line: string) => void raw.push(line) }) });
    try {
      await post(bot.url, activity(`conv-${randomUUID()}`, { text: 'Quel est le salaire d’un astronaute ?' }));
    } finally {
      await bot.close();
    }
    const fallback = raw.map((line) => JSON.parse(line) as LogLine).find((line) => line.kind === 'fallback');
    expect(fallback).toMatchObject({ msg: 'question answered', reason: expect.any(String) });
    expect(String(fallback?.reason).length).toBeGreaterThan(0);
  });

  it('are readable lines, not JSON, with LOG_FORMAT=pretty', async () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger(loadConfig({ LOG_FORMAT: 'pretty' }), destination);
    logger.info({ status: 200 }, 'request');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const output = chunks.join('');
    expect(output).toMatch(/INFO.*request/);
    expect(output).toContain('status');
    expect(() => JSON.parse(output)).toThrow();
  });

  it('choose readable lines on a terminal and JSON elsewhere when LOG_FORMAT=auto', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
  });

  it('are silent with LOG_LEVEL=silent', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'silent' });
    expect(lines).toEqual([]);
  });
});

/** A bot whose log lines (at `level`) are kept in memory, with per-client limits low enough to reach. */
async function loggedBot(level: 'debug' | 'info' = 'info', logQuestions = false) {
  const lines: LogLine[] = [];
  const logger = createLogger({ logLevel: level }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const bot = await startTestBot({ logger, logQuestions, http: { rateLimitPerMinute: 2, trustProxy: 1 } });
  return { bot, lines };
}

describe('the audit of refused requests', () => {
  it.each([
    [403, 'a page from another origin', '/api/webchat/session', { origin: 'https://elsewhere.example' }, /cross-origin/],
    [401, 'a post without a session', '/api/webchat', {}, /session token/],
    [413, 'a body over 100 kB', '/api/messages', {}, /body over/],
  ] as const)('logs %i (%s) at warn with the route, the reason and the client address, never the body or a token', async (status, _label, path, headers, reason) => {
    const { bot, lines } = await loggedBot();
    try {
      const body = status === 413 ? activity('c-big', { text: `secret-body ${'a'.repeat(110_000)}` }) : { text: 'secret-body' };
      // A token on the page's routes; on /api/messages it would be checked (401) before the body is read.
      const token: Record<string, string> = path === '/api/messages' ? {} : { authorization: 'Bearer secret-token' };
      const response = await post(bot.url, body, { path, headers: { ...headers, ...token, 'x-forwarded-for': '198.51.100.23' } });
      expect(response.status).toBe(status);
      const audit = lines.find((line) => line.msg === 'request refused');
      expect(audit).toMatchObject({ level: 'warn', status, route: path, client: '198.51.100.23', reason: expect.stringMatching(reason) });
      expect(JSON.stringify(lines)).not.toMatch(/secret-(body|token)/);
    } finally {
      await bot.close();
    }
  });

  it('logs 429 at warn with the client address', async () => {
    const { bot, lines } = await loggedBot();
    try {
      const client = { 'x-forwarded-for': '198.51.100.24' };
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await post(bot.url, {}, { path: '/api/webchat/session', headers: client })).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(lines.find((line) => line.status === 429)).toMatchObject({ level: 'warn', msg: 'request refused', route: '/api/webchat/session', client: '198.51.100.24' });
    } finally {
      await bot.close();
    }
  });
});

describe('what reaches a log line', () => {
  it('never carries control, bidi or zero-width characters, whatever the question and ids hold', async () => {
    const { bot, lines } = await loggedBot('debug', true);
    const hostile = 'compétences\u202E du CPD\u200B ?\u0000\r\n{"level":"fatal"}\u2066x\u2069\uFEFF';
    try {
      const response = await post(bot.url, activity(`conv\u202Eevil\u200B-${randomUUID()}`, { id: `id\u0007\u061C-1`, text: hostile }));
      expect(response.status).toBe(200);
      const logged = lines.map((line) => JSON.stringify(line)).join(' ');
      expect(logged).toContain('compétences du CPD ?');
      expect(logged).toContain('conv' + 'evil-');
      expect(logged).not.toMatch(/\\u(?:00[01][0-9a-f]|007f|200[b-f]|202[a-e]|206[0-9]|feff|061c)/i);
      expect(logged).not.toMatch(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    } finally {
      await bot.close();
    }
  });

  it('never carries an over-long id: the activity is refused with 400 before anything is logged about it', async () => {
    const { bot, lines } = await loggedBot('debug');
    try {
      const longId = `c-${'x'.repeat(10_000)}`;
      const response = await post(bot.url, activity(longId, { text: 'aide' }));
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ error: HTTP_ERROR_MESSAGES.idTooLong });
      expect(JSON.stringify(lines)).not.toContain('x'.repeat(600));
      expect(lines.find((line) => line.msg === 'request refused')).toMatchObject({ level: 'info', status: 400, route: '/api/messages' });
    } finally {
      await bot.close();
    }
  });
});
