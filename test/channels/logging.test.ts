/**
 * The bot's log lines, read back from the real logger: one JSON object per line (readable lines on a
 * terminal), the ids of the turn on each line, what was answered at info level, one access line per
 * request, the reason of a fallback, and the question text kept out of info lines unless
 * LOG_QUESTIONS=1 (privacy).
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, resolveLogFormat } from '../../src/logger.js';
import { activity, post, startTestBot } from './support/botServer.js';

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
    const web = { type: 'message', text: QUESTION, from: { id: 'u1' }, conversation: { id: randomUUID() } };
    expect((await post(bot.url, web, { path: '/api/webchat' })).status).toBe(200);
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
